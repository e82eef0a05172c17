"""Speakers that are organisations, and answers to questions, as news copy writes them: "the
company said" after naming the company, an acronym introduced in brackets, "WHO said", and the
answer to a question put to someone. Texts are invented for the tests."""

from __future__ import annotations

import pytest

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions, link_speakers
from framing.analysis.article import default_gazetteer
from framing.text.parse import parse
from framing.types import Quote
from framing.voice import find_quotes


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return default_gazetteer()


def direct(text: str, gazetteer: Gazetteer) -> list[Quote]:
    doc = parse(text)
    return [q for q in link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer), gazetteer) if q.kind == "direct"]


def test_the_company_is_the_company_named_before(shipped: Gazetteer) -> None:
    text = (
        "The Justice Department on Monday sued Google over its search business.\n\n"
        "“Google is the gateway to the internet,” the department said in its complaint.\n\n"
        "Google called the lawsuit flawed. “People use Google because they choose to,” the company said in a blog post.\n\n"
        "Exxon Mobil Corp said the claims were baseless. “We will fight this in court,” the company said.\n\n"
        "“This is a victory for workers,” the AFL-CIO said in a statement on Tuesday.\n\n"
        "“Our members have been clear,” said the union."
    )
    got = [(q.speaker_text, q.speaker_name, q.speaker_type) for q in direct(text, shipped)]
    assert got == [
        ("the department", "Justice Department", "organisation"),  # the organisation whose name holds the noun
        ("the company", "Google", "organisation"),  # not Google inside the quotation, not the department
        ("the company", "Exxon Mobil Corp", "organisation"),  # the nearest organisation as a subject
        ("the AFL-CIO", "AFL-CIO", "organisation"),
        ("the union", "AFL-CIO", "organisation"),
    ]


def test_a_description_with_its_own_detail_or_no_organisation_before_stays_as_written(shipped: Gazetteer) -> None:
    text = (
        "The storm closed roads across the county on Friday.\n\n"
        "“We have never seen flooding like this,” the company said.\n\n"
        "Acme Logistics moved its trucks inland. “Drivers are safe,” the company's spokeswoman said."
    )
    first, second = direct(text, shipped)
    assert first.speaker_name == "the company" and first.speaker is None  # nobody named before: no guess
    # a person of the company speaks, not the company: the phrase stays an anonymous source
    assert (second.speaker_name, second.speaker_type) == ("the company's spokeswoman", "anonymous")


def test_an_organisation_its_own_words_name_is_the_one_named_before(shipped: Gazetteer) -> None:
    # named before only as the object of a preposition ("at the IRS"), so no rule of the
    # nearest subject finds it; the statement names it as organisations name themselves
    text = (
        "Mr. North found no evidence that the decision was made by top leaders at the IRS.\n\n"
        "Nobody was answering the phones during the shutdown, which began Oct. 1.\n\n"
        "“The IRS does not have the legal authority to deny credits during processing,” the agency said."
    )
    (q,) = direct(text, shipped)
    assert (q.speaker_name, q.speaker_type) == ("IRS", "organisation")


