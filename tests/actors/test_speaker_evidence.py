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
from framing.actors.mentions import _pronoun_of, _unsure_name, find_mentions, link_speakers
from framing.text.parse import parse
from framing.text.repairs import children_of, stranded_speakers
from framing.types import Doc, Entity, Quote
from framing.voice import find_quotes

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]  # the module's fixture, shared with the speaker cases


def retagged(doc: Doc, spans: list[tuple[int, int]], label: str) -> Doc:
    """``doc`` with token ranges ``spans`` tagged ``label`` (as the tagger did in a real article),
    and the entities they overlap dropped."""
    tagged = [Entity(a, b, doc.starts[a], doc.ends[b - 1], label) for a, b in spans]
    others = [e for e in doc.entities if not any(e.start < b and a < e.end for a, b in spans)]
    return replace(doc, entities=tuple(sorted([*others, *tagged], key=lambda e: e.start)))


def word_tagged(text: str, word: str, label: str, gazetteer: Gazetteer) -> tuple[set[str], list[Quote]]:
    """The actor types of the mentions named ``word`` and the quotations with their speakers, when
    the tagger tags every ``word`` alone as ``label``."""
    doc = parse(text)
    doc = retagged(doc, [(i, i + 1) for i, t in enumerate(doc.tokens) if t == word], label)
    mentions = find_mentions(doc, gazetteer)
    return {m.type for m in mentions if m.name == word}, link_speakers(doc, find_quotes(doc), mentions, gazetteer)


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
    doc = retagged(doc, spans, "ORG")
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
    mentions = find_mentions(retagged(doc, [(i, i + 1) for i in at], "PERSON"), shipped)
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


def test_a_list_of_organisations_tagged_as_one_is_split(shipped: Gazetteer) -> None:
    text = (
        "In responding to the panel, Meridian, Bluejay Inc. and Alphabet Inc.\u2019s Google defended their efforts.\n\n"
        "Bluejay defended hosting accounts of several critics.\n\n"
        "\u201cWe are committed to an open exchange of ideas,\u201d the company said."
    )
    doc = parse(text)
    at = doc.tokens.index("Meridian")
    # the tagger made "Meridian, Bluejay Inc." one organisation in a real article; make it do so here
    doc = retagged(doc, [(at, at + 4)], "ORG")
    names = {m.name for m in find_mentions(doc, shipped)}
    assert "Bluejay Inc." in names and "Meridian, Bluejay Inc." not in names


def test_one_name_with_commas_is_not_split(shipped: Gazetteer) -> None:
    text = "The Denver office of the Bureau of Alcohol, Tobacco, Firearms and Explosives said its agents were responding."
    doc = parse(text)
    a = doc.tokens.index("Bureau")
    b = doc.tokens.index("Explosives") + 1
    doc = retagged(doc, [(a, b)], "ORG")
    assert not any(m.name in ("Tobacco", "Firearms and Explosives") for m in find_mentions(doc, shipped))


def test_a_description_after_a_new_subject_is_that_person(shipped: Gazetteer) -> None:
    text = (
        "Fighting flared again this week.\n\n"
        "Asked during testimony about the renewed violence, joint chiefs chairman Gen. Mark Millard made clear he did not consider it a deal breaker.\n\n"
        "\"Yes, there were attacks, small attacks,\" the Pentagon's top military official told the committee."
    )
    assert quote_with(speakers(text, shipped), text, "small attacks").speaker_name == "Mark Millard"


def test_a_description_of_something_else_in_the_sentence_before_is_not_its_subject(shipped: Gazetteer) -> None:
    text = "Jane Holt praised the officer at the ceremony.\n\n\"I was only doing my job,\" the officer said."
    assert quote_with(speakers(text, shipped), text, "only doing").speaker_name != "Jane Holt"


