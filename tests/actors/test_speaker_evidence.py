"""What the article itself says about who a speaker is: a person the tagger called an organisation
whom a "she" takes up, a religious title, an honorific written elsewhere, the doer of a passive
clause, the person asked before "he replied", the one who did what a participle after an object
describes, an outlet's "piece", initials of an organisation named in full, and a "his Twitter
account" that is no person.

Texts are invented for the tests, modelled on constructions found in real articles (features on
artists in a lockdown, a synagogue's letter and its critics, a cabinet secretary and a union
chief, a White House lunch, press round-ups).
"""

from __future__ import annotations

from dataclasses import replace

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import _pronoun_of, find_mentions, link_speakers
from framing.text.parse import parse
from framing.types import Entity
from framing.voice import find_quotes

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]  # the module's fixture, shared with the speaker cases


def test_a_name_tagged_an_organisation_is_a_person_when_she_takes_it_up(shipped: Gazetteer) -> None:
    text = (
        "Like other poets, Zareen Qasimi has written about the curfew.\n\n"
        "\"Poetry comes when you feel pain,\" Qasimi said at her home in the old city.\n\n"
        "Qasimi, who has written for forty years, felt it was her duty to write. \"Those who stay silent lack a conscience,\" she said."
    )
    doc = parse(text)
    # whatever the tagger makes of them, call "Zareen Qasimi" and each "Qasimi" organisations
    at = [i for i, t in enumerate(doc.tokens) if t == "Qasimi"]
    spans = [(at[0] - 1, at[0] + 1), *((i, i + 1) for i in at[1:])]
    tagged = [Entity(a, b, doc.starts[a], doc.ends[b - 1], "ORG") for a, b in spans]
    others = [e for e in doc.entities if not any(e.start < b and a < e.end for a, b in spans)]
    doc = replace(doc, entities=tuple(sorted([*others, *tagged], key=lambda e: e.start)))
    mentions = find_mentions(doc, shipped)
    assert {m.type for m in mentions if m.name.endswith("Qasimi") and m.kind != "pronoun"} == {"person"}
    quotes = link_speakers(doc, find_quotes(doc), mentions, shipped)
    assert quote_with(quotes, text, "stay silent").speaker_name == "Zareen Qasimi"


def test_an_organisation_saying_things_about_a_man_stays_an_organisation(shipped: Gazetteer) -> None:
    text = "Verity Analytics published its survey on Monday. Analytics said he had misread the figures."
    mentions = find_mentions(parse(text), shipped)
    assert not any(m.type == "person" and "Analytics" in m.name for m in mentions)


