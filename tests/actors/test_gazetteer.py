"""Actor mentions: names, aliases, metonyms, adjectives, titles, surnames, pronouns, candidates,
and gazetteer loading, with the small test gazetteer (tests/data/gazetteer.toml; never
lexicons/actors.toml) or one a test writes itself."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from framing.actors.candidates import find_candidates
from framing.actors.gazetteer import load_gazetteer
from framing.actors.mentions import find_mentions
from framing.errors import LexiconError
from framing.text.parse import parse


def found(text: str, gazetteer, published: str | None = None) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(actor, kind, surface text) for every mention of ``text``."""
    return [(m.actor, m.kind, text[m.start : m.end]) for m in find_mentions(parse(text), gazetteer, published=published)]


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# names, aliases, metonyms, adjectives


def test_names_and_aliases_resolve_to_one_actor(gz) -> None:  # type: ignore[no-untyped-def]
    """A canonical name and its aliases ("America", "U.S.") all map to the same actor id."""
    text = "America and the U.S. delegation met officials from the People's Republic of China and Britain."
    assert found(text, gz) == [
        ("united_states", "name", "America"),
        ("united_states", "name", "U.S."),
        ("china", "name", "People's Republic of China"),
        ("united_kingdom", "name", "Britain"),
    ]


def test_metonyms_of_capitals_and_seats_of_government(gz) -> None:  # type: ignore[no-untyped-def]
    """Washington, Beijing, the White House, Downing Street and the Kremlin stand for their states."""
    text = "Washington and Beijing swapped warnings while the White House stayed silent. Downing Street and the Kremlin said nothing."
    assert found(text, gz) == [
        ("united_states", "metonym", "Washington"),
        ("china", "metonym", "Beijing"),
        ("united_states", "metonym", "the White House"),
        ("united_kingdom", "metonym", "Downing Street"),
        ("russia", "metonym", "the Kremlin"),
    ]


def test_metonym_without_the_also_matches(gz) -> None:  # type: ignore[no-untyped-def]
    """A metonym listed as "the White House" also matches "White House" in "White House aides"."""
    assert found("Two White House aides flew north.", gz) == [("united_states", "metonym", "White House")]


def test_adjective_maps_to_its_state_with_kind_adjective(gz) -> None:  # type: ignore[no-untyped-def]
    """"Canadian goods" is an adjective reference to Canada."""
    mentions = find_mentions(parse("Canadian goods piled up at the border."), gz)
    assert [(m.actor, m.kind, m.name, m.type) for m in mentions] == [("canada", "adjective", "Canada", "state")]


def test_name_that_is_also_an_adjective_counts_once_as_a_name(gz) -> None:  # type: ignore[no-untyped-def]
    """"US" listed as name and adjective gives one mention, of the more specific kind (name)."""
    assert found("The US said little.", gz) == [("united_states", "name", "US")]


def test_names_are_case_sensitive(gz) -> None:  # type: ignore[no-untyped-def]
    """Lower-case "china" (the porcelain) and "us" (the pronoun) are not actors."""
    assert found("Give us the fine china plates.", gz) == []


def test_mentions_carry_sentence_and_character_span(gz) -> None:  # type: ignore[no-untyped-def]
    """Each mention records the sentence it is in and exact character offsets."""
    text = "Markets fell. Ottawa responded quickly."
    (m,) = find_mentions(parse(text), gz)
    assert (m.sentence, m.start, m.end, text[m.start : m.end]) == (1, 14, 20, "Ottawa")
    assert m.to_dict()["actor"] == "canada"


# ---------------------------------------------------------------------------------------------
# titles


def test_title_with_name_is_one_title_mention(gz) -> None:  # type: ignore[no-untyped-def]
    """"Prime Minister Mark Carney" is a single title mention, not a title plus a name."""
    text = "Prime Minister Mark Carney landed in Brussels."
    assert found(text, gz)[0] == ("mark_carney", "title", "Prime Minister Mark Carney")
    assert found(text, gz)[1:] == [("candidate:brussels", "candidate", "Brussels")]  # a place the gazetteer lacks


def test_repeated_name_across_lines_stays_two_mentions(gz) -> None:  # type: ignore[no-untyped-def]
    """A headline "Canada" and a line starting "Canada" are two mentions, each inside its own
    sentence (merging them made a mention span two sentences and broke sentiment scoring)."""
    text = "A look at attacks in Canada\n\nCanada: a convert ran down soldiers."
    doc = parse(text)
    mentions = find_mentions(doc, gz)
    assert [(m.actor, text[m.start : m.end]) for m in mentions] == [("canada", "Canada"), ("canada", "Canada")]
    for m in mentions:
        s = doc.sentences[m.sentence]
        assert s.start <= m.start < m.end <= s.end


