"""Whether a person is "he" or "she": our word lists, what the article says, then first-name data
(framing.actors.first_names, framing.actors.mentions.gender_evidence). Texts are invented."""

from __future__ import annotations

import pytest

from framing.actors.first_names import first_name_pronoun, known_first_name, name_table
from framing.actors.mentions import find_mentions, gender_evidence, link_speakers
from framing.analysis.article import default_gazetteer
from framing.text.parse import parse
from framing.types import Quote
from framing.voice import find_quotes


def quote_of(quotes: list[Quote], text: str, words: str) -> Quote:
    return next(q for q in quotes if words in text[q.start : q.end])


def test_names_outside_our_lists_have_a_pronoun() -> None:
    if not name_table():
        pytest.skip("the nomquamgender package is not installed")
    assert first_name_pronoun("Gwen") == "she"
    assert first_name_pronoun("Luis") == "he"
    assert first_name_pronoun("Andrés") == "he"  # accents folded to the data's ASCII
    assert first_name_pronoun("Kasie") == "she"


def test_a_first_name_of_either_gender_is_still_a_first_name() -> None:
    if not name_table():
        pytest.skip("the nomquamgender package is not installed")
    assert first_name_pronoun("Lesley") is None and known_first_name("Lesley")  # men's and women's
    assert known_first_name("Shawn") and known_first_name("Mo")
    assert not known_first_name("Video") and not known_first_name("Related") and not known_first_name("Senate")
    assert not known_first_name("J.")


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
    assert quote_of(quotes, text, "simply not there").speaker_name == "Gwen Hallworth"


def test_the_article_itself_gives_a_person_a_pronoun() -> None:
    cases = {
        "Leland Keyser, a longtime friend of Ms. Ann Ford, told the committee on Friday that she stands by her statement.": {"Leland Keyser": "she"},
        "Rep. Gwen Moore, D-Wis., said she would vote against the bill.": {"Gwen Moore": "she"},
        "Ann Lee asked herself why the plant had closed.": {"Ann Lee": "she"},
        # a possessive may be someone else's; a surname alone may be a relative's
        "Oren Cass offered grudging praise for her assertion.": {},
        "Palone stayed at home. Palone said he was fine.": {},
        # another person the pronoun may refer to: no evidence for the subject
        "Trump told Angela Merkel that she was wrong.": {},
        "Trump praised Angela Merkel for her leadership.": {},
        "Jones, who met Ann Smith in 2010, said she was wrong.": {},
        # inside a quotation the pronoun is the speaker's, about someone else
        "“She is wrong,” Trump said.": {},
    }
    for text, expected in cases.items():
        assert gender_evidence(parse(text)) == expected, text


def test_the_text_outranks_the_name_data() -> None:
    """"Leland" is a man's name in the data; the article says "she"."""
    if not name_table():
        pytest.skip("the nomquamgender package is not installed")
    assert first_name_pronoun("Leland") == "he"
    text = (
        "Christine Ford testified before the committee last week.\n\n"
        "Leland Keyser, a longtime friend of Ford, told the committee on Sunday that she stands by her statement. "
        "“I do not remember any such party,” she said."
    )
    doc, gazetteer = parse(text), default_gazetteer()
    quotes = link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer), gazetteer)
    assert quote_of(quotes, text, "such party").speaker_name == "Leland Keyser"


def test_a_first_name_the_parser_cut_off_still_decides() -> None:
    """The parser may take "Sullivan Moore" for the name and leave "Paulette" out; "Sullivan" (a
    man's name in the data) is then no first name."""
    if not name_table():
        pytest.skip("the nomquamgender package is not installed")
    from framing.actors.mentions import _pronoun_of
    from framing.types import ActorMention

    text = "Paulette Sullivan Moore of the network added that a threat is a threat."
    doc, gazetteer = parse(text), default_gazetteer()
    start = text.index("Sullivan")
    cut = ActorMention("candidate:sullivan_moore", "Sullivan Moore", "person", "candidate", start, start + len("Sullivan Moore"), 0, 2)
    assert _pronoun_of(cut, doc, gazetteer) == "she"
