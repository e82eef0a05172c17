"""Voice: who speaks. Quotations and reported speech with their cues and speakers, from the parse,
and the voice of every token (the outlet's own words, a quotation, reported speech)."""

from framing.voice.attribution import MIN_QUOTE_WORDS, find_quotes, speaker_type
from framing.voice.labels import VOICES, voice_labels

__all__ = ["MIN_QUOTE_WORDS", "VOICES", "find_quotes", "speaker_type", "voice_labels"]
