"""Speakers given an abbreviated rank ("Fire Capt. Doug Bridewell"), a description that is a
person named before ("the first lady", "the top U.S. diplomat"), texts that speak ("read a
campaign information sheet"), and quotations closed the way older wire copy closes them (,'').

Texts are invented for the tests, modelled on constructions found in real articles (an
earthquake, a summit, a hospital's statement, a campaign's fact sheet, a protest).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.text.parse import parse
from framing.text.quotes import find_quote_spans

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]


def test_an_abbreviated_rank_keeps_its_full_stop_and_the_name_after_it_speaks(shipped: Gazetteer) -> None:
    text = "\"There's collapses, fires,\" said Napa Fire Capt. Doug Bridewell, standing in front of the building. \"That's the worst shaking I've ever been in.\""
    doc = parse(text)
    assert "Capt." in doc.tokens
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "collapses").speaker_name == "Doug Bridewell"
    assert quote_with(quotes, text, "worst shaking").speaker_name == "Doug Bridewell"


def test_a_sentence_still_ends_before_a_rank_that_opens_the_next() -> None:
    doc = parse("Police Capt. Tom Jump said it was bad. Lt. Col. Ann Smith agreed.")
    assert len(doc.sentences) == 2
    assert doc.tokens[doc.sentences[1].token_start] == "Lt."


def test_two_apostrophes_close_a_double_quotation(shipped: Gazetteer) -> None:
    text = (
        "\"Our care team gave Mr. Duncan the same care it would give any patient, regardless of ability to pay,'' said Wendell Watson, "
        "the hospital's director of public relations, in a statement."
    )
    spans = find_quote_spans(text)
    assert len(spans) == 1 and text[spans[0].start : spans[0].end].endswith(",''")
    assert quote_with(speakers(text, shipped), text, "Our care team").speaker_name == "Wendell Watson"


def test_a_possessive_plural_before_two_apostrophes_is_no_closing_mark() -> None:
    # (the straight double opening is closed by its own mark, not by the possessive's apostrophe)
    text = "The players' '' rating was low. Then \"we went home,\" he said."
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == ['"we went home,"']


def test_the_first_lady_is_the_woman_introduced_with_that_title(shipped: Gazetteer) -> None:
    text = (
        "First lady Melania Trump visited the hospital on Friday.\n\n"
        "Asked whether she believed the accuser, the first lady would not answer directly. "
        "\"I will move on that, and we need to help all the victims,\" the first lady said."
    )
    assert quote_with(speakers(text, shipped), text, "move on that").speaker_name == "Melania Trump"


def test_the_top_diplomat_is_the_secretary_just_quoted_not_his_country(shipped: Gazetteer) -> None:
    text = (
        "Secretary of State Mike Pompeo met his counterpart in Hanoi. Pompeo insisted negotiations would continue, "
        "though he added that it might be a \u201clittle while\u201d before that happens.\n\n"
        "\u201cWe\u2019ll each need to regroup a little bit,\u201d the top U.S. diplomat told reporters on his plane."
    )
    assert quote_with(speakers(text, shipped), text, "regroup").speaker_name == "Mike Pompeo"


def test_an_unnamed_diplomat_is_still_nobody_named(shipped: Gazetteer) -> None:
    text = "Mike Pompeo left Hanoi. A U.S. diplomat said the talks had failed. \u201cWe\u2019ll each need to regroup,\u201d the diplomat said."
    q = quote_with(speakers(text, shipped), text, "regroup")
    assert q.speaker_name != "Mike Pompeo"


def test_a_fact_sheet_and_a_sign_are_texts_that_speak(shipped: Gazetteer) -> None:
    text = (
        "\"It's an easy decision for Mexico: make a one-time payment,\" read a campaign information sheet.\n\n"
        "Protesters marched past the courthouse. One sign read \u201cNo justice, no peace.\u201d"
    )
    quotes = speakers(text, shipped)
    sheet = quote_with(quotes, text, "easy decision")
    assert sheet.cue == "read" and sheet.speaker_text == "a campaign information sheet"
    sign = quote_with(quotes, text, "No justice")
    assert sign.cue == "read" and sign.speaker_text == "One sign"


def test_reading_a_text_aloud_is_no_quotation_of_it(shipped: Gazetteer) -> None:
    text = "The senator read the sign aloud and laughed. \u201cWe will win,\u201d she said."
    q = quote_with(speakers(text, shipped), text, "We will win")
    assert q.cue == "said" and q.speaker_text == "she"


def test_a_woman_in_a_crowd_yells_her_question(shipped: Gazetteer) -> None:
    text = "The officials were interrupted repeatedly.\n\n\"Why is the focus on security and not on justice? Why is there no arrest?\" one woman yelled."
    q = quote_with(speakers(text, shipped), text, "no arrest")
    assert q.cue == "yelled" and q.speaker_text == "one woman"


def test_a_he_opening_an_excerpt_is_the_person_named_right_after(shipped: Gazetteer) -> None:
    text = (
        "\u201cI did not think it was an appropriate program for them,\u201d he testified. \u201cThe company reprimanded me for it.\u201d\n\n"
        "A different salesperson closed the deal. \u201cI was disgusted by this conduct,\u201d Schnackenberg said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "appropriate program").speaker_name == "Schnackenberg"
    assert quote_with(quotes, text, "reprimanded").speaker_name == "Schnackenberg"


def test_a_she_opening_an_excerpt_is_not_a_man_named_after(shipped: Gazetteer) -> None:
    text = (
        "\u201cI did not think it was an appropriate program,\u201d she testified.\n\n"
        "A different salesperson closed the deal. \u201cI was disgusted,\u201d John Schnackenberg said."
    )
    assert quote_with(speakers(text, shipped), text, "appropriate program").speaker_name is None


def test_a_he_opening_an_excerpt_is_not_someone_named_after_a_title_that_says_who(shipped: Gazetteer) -> None:
    text = (
        "\u201cNobody wants taxes to go up for the middle class,\u201d he said. \u201cSo let\u2019s not wait.\u201d\n\n"
        "The president\u2019s comments came shortly after Speaker John A. Boehner told reporters that Republicans had won a mandate."
    )
    assert quote_with(speakers(text, shipped), text, "Nobody wants").speaker_name != "John A. Boehner"


def test_two_curly_apostrophes_close_a_quotation_too(shipped: Gazetteer) -> None:
    text = "\u201cWe\u2019re not ready,\u2019\u2019 Representative Debbie Dingell, a Michigan Democrat, said Sunday. \u201cThe votes are not there yet.\u2019\u2019"
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "not ready").speaker_name == "Debbie Dingell"
    assert quote_with(quotes, text, "votes are not").speaker_name == "Debbie Dingell"


def test_a_wife_named_in_apposition_is_no_he(shipped: Gazetteer) -> None:
    text = (
        "Mr. Emanuel was unapologetic about the strike. His wife, Amy, told him one morning as he left for work that she had never seen him look calmer.\n\n"
        "\u201cThis system needed a major push toward reform,\u201d he said."
    )
    assert quote_with(speakers(text, shipped), text, "major push").speaker_name == "Emanuel"


def test_the_vice_president_is_not_the_president(shipped: Gazetteer) -> None:
    text = (
        "\u201cI like the deal that we have right now,\u201d Trump told reporters on Thursday.\n\n"
        "Mike Pence has gone further still. Even as he called for a new relationship with China, Pence hinted at a future of competition.\n\n"
        "China, the vice president warned, seeks to revise the \u201cinternational order.\u201d \u201cA country that oppresses its own people rarely stops there,\u201d he observed."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "the vice president warned").speaker_name != "Donald Trump"
    assert quote_with(quotes, text, "oppresses").speaker_name == "Mike Pence"


def test_a_cue_the_parser_hung_inside_the_next_quotation_is_still_the_cue(shipped: Gazetteer) -> None:
    text = (
        "Trump defended the news conference by citing a rare supporter: Sen. Rand Paul.\n\n"
        "\"Thank you @RandPaul, you really get it!\" Trump tweeted, citing a comment by the Kentuckian that "
        "\"the President has gone through a year and a half of totally partisan investigations \u2013 what\u2019s he supposed to think?\u201d"
    )
    q = quote_with(speakers(text, shipped), text, "Thank you")
    assert q.cue == "tweeted" and q.speaker_name == "Donald Trump"


def test_a_participle_goes_with_the_subject_of_its_own_coordinated_clause(shipped: Gazetteer) -> None:
    text = (
        "The conservative intellectual Henry Olsen warned that the \u201cseeds of bigotry\u201d could take root in the party, and National Review "
        "called for King to be expelled from Congress, declaring that \u201cone of the glories of American history is how we finally shed our racist past.\u201d"
    )
    assert quote_with(speakers(text, shipped), text, "glories").speaker_text == "National Review"


def test_a_quotation_after_an_according_to_sentence_is_that_sources(shipped: Gazetteer) -> None:
    text = (
        "Some in Beijing worry the same could happen again.\n\n"
        "If there is an agreement, it would just be a truce, according to Mei Xinyu, a researcher at the Chinese Academy of International Trade. "
        "\"Trump showed no spirit of respecting contracts in the past. Will he backtrack even after a deal is inked?\""
    )
    assert quote_with(speakers(text, shipped), text, "no spirit").speaker_name == "Mei Xinyu"


def test_signs_and_coats_read_their_words(shipped: Gazetteer) -> None:
    text = (
        "Protesters waved signs in English and Spanish. One sign, sounding like a stern rebuke, read in Spanish, \u201cTrump te calmas o te calmo.\u201d\n\n"
        "Joan Culwell said she had never been to a protest but decided to go after first lady Melania Trump recently wore a coat "
        "that read, \u201cI really don\u2019t care, do u?\u201d while traveling to visit migrant children."
    )
    quotes = speakers(text, shipped)
    sign = quote_with(quotes, text, "te calmas")
    assert sign.cue == "read" and sign.speaker_text == "One sign"
    coat = quote_with(quotes, text, "really don")
    assert coat.cue == "read" and coat.speaker_text == "a coat"


def test_an_inverted_cue_the_parser_read_as_a_participle_still_speaks(shipped: Gazetteer) -> None:
    text = (
        "\"End this race war here in the US. No one deserves to die,\" Chopra, 37, posted on Instagram.\n\n"
        "\"I'm not here for exercise,\" one protester yelled at police."
    )
    quotes = speakers(text, shipped)
    posted = quote_with(quotes, text, "race war")
    assert posted.cue == "posted" and posted.speaker_name == "Chopra"
    yelled = quote_with(quotes, text, "exercise")
    assert yelled.cue == "yelled" and yelled.speaker_text == "one protester"


def test_words_yelled_at_someone_are_the_yellers(shipped: Gazetteer) -> None:
    text = "\"Go away you trash,\" the Israeli woman yelled at the Palestinian. \"I would bury you in Gaza.\""
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Go away").speaker_text == "the Israeli woman"
    assert quote_with(quotes, text, "bury you").speaker_text == "the Israeli woman"


def test_a_second_cue_after_then_has_the_first_ones_subject(shipped: Gazetteer) -> None:
    text = (
        "Senator Ted Cruz was asked about the debate.\n\n"
        "\u201cRand, please attack Ted,\u201d he said, then quipped, \u201cIf you guys ask one more mean question, I may have to leave the stage.\u201d"
    )
    q = quote_with(speakers(text, shipped), text, "mean question")
    assert q.cue == "quipped" and q.speaker_text == "he"


def test_a_statement_the_company_issued_is_the_companys(shipped: Gazetteer) -> None:
    text = (
        "Shares of Acme Corp. fell on Monday. The company issued a statement after the markets closed.\n\n"
        "\u201cWe are working with regulators on the investigation and will keep customers informed as we learn more.\u201d"
    )
    q = quote_with(speakers(text, shipped), text, "working with regulators")
    assert q.cue == "issued" and q.speaker_text == "The company"


def test_a_concern_voiced_that_is_a_quotation_of_the_one_who_voiced_it(shipped: Gazetteer) -> None:
    text = (
        "The Virginia delegate Edmund Randolph voiced a concern at the Constitutional Convention that \u201cthe prerogative of pardon "
        "in these cases was too great a trust. The President may himself be guilty.\u201d"
    )
    q = quote_with(speakers(text, shipped), text, "prerogative")
    assert q.cue == "voiced" and q.speaker_name == "Edmund Randolph"


def test_a_document_continues_its_words(shipped: Gazetteer) -> None:
    text = (
        "The letter explained that the affiliates were covered. \u201cThe bylaws reveal that becoming an affiliate requires a certification by the board,\u201d "
        "the document continued."
    )
    q = quote_with(speakers(text, shipped), text, "bylaws")
    assert q.cue == "continued" and q.speaker_text == "the document"


def test_the_party_nominee_is_the_nominee_just_quoted_not_the_party(shipped: Gazetteer) -> None:
    text = (
        "\"Hillary Clinton's corruption is on a scale we have never seen before,\" Trump said.\n\n"
        "\"Perhaps justice will be done,\" the GOP nominee said of the development."
    )
    assert quote_with(speakers(text, shipped), text, "justice will be done").speaker_name == "Donald Trump"


def test_a_stray_comma_before_the_cue_leaves_the_name_before_it_the_speaker(shipped: Gazetteer) -> None:
    text = "Trump moved to Florida.\n\n\"Welcome home to Florida,\" Gov. Ron DeSantis, told Trump before joking about the first lady."
    assert quote_with(speakers(text, shipped), text, "Welcome home").speaker_name == "Ron DeSantis"


def test_a_party_label_does_not_cut_who_off_its_name(shipped: Gazetteer) -> None:
    text = (
        "The critics include House Speaker Paul Ryan, R-Wisc., who said that \"I'm just not a fan of broad based and across the board tariffs "
        "because there are a lot of unintended consequences.\""
    )
    assert quote_with(speakers(text, shipped), text, "not a fan").speaker_name == "Paul Ryan"


def test_said_opening_a_sentence_is_the_cue_not_a_first_name(shipped: Gazetteer) -> None:
    text = (
        "Comey showed Trump parts of the dossier, calling it \u201csalacious and unverified.\u201d\n\n"
        "Said Sekulow, \u201cIt was so salacious and unverified, the FBI had used it to get FISA warrants\u201d to spy on the campaign."
    )
    q = quote_with(speakers(text, shipped), text, "FISA")
    assert q.cue == "Said" and q.speaker_text == "Sekulow" and q.speaker_name == "Sekulow"


def test_the_one_asked_answers(shipped: Gazetteer) -> None:
    text = "In a later interview, Kennedy was asked if any of the emails was classified \u2014 and answered, \u201cWe\u2019ll see\u201d while looking at the agent."
    q = quote_with(speakers(text, shipped), text, "We\u2019ll see")
    assert q.cue == "answered" and q.speaker_name == "Kennedy"


def test_a_state_in_brackets_after_a_name_is_not_the_speaker(shipped: Gazetteer) -> None:
    text = "House Republican Whip Steve Scalise (LA) tweeted: \u201cNow is NOT the time for politics. Lives are at stake.\u201d"
    q = quote_with(speakers(text, shipped), text, "NOT the time")
    assert q.speaker_name == "Steve Scalise" and "(" not in (q.speaker_text or "")
