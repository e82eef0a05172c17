"""The shipped lexicons and actor gazetteer, loaded once, for what the worksheet reads beyond the
analysis: a headline's markers and actors, and the lexicons' notes on their entries."""

from __future__ import annotations

from functools import lru_cache

from framing.actors.gazetteer import Gazetteer
from framing.analysis.article import default_gazetteer
from framing.errors import FramingError
from framing.markers.lexicons import LexiconSet, load_default_lexicons

__all__ = ["entry_note", "gazetteer", "lexicons"]


@lru_cache(maxsize=1)
def lexicons() -> LexiconSet:
    """The built-in lexicons (as the analysis loads them by default)."""
    return load_default_lexicons()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer | None:
    """The built-in actor gazetteer (None if it is not installed)."""
    return default_gazetteer()


@lru_cache(maxsize=1)
def _rhetoric_notes() -> dict[tuple[str, str, str], str]:
    """(lexicon, category, term) -> the lexicon's note on that entry, for the rhetoric lexicon."""
    notes = {}
    try:
        lx = lexicons()["rhetoric"]
    except (KeyError, FramingError):
        return {}
    for e in lx.entries:
        if e.note:
            notes[("rhetoric", e.category, e.term)] = e.note
    return notes


def entry_note(key: str, term: str) -> str | None:
    """The lexicon's note on ``term`` in the category ``key`` (``lexicon.category``), if it has one."""
    lexicon, _, category = key.partition(".")
    return _rhetoric_notes().get((lexicon, category, term))