def test_a_religious_title_is_not_part_of_the_name(shipped: Gazetteer) -> None:
    text = (
        "Rabbi Miriam Tessler wrote to her congregation on Friday.\n\n"
        "Her letter was attacked by Rabbi Jonah Adler, a scholar in Jerusalem, in a column.\n\n"
        "\"I wanted her to stand with her own people,\" he wrote.\n\n"
        "Rabbi David Ingram of Beit Shalom said the criticism of Rabbi Tessler had moved him to pray.\n\n"
        "\"This is the constant question among us,\" he said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "stand with her").speaker_name == "Jonah Adler"
    assert quote_with(quotes, text, "constant question").speaker_name == "David Ingram"
    mentions = find_mentions(parse(text), shipped)
    assert {m.name for m in mentions if m.name.endswith("Tessler")} == {"Miriam Tessler"}


def test_an_honorific_elsewhere_tells_the_gender_of_an_unfamiliar_first_name(shipped: Gazetteer) -> None:
    text = (
        "Homeland Security Secretary Kirstjen M. Nielsen said this week that agents sow fear. "
        "\"We need the help of the cities,\" Ms. Nielsen said.\n\n"
        "But Brandon Judd said Ms. Nielsen needed to be careful in her language after saying it.\n\n"
        "\"Whether she misspoke or not, she has to be prepared for tough questions,\" he said."
    )
    doc = parse(text)
    mentions = find_mentions(doc, shipped)
    nielsen = next(m for m in mentions if m.name == "Kirstjen M. Nielsen" and m.kind != "pronoun")
    assert _pronoun_of(nielsen, doc, shipped) == "she"
    quotes = link_speakers(doc, find_quotes(doc), mentions, shipped)
    assert quote_with(quotes, text, "tough questions").speaker_name == "Brandon Judd"


def test_a_surname_two_people_share_gets_no_gender_from_an_honorific(shipped: Gazetteer) -> None:
    text = (
        "Mitt Romney spoke first at the convention hall. Ann Romney followed him on stage.\n\n"
        "Mrs. Romney thanked the crowd.\n\n"
        "Mitt Romney said later that the night belonged to the voters. \"It was a great night for all of us,\" he said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "great night").speaker_name == "Mitt Romney"


def test_the_doer_of_a_passive_clause_about_a_thing_speaks_next(shipped: Gazetteer) -> None:
    text = (
        "Senator Paul Wexler praised the plan on Tuesday.\n\n"
        "The plan was attacked by Tom Brandt, a former adviser, in a column.\n\n"
        "\"It will cost more than it saves,\" he wrote."
    )
    assert quote_with(speakers(text, shipped), text, "cost more").speaker_name == "Tom Brandt"


def test_the_doer_of_a_passive_clause_about_a_person_does_not_take_the_topic(shipped: Gazetteer) -> None:
    text = (
        "Mark Keller spoke for his wife at the hearing.\n\n"
        "She was attacked by Jared Loomis, a stranger, in January.\n\n"
        "Mark Keller told the committee that checks would help. \"We owe the victims a vote,\" he said."
    )
    assert quote_with(speakers(text, shipped), text, "owe the victims").speaker_name == "Mark Keller"


def test_who_replies_is_who_was_asked(shipped: Gazetteer) -> None:
    text = (
        "Former football star Jim Barton was in the meeting along with several aides. "
        "President Donald Trump asked Barton what he thought of the scene, to which he replied, \u201cI\u2019m here to serve.\u201d"
    )
    assert quote_with(speakers(text, shipped), text, "here to serve").speaker_name == "Jim Barton"


def test_a_participle_after_an_object_goes_with_the_subject(shipped: Gazetteer) -> None:
    text = (
        "The singer praised the president at the lunch.\n\n"
        "President Donald Trump also returned the accolades tweeting in April, \u201cThe singer has done a great service to the country.\u201d"
    )
    (q,) = [q for q in speakers(text, shipped) if "great service" in text[q.start : q.end]]
    assert q.speaker_name == "Donald Trump"


def test_a_text_participle_after_an_object_is_the_texts(shipped: Gazetteer) -> None:
    text = "The chair, Ellen Warner, took to social media to share a memorandum stating that it is against the law to solicit help from a foreign national."
    (q,) = speakers(text, shipped)
    assert q.kind == "reported" and q.speaker_text == "a memorandum"


def test_the_piece_is_the_outlet_that_just_wrote(shipped: Gazetteer) -> None:
    text = (
        "\u201cDemocrats Ask: Is There Anybody Else?\u201d The New York Times wrote on Tuesday.\n\n"
        "\u201cWhen donors gathered last week, the dinner began with a discussion of the candidates they liked,\u201d the piece said."
    )
    assert quote_with(speakers(text, shipped), text, "donors gathered").speaker_name == "New York Times"


def test_initials_of_an_organisation_named_in_full(shipped: Gazetteer) -> None:
    text = (
        "\u201cThe race has a new shadow,\u201d The Associated Press wrote on Tuesday.\n\n"
        "\u201cShe remains a popular figure in her party, even after losing key states,\u201d AP wrote."
    )
    assert quote_with(speakers(text, shipped), text, "popular figure").speaker_name == "Associated Press"


def test_what_someone_has_is_no_person(shipped: Gazetteer) -> None:
    text = (
        "The congresswoman's chief of staff drew attention on his Twitter account by sharing posts. "
        "Twitter later removed two of them."
    )
    doc = parse(text)
    # the tagger took "Twitter" for a person's name in a real article; make it do so here
    at = [i for i, t in enumerate(doc.tokens) if t == "Twitter"]
    others = [e for e in doc.entities if not any(e.start <= i < e.end for i in at)]
    tagged = [Entity(i, i + 1, doc.starts[i], doc.ends[i], "PERSON") for i in at]
    mentions = find_mentions(replace(doc, entities=tuple(sorted([*others, *tagged], key=lambda e: e.start))), shipped)
    assert not any(m.type == "person" and m.name == "Twitter" for m in mentions)


def test_a_titled_subject_inside_anothers_clause_is_not_who_he_is(shipped: Gazetteer) -> None:
    text = (
        "Gordon Sandler told the committee about a call with President Donald Trump.\n\n"
        "In his testimony he used colorful language about a call with Trump, a conversation in which he tried to get the president to say what it would take.\n\n"
        "\u201cI just said, what do you want from them?\u201d he testified."
    )
    assert quote_with(speakers(text, shipped), text, "what do you want").speaker_name == "Gordon Sandler"


def test_a_participle_after_a_comma_goes_with_who_rejected_the_text(shipped: Gazetteer) -> None:
    text = (
        "Some candidates have called repeatedly for a debate on climate. "
        "But the Democratic National Committee has rejected those calls, saying, \"It's just not practical.\""
    )
    (q,) = speakers(text, shipped)
    assert q.speaker_name == "Democratic National Committee"
