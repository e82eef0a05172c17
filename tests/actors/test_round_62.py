"""Speakers found in gold parts 62-64's constructions: a typographic apostrophe in "didn’t" that
hid a subject from the parser, a name with a question put to it hung on the place before it
("In Washington, Trump, asked by a reporter ..., said:"), replying "by tweeting:", and "adding
that" after a quotation the parser gave a second subject.

Texts are invented for the tests, modelled on constructions found in real articles (a campaign
spokesman on a conference call, a missile test, a congresswoman's reply, a White House event).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.text.parse import parse

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]


def test_a_typographic_apostrophe_is_read_as_the_ascii_one() -> None:
    doc = parse("Campaign spokesman Jason Millard didn’t comment on the remarks, but he blasted the reports.")
    nt = doc.tokens.index("n’t")
    assert doc.deps[nt] == "neg"  # (tagged punctuation when spaCy saw the typographic apostrophe)
    assert all(doc.text[a:b] == t for a, b, t in zip(doc.starts, doc.ends, doc.tokens, strict=True))  # tokens as written


def test_the_subject_of_didnt_comment_speaks_next(shipped: Gazetteer) -> None:
    text = (
        "“Can you imagine if the results were the opposite? It would be called a conspiracy theory!” Donald Trump wrote on Twitter.\n\n"
        "Trump spokesman Jason Millard didn’t comment directly on the senator’s remarks when asked by reporters on a call Monday, "
        "but blasted the reports about the agency’s findings.\n\n"
        "“What this is is an attempt to try to de-legitimize the win.” he said. “That really seems to be what’s going on here.”"
    )
    assert quote_with(speakers(text, shipped), text, "de-legitimize").speaker_name == "Jason Millard"


def test_a_name_asked_a_question_speaks_when_the_parser_hung_it_on_the_place(shipped: Gazetteer) -> None:
    text = (
        "Both diplomacy and sanctions have failed to check the test programme.\n\n"
        "In Washington, Trump, asked by a reporter if he would attack the North, said: \"We'll see.\" "
        "No military action appeared imminent."
    )
    assert quote_with(speakers(text, shipped), text, "We'll see").speaker_name == "Donald Trump"


def test_replying_by_tweeting_a_quotation(shipped: Gazetteer) -> None:
    text = (
        "The president's posts united the Democrats in condemnation.\n\n"
        "Rashida Talib responded to Trump by tweeting: \"Yo @realDonaldTrump, I am fighting corruption in OUR country. "
        "Keep talking, you will be out of the WH soon.\""
    )
    assert quote_with(speakers(text, shipped), text, "fighting corruption").speaker_name == "Rashida Talib"


def test_adding_that_after_a_quotation_is_the_speaker_just_named(shipped: Gazetteer) -> None:
    text = (
        "“We have had many championship teams at the White House. Anthem and music today at 3:00 P.M.,” Trump tweeted, "
        "adding later that “@NASCAR was recently at the White House. It was a great day for a great sport!”"
    )
    assert quote_with(speakers(text, shipped), text, "great day for a great sport").speaker_name == "Donald Trump"


def test_a_paper_named_with_its_owner_speaks_as_the_paper(shipped: Gazetteer) -> None:
    text = (
        "Chinese state media on Thursday praised the government's quick response.\n\n"
        "“China showed its sword in less than 24 hours,” the Communist Party’s People’s Daily newspaper said in a commentary."
    )
    assert quote_with(speakers(text, shipped), text, "showed its sword").speaker_name == "People’s Daily"
