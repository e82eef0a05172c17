"""concepts: the worksheet's texts, read from concepts.toml."""

from __future__ import annotations

from framing.classroom.concepts import texts
from framing.classroom.flags import concept_of, mark_keys
from framing.classroom.levels import LEVELS
from framing.classroom.worksheet import ORDER


def test_texts_cover_every_exercise_level_and_concept() -> None:
    """Every exercise has a title and a blurb, every level has its questions, and each concept's example is a kind of marked word."""
    t = texts()
    assert [e.key for e in t.exercises] == list(ORDER)
    assert all(e.title and e.teaches for e in t.exercises)
    assert max(lv.questions for lv in LEVELS.values()) <= len(t.headline_questions)
    assert [q.kind for q in t.headline_questions] == ["open", "first", "flags", "omit", "entman"]
    kinds = {concept_of(k) for k in (*mark_keys(), "rhetoric.hedges")}
    assert all(c.example in kinds for c in t.concepts if c.example)
    assert t.glossary and t.references and t.outlet_kinds and t.verb_why
