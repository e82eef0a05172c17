"""Whose words each token is: the outlet's own, a quotation's, or reported speech.

Framing analysis is about the outlet's own choices. Words inside a quotation belong to its
speaker; the content of reported speech is the speaker's claim in the outlet's paraphrase; whom
the outlet quotes, and with which verb, is the outlet's choice (cue and speaker stay the outlet's).
A quotation no speaker was found for is still not the outlet's voice; a short quoted phrase nobody
said (a scare quote) is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from framing.types import Doc, Quote, Voice

__all__ = ["VOICES", "stored_quotes", "voice_labels"]

#: The voices a token can be in.
VOICES = ("outlet", "quote", "reported")


def voice_labels(doc: Doc, quotes: Sequence[Quote]) -> Voice:
    """The :class:`~framing.types.Voice` of every token of ``doc`` given its ``quotes``.

    Quotations (direct and partial) are labelled first; reported and mixed speech fill only what
    is still the outlet's, so a quotation inside reported speech stays a quotation.
    """
    labels = ["outlet"] * doc.n_tokens
    owner = [-1] * doc.n_tokens
    order = sorted(range(len(quotes)), key=lambda k: quotes[k].kind in ("reported", "mixed"))
    for k in order:
        q = quotes[k]
        label = "reported" if q.kind in ("reported", "mixed") else "quote"
        a = bisect_left(doc.starts, q.start)
        b = bisect_left(doc.starts, q.end)
        for i in range(a, b):
            if labels[i] == "outlet":
                labels[i] = label
                owner[i] = k
    return Voice(tuple(labels), tuple(owner))


def stored_quotes(quotes: Iterable[Mapping[str, Any]]) -> list[Quote]:
    """The quotes an analysis stored (``ArticleResult.quotes``, the ``quotes`` of articles.jsonl) as
    :class:`Quote` objects with what voice labelling reads (kind, span, sentence, speaker), so the
    voice of every token of a re-tokenised text can be found again with :func:`voice_labels`."""
    return [
        Quote(kind=q["kind"], start=q["start"], end=q["end"], sentence=q.get("sentence", 0), speaker_name=q.get("speaker_name"), speaker_text=q.get("speaker_text"))
        for q in quotes
    ]
