"""Who a description speaks for: "the company said", "the caucus said", "the attorney said".

News names a source once, then goes on with a description: "the company", "the paper", "the
judge". These tests hold the rules that link the description to the name (and refuse a wrong one).
Texts are invented for the tests, modelled on constructions found in real articles.
"""

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
    found = link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer), gazetteer)
    return [q for q in found if q.kind == "direct"]


def test_the_caucus_is_the_caucus_named_before(shipped: Gazetteer) -> None:
    """A head noun the old list lacked ("caucus"), found in the name of the organisation."""
    text = (
        "Shortly before the vote, the Hispanic Caucus said it opposed the money for detention beds.\n\n"
        "“We have a responsibility to our communities,” the caucus said in a statement."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Hispanic Caucus"
    assert q.speaker_type == "organisation"


def test_a_modifier_picks_the_organisation_among_several(shipped: Gazetteer) -> None:
    """"the pork producer group" is the pork producers' council, not the other group named later."""
    text = (
        "The National Pork Producers Council estimates that plants are backing up thousands of hogs a day. "
        "Infection rates near the plants are high, according to the Environmental Working Group.\n\n"
        "“These hogs will grow too large to be accepted by the plants,” the pork producer group said in a fact sheet."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "National Pork Producers Council"


def test_the_appeals_court_is_not_the_supreme_court_named_before(shipped: Gazetteer) -> None:
    """A description with a modifier the named court lacks is another court: no answer beats a wrong one."""
    text = (
        "The prisoner hoped to benefit from Supreme Court rulings on juvenile sentences.\n\n"
        "“Resentencing is not newly discovered evidence,” the appeals court ruled."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "the appeals court"
    assert q.speaker is None


def test_a_name_after_an_organisation_noun_is_an_organisation(shipped: Gazetteer) -> None:
    """"Tech chain Best Buy": the parser may call the name a person's; the noun before it says otherwise."""
    text = (
        "Tech chain Best Buy announced a face mask requirement at all of its stores on Tuesday.\n\n"
        "“We will provide masks for those who do not have one,” the company said."
    )
    doc = parse(text)
    mention = next(m for m in find_mentions(doc, shipped) if m.name == "Best Buy")
    assert mention.type == "organisation"
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Best Buy"


def test_a_country_adjective_does_not_hide_the_organisation_it_is_part_of(shipped: Gazetteer) -> None:
    """"The American Made Coalition ... the group said": the coalition, not nobody."""
    text = (
        "A group of large companies urged the committee on Monday to take up tax reform. "
        "The American Made Coalition called for a cut in the corporate tax rate.\n\n"
        "“Our members would be disappointed by a half-measure,” the group said in a letter."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "American Made Coalition"


def test_the_paper_is_the_newspaper_that_reported(shipped: Gazetteer) -> None:
    text = (
        "The Wall Street Journal reports that a no-fly zone is among the options.\n\n"
        "“Creating an area to train rebel forces would require keeping aircraft away,” the paper says."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name is not None and "Wall Street Journal" in q.speaker_name


def test_the_attorney_introduced_since_is_not_the_attorney_named_before(shipped: Gazetteer) -> None:
    """An unnamed "white-collar attorney" comes after the named one: "the attorney" is the unnamed one."""
    text = (
        "Marc Kasowitz, the president's personal attorney, has favoured attacks on the investigators.\n\n"
        "A white-collar attorney who is close to the case said such attacks do not help.\n\n"
        "“It is more often than not a losing strategy,” the attorney said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name != "Marc Kasowitz"


def test_a_title_separated_from_the_name_gives_no_title(shipped: Gazetteer) -> None:
    """"A spokesperson for Prince" makes Prince no spokesperson: "the spokesperson" is someone else."""
    text = (
        "A spokesperson for Erik Prince confirmed the report in a statement on Monday.\n\n"
        "“Mr. Prince has cooperated completely with the investigation,” the spokesperson stated."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name != "Erik Prince"


def test_a_name_inside_the_last_quotation_is_not_the_title_holder(shipped: Gazetteer) -> None:
    """A source's words naming President Trump do not make Trump "the former vice president"."""
    text = (
        "Former Vice President Joe Biden spoke in Iowa on Tuesday.\n\n"
        "“Donald Trump is the president who divided us,” Biden said. “President Trump has failed.”\n\n"
        "“We have to restore the soul of this nation,” the former vice president said."
    )
    last = direct(text, shipped)[-1]
    assert last.speaker_name == "Joe Biden"


def test_a_description_with_another_title_is_not_the_source_quoted_last(shipped: Gazetteer) -> None:
    """"State Rep. Bill Hager" quoted last is no sheriff: "the sheriff" is not Hager."""
    text = (
        "State Rep. Dale Hager urged the governor to remove the county's top law officer.\n\n"
        "“He chose to ignore the threat,” Hager wrote.\n\n"
        "“The letter is riddled with factual errors,” the sheriff said."
    )
    last = direct(text, shipped)[-1]
    assert last.speaker_name != "Dale Hager"


def test_a_one_word_name_that_speaks_is_the_company(shipped: Gazetteer) -> None:
    """The parser may call "Facebook" or "Eurogamer" a person; "the company" still refers to it."""
    text = (
        "Facebook said on Tuesday it took down dozens of accounts run from abroad.\n\n"
        "“We are also adding a security tool for campaigns,” the company said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Facebook"


def test_a_persons_surname_is_never_the_company(shipped: Gazetteer) -> None:
    """"Mulvaney said" after "Mick Mulvaney": a person, not what "the agency" refers to."""
    text = (
        "The budget office is run by Mick Mulvaney. Mulvaney said on Monday that the office would not comply.\n\n"
        "“The executive branch must protect its records,” the agency said."
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name is None or "Mulvaney" not in q.speaker_name


def test_a_vice_president_is_not_the_president(shipped: Gazetteer) -> None:
    """"Vice President Mike Pence" was quoted last; "the president" is still President Trump."""
    text = (
        "President Trump spoke to governors on Monday about the virus. "
        "Vice President Mike Pence leads the task force.\n\n"
        "“The task force has met every day,” Pence said.\n\n"
        "“We have done a great job with the governors,” the president said."
    )
    doc = parse(text)
    found = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped, published="2020-03-20"), shipped)
    assert [q.speaker_name for q in found if q.kind == "direct"][-1] == "Donald Trump"


def test_a_title_holder_named_inside_an_earlier_quotation_still_counts(shipped: Gazetteer) -> None:
    """A source's quotation that names the president keeps him the nearest president: "the
    president" after it is not the source (an attorney) quoted last."""
    text = (
        "President Trump signed the stopgap measure on Friday after a month of talks.\n\n"
        "Workers lined up at food banks across the city during the weeks of the shutdown.\n\n"
        "Many said they could not pay rent and had borrowed from relatives to get by.\n\n"
        "“We are shut down again in three weeks because Trump wants his wall,” said Jared Haupt, an attorney at the agency.\n\n"
        "At the speech on Friday, the president said another shutdown is an option if negotiators fail."
    )
    doc = parse(text)
    found = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped, published="2019-01-28"), shipped)
    last = [q for q in found if q.speaker_text == "the president"][-1]
    assert last.speaker_name == "Donald Trump"


def test_a_transcripts_upper_case_surname_is_the_person_named_before(shipped: Gazetteer) -> None:
    """Transcripts set speakers in capitals ("BARNICLE: “...”"): the person named in full before."""
    text = (
        "Mike Barnicle joined the panel on Tuesday morning to talk about the border.\n\n"
        "BARNICLE: “This is our story. The story of children being taken from their parents.”"
    )
    (q,) = direct(text, shipped)
    assert q.speaker_name == "Mike Barnicle"
