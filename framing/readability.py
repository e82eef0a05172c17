"""Readability measures through textstat, offline, with undefined values as ``None``.

Each measure's direction and reference:

=============================  =====================================  =========================
``flesch_reading_ease``        higher is easier (0-100 for most text)  Flesch (1948)
``flesch_kincaid_grade``       US school grade; higher is harder       Kincaid et al. (1975)
``gunning_fog``                years of schooling; higher is harder    Gunning (1952)
``smog_index``                 US grade; higher is harder              McLaughlin (1969)
``coleman_liau_index``         US grade; higher is harder              Coleman & Liau (1975)
``automated_readability_index`` US grade; higher is harder             Senter & Smith (1967)
``dale_chall``                 4.9 or lower: grade 4; 9.0+: college    Chall & Dale (1995)
``words_per_sentence``         mean sentence length in words           (plain count)
=============================  =====================================  =========================

All need at least one sentence with words; SMOG is defined on samples of 30 sentences and
textstat scales shorter texts, so below 3 sentences it is ``None``, as is every measure of an
empty text. Sentence and word counts come from :mod:`framing.segment`, not textstat, so they agree
with every other number the toolkit reports.
"""

from __future__ import annotations

import math

from .resources import patch_textstat_offline
from .types import Doc

__all__ = ["MEASURES", "readability"]

MEASURES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "words_per_sentence",
)


def _finite(x: object) -> float | None:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return round(v, 2) if math.isfinite(v) else None


def readability(doc: Doc) -> dict[str, float | None]:
    """Readability of a segmented text; every measure of an empty text is ``None``.

    >>> from framing.segment import segment
    >>> r = readability(segment("The cat sat on the mat. It was happy. Then it slept."))
    >>> r["words_per_sentence"]
    4.0
    """
    n_sent = len(doc.sentences)
    n_words = doc.n_words
    if n_sent == 0 or n_words == 0:
        return dict.fromkeys(MEASURES)
    patch_textstat_offline()
    import textstat

    text = doc.text
    out: dict[str, float | None] = {
        "flesch_reading_ease": _finite(textstat.flesch_reading_ease(text)),
        "flesch_kincaid_grade": _finite(textstat.flesch_kincaid_grade(text)),
        "gunning_fog": _finite(textstat.gunning_fog(text)),
        "smog_index": _finite(textstat.smog_index(text)) if n_sent >= 3 else None,
        "coleman_liau_index": _finite(textstat.coleman_liau_index(text)),
        "automated_readability_index": _finite(textstat.automated_readability_index(text)),
        "dale_chall": _finite(textstat.dale_chall_readability_score(text)),
        "words_per_sentence": round(n_words / n_sent, 2),
    }
    return out