def test_adjacent_title_and_name_merge_into_one_mention(gz) -> None:  # type: ignore[no-untyped-def]
    """"Canadian Prime Minister" followed by "Mark Carney" is one reference spanning both."""
    text = "On Friday, Canadian Prime Minister Mark Carney met farmers."
    assert found(text, gz) == [("mark_carney", "title", "Canadian Prime Minister Mark Carney")]


def test_dated_title_resolves_after_its_start(gz) -> None:  # type: ignore[no-untyped-def]
    """"the US President" names Trump in an article dated after the title's `from` date."""
    text = "Last week the US President raised duties again."
    assert found(text, gz, published="2025-06-01") == [("donald_trump", "title", "the US President")]


def test_dated_title_does_not_resolve_before_its_start(gz) -> None:  # type: ignore[no-untyped-def]
    """In an article dated before the `from` date "the US President" is not Trump."""
    text = "Last week the US President raised duties again."
    assert "donald_trump" not in {a for a, _, _ in found(text, gz, published="2024-06-01")}


def test_undated_article_ignores_titles_that_have_ended(gz) -> None:  # type: ignore[no-untyped-def]
    """Without a date, a title whose `to` date is in the past belongs to nobody."""
    text = "Last week the Vice President toured a steel mill."
    assert "joe_biden" not in {a for a, _, _ in found(text, gz)}


def test_ended_title_resolves_inside_its_date_range(gz) -> None:  # type: ignore[no-untyped-def]
    """An article dated within a title's range resolves it to the holder of that time."""
    text = "Last week the Vice President toured a steel mill."
    assert found(text, gz, published="2012-05-01") == [("joe_biden", "title", "the Vice President")]


def test_undated_article_resolves_open_ended_title(gz) -> None:  # type: ignore[no-untyped-def]
    """A title with only a `from` date still resolves in an undated article."""
    assert found("Later the US President spoke.", gz) == [("donald_trump", "title", "the US President")]


# ---------------------------------------------------------------------------------------------
# surnames


def test_surname_before_any_full_mention_is_not_resolved(gz) -> None:  # type: ignore[no-untyped-def]
    """A non-standalone surname ("Carney") alone, before "Mark Carney" appears, is not resolved."""
    assert found("Carney arrived late to the summit.", gz) == []


def test_surname_resolves_when_the_article_names_the_person_anywhere(gz) -> None:  # type: ignore[no-untyped-def]
    """"Carney" resolves to Mark Carney wherever the article names him in full, before or after."""
    text = "Carney arrived late. Then Mark Carney spoke, and Carney left early."
    assert found(text, gz) == [("mark_carney", "surname", "Carney"), ("mark_carney", "name", "Mark Carney"), ("mark_carney", "surname", "Carney")]
    assert text.rindex("Carney") == find_mentions(parse(text), gz)[-1].start


def test_title_word_and_surname_resolve_without_the_full_name(gz) -> None:  # type: ignore[no-untyped-def]
    """"Governor Carney" and "Mr. Carney" name the one actor with that surname."""
    assert found("Governor Carney arrived late to the summit.", gz) == [("mark_carney", "surname", "Governor Carney")]
    assert found("Mr. Carney arrived late to the summit.", gz) == [("mark_carney", "surname", "Mr. Carney")]


def test_surname_after_title_is_resolved(gz) -> None:  # type: ignore[no-untyped-def]
    """A title mention counts as a full mention for later surnames."""
    text = "Prime Minister Mark Carney spoke. Carney then left."
    assert [k for _, k, _ in found(text, gz)] == ["title", "surname"]


def test_standalone_surname_resolves_anywhere(gz) -> None:  # type: ignore[no-untyped-def]
    """A surname marked standalone ("Trump") resolves as the first word of an article."""
    assert found("Trump arrived late to the summit.", gz) == [("donald_trump", "surname", "Trump")]


# ---------------------------------------------------------------------------------------------
# pronouns


def test_pronoun_resolves_to_the_one_male_person(gz) -> None:  # type: ignore[no-untyped-def]
    """In "He later told Carney ..." He is the last-mentioned male person (Trump), not the female one."""
    text = "Lena Moreau greeted Trump in Ottawa. He later told Carney that the border would stay open."
    ms = find_mentions(parse(text), gz)
    pron = [m for m in ms if m.kind == "pronoun"]
    assert [(m.actor, text[m.start : m.end], m.sentence) for m in pron] == [("donald_trump", "He", 1)]
    # "Carney" has no full mention yet, so it is not resolved either
    assert "mark_carney" not in {m.actor for m in ms}


