"""Speakers written as descriptions ("the president", "the Republican", "the 22 year old", "the
29-year-old employee for ..."), a short exclamation before an inverted cue, an organisation's
initials at a paragraph's start, a relative "which" that speaks, a credit line after a pull quote,
and what a surname alone tells of a person's sex.

Texts are invented for the tests, modelled on constructions found in real articles (an inaugural
address, an endorsement, street protests, a leak, a lobby's reply, a retirement-plan consultation).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions, gender_evidence, link_speakers
from framing.text.parse import is_age_noun, parse
from framing.voice import find_quotes

from .test_speaker_cases import quote_with, shipped, speakers
from .test_speaker_evidence import retagged

__all__ = ["shipped"]


def test_an_exclamation_before_an_inverted_cue_is_the_named_persons(shipped: Gazetteer) -> None:
    text = (
        "\"I would put it between bad and ugly,\" Smetters told them.\n\n"
        "\"Oh!\" said Murphy, dismayed.\n\n"
        "\"I have seen worse,\" Smetters said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Oh!").speaker_text == "Murphy"
    # the parser's clause "Murphy, dismayed" is the speaker, not something reported
    assert [q.kind for q in quotes] == ["direct", "direct", "direct"]


def test_a_cue_after_a_conjunction_still_reports_its_clause(shipped: Gazetteer) -> None:
    text = "Mayor Ann Ruiz praised the plan and said she offered her \"full support\" to the governor."
    quotes = speakers(text, shipped)
    assert ("mixed", "Ann Ruiz") in {(q.kind, q.speaker_name) for q in quotes}


def test_a_generic_president_is_no_source_introduced_under_that_title(shipped: Gazetteer) -> None:
    text = (
        "President Barack Obama began his second term with a defense of the government.\n\n"
        "He compared the cause to the struggles of women, the first time a president has done so in an inaugural speech.\n\n"
        "\"We, the people, understand that our country cannot succeed when a shrinking few do very well,\" the president said."
    )
    q = quote_with(speakers(text, shipped), text, "shrinking few")
    assert q.speaker_name == "Barack Obama"


def test_the_president_is_the_one_the_article_gives_the_title_not_one_only_the_gazetteer_does(shipped: Gazetteer) -> None:
    # a 2016 story: Trump is a candidate, "Mr. Trump"; the gazetteer's "President Trump" is no
    # reason to take him for "the president" over President Obama
    text = (
        "The White House said Thursday that President Obama would campaign for Mrs. Clinton.\n\n"
        "Mr. Obama met privately with Senator Sanders at the White House.\n\n"
        "The president, alarmed by Mr. Trump's candidacy, has been eager to join the campaign.\n\n"
        "In his endorsement, the president said, \"I don't think there's ever been someone so qualified to hold this office.\""
    )
    q = quote_with(speakers(text, shipped), text, "so qualified")
    assert q.speaker_name == "Barack Obama"


def test_the_party_member_is_the_subject_before_even_when_the_word_was_used_for_him_earlier(shipped: Gazetteer) -> None:
    text = (
        "The president, alarmed by Mr. Trump's candidacy and believing the Republican isn't fit for the office, endorsed Mrs. Clinton.\n\n"
        "Mr. Trump was succinct in his reaction to the endorsement. \"Obama just endorsed Crooked Hillary,\" the Republican said on Twitter."
    )
    q = quote_with(speakers(text, shipped), text, "just endorsed")
    assert q.speaker_name == "Donald Trump"


def test_an_age_written_without_hyphens_is_a_description_of_the_person_just_named(shipped: Gazetteer) -> None:
    text = (
        "Thirty-year-old Noor Hadi is one of them. Others such as 23-year-old Sara Aziz provide first aid.\n\n"
        "Fatima, a final-year nursing student at Baghdad University, agreed. \"It's our duty as medics to help those who get hurt,\" the 22 year old told reporters."
    )
    doc = parse(text)
    assert any(is_age_noun(doc, i) for i, t in enumerate(doc.tokens) if t == "old")
    q = quote_with(speakers(text, shipped), text, "our duty")
    assert q.speaker_name == "Fatima"


def test_an_employee_for_a_company_is_the_person_just_named_not_the_company(shipped: Gazetteer) -> None:
    text = (
        "Edward Snowden, a former technical assistant for the CIA, revealed himself as the whistleblower to The Guardian on Sunday.\n\n"
        "\"I have no intention of hiding who I am because I know I have done nothing wrong,\" the 29-year-old employee for Booz Allen Hamilton told the paper."
    )
    q = quote_with(speakers(text, shipped), text, "no intention")
    assert q.speaker_name == "Edward Snowden"


def test_a_surname_alone_tells_the_sex_of_the_one_person_named_in_full_with_it() -> None:
    text = (
        "Noor al-Araji and Mohamed Jalal got engaged after they met at the barricades.\n\n"
        "Araji said she was one of the first women to go to the frontlines."
    )
    assert gender_evidence(parse(text)).get("Noor Araji") == "she"


def test_a_surname_alone_gives_no_sex_when_someone_else_is_named_in_its_clause() -> None:
    text = (
        "Derek Chollet advised Hillary Clinton for years.\n\n"
        "Chollet, who worked closely with Clinton at the time, said she was very worried about the embassy."
    )
    assert "Derek Chollet" not in gender_evidence(parse(text))


def test_initials_at_a_paragraphs_start_are_no_dateline(shipped: Gazetteer) -> None:
    text = (
        "Critics said lobbyists at the American Israel Public Affairs Committee are funding her critics.\n\n"
        "AIPAC - which spent about $3.5 million on lobbying in 2018 - sponsors an annual trip. The organization also answered with a tweet.\n\n"
        "\"We are proud that we are engaged in the democratic process,\" the group said on its official Twitter account."
    )
    q = quote_with(speakers(text, shipped), text, "democratic process")
    assert q.speaker_name == "American Israel Public Affairs Committee"


def test_initials_of_a_hyphenated_name_are_that_organisation(shipped: Gazetteer) -> None:
    text = (
        "The Council on American-Islamic Relations defended the two congresswomen in a statement on Monday.\n\n"
        "\"Anti-Semitism is real. It should not be used as a tool to silence criticism,\" CAIR said."
    )
    q = quote_with(speakers(text, shipped), text, "tool to silence")
    assert q.speaker_name == "Council on American-Islamic Relations"


def test_a_relative_which_speaks_for_the_noun_it_describes(shipped: Gazetteer) -> None:
    text = "She supports the Boycott, Divestment and Sanctions movement, which claims that \"Israel has denied Palestinians their rights.\" It aims to use economic pressure."
    q = quote_with(speakers(text, shipped), text, "has denied")
    assert q.speaker_text == "the Boycott, Divestment and Sanctions movement"


def test_a_credit_on_the_pull_quotes_own_line_is_the_speaker(shipped: Gazetteer) -> None:
    text = (
        "Ramone has been attacked online.\n\n"
        "'At first, they say it is a tradition, then it quickly ends up with leave the country.' Nilab Ahmadi, student\n\n"
        "At a coffee shop in Amsterdam, Nilab Ahmadi, 27, a law student, said the debate has changed."
    )
    q = quote_with(speakers(text, shipped), text, "At first")
    assert q.speaker_name == "Nilab Ahmadi"


def test_a_name_with_a_verb_of_its_own_after_a_pull_quote_is_no_credit(shipped: Gazetteer) -> None:
    text = (
        "Ramone has been attacked online.\n\n"
        "\"At first, they say it is a tradition, then it ends up with leave the country.\" Nilab Ahmadi, a student, then left the hall in silence."
    )
    q = quote_with(speakers(text, shipped), text, "At first")
    assert q.speaker_name != "Nilab Ahmadi"


def test_the_cop_who_added_is_the_officer_quoted_just_before(shipped: Gazetteer) -> None:
    text = (
        "Darren Wilson told the grand jury how the encounter began.\n\n"
        "Wilson testified that, \"I felt like a 5-year-old holding onto Hulk Hogan.\" The cop added, \"That's just how big he felt and how small I felt.\""
    )
    q = quote_with(speakers(text, shipped), text, "how big he felt")
    assert q.speaker_name == "Darren Wilson"


def test_a_one_word_answer_opening_its_paragraph_is_a_direct_quotation(shipped: Gazetteer) -> None:
    # the paragraph before ends with a name ("the U.S."): no title in quotation marks after it
    text = (
        "Trump was asked by reporters whether Russia is still targeting the U.S.\n\n"
        "\"No,\" he said, again contradicting statements Coats had made."
    )
    quotes = speakers(text, shipped)
    assert [(q.kind, text[q.start : q.end], q.speaker_name) for q in quotes] == [("direct", "\"No,\"", "Donald Trump")]


def test_words_remembered_as_heard_are_the_speakers_heard_and_the_telling_goes_on_as_the_rememberers(shipped: Gazetteer) -> None:
    text = (
        "Venus Green was 87 when the police came to her house.\n\n"
        "\"You ain't no better than any of the others,\" Green recalled the officer saying as he stood over her. "
        "\"He pulled me up, pushed me in the dining room and handcuffed me to a chair.\""
    )
    quotes = speakers(text, shipped)
    heard = quote_with(quotes, text, "no better")
    assert (heard.cue, heard.speaker_text) == ("saying", "the officer")
    assert quote_with(quotes, text, "pulled me up").speaker_name == "Venus Green"
    # "as he stood over her" tells when, not what was said
    assert not any(text[q.start : q.end] == "as he stood over her" for q in quotes)


def test_each_paragraph_of_a_quotation_over_paragraphs_is_a_quotation_of_the_same_source(shipped: Gazetteer) -> None:
    text = (
        "Ben Carson spoke on ABC's \"This Week.\" \"What does it say about people who jump on the bandwagon when they hear something bad?\n\n"
        "\"Let me put it this way,\" Mr. Carson said. \"I would not be anxious to have such a commander in chief.\""
    )
    quotes = [q for q in speakers(text, shipped) if q.kind == "direct"]
    assert [text[q.start : q.end][:12] for q in quotes] == ["\"What does i", "\"Let me put ", "\"I would not"]
    assert {q.speaker_name for q in quotes} == {"Ben Carson"}


def test_a_paragraph_that_names_no_one_takes_the_speaker_of_the_next_paragraph_of_its_quotation(shipped: Gazetteer) -> None:
    text = (
        "Senator Jane Ruiz gave a speech on Tuesday.\n\n"
        "Then the hall went quiet. \"We will fight this in every court. We will not stop until it is done.\n\n"
        "\"And we will win in the end,\" Ruiz said."
    )
    quotes = [q for q in speakers(text, shipped) if q.kind == "direct"]
    assert len(quotes) == 2 and {q.speaker_name for q in quotes} == {"Jane Ruiz"}


def test_prepared_remarks_released_by_a_committee_are_the_speakers_not_the_committees(shipped: Gazetteer) -> None:
    text = (
        "Former Homeland Security Secretary Jeh Johnson testified on Wednesday.\n\n"
        "His prepared remarks were released by the House Intelligence Committee on Tuesday evening:\n\n"
        "\"In 2016 the Russian government orchestrated cyberattacks on our nation, plain and simple.\""
    )
    q = quote_with(speakers(text, shipped), text, "plain and simple")
    assert q.speaker_name == "Jeh Johnson"


def test_a_name_the_tagger_ran_into_its_verb_ends_before_the_verb(shipped: Gazetteer) -> None:
    text = "Standing with Lindsey Graham, George W. told a North Charleston crowd that, \"If serving as president makes me part of the establishment, I proudly wear that label.\""
    doc = parse(text)
    at = doc.tokens.index("George")
    doc = retagged(doc, [(at, at + 3)], "PERSON")  # as the tagger did in the real article: "George W. told"
    quotes = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped), shipped)
    assert quote_with(quotes, text, "proudly wear").speaker_name == "George W."


def test_a_source_set_between_commas_after_the_subject_notes_the_quoted_clause(shipped: Gazetteer) -> None:
    text = (
        "Jeb Bush defended his brother at the debate.\n\n"
        "The younger Bush, The New York Times noted, \"seems to be embracing his inner dynast, joking about his family in speeches.\""
    )
    q = quote_with(speakers(text, shipped), text, "inner dynast")
    assert q.speaker_text == "The New York Times"


def test_a_title_of_one_sex_before_an_untagged_name_makes_a_person_of_that_sex(shipped: Gazetteer) -> None:
    text = (
        "The mayor's video touts paid sick leave. Then Bill de Blasio returns to the camera.\n\n"
        "First lady Chirlane McCray also makes an appearance to plug her mental health agenda.\n\n"
        "\u201cEverything begins with being healthy,\u201d she says."
    )
    q = quote_with(speakers(text, shipped), text, "being healthy")
    assert q.speaker_name == "Chirlane McCray"


def test_someone_who_saw_a_memo_did_not_write_it(shipped: Gazetteer) -> None:
    text = (
        "Mr. McCabe retired one day after FBI Director Christopher Wray saw the memo.\n\n"
        "\"Ohr later provided the FBI with all of his wife's opposition research,\" the memo stated."
    )
    q = quote_with(speakers(text, shipped), text, "opposition research")
    assert q.speaker_name != "Christopher Wray"


def test_a_quotation_after_a_report_goes_to_the_reporter_not_to_a_source_inside_the_report(shipped: Gazetteer) -> None:
    text = (
        "Sen. Marco Rubio, R-Fla., also said he hoped the Intelligence Committee could reveal as much as possible.\n\n"
        "\"I think you could argue they've achieved quite a bit because of the political fissures that formed.\""
    )
    q = quote_with(speakers(text, shipped), text, "achieved quite a bit")
    assert q.speaker_name == "Marco Rubio"


def test_a_he_quoted_inside_someones_quotation_is_someone_they_talk_about(shipped: Gazetteer) -> None:
    text = (
        "\u201cMr. Bloomberg has every right to run. But I don\u2019t think he has the right to buy this election. "
        "He chose not to contest in Iowa, where we did town meetings \u2013 he said, \u2018I don\u2019t have to do that. I\u2019m worth $60 billion.\u2019 "
        "That offends me,\u201d Sanders said."
    )
    quotes = speakers(text, shipped)
    (inner,) = [q for q in quotes if text[q.start] == "\u2018"]
    assert inner.speaker_name is not None and "Bloomberg" in inner.speaker_name


def test_a_question_someone_is_told_to_have_asked_is_the_askers(shipped: Gazetteer) -> None:
    text = (
        "Trump also admitted that he called Comey to find out whether he was under investigation.\n\n"
        "\"If it's possible, will you let me know, am I under investigation?\" Trump told Holt he asked Comey.\n\n"
        "That is a remarkable admission."
    )
    q = quote_with(speakers(text, shipped), text, "am I under investigation")
    assert (q.cue, q.speaker_name) == ("asked", "Donald Trump")
