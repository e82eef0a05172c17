"""Reading levels: how each sizes the worksheet and chooses its excerpts."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LEVELS", "Level"]


@dataclass(frozen=True)
class Level:
    """How a reading level sizes the worksheet and chooses its excerpts."""

    name: str
    label: str
    max_grade: float | None  # Flesch-Kincaid grade an excerpt should not exceed (where possible)
    excerpt_words: int  # longest excerpt for exercises 2 and 5
    lead_words: int | None  # longest lead shown in exercise 1 (None: the whole first paragraph)
    max_articles: int  # articles per excerpt exercise (2, 5, 6)
    max_flags: int  # flagged words an exercise-2 excerpt needs at most; more do not make it better
    quotes: int  # rows of exercise 3
    quotes_per_article: int
    actors: int  # rows of exercise 4
    evidence_sentences: int  # sentences per actor and article in exercise 4
    questions: int  # questions of exercise 1
    show_counts: bool  # tell students how many words to find
    prefer_short: bool  # among equally good excerpts, the shortest (else the one with more context)


LEVELS: dict[str, Level] = {
    "middle": Level("middle", "Middle school (grades 6-8)", 8.0, 70, 60, 3, 3, 4, 2, 3, 1, 3, True, True),
    "high": Level("high", "High school (grades 9-12)", 12.0, 110, 110, 4, 5, 6, 3, 4, 1, 4, True, True),
    "college": Level("college", "College", None, 170, None, 6, 8, 10, 4, 6, 2, 5, False, False),
}
