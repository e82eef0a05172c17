"""Institutions as speakers: a state's ministries and agencies speak for that state, named as
written; a company named after a country ("Air Canada") is a company, not the country; the
statement or office a pronoun refers back to; a name the parser hung under "asked".

Texts are invented for the tests, modelled on constructions found in real articles (wire copy on
trade talks, company statements, ministry briefings).
"""

from __future__ import annotations

import pytest

from framing.actors.gazetteer import Gazetteer

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]  # the module's fixture, shared with the speaker cases


def test_a_company_named_after_a_country_is_the_company(shipped: Gazetteer) -> None:
    text = 'Air Canada said on Monday it would cut flights to Beijing. "We regret the disruption," the airline said.'
    quotes = speakers(text, shipped)
    reported = quote_with(quotes, text, "cut flights")
    assert (reported.speaker_name, reported.speaker) == ("Air Canada", "candidate:air_canada")
    assert quote_with(quotes, text, "We regret").speaker_name == "Air Canada"


def test_a_state_body_of_the_country_is_still_the_country(shipped: Gazetteer) -> None:
    text = "Global Affairs Canada said the ambassador had been summoned."
    (q,) = speakers(text, shipped)
    assert q.speaker == "canada"


@pytest.mark.parametrize(
    ("text", "actor", "name"),
    [
        ("The Chinese Ministry of Commerce said imports fell in March.", "china", "Chinese Ministry of Commerce"),
        ("China's Ministry of Commerce said exports rose in March.", "china", "China's Ministry of Commerce"),
        ("The U.S. Department of Agriculture said soybean sales dropped.", "united_states", "U.S. Department of Agriculture"),
        ("The Chinese foreign ministry said the talks were useful.", "china", "The Chinese foreign ministry"),
    ],
)
def test_a_ministry_speaks_for_its_state_by_its_own_name(shipped: Gazetteer, text: str, actor: str, name: str) -> None:
    (q,) = speakers(text, shipped)
    assert (q.speaker, q.speaker_name) == (actor, name)


def test_the_ministry_refers_back_to_the_state_body_named_before(shipped: Gazetteer) -> None:
    text = (
        "China's Ministry of Commerce said exports rose in March.\n\n"
        "“The two sides will keep in close contact,” the ministry said."
    )
    q = quote_with(speakers(text, shipped), text, "close contact")
    assert q.speaker == "china"


def test_it_after_a_statement_from_an_office_is_that_office(shipped: Gazetteer) -> None:
    text = (
        "The Chinese Ministry of Commerce on Thursday said the talks included “extensive, in-depth and detailed exchanges” "
        "but gave no details.\n\n"
        "A statement from the Office of the US Trade Representative didn’t characterise the tone of the talks.\n\n"
        "It said US negotiators would await “guidance on the next steps” after reporting back to Washington."
    )
    q = quote_with(speakers(text, shipped), text, "US negotiators would await")
    assert (q.speaker, q.speaker_name) == ("united_states", "Office of the US Trade Representative")


def test_the_company_is_not_a_description_inside_what_was_said(shipped: Gazetteer) -> None:
    text = (
        "Northwind Air echoed the denial in a separate statement sent to journalists.\n\n"
        "Northwind Air's statement added that as a Harbor Group company, it is \"fostering strong relationships with the airport.\"\n\n"
        '"We remain committed to fruitful discussions with all stakeholders," the company said in its release.'
    )
    q = quote_with(speakers(text, shipped), text, "We remain committed")
    assert q.speaker_name == "Northwind Air"


def test_a_source_asked_a_question_before_the_cue_is_the_speaker(shipped: Gazetteer) -> None:
    text = (
        "Mark Carney said Canada was restarting a broad engagement with Beijing.\n\n"
        "Carney, asked whether such a deal might happen, said the two nations were talking about "
        "“a much broader range of issues than single sectors and single trades”."
    )
    q = quote_with(speakers(text, shipped), text, "a much broader range")
    assert q.speaker_name == "Mark Carney"


def test_the_one_quoted_as_saying_is_the_speaker_not_the_agency_reporting_it(shipped: Gazetteer) -> None:
    text = (
        "“The Chinese side welcomes the US team to visit China for consultation,” a ministry spokesman was quoted as saying "
        "at a news conference in Beijing, state-run Xinhua News Agency reported."
    )
    q = quote_with(speakers(text, shipped), text, "welcomes the US team")
    assert q.speaker_text == "a ministry spokesman"