def test_pronoun_with_two_male_persons_takes_the_previous_subject(gz) -> None:  # type: ignore[no-untyped-def]
    """With two male persons in the previous sentence the pronoun goes to its subject."""
    text = "Mark Carney met Trump in Ottawa. He later left for Toronto."
    (m,) = [m for m in find_mentions(parse(text), gz) if m.kind == "pronoun"]
    assert m.actor == "mark_carney"
    text = "Trump met Mark Carney in Ottawa. He later left for Toronto."
    (m,) = [m for m in find_mentions(parse(text), gz) if m.kind == "pronoun"]
    assert m.actor == "donald_trump"


def test_she_does_not_resolve_to_a_he_person(gz) -> None:  # type: ignore[no-untyped-def]
    """"She" never refers to a person whose gazetteer pronoun is he."""
    text = "Trump arrived in Ottawa. She later left for Toronto."
    assert [m for m in find_mentions(parse(text), gz) if m.kind == "pronoun"] == []


def test_she_resolves_to_the_female_person(gz) -> None:  # type: ignore[no-untyped-def]
    """"She" after a he-person and a she-person refers to the she-person."""
    text = "Trump phoned Lena Moreau. She later left for Toronto."
    pron = [m for m in find_mentions(parse(text), gz) if m.kind == "pronoun"]
    assert [(m.actor, m.type) for m in pron] == [("lena_moreau", "person")]


def test_pronoun_window_is_this_and_previous_sentence(gz) -> None:  # type: ignore[no-untyped-def]
    """A person two sentences back is out of reach: only the previous sentence's person counts."""
    text = "Mark Carney spoke first. Trump listened. Then he walked out."
    pron = [m for m in find_mentions(parse(text), gz) if m.kind == "pronoun"]
    assert [(m.actor, m.sentence) for m in pron] == [("donald_trump", 2)]


# ---------------------------------------------------------------------------------------------
# candidates


def test_titled_unknown_person_is_a_candidate(gz) -> None:  # type: ignore[no-untyped-def]
    """"Trade Minister Dana Aucoin said ..." gives a candidate person named "Dana Aucoin"."""
    text = "Trade Minister Dana Aucoin said the levy would hurt orchards. Aucoin later met Mark Carney in Ottawa."
    ms = find_mentions(parse(text), gz)
    cands = [m for m in ms if m.kind == "candidate"]
    assert [(m.actor, m.name, m.type, text[m.start : m.end]) for m in cands] == [
        ("candidate:dana_aucoin", "Dana Aucoin", "person", "Dana Aucoin"),
        ("candidate:dana_aucoin", "Dana Aucoin", "person", "Aucoin"),
    ]
    # gazetteer actors in the same text are still found
    assert {m.actor for m in ms if m.kind != "candidate"} == {"mark_carney", "canada"}


def test_candidate_surname_joins_the_full_name_used_later(gz) -> None:  # type: ignore[no-untyped-def]
    """A lone "Aucoin" before "Dana Aucoin" is the same person: one actor id for both."""
    text = "Aucoin arrived. Trade Minister Dana Aucoin said hello."
    cands = [m for m in find_mentions(parse(text), gz) if m.kind == "candidate"]
    assert [(m.actor, text[m.start : m.end]) for m in cands] == [("candidate:dana_aucoin", "Aucoin"), ("candidate:dana_aucoin", "Dana Aucoin")]


def test_candidate_not_hidden_by_unrelated_gazetteer_mention(gz) -> None:  # type: ignore[no-untyped-def]
    """A candidate at the start of a text is found even when a gazetteer name follows later on.

    Regression: the overlap test compared character offsets with token indices, so "Dana Aucoin"
    (starting at character 15) was dropped because token 15 ("Carney") was a gazetteer mention.
    """
    text = "Trade Minister Dana Aucoin said the tariffs would hurt farmers. Aucoin later met Mark Carney."
    names = [m.name for m in find_mentions(parse(text), gz) if m.kind == "candidate"]
    assert names == ["Dana Aucoin", "Dana Aucoin"]


def test_candidates_can_be_switched_off(gz) -> None:  # type: ignore[no-untyped-def]
    """``candidates=False`` reports only gazetteer actors."""
    text = "Trade Minister Dana Aucoin met Lena Moreau."
    ms = find_mentions(parse(text), gz, candidates=False)
    assert [m.actor for m in ms] == ["lena_moreau"]


def test_find_candidates_counts_across_documents(gz) -> None:  # type: ignore[no-untyped-def]
    """find_candidates counts every candidate mention (full name and later surname) over all docs."""
    docs = [
        parse("Trade Minister Dana Aucoin said the levy would hurt orchards. Aucoin later met Mark Carney."),
        parse("Dana Aucoin visited Beijing on Tuesday."),
        parse("Economist Priya Raman warned of higher prices in Canada."),
    ]
    assert find_candidates(docs, gz) == Counter({"Dana Aucoin": 3, "Priya Raman": 1})


# ---------------------------------------------------------------------------------------------
# gazetteer loading and validation

HEADER = '[gazetteer]\nname = "bad"\nversion = "1"\n'


