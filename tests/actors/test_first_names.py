"""First names beyond our word lists decide "he" and "she" (framing.actors.first_names)."""

from __future__ import annotations

import pytest

from framing.actors.first_names import first_name_pronoun, name_table
from framing.actors.mentions import find_mentions, link_speakers
from framing.analysis.article import default_gazetteer
from framing.text.parse import parse
from framing.voice import find_quotes


def test_names_outside_our_lists_have_a_pronoun() -> None:
    if not name_table():
        pytest.skip("the nomquamgender package is not installed")
    assert first_name_pronoun("Gwen") == "she"
    assert first_name_pronoun("Luis") == "he"
    assert first_name_pronoun("Andrés") == "he"  # accents folded to the data's ASCII
    assert first_name_pronoun("Kasie") == "she"


def test_unclear_names_and_initials_stay_unknown() -> None:
    assert first_name_pronoun("Taylor") is None  # borne by men and women alike
    assert first_name_pronoun("J.") is None
    assert first_name_pronoun("Q") is None


def test_our_lists_decide_first() -> None:
    assert first_name_pronoun("Jordan") == "he"  # male_first_names, though the data finds it mixed
    assert first_name_pronoun("Michelle") == "she"


def test_she_is_the_woman_named_before_not_the_last_man_quoted() -> None:
    text = (
        "Luis Ortega, a city councilman, spoke first at Tuesday's budget meeting. “We need the money for the parks,” Ortega said.\n\n"
        "Gwen Hallworth, who chairs the finance panel, answered him across the table while Ortega took notes. "
        "“The money is simply not there this year,” she said."
    )
    doc, gazetteer = parse(text), default_gazetteer()
    quotes = link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer), gazetteer)
    last = next(q for q in quotes if "simply not there" in text[q.start : q.end])
    assert last.speaker_name == "Gwen Hallworth"