def test_a_place_in_a_description_is_no_name(shipped: Gazetteer) -> None:
    text = (
        "Republican candidate Jeb Barton spoke to reporters on Friday. \"I get the frustration,\" Barton said.\n\n"
        "\"People want the laws enforced,\" the former Florida governor said."
    )
    assert quote_with(speakers(text, shipped), text, "laws enforced").speaker_name == "Jeb Barton"


def test_the_subject_of_an_absolute_with_clause_speaks(shipped: Gazetteer) -> None:
    text = (
        "Heated words were exchanged, with Rep. Paul Mitchum, R-Mich., accusing Democrats of handing control to a small group, "
        "and urging them to pass the Senate bill: \"Unless you decide to turn over the gavel to a fragment of your conference.\""
    )
    assert quote_with(speakers(text, shipped), text, "turn over the gavel").speaker_name == "Paul Mitchum"


def test_a_name_the_parser_hung_on_the_noun_before_the_verb_is_its_subject() -> None:
    # "... I think we're going to see a number of Republicans" reconsider their support, Joel
    # Benton, Clinton's top strategist, said: the parse a real article got ("Benton" the
    # apposition of "support", "said" with no subject)
    words = ["think", "reconsider", "their", "support", ",", "Joel", "Benton", ",", "Clinton", "'s", "top", "strategist", ",", "said", "."]
    lemmas = ["think", "reconsider", "their", "support", ",", "Joel", "Benton", ",", "Clinton", "'s", "top", "strategist", ",", "say", "."]
    pos = ["VERB", "VERB", "PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PART", "ADJ", "NOUN", "PUNCT", "VERB", "PUNCT"]
    deps = ["ROOT", "ccomp", "poss", "dobj", "punct", "compound", "appos", "punct", "poss", "case", "amod", "appos", "punct", "ccomp", "punct"]
    heads = [0, 0, 3, 1, 3, 6, 3, 6, 11, 8, 11, 6, 6, 0, 0]
    assert len(words) == len(heads)
    assert stranded_speakers(lemmas, pos, deps, heads, children_of(heads), [])
    assert (deps[6], heads[6]) == ("nsubj", 13)
    # a verb that has its subject keeps it
    deps2 = [*deps[:13], "ccomp", "punct"]
    heads2 = [*heads]
    deps2[11], heads2[11] = "nsubj", 13
    assert not stranded_speakers(lemmas, pos, deps2, heads2, children_of(heads2), [])


def test_a_surname_tagged_a_place_that_speaks_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Sondberg told lawmakers that he followed orders. Sondberg testified for six hours.\n\n"
        "Sondberg said that Rudy Giuliani was the conduit for the effort. "
        "\u201cMr. Giuliani\u2019s requests were a quid pro quo,\u201d he said."
    )
    doc = parse(text)
    at = [i for i, t in enumerate(doc.tokens) if t == "Sondberg"]
    # the tagger called "Sondberg" a person once and a place once, and missed the third
    doc = retagged(retagged(doc, [(at[0], at[0] + 1)], "PERSON"), [(at[1], at[1] + 1)], "GPE")
    doc = replace(doc, entities=tuple(e for e in doc.entities if e.start != at[2]))
    mentions = find_mentions(doc, shipped)
    assert [m.type for m in mentions if m.name == "Sondberg"] == ["person", "person", "person"]
    quotes = link_speakers(doc, find_quotes(doc), mentions, shipped)
    assert quote_with(quotes, text, "quid pro quo").speaker_name == "Sondberg"


def test_a_quotation_paragraph_after_a_sentence_about_one_person_is_theirs(shipped: Gazetteer) -> None:
    text = (
        "The family still waits for an answer from the police.\n\n"
        "While the case drags on, Saleema Banoo struggles with her pain and longing.\n\n"
        "\"I want to tear my heart open to find my son. It seems the light of my eyes has gone away.\""
    )
    assert quote_with(speakers(text, shipped), text, "tear my heart").speaker_name == "Saleema Banoo"


