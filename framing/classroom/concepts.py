"""The worksheet's texts, read from ``concepts.toml`` beside this module.

What each exercise teaches, the questions of exercise 1, why an evaluative verb of saying judges,
the kinds of outlet of exercise 5, and the teacher's guide (concepts, glossary, references) are
data, so that their wording can be edited without touching the code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Concept", "Exercise", "GlossaryEntry", "Question", "Texts", "VerbWhy", "texts"]


@dataclass(frozen=True)
class Exercise:
    """An exercise's title and what it teaches."""

    key: str
    title: str
    teaches: str


@dataclass(frozen=True)
class Question:
    """A question of exercise 1; ``kind`` says which answer the key builds."""

    kind: str
    text: str


@dataclass(frozen=True)
class VerbWhy:
    """Why an evaluative verb of saying starting with one of ``stems`` judges the words it reports."""

    stems: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Concept:
    """A concept of the teacher's guide; ``example`` names the kind of marked word that illustrates it."""

    term: str
    text: str
    cite: str
    example: str | None


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of the glossary and its definition."""

    term: str
    definition: str


@dataclass(frozen=True)
class Texts:
    """Everything in ``concepts.toml``."""

    exercises: tuple[Exercise, ...]
    headline_questions: tuple[Question, ...]
    verb_why: tuple[VerbWhy, ...]
    outlet_kinds: tuple[str, ...]
    concepts: tuple[Concept, ...]
    glossary: tuple[GlossaryEntry, ...]
    references: tuple[str, ...]

    def exercise(self, key: str) -> Exercise:
        """The exercise called ``key`` (headlines, loaded, quotes, actors, guess, rewrite)."""
        return next(e for e in self.exercises if e.key == key)


@lru_cache(maxsize=1)
def texts() -> Texts:
    """The worksheet's texts (read once)."""
    data = tomllib.loads(resources.files("framing.classroom").joinpath("concepts.toml").read_text(encoding="utf-8"))
    return Texts(
        exercises=tuple(Exercise(k, v["title"], v["teaches"]) for k, v in data["exercises"].items()),
        headline_questions=tuple(Question(q["kind"], q["text"]) for q in data["headline_questions"]),
        verb_why=tuple(VerbWhy(tuple(v["stems"]), v["why"]) for v in data["verb_why"]),
        outlet_kinds=tuple(data["outlet_kinds"]),
        concepts=tuple(Concept(c["term"], c["text"], c["cite"], c.get("example")) for c in data["concepts"]),
        glossary=tuple(GlossaryEntry(g["term"], g["definition"]) for g in data["glossary"]),
        references=tuple(data["references"]),
    )
