"""References back to a source named long or oddly before: a name the parser hung on the phrase
before it, a full name the parser missed, "the report" long after whose report it is, and a
description of the same kind as one found before ("the university" ... "the school").

Texts are invented for the tests, modelled on constructions found in real articles (wire copy on
hacking, a broadcast interview, an oversight board's report, a university's statements).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions, link_speakers
from framing.text.parse import parse
from framing.text.quotes import find_quote_spans
from framing.text.repairs import fronted_subjects
from framing.types import Entity
from framing.voice import find_quotes

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]  # the module's fixture, shared with the speaker cases


def test_a_name_after_a_fronted_phrase_is_the_subject_of_the_verb() -> None:
    text = "Speaking to The Daily Ledger, Mara Quint, who now runs security firm Brightwall, used a military analogy."
    doc = parse(text)
    quint = doc.tokens.index("Quint")
    used = doc.tokens.index("used")
    assert (doc.deps[quint], doc.heads[quint]) == ("nsubj", used)


def test_he_after_a_name_the_parser_took_for_an_apposition(shipped: Gazetteer) -> None:
    text = (
        "As the Ledger's Tom Felder reported, the unit is based in a quiet suburb.\n\n"
        "Speaking to The Daily Ledger, Owen Quint, who now runs security firm Brightwall, used a military analogy.\n\n"
        "\"If their planes flew into our airspace, our planes would escort them away,\" he said."
    )
    assert quote_with(speakers(text, shipped), text, "escort them").speaker_name == "Owen Quint"


@pytest.mark.parametrize("tagged", ["ORG", None])
def test_a_full_name_the_parser_missed_joins_the_surname(shipped: Gazetteer, tagged: str | None) -> None:
    # the parser tagged "Lesley Stahl" an organisation (or nothing) and "Stahl" alone a person
    text = (
        "The interview with the network's Dorit Wendholm touched on tariffs and on Margaret Ellery, among other things. "
        "The president was interviewed by Wendholm in 2016.\n\n"
        "Wendholm has interviewed him three times. \"In terms of the three interviews, he was completely different,\" she said."
    )
    doc = parse(text)
    full = next(e for e in doc.entities if doc.tokens[e.start : e.end] == ("Dorit", "Wendholm"))
    later = doc.tokens.index("has") - 1
    entities = [
        replace(e, label=tagged) if e is full else e
        for e in doc.entities
        if (e is not full or tagged is not None) and e.start != later
    ]
    doc = replace(doc, entities=tuple(entities))
    spans = find_quote_spans(text)
    quotes = link_speakers(doc, find_quotes(doc, spans), find_mentions(doc, shipped, quote_spans=spans), shipped)
    assert quote_with(quotes, text, "three interviews").speaker_name == "Dorit Wendholm"


def test_the_report_is_the_report_of_whoever_was_named_its_author(shipped: Gazetteer) -> None:
    text = (
        "The White House disputed the findings on Thursday.\n\n"
        "Jay Marlow, the press secretary, was responding to a scathing report from the Civic Records Oversight Board, "
        "which said the program should end.\n\n"
        "\"The program lacks a legal foundation,\" the board's report said.\n\n"
        "Senator Ada Pinkerton voiced dismay at the findings. Senator Lou Garvey praised them. "
        "The program began in 2006. It collects the records of every call. It has cost little. "
        "Few people knew of it. Two judges approved it. A third judge did not. The agency kept it running. "
        "Its lawyers wrote the rules. Its analysts read the results.\n\n"
        "\"The failure stemmed from a lack of information sharing, not a lack of data,\" the report said."
    )
    q = quote_with(speakers(text, shipped), text, "lack of information")
    assert q.speaker_name == "Civic Records Oversight Board"


def test_a_new_report_of_no_named_author_is_nobodys_named(shipped: Gazetteer) -> None:
    text = (
        "Jay Marlow was responding to a report from the Civic Records Oversight Board.\n\n"
        "A new report found the program had failed.\n\n"
        "\"The failure stemmed from a lack of information sharing,\" the report said."
    )
    q = quote_with(speakers(text, shipped), text, "lack of information")
    assert q.speaker_name != "Civic Records Oversight Board"


def test_a_description_of_the_same_kind_is_the_organisation_found_before(shipped: Gazetteer) -> None:
    text = (
        "Under pressure from lawmakers, Harwick University said on Wednesday it would return the relief money.\n\n"
        "\"We will not accept the funds,\" the school tweeted.\n\n"
        "Harwick whined about the pressure in a second message.\n\n"
        "The fund was created in March. It helps colleges pay students who lost their jobs.\n\n"
        "The university had earlier said it would not return the funds.\n\n"
        "Instead, the school had argued, it applied for money from another fund.\n\n"
        "\"It would not have been appropriate for our institution to receive these funds,\" the school tweeted."
    )
    q = quote_with(speakers(text, shipped), text, "appropriate for our institution")
    assert q.speaker_name in ("Harwick University", "Harwick")


def test_a_description_of_another_kind_is_not_the_organisation_found_before(shipped: Gazetteer) -> None:
    text = (
        "The Food and Drug Administration warned hospitals on Thursday to clean the scopes with care. "
        "Its letter went to every clinic in the country. Many clinics use the scopes. Few can replace them soon.\n\n"
        "The agency said that even careful cleaning may not remove the risk.\n\n"
        "The announcement followed a report of seven infections at a large medical center in Ohio. "
        "The hospital said that as many as 179 patients were exposed."
    )
    q = quote_with(speakers(text, shipped), text, "179 patients")
    assert q.speaker_name != "Food and Drug Administration"


def test_an_organisations_first_word_is_that_organisation(shipped: Gazetteer) -> None:
    text = (
        "Under pressure from lawmakers, Harwick University said on Wednesday it would return the relief money.\n\n"
        "\"We are concerned that the focus on Harwick may undermine the program,\" Harwick said in a second message."
    )
    q = quote_with(speakers(text, shipped), text, "We are concerned")
    assert (q.speaker, q.speaker_name) == ("candidate:harwick_university", "Harwick University")


def test_a_citys_name_as_a_modifier_is_no_organisation_named_after_it(shipped: Gazetteer) -> None:
    text = (
        "Students at Brenford University held a vigil on Friday.\n\n"
        "The statement by the Brenford prosecutors office said that no note was found."
    )
    q = quote_with(speakers(text, shipped), text, "no note was found")
    assert q.speaker != "candidate:brenford_university"


def test_a_speaker_with_a_slashed_title_after_an_inverted_cue() -> None:
    text = "\"It is not only your obligation to say thank you, but to call these people out,\" tweeted singer/songwriter Dale Fenwick."
    doc = parse(text)
    # the parse the parser gave a real article: the cue an adjective of "songwriter", the name an
    # adverbial of the quotation's verb
    t = {w: doc.tokens.index(w) for w in ("tweeted", "singer", "/", "songwriter", "Dale", "Fenwick", "call")}
    deps, heads = list(doc.deps), list(doc.heads)
    for word, dep, head in [
        ("tweeted", "amod", "songwriter"), ("singer", "nmod", "songwriter"), ("/", "punct", "songwriter"),
        ("songwriter", "compound", "Fenwick"), ("Dale", "compound", "Fenwick"), ("Fenwick", "npadvmod", "call"),
    ]:
        deps[t[word]], heads[t[word]] = dep, t[head]
    children: list[list[int]] = [[] for _ in deps]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    doc = replace(doc, deps=tuple(deps), heads=tuple(heads), children=tuple(tuple(c) for c in children))
    (q,) = find_quotes(doc, find_quote_spans(text))
    assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end].endswith("Dale Fenwick")


def test_a_name_opening_the_sentence_after_a_question_is_its_speaker(shipped: Gazetteer) -> None:
    text = (
        "The war cost more than $900 billion, according to an estimate.\n\n"
        "“What did we get for this $1 trillion effort? Was it worth $1 trillion?” Jeffrey Pelham, a retired Navy SEAL "
        "and White House staffer under both parties, told interviewers."
    )
    assert quote_with(speakers(text, shipped), text, "What did we get").speaker_name == "Jeffrey Pelham"


def test_a_name_after_a_long_quotation_that_reports_words_of_its_own_is_not_its_speaker(shipped: Gazetteer) -> None:
    text = (
        "“The dispute is about whether the company may answer the president,” Jamal Farrow said in a statement. "
        "“Fundamentally this dispute is about whether the company has the right to disagree. Obviously, it does.” "
        "Farrow’s colleague Kay Fellner, a senior attorney at the Free Speech Institute, noted that the order’s language "
        "“makes the motive even clearer.”"
    )
    assert quote_with(speakers(text, shipped), text, "Fundamentally").speaker_name == "Jamal Farrow"


def test_the_retired_general_is_the_person_described_so(shipped: Gazetteer) -> None:
    text = (
        "President Harlan fired him, but former Defense Secretary Jim Keller had a few barbs of his own in a speech on Thursday.\n\n"
        "Delivering the keynote address at the Alfred E. Smith Memorial Foundation Dinner, Keller — a retired four-star "
        "Marine general — said he felt he had finally achieved greatness.\n\n"
        "\"We owe a debt to all who fought for liberty,\" the retired general said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "We owe a debt").speaker_name == "Jim Keller"


def test_a_name_set_off_by_dashes_after_a_fronted_phrase_is_the_subject() -> None:
    # the parse a real article got: the name (tagged a nationality) and its description both
    # hung on "Dinner" as appositions, "said" without a subject
    text = "Delivering the keynote address at the Alfred E. Smith Memorial Foundation Dinner, Maddock — a retired four-star Marine general — said he felt he had finally achieved greatness."
    doc = parse(text)
    tokens = list(doc.tokens)
    t = {w: tokens.index(w) for w in ("Delivering", "Dinner", "Maddock", "general", "said")}
    deps, heads = list(doc.deps), list(doc.heads)
    for word, dep, head in [("Delivering", "advcl", "said"), ("Maddock", "appos", "Dinner"), ("general", "appos", "Dinner"), ("said", "ROOT", "said")]:
        deps[t[word]], heads[t[word]] = dep, t[head]
    deps[t["said"] + 1] = "nsubj"  # "he" of "he felt" stays under "felt"
    children: list[list[int]] = [[] for _ in tokens]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    entities = [Entity(t["Maddock"], t["Maddock"] + 1, 0, 0, "NORP")]
    assert fronted_subjects(tokens, list(doc.pos), deps, heads, children, entities)
    assert (deps[t["Maddock"]], heads[t["Maddock"]]) == ("nsubj", t["said"])
    assert heads[t["general"]] == t["Maddock"]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            "The report, by the conservative watchdog Capital Oversight Center, describes a network of nonprofits. "
            "\"The real puppeteer is the parent firm,\" the report says.",
            "real puppeteer",
            "Capital Oversight Center",
        ),
        (
            "The Border Agency issued a statement saying that the rumour of a free pass drove the surge.",
            "rumour of a free pass",
            "Border Agency",
        ),
    ],
)
def test_the_author_of_a_report_named_in_an_aside_or_as_the_issuer(shipped: Gazetteer, text: str, words: str, name: str) -> None:
    assert quote_with(speakers(text, shipped), text, words).speaker_name == name


def test_a_persons_name_tagged_an_organisation_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "As she walked into the voting booth, college student Chelsea Linares said she was thinking about her parents.\n\n"
        "\"All the emotions hit,\" Linares said.\n\n"
        "\"They came so my voice could be heard,\" she said."
    )
    doc = parse(text)
    entities = [replace(e, label="ORG") if "Linares" in doc.tokens[e.start : e.end] else e for e in doc.entities]
    doc = replace(doc, entities=tuple(entities))
    spans = find_quote_spans(text)
    quotes = link_speakers(doc, find_quotes(doc, spans), find_mentions(doc, shipped, quote_spans=spans), shipped)
    assert quote_with(quotes, text, "my voice").speaker_name == "Chelsea Linares"


def test_he_after_an_unnamed_parent_is_that_parent(shipped: Gazetteer) -> None:
    text = (
        "The department will tell families today whether the schools reopen, Moira Blaney said.\n\n"
        "“Schools should be disinfected by the health department, not just cleaned,” one Staten Island parent fumed.\n\n"
        "“Parents are outraged,” he said."
    )
    q = quote_with(speakers(text, shipped), text, "Parents are outraged")
    assert q.speaker_name == "one Staten Island parent"


def test_a_description_with_a_name_in_apposition_is_shown_by_the_name(shipped: Gazetteer) -> None:
    text = (
        "Dale Palone was arrested on Friday.\n\n"
        "His mother, Rosemary, said he had been working two jobs. “He is a good boy,” she said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "working two jobs").speaker_name == "Rosemary"
    assert quote_with(quotes, text, "good boy").speaker_name == "Rosemary"


def test_the_statement_is_of_whoever_said_something_in_a_statement(shipped: Gazetteer) -> None:
    text = (
        "The delay is meant to help slow the virus, the Border Agency said in a statement.\n\n"
        "Advocates have urged the agency to release detainees. The agency runs 200 centres. "
        "Most are full. Some are near cities. Two have closed. One opened in May. Staff work long shifts. "
        "Visits have stopped. Lawyers call by phone. Hearings have been halted.\n\n"
        "Dana Holt clarified the plan on Thursday.\n\n"
        "“Our highest priorities are life-saving activities,” the statement added."
    )
    q = quote_with(speakers(text, shipped), text, "highest priorities")
    assert q.speaker_name == "Border Agency"