def test_the_group_is_the_name_given_that_noun(shipped: Gazetteer) -> None:
    text = (
        "The liberal watchdog group Public Citizen filed a federal lawsuit Friday. The group argues the order exceeded the law.\n\n"
        "Justice Democrats, the liberal group that backed the challenger, warned that the senator is a relic. "
        "\"The party needs new leadership,\" the group said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "exceeded the law").speaker_name == "Public Citizen"
    assert quote_with(quotes, text, "new leadership").speaker_name == "Justice Democrats"


def test_a_quotation_after_the_sentence_reporting_its_speaker_is_theirs(shipped: Gazetteer) -> None:
    text = (
        "Prime Minister Mark Carney said the agreement would open markets for canola farmers. “This is a good day for the Prairies.”\n\n"
        "Senator Lisa Murkowski criticized the plan in a floor speech on Tuesday. “We cannot keep doing this to Alaskans.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "good day").speaker_name == "Mark Carney"
    # the sentence about someone else between is no continuation of Carney's words
    assert quote_with(quotes, text, "Alaskans").speaker_name == "Lisa Murkowski"


def test_a_quotation_continues_across_a_sentence_about_the_same_source_only(shipped: Gazetteer) -> None:
    text = (
        "“There is no such thing as not racist,” Kendi said.\n\n"
        "Kendi also took issue with the argument that because Mr. Trump did not call out any race, his comments were not racist.\n\n"
        "“Poll taxes and grandfather clauses were voting suppression bills widely considered racist.”\n\n"
        "“It’s a jump ball for second,” said Dave Carney, a strategist.\n\n"
        "Trump has led every poll taken here since July, and pulled in double the support of his closest competitor.\n\n"
        "“In New Hampshire, we’re really doing well.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Poll taxes").speaker_text == "Kendi"
    assert quote_with(quotes, text, "really doing well").speaker_text != "Dave Carney, a strategist"


def test_a_surname_shared_by_two_people_is_the_one_named_last(shipped: Gazetteer) -> None:
    text = (
        "North Korean leader Kim Jong Un agreed to meet President Trump in June.\n\n"
        "But First Vice Foreign Minister Kim Kye Gwan said on Wednesday that the North could reconsider. "
        "“If the U.S. is trying to drive us into a corner, we will no longer be interested in such dialogue,” Kim said."
    )
    q = quote_with(speakers(text, shipped), text, "drive us into a corner")
    assert q.speaker_name == "Kim Kye Gwan"


def test_a_wire_dateline_is_no_part_of_the_speaker_or_of_what_was_said(shipped: Gazetteer) -> None:
    text = (
        "LONDON (Reuters) – British business minister Jonathan Reynolds said the government was hopeful that any tariffs "
        "would be reversed shortly.\n\n"
        "BERLIN, March 2 (Reuters) - Germany rejects the planned tariffs on steel, a government spokesman said on Friday."
    )
    quotes = speakers(text, shipped)
    first = quote_with(quotes, text, "was hopeful")
    assert (first.speaker_text, first.speaker_name) == ("British business minister Jonathan Reynolds", "Jonathan Reynolds")
    second = quote_with(quotes, text, "Germany rejects")
    assert text[second.start : second.end].startswith("Germany rejects")


def test_a_government_with_its_own_country_is_that_countrys(shipped: Gazetteer) -> None:
    text = (
        "Mary Ng said the U.S. government's promised tariffs will simply create costs for Americans.\n\n"
        "The Australian government has said it is working on an exemption from the steel tariffs."
    )
    q = quote_with(speakers(text, shipped), text, "working on an exemption")
    assert q.speaker_name == "The Australian government" and q.speaker == "australia"


def test_he_is_never_a_government_that_spoke_before(shipped: Gazetteer) -> None:
    text = (
        "British business minister Jonathan Reynolds said the government was hopeful.\n\n"
        "Britain expects to be hit by the tariffs this week, but the government has said it will continue to negotiate.\n\n"
        "Asked if he was hopeful that a deal would lead to tariffs being dropped, he said: “I am, that would be my objective.”"
    )
    q = quote_with(speakers(text, shipped), text, "my objective")
    assert q.speaker_name == "Jonathan Reynolds"


def test_a_company_described_long_before_is_not_the_company_that_just_spoke(shipped: Gazetteer) -> None:
    text = (
        "The Harbor Group and Northwind Air issued separate statements on Monday.\n\n"
        "In a statement, Harbor Equity Inc. denied a news report that it had taken control of Blue Sky Holdings Inc., "
        "a company that holds a stake in Northwind Air.\n\n"
        "Northwind Air echoed the denial in a separate statement sent to journalists.\n\n"
        "“We would like to clarify that this information is not true,” Harbor said.\n\n"
        "Northwind Air's statement added that it is \"fostering strong relationships with the airport.\"\n\n"
        '"We remain committed to fruitful discussions with all stakeholders," the company said in its release.'
    )
    q = quote_with(speakers(text, shipped), text, "We remain committed")
    assert q.speaker_name == "Northwind Air"
