"""Who a quotation's speaker is, in constructions news copy uses and word order gets wrong.

Texts are invented for the tests (modelled on constructions found in the team's gold set); actors
come from the shipped gazetteer, so dated and standalone names behave as in a real run.
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


def quotes(text: str, gazetteer: Gazetteer, published: str | None = None) -> list[Quote]:
    doc = parse(text)
    return link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer, published=published), gazetteer)


def test_a_place_name_inside_a_persons_name_is_the_person(shipped: Gazetteer) -> None:
    """"Rep. Jim Jordan" is a congressman, not the country Jordan, and "he" is him."""
    text = "Rep. Jim Jordan of Ohio spoke on Sunday about the budget.\n\n“We cannot keep raising the limit on a maxed out credit card,” he said."
    doc = parse(text)
    mentions = find_mentions(doc, shipped)
    assert "jordan" not in {m.actor for m in mentions}
    (q,) = quotes(text, shipped)
    assert q.speaker_name == "Jim Jordan"


def test_a_name_inside_the_quotation_is_not_what_he_refers_to(shipped: Gazetteer) -> None:
    """“..., I'm voting for Trump,” he wrote: the radio host wrote it, not Trump."""
    text = "Former Rep. Joe Walsh, now a radio host, hinted at violence on Friday.\n\n“On November 8th, I’m voting for Trump,” he wrote on Twitter."
    (q,) = quotes(text, shipped)
    assert q.speaker_name == "Joe Walsh"
    assert q.speaker != "donald_trump"


def test_the_president_is_the_person_given_that_title(shipped: Gazetteer) -> None:
    """"the president said" names the person the article calls President (Obama, in 2012)."""
    text = (
        "President Obama met Republican leaders on Friday. Mr. Boehner left the talks early.\n\n"
        "“It is very hard for them to say yes to me,” the president said."
    )
    (q,) = quotes(text, shipped, published="2012-12-19")
    assert q.speaker == "barack_obama"


def test_a_colon_introduces_its_subjects_quotation(shipped: Gazetteer) -> None:
    text = "On the question of intent, Dana Kendi was blunt: “If you say things that are cruel, you are cruel.”"
    (q,) = quotes(text, shipped)
    assert text[q.speaker_start : q.speaker_end] == "Dana Kendi"
    assert q.cue is None


def test_a_participle_of_saying_takes_the_noun_it_modifies(shipped: Gazetteer) -> None:
    text = "The room fell silent, except for a small child asking over and over, “Why can we not go home now?”"
    (q,) = quotes(text, shipped)
    assert text[q.speaker_start : q.speaker_end] == "a small child"
    assert q.speaker is None  # an unnamed source: no actor


def test_phrasal_verbs_of_saying(shipped: Gazetteer) -> None:
    text = "“Thank you for telling me that, I appreciate it,” Trump shot back before the next question."
    (q,) = quotes(text, shipped)
    assert (q.speaker, q.cue) == ("donald_trump", "shot")


def test_a_reporters_aside_in_brackets_does_not_break_the_quotation(shipped: Gazetteer) -> None:
    text = (
        "“If you look at the last governor, he had a massive campaign violation,” Trump said. "
        "(The governor’s campaign paid a fine for a civil offense.) "
        "“But he had a different attorney general and they viewed it a lot differently.”"
    )
    first, second = quotes(text, shipped)
    assert first.speaker == second.speaker == "donald_trump"


@pytest.mark.parametrize(
    "text",
    [
        "Trump didn't say he will pardon his former campaign chairman.",
        "No congressional leaders asked him to seek authorization for the strikes.",
        "It is striking how what he says about the chairman differs from what he says about the department.",
    ],
)
def test_negated_cues_and_free_relatives_report_nothing(shipped: Gazetteer, text: str) -> None:
    assert [q for q in quotes(text, shipped) if q.kind in ("reported", "mixed")] == []


def test_typographic_and_straight_apostrophes_name_the_same_person(shipped: Gazetteer) -> None:
    text = "Stephen O’Brien, the UN relief chief, spoke in New York on Friday. Later, O'Brien told the council that famine was near."
    doc = parse(text)
    people = {m.actor for m in find_mentions(doc, shipped) if m.type == "person"}
    assert people == {"candidate:stephen_obrien"}


def test_a_surname_inside_a_longer_name_is_not_the_person(shipped: Gazetteer) -> None:
    text = "Anthony Lake visited the region in March. Farmers near Lake Chad have lost their harvests."
    doc = parse(text)
    lake = [m for m in find_mentions(doc, shipped) if m.actor == "candidate:anthony_lake"]
    assert [text[m.start : m.end] for m in lake] == ["Anthony Lake"]


def test_a_verb_of_saying_inside_a_clause_is_no_aside(shipped: Gazetteer) -> None:
    """"help it counter China when ..." is no speech: neither the clause around the verb nor the
    time clause after it is what someone said (the CNN seed's sentence)."""
    text = "The press secretary was asked on Friday why American allies would help it counter China when Trump was treating friends and foes alike."
    assert [q for q in quotes(text, shipped) if q.kind in ("reported", "mixed")] == []


def test_a_cue_set_off_by_commas_reports_the_clause_around_it(shipped: Gazetteer) -> None:
    text = "Mark Carney spoke in Ottawa. After that, he said, it will be the president's problem."
    (q,) = [q for q in quotes(text, shipped) if q.kind == "reported"]
    assert text[q.start : q.end] == "After that, he said, it will be the president's problem"
    assert q.speaker == "mark_carney"


def test_a_relative_pronoun_speaker_is_the_noun_it_stands_for(shipped: Gazetteer) -> None:
    text = "His remarks softened earlier warnings from U.S. officials, who suggested Ottawa could regret the move."
    (q,) = [q for q in quotes(text, shipped) if q.kind == "reported"]
    assert text[q.start : q.end] == "Ottawa could regret the move"
    assert (q.speaker_text, q.speaker_type) == ("U.S. officials", "anonymous")


def test_he_after_a_titled_subject_is_the_person_with_that_title(shipped: Gazetteer) -> None:
    """"Sen. Daniel Whitfield ... When the host asked Whitfield ..., the senator balked ... “...,” he
    said": the senator speaks, not the host named last before the pronoun."""
    text = (
        "Sen. Daniel Whitfield appeared on a late-night show on Thursday.\n\n"
        "When host Stephen Colbert asked Whitfield to comment on the claims, the senator initially balked, but finally offered a response.\n\n"
        "“Look, Secretary Clinton ran a hard race, and I understand that,” he said."
    )
    (q,) = [q for q in quotes(text, shipped) if q.kind == "direct"]
    assert q.speaker_name == "Daniel Whitfield"


def test_the_president_tagged_as_a_name_is_still_the_titled_person(shipped: Gazetteer) -> None:
    """The parser may tag "president" as a proper noun; "the president wrote" still names the
    person called President, not someone named "president" (found on a real wire story)."""
    text = (
        "Trump warned that such an arrangement would have severe consequences for the economy.\n"
        "\"China will eat Canada alive, completely devour it, including their businesses and way of life,\" the president wrote."
    )
    doc = parse(text)
    head = doc.lower.index("president")
    (q,) = [q for q in quotes(text, shipped, published="2026-01-24") if q.kind == "direct"]
    assert q.speaker_token == head
    assert q.speaker == "donald_trump"