def test_unknown_affiliation_is_an_error(tmp_path: Path) -> None:
    """An affiliation that is not an actor id is rejected with the actor, the id and the file named."""
    path = write(tmp_path, "aff.toml", HEADER + '[actors.ana_ruiz]\nname = "Ana Ruiz"\ntype = "person"\naffiliation = "atlantis"\n')
    with pytest.raises(LexiconError, match=r"actor 'ana_ruiz' has affiliation 'atlantis', which is not an actor id") as info:
        load_gazetteer(path)
    assert str(path) in str(info.value)


def test_bad_actor_type_is_an_error(tmp_path: Path) -> None:
    """A type outside state/person/organisation/group is rejected, naming the actor and the bad type."""
    path = write(tmp_path, "type.toml", HEADER + '[actors.xland]\nname = "Xland"\ntype = "country"\n')
    with pytest.raises(LexiconError, match=r"type of actor 'xland'.*'state'.*got 'country'"):
        load_gazetteer(path)


def test_name_given_to_two_actors_is_an_error(tmp_path: Path) -> None:
    """The same name under two actors is rejected, naming the name and both actors."""
    body = HEADER + (
        '[actors.xland]\nname = "Xland"\ntype = "state"\nnames = ["Xland", "Northland"]\n'
        '[actors.yland]\nname = "Yland"\ntype = "state"\nnames = ["Yland", "Northland"]\n'
    )
    path = write(tmp_path, "clash.toml", body)
    with pytest.raises(LexiconError, match=r"the name 'Northland' is given to several actors \(xland, yland\)"):
        load_gazetteer(path)


def test_missing_gazetteer_table_is_an_error(tmp_path: Path) -> None:
    """A file without a [gazetteer] table is rejected with a message saying so."""
    path = write(tmp_path, "nohead.toml", '[actors.xland]\nname = "Xland"\ntype = "state"\n')
    with pytest.raises(LexiconError, match=r"missing the \[gazetteer\] table"):
        load_gazetteer(path)


def test_user_gazetteer_overrides_an_actor(tmp_path: Path, gz_path: Path) -> None:
    """An actor id in an extra gazetteer replaces the base actor; new ids are added."""
    user = write(
        tmp_path,
        "mine.toml",
        '[gazetteer]\nname = "mine"\nversion = "2"\n'
        '[actors.mark_carney]\nname = "Mark J. Carney"\ntype = "person"\npronoun = "he"\n'
        'names = ["Mark Carney"]\nsurnames = ["Carney"]\nstandalone_surname = true\n'
        '[actors.ottawa_city]\nname = "City of Ottawa"\ntype = "organisation"\nnames = ["Ottawa City Hall"]\n',
    )
    merged = load_gazetteer(gz_path, extra=[user])
    assert merged.actors["mark_carney"].name == "Mark J. Carney"
    assert merged.actors["mark_carney"].standalone_surname is True
    assert "ottawa_city" in merged.actors and "china" in merged.actors
    assert merged.version == "0.1+mine-2"
    # the override changes matching: a lone surname now resolves
    assert found("Carney arrived early.", merged) == [("mark_carney", "surname", "Carney")]
    # the base gazetteer is untouched
    assert found("Carney arrived early.", load_gazetteer(gz_path)) == []


def test_user_actor_may_be_affiliated_with_a_base_actor(tmp_path: Path, gz_path: Path) -> None:
    """A user gazetteer adding a person affiliated with a base state ("canada") loads.

    Regression: affiliations were checked per file, so a user file could not refer to built-in ids.
    """
    user = write(
        tmp_path,
        "mine.toml",
        '[gazetteer]\nname = "mine"\nversion = "1"\n'
        '[actors.dana_aucoin]\nname = "Dana Aucoin"\ntype = "person"\naffiliation = "canada"\npronoun = "she"\nnames = ["Dana Aucoin"]\n',
    )
    merged = load_gazetteer(gz_path, extra=[user])
    assert merged.actors["dana_aucoin"].affiliation == "canada"
    assert found("Dana Aucoin visited Beijing.", merged) == [("dana_aucoin", "name", "Dana Aucoin"), ("china", "metonym", "Beijing")]


def test_unknown_affiliation_in_user_gazetteer_names_the_user_file(tmp_path: Path, gz_path: Path) -> None:
    """An affiliation unknown to base and user gazetteers alike is still an error, naming the user file."""
    user = write(
        tmp_path,
        "mine.toml",
        '[gazetteer]\nname = "mine"\nversion = "1"\n[actors.dana_aucoin]\nname = "Dana Aucoin"\ntype = "person"\naffiliation = "atlantis"\n',
    )
    with pytest.raises(LexiconError, match=r"mine\.toml: actor 'dana_aucoin' has affiliation 'atlantis'"):
        load_gazetteer(gz_path, extra=[user])
