"""Speakers found in gold parts 53-55's constructions: a surname the tagger took for a
nationality, a party's nominee described with a year, "went on" after a quotation, "according to"
a source described at length, a participle of saying hung inside the quotation before it, a
protester whose first name is outside our name data, a "he" after a sidebar that names nobody,
a comma where a paragraph ends, "it" for a ministry that published guidelines, and a web posting.

Texts are invented for the tests, modelled on constructions found in real articles (a former
general's letter, a senator on an impeachment trial, women in business, a health-care rule, a
protest, airport screening, a lockdown, an embassy's warning).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.inputs.debris import is_link_line

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]


def test_read_colon_opens_a_link_line() -> None:
    assert is_link_line("Read: The voters who stayed home in Ohio")
    assert not is_link_line("Readers wrote in: the plan was late.")


def test_a_surname_tagged_as_a_nationality_speaks_as_a_person(shipped: Gazetteer) -> None:
    text = (
        "“The country cannot be divided by its leaders,” Mattis writes. “We must stand together.”\n\n"
        "Mattis reached the conclusion this weekend that the country is threatened. In his letter, Mattis makes it clear "
        "that the president’s response triggered this condemnation.\n\n"
        "Read: The voters who loved Trump’s rally\n\n"
        "“When I joined the army, some 50 years ago,” he writes, “I swore an oath to defend the Constitution.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "When I joined").speaker_name == "Mattis"
    assert quote_with(quotes, text, "I swore an oath").speaker_name == "Mattis"


def test_a_nominee_described_with_year_and_party_is_the_person_just_quoted(shipped: Gazetteer) -> None:
    text = (
        "Sen. Mitt Romney of Utah weighed in on Sunday.\n\n"
        "“There aren’t the elements you need to prove the case,” Mr. Romney said during an appearance on television.\n\n"
        "“The voters just aren’t there,” the 2012 GOP presidential nominee added. “I don’t think it is the right way to go.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "voters just aren").speaker_name == "Mitt Romney"
    assert quote_with(quotes, text, "right way to go").speaker_name == "Mitt Romney"


def test_went_on_after_a_quotation_is_its_cue(shipped: Gazetteer) -> None:
    text = (
        "Sen. Susan Collins spoke to reporters on Tuesday.\n\n"
        "“It is inappropriate for senators on either side of the aisle to prejudge the evidence before they have heard it,” Collins went on."
    )
    assert quote_with(speakers(text, shipped), text, "inappropriate").speaker_name == "Susan Collins"


def test_according_to_a_source_and_its_description_before_the_quotation(shipped: Gazetteer) -> None:
    text = (
        "\"There are women sitting just below the top jobs,\" said Fortune's executive editor, Stephanie Mehta.\n\n"
        "According to Catalyst, a research group for women in business, \"companies with more women in top positions, on average, "
        "far outperform those with fewer.\""
    )
    assert quote_with(speakers(text, shipped), text, "far outperform").speaker_name == "Catalyst"


def test_a_participle_after_a_quotation_that_opens_its_sentence_goes_on_for_the_last_speaker(shipped: Gazetteer) -> None:
    text = (
        "“The president has a clear vision for health care,” Health Secretary Alex Azar said. "
        "“Today, the president is delivering on that promise,” adding that this will “go down as one of the most significant steps in history.”"
    )
    assert quote_with(speakers(text, shipped), text, "delivering on that promise").speaker_name == "Alex Azar"


def test_a_protester_named_with_a_rare_first_name_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Capt. Thomas Jackson walked with the marchers on Thursday.\n\n"
        "\"They made it look like a war zone, ready to attack us,\" protester Marquess Mull tells a reporter. "
        "But Thursday was different, he said: \"They're talking to people now.\""
    )
    assert quote_with(speakers(text, shipped), text, "talking to people").speaker_name == "Marquess Mull"


def test_he_after_a_sidebar_that_names_nobody_is_the_source_quoted_before(shipped: Gazetteer) -> None:
    rules = " ".join(
        f"Remove all items from pocket number {n}, take off your belt and place your bag on the belt." for n in range(1, 16)
    )
    text = (
        "\"Parents worry about the checkpoint,\" said Christopher Elliott, a father of three and a consumer advocate.\n\n"
        f"{rules} Source: airport screening guide\n\n"
        "\"When I see my daughter go through the checkpoint, I always wonder what happens next,\" he says."
    )
    assert quote_with(speakers(text, shipped), text, "my daughter").speaker_name == "Christopher Elliott"


def test_a_comma_where_the_paragraph_ends_still_closes_a_sentence_quoted(shipped: Gazetteer) -> None:
    text = (
        "\"I think he will have a country that sets records,\" Trump told governors gathered for an annual meeting.\"We want peace,\"\n\n"
        "Kim has shown little sign of change."
    )
    assert quote_with(speakers(text, shipped), text, "We want peace").speaker_name == "Donald Trump"


def test_it_is_the_ministry_the_sentence_before_says_published_guidelines(shipped: Gazetteer) -> None:
    text = (
        "The country will let factories reopen next week, the government said on Wednesday.\n\n"
        "But he said he felt the pain of the poor, and on Wednesday the home ministry released guidelines allowing more trade.\n\n"
        "\"To ease hardship, select additional activities have been allowed from April 20,\" it said."
    )
    quote = quote_with(speakers(text, shipped), text, "ease hardship")
    assert quote.speaker_name == "the home ministry"


def test_a_web_posting_speaks_for_the_embassy_that_posted_it(shipped: Gazetteer) -> None:
    text = (
        "The protest came a day after the embassy warned Americans in a posting on its Web site, “There is the possibility of protests near the compound in the coming days.”\n\n"
        "“The embassy continues to recommend that citizens avoid large gatherings,” the Web posting said."
    )
    assert quote_with(speakers(text, shipped), text, "avoid large gatherings").speaker_name == "the embassy"


def test_a_colon_after_a_reported_clause_introduces_the_reporter_not_who_it_reports(shipped: Gazetteer) -> None:
    text = (
        "In a statement released Wednesday night, Sessions spokeswoman Sarah Isgur Flores said that Sessions had replied "
        "to Franken in the context of his work as an adviser, not as a senator:\n\n"
        '"There was absolutely nothing misleading about his answer. He was asked about communications with the campaign."'
    )
    assert quote_with(speakers(text, shipped), text, "nothing misleading").speaker_name == "Sarah Isgur Flores"


def test_a_person_set_beside_a_show_the_parser_made_the_subject_speaks(shipped: Gazetteer) -> None:
    text = (
        "Former Sen. Al Franken criticized the host.\n\n"
        "In an interview that aired Thursday on SiriusXM's Family Politics, Franken, who still considers the host a friend, said, "
        '"He has been around long enough to know that is not a word he can use. It just is not."'
    )
    assert quote_with(speakers(text, shipped), text, "around long enough").speaker_name == "Al Franken"


def test_a_participle_of_saying_the_tagger_took_for_a_noun_is_the_cue(shipped: Gazetteer) -> None:
    text = (
        "Rep. Ben McAdams made his announcement a couple of hours after his colleague, writing, “On Saturday evening, after returning "
        "from Washington, I developed mild symptoms. I have been conducting all meetings by telephone.”"
    )
    assert quote_with(speakers(text, shipped), text, "mild symptoms").speaker_name == "Ben McAdams"


def test_a_participle_after_a_person_named_in_an_of_phrase_is_that_persons_speech(shipped: Gazetteer) -> None:
    text = (
        "Those reports were bolstered when an audiotape surfaced last week of Ben Rhodes, White House deputy national security adviser, "
        "telling a group of progressives in January, “We are already thinking through how we structure a deal so we do not need a vote.”"
    )
    quote = quote_with(speakers(text, shipped), text, "thinking through")
    assert quote.speaker_name == "Ben Rhodes"


def test_a_participle_after_praise_of_someone_is_still_the_praisers(shipped: Gazetteer) -> None:
    text = (
        "Senator Richard Burr, the chairman of the panel, said the departure was a loss. But he later added praise of Maguire, "
        "saying “I have confidence in his ability to step into this crucial role.”"
    )
    assert quote_with(speakers(text, shipped), text, "confidence in his ability").speaker_name == "Richard Burr"


def test_a_colon_after_a_statement_that_said_introduces_who_released_it(shipped: Gazetteer) -> None:
    text = (
        "A 1968 yearbook overseen by Tommy Norment features racist photos, the Virginian-Pilot reported.\n\n"
        "Norment, now the state Senate majority leader, declined to comment on the yearbook to the newspaper but later released "
        "a statement through his spokesman that said:\n\n"
        "“The use of blackface is abhorrent in our society and I condemn it.”"
    )
    assert quote_with(speakers(text, shipped), text, "abhorrent").speaker_name == "Tommy Norment"