def test_organisations_named_just_before_but_not_in_the_quotation_leave_the_company_unresolved(shipped: Gazetteer) -> None:
    # the nearest organisation named before is as often someone else: no guess
    text = (
        "The contract was sought by Boeing and by Airbus until Monday.\n\n"
        "“The plan needs more work before it can be approved,” the company said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker is None and q.speaker_name == "the company"


def test_the_companys_statement_is_the_company_named_before(shipped: Gazetteer) -> None:
    text = (
        "Humana said on Wednesday it would leave the exchanges next year.\n\n"
        "“Humana remains committed to serving the individual market,” the company’s statement said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Humana"


def test_an_acronym_the_article_introduces_names_the_organisation(shipped: Gazetteer) -> None:
    text = (
        "WASHINGTON - The Department of Health and Human Services (HHS) bought the supply of the drug on Monday.\n\n"
        "HHS said the purchase would cover three months. “We are making sure patients get it,” it said.\n\n"
        "The Federation of Tiny Bakers (BAK) was not consulted."
    )
    doc = parse(text)
    mentions = find_mentions(doc, shipped)
    hhs = [m for m in mentions if text[m.start : m.end] == "HHS"]
    assert hhs and {(m.actor, m.name) for m in hhs} == {("candidate:department_of_health_and_human_services", "Department of Health and Human Services")}
    said = [q for q in link_speakers(doc, find_quotes(doc), mentions, shipped) if q.speaker_text in ("HHS", "it")]
    assert [q.speaker_name for q in said] == ["Department of Health and Human Services"] * 2
    # letters that are not the name's initials introduce nothing
    from framing.actors.mentions import _acronyms

    assert "BAK" not in _acronyms(doc)  # (initials without brackets: tests/actors/test_speaker_cases.py)


def test_an_acronym_in_capitals_is_no_pronoun(shipped: Gazetteer) -> None:
    """spaCy tags "WHO" as the pronoun "who"; as a speaker it is the organisation."""
    (q,) = direct("The World Health Organization criticized the move on Friday.\n\n“Hoarding costs lives,” WHO said.", shipped)
    assert (q.speaker_name, q.speaker_type) == ("World Health Organization", "organisation")


def test_the_answer_to_a_question_put_to_someone_is_theirs_not_the_askers(shipped: Gazetteer) -> None:
    text = (
        "Senator Mark Daniels met reporters outside the Capitol on Thursday.\n\n"
        "“Will you support the bill?” asked Jane Cole, a reporter for the Tribune. “Absolutely not,” he said.\n\n"
        "Host Tom Ricks pressed Governor Ann Wells on the budget. “Why did you cut school funding?” Ricks asked. “We had no choice,” she said.\n\n"
        "Sen. Rand Paul spoke last. “Who is going to pay for this?” asked Paul. “Not me,” he answered."
    )
    got = [(text[q.start : q.end], q.speaker_name) for q in direct(text, shipped)]
    assert got == [
        ("“Will you support the bill?”", "Jane Cole"),
        ("“Absolutely not,”", "Mark Daniels"),  # the senator asked, not the reporter who asked
        ("“Why did you cut school funding?”", "Tom Ricks"),
        ("“We had no choice,”", "Ann Wells"),
        ("“Who is going to pay for this?”", "Rand Paul"),
        ("“Not me,”", "Rand Paul"),  # a question to nobody ("you") is the speaker's own: he goes on
    ]


def test_a_name_inside_a_verbal_modifier_of_the_speaker_is_not_whom_it_speaks_for(shipped: Gazetteer) -> None:
    doc = parse("Its comprador wing, tied by a thousand threads to Wall Street and the US auto giants, says the deal is a disaster.")
    (q,) = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped), shipped)
    assert q.speaker is None  # the wing is tied to the US auto giants; it is not the United States
    doc = parse("The EU's trade commissioner, Ines Valtonen, said talks would resume.")
    (q,) = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped), shipped)
    assert q.speaker_name == "Ines Valtonen"  # a name in apposition still is the speaker


def test_a_person_the_parser_tags_as_a_place_speaks_as_a_person(shipped: Gazetteer) -> None:
    """The parser tags "Carney" after "the United States, but" as a country; the gazetteer knows
    him as a person, and the speaker's type follows the actor."""
    text = (
        "Prime Minister Mark Carney visited Beijing on Friday.\n\n"
        "In 2024, Ottawa took action against Chinese EVs to stay in lockstep with the United States, but Carney has said Canada urgently needs to diversify its trade."
    )
    doc = parse(text)
    (q,) = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped), shipped)
    assert (q.speaker_name, q.speaker_type) == ("Mark Carney", "person")


def test_a_message_that_names_the_organisation_that_sent_it_is_that_organisations(shipped: Gazetteer) -> None:
    text = (
        "The group said its account had been disabled by Pinterest last month.\n\n"
        "“Your account was suspended because its contents went against the rules of Pinterest,” the message said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Pinterest"


def test_usa_today_is_a_newspaper_not_the_united_states(shipped: Gazetteer) -> None:
    doc = parse("Nationwide, 61% of Americans say stricter laws would help, a USA TODAY/Suffolk poll found. USA Today reported the numbers.")
    ms = find_mentions(doc, shipped)
    assert not any(m.actor == "united_states" and doc.text[m.start : m.end] == "USA" for m in ms)


def test_a_short_name_in_brackets_beside_the_subject_is_the_source(shipped: Gazetteer) -> None:
    # the parser splits the long name at "and" and hangs the short one on its last part: the short
    # name still stands where the subject stands, so "the agency" is that body
    text = (
        "The mayor toured the harbour on Monday and signed a plaque at the new pier.\n\n"
        "In a statement after the visit, the U.S. Fish and Wildlife Service (FWS) announced that it had finished 40 miles of sea wall.\n\n"
        "“Work is underway on another 12 miles of wall,” the agency stated."
    )
    (q,) = direct(text, shipped)
    assert (q.speaker_text, q.speaker_name, q.speaker_type) == ("the agency", "Fish and Wildlife Service", "organisation")


def test_the_members_a_group_is_said_to_include_are_not_the_group(shipped: Gazetteer) -> None:
    text = (
        "The House is expected to take up the tax bill next week.\n\n"
        "The Pension Savers Alliance—a group that includes Northwind Holdings Group and Lakeside Trust Corp.—said it was pleased by the statement.\n\n"
        "“We will keep fighting for savers,” the group said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Pension Savers Alliance"  # not "Northwind Holdings Group", whose name holds "group"
