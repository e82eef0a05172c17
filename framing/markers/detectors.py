"""Framing markers that are not word lists: scare quotes, rhetorical questions, direct quotes.

Each detector returns :class:`~framing.types.Match` objects under the pseudo-lexicon
``detectors`` so that its evidence is handled exactly like a lexicon match (spans, counts, rates,
highlighting).

* ``scare_quotes``: a short quotation (1-4 words) that no speaker is given for: no quoting verb
  ("said", "called", "claimed", "warned", ...) in the six tokens before it in its sentence, nor in
  the four after it. "Washington is tightening control over “its” hemisphere" is one; "Trump called
  the talks “very dangerous”" is not (it is attributed). Concept: Predelli (2003), "Scare quotes
  and their relation to other semantic issues", Linguistics and Philosophy 26.
* ``rhetorical_questions``: a question in the writer's own voice (a sentence ending in "?" outside
  any quotation). Concept: Ilie (1994), "What Else Can I Tell You?".
* ``direct_quotes``: quotations of five words or more; ``share`` in the marker profile is the
  share of the article's words inside them (how much of the text is given to sources' own words).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from framing.markers.word_classes import attribution_class, word_class
from framing.text.quotes import QuoteSpan, find_quote_spans
from framing.types import Doc, Match, Quote

__all__ = ["DETECTOR_CATEGORIES", "DETECTOR_VERSION", "detect", "quote_share"]

DETECTOR_VERSION = "2.0.0"  # 2.0.0: attribution from the parse decides what is a scare quote
DETECTOR_CATEGORIES = ("scare_quotes", "rhetorical_questions", "direct_quotes")

_WINDOW_BEFORE = 6
_WINDOW_AFTER = 4
_MAX_SCARE_WORDS = 4
_MIN_DIRECT_WORDS = 5
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Indices of the first token at/after ``start`` and one past the last token before ``end``."""
    return bisect_left(doc.starts, start), bisect_left(doc.starts, end)


def _saying(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a verb of saying (by its lemma; by its form when the text has no parse)."""
    verbs = word_class("speech_verbs")
    if doc.has_syntax:
        return doc.lemmas[i].lower() in verbs
    w = doc.lower[i]
    if w in verbs or w == "according" or attribution_class(w) is not None:  # forms such as said, told, wrote
        return True
    return any(w.endswith(x) and w[: -len(x)] in verbs for x in ("s", "es", "ed", "d", "ing"))


def _attributed(doc: Doc, span: QuoteSpan) -> bool:
    """Fallback when no attribution was made: a verb of saying near the quotation, in its sentence."""
    first, last = _token_range(doc, span.start, span.end)
    if first >= doc.n_tokens:
        return False
    sent = doc.sentence_of_token(min(first, doc.n_tokens - 1))
    after_sent_end = sent.token_end
    if last > 0 and last - 1 < doc.n_tokens:
        after_sent_end = max(after_sent_end, doc.sentence_of_token(last - 1).token_end)
    near = [*range(max(sent.token_start, first - _WINDOW_BEFORE), first), *range(last, min(after_sent_end, last + _WINDOW_AFTER))]
    return any(_saying(doc, i) for i in near) or (first > sent.token_start and doc.tokens[first - 1] == ":")


def detect(doc: Doc, spans: list[QuoteSpan] | None = None, quotes: Sequence[Quote] | None = None) -> list[Match]:
    """All detector matches in a parsed text, in text order.

    ``quotes`` (from :func:`framing.voice.find_quotes`) decide which short quotations are a
    source's words: one with a cue or a speaker is a partial quote, not a scare quote. Without
    them, a verb of saying near the quotation decides.
    """
    text = doc.text
    spans = find_quote_spans(text) if spans is None else spans
    said = None if quotes is None else {(q.start, q.end) for q in quotes if q.cue is not None or q.speaker_text is not None}
    out: list[Match] = []

    def add(category: str, start: int, end: int, term: str) -> None:
        first, _ = _token_range(doc, start, end)
        sentence = doc.sentence_of_token(min(first, doc.n_tokens - 1)).index if doc.n_tokens else 0
        out.append(Match("detectors", DETECTOR_VERSION, category, term, start, end, sentence))

    for span in spans:
        words = _WORD.findall(span.inner(text))
        if not words:
            continue
        attributed = _attributed(doc, span) if said is None else (span.start, span.end) in said
        if len(words) <= _MAX_SCARE_WORDS and not attributed:
            add("scare_quotes", span.start, span.end, "unattributed short quotation")
        elif len(words) >= _MIN_DIRECT_WORDS:
            add("direct_quotes", span.start, span.end, "direct quotation")

    inside = [(s.start, s.end) for s in spans]
    for sent in doc.sentences:
        s_text = text[sent.start : sent.end].rstrip("”’\"') ")
        if not s_text.endswith("?"):
            continue
        qpos = sent.start + len(s_text) - 1
        if any(a <= qpos < b for a, b in inside):
            continue  # a question asked by a quoted source, not by the writer
        add("rhetorical_questions", sent.start, sent.end, "question in the writer's voice")
    out.sort(key=lambda m: (m.start, m.category))
    return out


def quote_share(doc: Doc, matches: list[Match]) -> float | None:
    """Share of the article's words that lie inside direct quotations (``None`` for no words)."""
    total = doc.n_words
    if not total:
        return None
    quoted = sum(len(_WORD.findall(doc.text[m.start : m.end])) for m in matches if m.category == "direct_quotes")
    return round(quoted / total, 4)