def test_a_quotation_paragraph_after_a_sentence_about_a_thing_has_no_speaker(shipped: Gazetteer) -> None:
    text = (
        "The two new regions will now be ruled directly from the capital.\n\n"
        "\"We do not know what our future will be like, and nobody has told us anything.\""
    )
    assert quote_with(speakers(text, shipped), text, "our future").speaker_name is None


def test_he_is_not_several_people_inside_anothers_report(shipped: Gazetteer) -> None:
    text = (
        "Police spokesman Yakubu Sambo said seven people who said they were teachers at the school had been arrested.\n\n"
        "\u201cThe state government is providing food to the children,\u201d he said."
    )
    assert quote_with(speakers(text, shipped), text, "providing food").speaker_name == "Yakubu Sambo"


def test_the_state_democrat_is_a_person_not_the_party(shipped: Gazetteer) -> None:
    text = (
        "Rep. Alexandria Ocasio-Cortez came to the defense of the former chairman on Monday, arguing against solitary confinement.\n\n"
        "\u201cA prison sentence is not a license for torture,\u201d the New York Democrat wrote on Twitter."
    )
    assert quote_with(speakers(text, shipped), text, "not a license").speaker_name == "Alexandria Ocasio-Cortez"


def test_a_first_name_tagged_a_place_that_she_takes_up_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "Before the pandemic, Jayden, a 17-year-old finishing up high school, hoped to become a mechanic.\n\n"
        "Now Jayden isn't sure if she'll be able to get that kind of job. "
        "\u201cI don't want to work in fast food forever,\u201d she told me."
    )
    # the tagger called "Jayden" a place in a real article; make it do so here
    types, quotes = word_tagged(text, "Jayden", "GPE", shipped)
    assert types == {"person"}
    assert quote_with(quotes, text, "fast food").speaker_name == "Jayden"


def test_a_statement_by_a_body_with_no_type_is_that_body(shipped: Gazetteer) -> None:
    text = (
        "Last month, the police finally submitted a report to the court.\n\n"
        "\"It is prayed that the deceased allegedly drowned in the river,\" said the status report submitted by the Parimpora police station to the court."
    )
    assert quote_with(speakers(text, shipped), text, "It is prayed").speaker_name == "Parimpora police station"


def test_a_rare_surname_that_speaks_and_his_takes_up_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "A new report analysed the work of many economists, including Borjan.\n\n"
        "While Borjan insists his focus is on pure economics, his analysis has other implications. "
        "\u201cThe skills of immigrants have declined,\u201d he writes."
    )
    # the tagger called "Borjan" an organisation in a real article; make it do so here
    types, quotes = word_tagged(text, "Borjan", "ORG", shipped)
    assert types == {"person"}
    assert quote_with(quotes, text, "have declined").speaker_name == "Borjan"


def test_a_first_name_someone_is_identified_only_as_is_a_person_with_that_names_gender(shipped: Gazetteer) -> None:
    text = (
        "A former child actor, identified only as Melissa in the report, recalled a dinner with the producer.\n\n"
        "\"It was set up to be that way,\" she said."
    )
    types, _ = word_tagged(text, "Melissa", "ORG", shipped)  # as the tagger tagged "Kimberly" in a real article
    assert types == {"person"}
    doc = parse(text)
    doc = retagged(doc, [(i, i + 1) for i, t in enumerate(doc.tokens) if t == "Melissa"], "ORG")
    m = next(m for m in find_mentions(doc, shipped) if m.name == "Melissa")
    assert _pronoun_of(m, doc, shipped) == "she"
    assert not _unsure_name(doc, m)


def test_a_first_name_that_is_not_how_someone_is_identified_stays_what_the_tagger_said(shipped: Gazetteer) -> None:
    text = "The charity, known as Melissa's Fund, said it would help.\n\nThe storm hit Melissa on Tuesday."
    types, _ = word_tagged(text, "Melissa", "GPE", shipped)
    assert "person" not in types
