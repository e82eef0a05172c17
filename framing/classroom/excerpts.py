"""Measuring the excerpts a worksheet shows: words, reading grade, paragraphs, overlapping spans."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from framing.classroom.levels import Level
from framing.text.readability import readability
from framing.text.segment import segment

__all__ = ["grade", "grade_ok", "n_words", "overlaps", "paragraphs"]

_WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)


def n_words(text: str) -> int:
    """Words in ``text`` (runs of letters and digits, with inner apostrophes and hyphens)."""
    return len(_WORD.findall(text))


@lru_cache(maxsize=8192)
def grade(text: str) -> float | None:
    """Flesch-Kincaid grade of ``text``, as :func:`framing.text.readability.readability` reports it."""
    if not _WORD.search(text):
        return None
    return readability(segment(text))["flesch_kincaid_grade"]


def grade_ok(grade: float | None, level: Level) -> bool:
    """Whether an excerpt of this grade is within the level (any grade is, for a level without a limit)."""
    return level.max_grade is None or (grade is not None and grade <= level.max_grade)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (blocks separated by blank lines), whitespace trimmed."""
    out = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the span ``s:e`` overlaps any of ``spans``."""
    return any(s < b and a < e for a, b in spans)
