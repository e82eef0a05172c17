"""Speakers found in gold parts 59-61's constructions: zero-width spaces glued to a name and its
verb, a title set beside a name ("X, a U.S. senator"), any noun set beside a name ("Y, a
researcher who ...": "the researcher noted"), two speakers answering in turn inside one quoted
exchange, a participle after a passive verb, a report inside a source's report, a trade's noun
before a name, an age after "one of them, <name>", a name described by its age, the crowd
"chants" tagged as a plural noun, a round-up's bracketed credit, an honorific the tagger left a
common noun, a writer's sentence between two of a source's quotations, and topic headings
between an interview's answers.

Texts are invented for the tests, modelled on constructions found in real articles (a senator on
a summit, a dismissed researcher, protesters outside a tax office, voters after a debate, a
village festival, a refugee, a street protest, a budget round-up, a Sunday talk show, a
correspondent's analysis, a late-night interview).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import _described_as_someone
from framing.text.parse import parse

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]


def test_zero_width_spaces_do_not_hide_the_name_and_its_verb(shipped: Gazetteer) -> None:
    text = (
        "WASHINGTON – Senator Dana Kolbeck said the summit had changed nothing.\n\n"
        "“I don’t think we know if it worked until there are results,” \u200bKolbeck said\u200b in an interview on Sunday."
    )
    q = quote_with(speakers(text, shipped), text, "we know if it worked")
    assert q.speaker_text == "Kolbeck"
    assert q.cue == "said"


def test_a_title_set_beside_the_name_makes_the_person_the_senator(shipped: Gazetteer) -> None:
    text = (
        "Dana Kolbeck criticised the summit on Sunday.\n\n"
        "Kolbeck, a U.S. senator from Minnesota, was not ready to give the president credit.\n\n"
        "She said she wanted to see the talks work.\n\n"
        "“It is not as easy as bringing a casserole over the fence to the neighbour,” the folksy senator said."
    )
    q = quote_with(speakers(text, shipped), text, "bringing a casserole")
    assert q.speaker_name == "Dana Kolbeck"
    assert q.speaker_type == "person"


def test_a_noun_set_beside_the_name_is_who_the_noun_later_means(shipped: Gazetteer) -> None:
    text = (
        "The author has come under fire for tweeting support for Mara Lindqvist, a researcher who lost her job at a think tank.\n\n"
        "The researcher was a visiting fellow at the institute, which declined to renew her contract.\n\n"
        "The researcher noted that everyone “should be free to express themselves and to live free of harassment and discrimination.”"
    )
    q = quote_with(speakers(text, shipped), text, "free to express")
    assert q.speaker_name == "Mara Lindqvist"
    assert q.speaker_type == "person"


def test_two_speakers_answer_in_turn_inside_one_exchange(shipped: Gazetteer) -> None:
    text = (
        "Lena Hartwig and Bea Osterberg said they had joined the march downtown.\n\n"
        "\"No,\" Hartwig said, \"but maybe it will push Congress to act on his taxes,\" Osterberg said. "
        "\"And if they don't, we'll be paying attention at the next election.\""
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "No,").speaker_name == "Lena Hartwig"
    assert quote_with(quotes, text, "push Congress").speaker_name == "Bea Osterberg"
    assert quote_with(quotes, text, "paying attention").speaker_name == "Bea Osterberg"
    # the exchange is no clause Hartwig reports
    assert not any(q.kind in ("reported", "mixed") and q.speaker_name == "Lena Hartwig" for q in quotes)


def test_coordinated_speakers_keep_their_own_quotations(shipped: Gazetteer) -> None:
    text = (
        "Host Willa Brandt pressed Rep. Tomas Okafor on the list of donors.\n\n"
        "Okafor again said, “That was not my intention,” and Brandt again insisted, “But that is what will happen.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "not my intention").speaker_name == "Tomas Okafor"
    assert quote_with(quotes, text, "what will happen").speaker_name == "Willa Brandt"


def test_a_participle_after_a_passive_verb_is_the_passive_subject(shipped: Gazetteer) -> None:
    text = (
        "One table away sat twins Luke and Mark Ehrling, both undecided.\n\n"
        "His brother Mark was also captivated by Tom Sayers, saying: “I really like what I heard Tom Sayers saying tonight.”"
    )
    assert quote_with(speakers(text, shipped), text, "I really like").speaker_name == "Mark Ehrling"


def test_a_report_inside_a_source_report_does_not_take_the_next_he(shipped: Gazetteer) -> None:
    text = (
        "One table away sat twins Luke and Mark Ehrling, who both have yet to make up their minds.\n\n"
        "Luke Ehrling said that after watching the debate, “I was extremely impressed with the mayor's ability to explain his platform.”\n\n"
        "But he noted he was also impressed with Warren and billionaire environmental advocate Tom Sayers, "
        "who’s repeatedly emphasized that combating climate change is his top priority.\n\n"
        "“Prioritizing climate change is a big thing for me,” he explained."
    )
    assert quote_with(speakers(text, shipped), text, "a big thing for me").speaker_name == "Luke Ehrling"


def test_a_trade_noun_before_a_name_makes_it_a_person(shipped: Gazetteer) -> None:
    text = (
        "Thousands gathered at the temple, activist Manoj Ghimire said.\n\n"
        "Local priest Mangal Tharu, the tenth generation of his family to serve at the temple, said that attendance is increasing.\n\n"
        "\"We will follow our traditions and perform the rituals in the temple,\" he said."
    )
    assert quote_with(speakers(text, shipped), text, "follow our traditions").speaker_name == "Mangal Tharu"


def test_an_age_between_commas_lets_the_cue_follow_a_long_speaker_phrase(shipped: Gazetteer) -> None:
    text = (
        "Thousands of worshippers have spent days sleeping in the open near the border.\n\n"
        "\"I believe in the goddess. My mother had asked her for the good health of my son,\" one of them, Rajan Kumar Thapa, 30, told AFP."
    )
    assert quote_with(speakers(text, shipped), text, "I believe in the goddess").speaker_name == "Rajan Kumar Thapa"


def test_a_name_described_by_its_age_is_a_person() -> None:
    # (the tagger took "Syrian" for a proper noun, so no common noun describes the name)
    doc = parse("Raja Anderun, a 65-year-old Syrian from Idlib, now lives in Antakya in southern Turkey.")
    assert _described_as_someone(doc, doc.tokens.index("Anderun"))
    assert not _described_as_someone(parse("Raja Anderun, the Syrian from Idlib, now lives in Antakya."), 1)


def test_the_crowd_chants_is_a_verb_of_saying(shipped: Gazetteer) -> None:
    text = (
        "A reporter walked through the protest outside the clinic on Thursday.\n\n"
        "In another clip, the crowd chants, “Fake news is not essential” as Kevin Varga walks through the protest."
    )
    q = quote_with(speakers(text, shipped), text, "Fake news is not essential")
    assert q.speaker_text == "the crowd"


def test_a_bracketed_credit_after_a_round_up_quotation(shipped: Gazetteer) -> None:
    text = (
        "The meeting at the White House has led to analyses such as these this morning:\n\n"
        "-- \"The outlines of a budget deal are becoming clearer. But progress has been slow.\" (The Washington Post)\n\n"
        "-- \"The meeting marks one of the first positive signs in days.\" (NPR's Kirk Sanders, for our Newscast)"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "outlines of a budget").speaker_text == "The Washington Post"
    assert quote_with(quotes, text, "first positive signs").speaker_name == "Kirk Sanders"


def test_an_honorific_before_a_name_tagged_as_a_noun_introduces_the_colon(shipped: Gazetteer) -> None:
    text = (
        "Gov. Martin O’Malley of Maryland, a Democrat, answered the question on a Sunday programme.\n\n"
        "Mr. O’Malley provided another answer on Monday on CNN: “We are clearly better off as a country because we are creating jobs.”"
    )
    q = quote_with(speakers(text, shipped), text, "clearly better off")
    assert q.speaker_text == "Mr. O’Malley"


def test_a_sentence_of_the_writer_between_two_quotations_of_one_source(shipped: Gazetteer) -> None:
    text = (
        "\"I think this is going to be seen as a massive victory for the president,\" correspondent Hamid Alberra said. "
        "They got the ceasefire plus the safe corridors and also the return of the civilians to their areas.\n\n"
        "\"He will not have to be concerned about his soldiers any more, and that matters to him a great deal.\""
    )
    assert quote_with(speakers(text, shipped), text, "concerned about his soldiers").speaker_name == "Hamid Alberra"


def test_topic_headings_between_answers_do_not_end_the_interview(shipped: Gazetteer) -> None:
    text = (
        "\"This radical, violent extremism is still out there,\" President Barack Obama told the host at one point.\n\n"
        "Here are some other topics and comments:\n\n"
        "The warnings to overseas travellers\n\n"
        "\"I think the general rule is just to show some common sense and some caution when you travel.\"\n\n"
        "His new friendship with John McCain\n\n"
        "\"John McCain and I have a number of philosophical differences, but he is a person of integrity.\""
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "general rule").speaker_name == "Barack Obama"
    assert quote_with(quotes, text, "philosophical differences").speaker_name == "Barack Obama"
