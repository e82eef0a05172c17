"""Who speaks, read from the sentences around a quotation: a name marked as changed ("Seema*"), a
surname inside another person's full name, the gender a surname's own clauses give it, a question
the writer asks before an answer, a subject the parser lost to a place before it, a job written
before a name ("CBS reporter Major Garrett" ... "the reporter"), an unnamed man who goes on
speaking, and quotations that run on past a split sentence, a rank's full stop or a link line.

Texts are invented for the tests, modelled on constructions found in real articles (wire features
on people in lockdown, a magazine profile of a senator, a column on a party and gay rights, a
mine fire, a police letter, campaign coverage).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import _pronoun_of, find_mentions
from framing.text.parse import parse

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]  # the module's fixture, shared with the speaker cases


def test_a_name_marked_as_changed_is_a_person_and_speaks(shipped: Gazetteer) -> None:
    text = (
        "Priya Nair, a lawyer in Mumbai, said calls to helplines had doubled.\n\n"
        "Seema*, a sociology student in Delhi, told AFP that life under lockdown felt lonely.\n\n"
        "\"Everything I say about my life needs to be said in code,\" she said.\n\n"
        "\"I never expected to tell my father, but he took it well,\" Tina* told AFP.\n\n"
        "*Names changed to protect identity"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "in code").speaker_name == "Seema"
    assert quote_with(quotes, text, "my father").speaker_name == "Tina"
    doc = parse(text)
    assert {m.name for m in find_mentions(doc, shipped) if m.type == "person" and m.kind != "pronoun"} == {"Priya Nair", "Seema", "Tina"}


def test_a_surname_inside_another_persons_name_is_not_the_gazetteers_person(shipped: Gazetteer) -> None:
    text = (
        "During the 2008 campaign, Michelle Obama faced enormous criticism for telling a Wisconsin crowd "
        "\"for the first time in my adult lifetime, I'm really proud of my country.\""
    )
    doc = parse(text)
    actors = {m.actor for m in find_mentions(doc, shipped) if m.type == "person"}
    assert actors == {"candidate:michelle_obama"}  # not Barack Obama, whose surname the gazetteer knows
    assert quote_with(speakers(text, shipped), text, "adult lifetime").speaker_name == "Michelle Obama"


def test_his_in_a_surnames_own_clauses_tells_its_gender(shipped: Gazetteer) -> None:
    text = (
        "Todd Hollenbach, who was unseated by Garrison in 1977, is harsher: \u201cHe\u2019s whatever he needs to be for the occasion.\u201d "
        "For his part, Garrison didn\u2019t entirely disagree about his political evolution.\n\n"
        "As Garrison sat on a chair in his office, I asked what he planned to do. What could he do to reverse the tide? "
        "\u201cThe first job is to restore the Senate,\u201d he said."
    )
    assert quote_with(speakers(text, shipped), text, "restore the Senate").speaker_name == "Garrison"
    doc = parse(text)
    garrison = next(m for m in find_mentions(doc, shipped) if m.name == "Garrison")
    assert _pronoun_of(garrison, doc, shipped) == "he"  # two "his" in clauses Garrison is the subject of


def test_the_one_person_a_writers_question_names_answers_it(shipped: Gazetteer) -> None:
    text = (
        "Paul Singer said that half a dozen Republicans have already drawn the group's attention.\n\n"
        "I asked Chad Griffin, who heads an advocacy group, what he made of that work. "
        "\u201cIt\u2019s absolutely necessary,\u201d said Griffin.\n\n"
        "One Republican who opposes the measure is the man Singer backs for president. Does that trouble Singer?\n\n"
        "\u201cI feel very strongly that the Republicans are right on most things,\u201d he said."
    )
    assert quote_with(speakers(text, shipped), text, "right on most things").speaker_name == "Paul Singer"


def test_a_name_after_a_fronted_place_is_the_subject_the_parser_lost(shipped: Gazetteer) -> None:
    text = (
        "\u201cThe party is changing,\u201d said Ken Mehlman, a former party chairman.\n\n"
        "In Massachusetts, Richard Tisei, a gay Congressional candidate who supports marriage equality, "
        "was recently anointed one of the committee\u2019s \u201cYoung Guns.\u201d\n\n"
        "\u201cI feel comfortable in the party,\u201d he told me Friday."
    )
    assert quote_with(speakers(text, shipped), text, "comfortable").speaker_name == "Richard Tisei"


def test_the_job_written_before_a_name_refers_back_to_that_person(shipped: Gazetteer) -> None:
    text = (
        "As noted by the outlet, CBS reporter Major Garrett commented last month on the numbers.\n\n"
        "\u201cIt can be fairly said that this administration has done quite a bit for those colleges,\u201d Garrett stated.\n\n"
        "\u201cThat is a legacy that almost any president after three years would want to claim,\u201d the reporter noted."
    )
    assert quote_with(speakers(text, shipped), text, "legacy").speaker_name == "Major Garrett"


def test_an_unnamed_man_goes_on_speaking_through_his_pronouns(shipped: Gazetteer) -> None:
    text = (
        "Energy Minister Taner Yildiz said 363 miners had been rescued.\n\n"
        "One 30-year-old man, who declined to give his name, says he rushed to the scene to help find his brother. "
        "He said he was able to make it about 490 feet inside. "
        "With tears in his eyes, he said that there were still fires burning.\n\n"
        "\"There is no hope,\" he said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "no hope").speaker_name == "One 30-year-old man"  # (the clause set off by commas describes him; it is no part of his name)


def test_a_plain_word_for_the_person_who_just_spoke_is_that_person(shipped: Gazetteer) -> None:
    text = (
        "\"It's the moms of this nation who hold it together,\" Ann Romney told Republican delegates. "
        "The mother of five boys went on to suggest that there's a gulf between men and women. "
        "\"I'm not sure if men really understand this,\" she said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "gulf").speaker_name == "Ann Romney"
    assert quote_with(quotes, text, "really understand").speaker_name == "Ann Romney"


def test_an_age_refers_to_the_one_person_the_sentence_before_is_about(shipped: Gazetteer) -> None:
    text = (
        "Shruta Neytra, who runs a helpline, said calls had doubled.\n\n"
        "For transgender woman Anjali Siroya, going to work has always been a lifeline, "
        "taking her away from the flat she shares with her parents.\n\n"
        "\"Being with them all day is still very traumatic,\" the 21-year-old told AFP."
    )
    assert quote_with(speakers(text, shipped), text, "traumatic").speaker_name == "Anjali Siroya"


def test_according_to_before_a_colon_gives_the_quotation_its_source(shipped: Gazetteer) -> None:
    text = (
        "According to Senator Mitchell Carver, his rightward shift reflected the growing appeal of conservatism: "
        "\u201cReagan\u2019s extraordinary success was a good example for everybody right of center.\u201d"
    )
    assert quote_with(speakers(text, shipped), text, "extraordinary success").speaker_name == "Mitchell Carver"


def test_a_quotation_runs_on_past_a_ranks_full_stop(shipped: Gazetteer) -> None:
    text = (
        "\u201cThe men were following a burglary suspect,\u201d Barnhill wrote in a letter to police Capt. Tom Jump. "
        "\u201cThe suspect initiated the fight. At that point, he grabbed the shotgun the other man was holding.\u201d"
    )
    assert quote_with(speakers(text, shipped), text, "initiated the fight").speaker_name == "Barnhill"


def test_a_quotation_runs_on_past_an_attribution_the_parser_split(shipped: Gazetteer) -> None:
    text = (
        "Marianne Williamson has the most straightforward approach.\n\n"
        "\"If you kick somebody to the ground, you owe it to them to do more than stop kicking,\" she told New York radio station "
        "Hot 97 earlier this month. \"You owe it to them to say, 'Here: Let me help you get back up.'\""
    )
    doc = parse(text)
    assert any(doc.text[doc.starts[s.token_start] :].startswith("Hot 97") for s in doc.sentences)  # the split this case is about
    assert quote_with(speakers(text, shipped), text, "You owe it to them to say").speaker_name == "Marianne Williamson"


def test_a_quotation_runs_on_past_a_link_line_in_capitals(shipped: Gazetteer) -> None:
    text = (
        "\"I was in Miami last night for a wedding celebration,\" Andrew Gillum told a Miami Herald reporter.\n\n"
        "SPOOF WARMS UP CPAC CROWD: 'FROM OUR STUDIO TO YOUR BREADLINE'\n\n"
        "\"I apologize to the people of Florida for the distraction this has caused our movement.\""
    )
    assert quote_with(speakers(text, shipped), text, "I apologize").speaker_name == "Andrew Gillum"


def test_a_modal_verb_before_a_quotation_is_no_cue(shipped: Gazetteer) -> None:
    text = (
        "Kevin Jennings said that activists must continue \"until every LGBTQ person has equal rights before the law in this nation.\"\n\n"
        "\"We are not in a state in which LGBTQ people can rest on our laurels.\""
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "until every").speaker_name == "Kevin Jennings"
    assert quote_with(quotes, text, "rest on our laurels").speaker_name == "Kevin Jennings"


def test_the_person_told_is_not_the_one_who_speaks(shipped: Gazetteer) -> None:
    text = (
        "President Trump noted that Lt. Gov. Dan Patrick had suggested giving the state "
        "\u201ca relatively small amount of money, and they\u2019ll build a wall themselves.\u201d\n\n"
        "\u201cI thought that was not the worst idea I\u2019ve ever heard,\u201d he told Mr. Patrick."
    )
    assert quote_with(speakers(text, shipped), text, "worst idea").speaker_name == "Donald Trump"


def test_an_outlet_quoting_someone_as_saying_gives_that_persons_words(shipped: Gazetteer) -> None:
    text = (
        "The Associated Press quotes Rami Abdurrahman, head of the Syrian Observatory for Human Rights, as saying, "
        "\"There is confirmed information that there are casualties among the group's members.\""
    )
    assert quote_with(speakers(text, shipped), text, "confirmed information").speaker_name == "Rami Abdurrahman"


def test_a_name_after_the_closing_mark_speaks_whatever_its_aside_did_to_the_parse(shipped: Gazetteer) -> None:
    text = (
        "\u201cWe will wait and see what they do in 2013,\u201d Steven Hess, senior vice president at Moody\u2019s in New York, "
        "said today in a telephone interview."
    )
    assert quote_with(speakers(text, shipped), text, "wait and see").speaker_name == "Steven Hess"


def test_a_party_member_by_state_is_the_one_just_described_not_another_states(shipped: Gazetteer) -> None:
    text = (
        "Rep. Trent Franks, Arizona Republican, said he would support the nominee.\n\n"
        "Rep. John Fleming, another Freedom Caucus member, gave voice to a misgiving that most lawmakers only share privately: "
        "He doesn\u2019t fully trust Mr. Trump.\n\n"
        "\u201cHe uses a lot of broad statements,\u201d the Louisiana Republican said."
    )
    assert quote_with(speakers(text, shipped), text, "broad statements").speaker_name == "John Fleming"
    doc = parse(text)
    assert {m.type for m in find_mentions(doc, shipped) if m.name == "Freedom Caucus"} <= {"organisation"}


def test_a_son_named_jr_is_not_his_father(shipped: Gazetteer) -> None:
    text = (
        "President Donald Trump defended his family on Monday.\n\n"
        "The Times reported that Trump\u2019s son Donald Trump Jr. met a Russian lawyer in June.\n\n"
        "Trump Jr. said the meeting was about adoptions. Later, Donald Jr. admitted that he had hoped for damaging information."
    )
    doc = parse(text)
    jr = {m.actor for m in find_mentions(doc, shipped) if "Jr" in doc.text[m.start : m.end]}
    assert jr == {"candidate:donald_trump_jr"}
    assert "donald_trump" not in {q.speaker for q in speakers(text, shipped)}


def test_a_gazetteer_person_written_with_jr_is_still_that_person(shipped: Gazetteer) -> None:
    text = "Vice President Joseph R. Biden Jr. said the White House was ready to compromise. He said talks would go on."
    doc = parse(text)
    assert "joe_biden" in {m.actor for m in find_mentions(doc, shipped)}


def test_they_are_the_people_the_sentence_before_names(shipped: Gazetteer) -> None:
    text = (
        "Democrats have criticised the decision for weeks.\n\n"
        "On Monday, Democrats on the House Committee on Homeland Security sent a letter demanding an explanation.\n\n"
        "\"There is a difference between a platform and one that peddles innuendo for profit,\" they wrote.\n\n"
        "Nancy Pelosi, the speaker of the House, and Chuck Schumer swiftly responded to the declaration.\n\n"
        "\"The Congress will defend our constitutional authorities,\" they said in a statement."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "difference between").speaker_name == "Democrats on the House Committee on Homeland Security"
    assert quote_with(quotes, text, "defend our").speaker_name == "Nancy Pelosi and Chuck Schumer"


def test_the_statement_after_a_source_spoke_is_that_sources(shipped: Gazetteer) -> None:
    text = (
        "\u201cThis is absurd,\u201d White House press secretary Sarah Sanders said in a statement.\n\n"
        "\u201cPresident Trump has actually been tough on Russia,\u201d she added.\n\n"
        "John Dowd, the president's attorney, said that \u201cat no time did the special counsel make requests about these allegations.\u201d\n\n"
        "\u201cThe story is an unwitting disclosure of the corruption of their oaths,\u201d the statement said."
    )
    assert quote_with(speakers(text, shipped), text, "unwitting disclosure").speaker_name == "John Dowd"


def test_a_reply_in_brackets_after_a_name_is_that_persons(shipped: Gazetteer) -> None:
    text = (
        "Few wanted to talk about the nominee, including Trump stalwarts like Chris Christie (\u201cWe are going to take a pass this time\u201d) "
        "and senators like Mike Lee, of Utah (\u201cSenator Lee would love to talk to you after the election.\u201d)."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "take a pass").speaker_name == "Chris Christie"
    assert quote_with(quotes, text, "would love to talk").speaker_name == "Mike Lee"


def test_a_double_quotation_closed_with_a_single_mark_ends_there(shipped: Gazetteer) -> None:
    text = (
        "Hospitals have been directed to end elective surgeries.\n\n"
        "\u201cWe are now working with hospitals to reconfigure space to get more beds,\u2019 Cuomo said.\n\n"
        "New York is also reviewing four possible locations."
    )
    quote = quote_with(speakers(text, shipped), text, "reconfigure space")
    assert text[quote.start : quote.end].endswith("beds,\u2019")
    assert quote.speaker_name == "Cuomo"


def test_a_full_name_described_as_someone_is_a_person_whatever_the_tagger_said(shipped: Gazetteer) -> None:
    text = (
        "Brian Claypool, a survivor of the rampage who represents 75 survivors, called the lawsuit \"a stunt.\"\n\n"
        "\"I am still in therapy once a week, and this is their way of trying to solve the problem,\" he said.\n\n"
        "\"What we have to stop being is exclusive,\" says Ana Navarro, a veteran Republican strategist.\n\n"
        "Navarro says the party cannot close its eyes to the shift.\n\n"
        "\"At some point, it's going to be an irrelevant question,\" she says."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "still in therapy").speaker_name == "Brian Claypool"
    assert quote_with(quotes, text, "irrelevant question").speaker_name == "Ana Navarro"  # not Peter Navarro of the gazetteer


def test_the_source_who_said_it_not_the_outlet_that_relays_it(shipped: Gazetteer) -> None:
    text = (
        "But Secretary of State Rex Tillerson was wary about the prospects of a new accord.\n\n"
        "\u201cWe may not be able to fix it. And if we\u2019re not, then we may end up out of the deal,\u201d he said, Reuters reported."
    )
    assert quote_with(speakers(text, shipped), text, "fix it").speaker_name == "Rex Tillerson"


def test_he_after_an_unnamed_captain_is_the_captain_when_nobody_named_can_be(shipped: Gazetteer) -> None:
    text = (
        "The captain said the operation got off to a rough start when the army provided fewer soldiers than requested.\n\n"
        "\u201cThey do not always show up with the forces promised,\u201d he said."
    )
    assert quote_with(speakers(text, shipped), text, "forces promised").speaker_name == "The captain"


def test_whose_question_a_colon_introduces(shipped: Gazetteer) -> None:
    text = (
        "At a rally this month, the president mocked the professor.\n\n"
        "Lesley Stahl interviewed him for the program. Stahl's question was simple: \"Why did you have to make fun of her?\""
    )
    assert quote_with(speakers(text, shipped), text, "make fun").speaker_name == "Lesley Stahl"


def test_a_scare_quote_does_not_stop_the_next_quotation_belonging_to_the_sentences_subject(shipped: Gazetteer) -> None:
    text = (
        "The region's police chief, Dilbagh Singh, also backed the idea of \"deradicalisation\" centres in Kashmir. "
        "\"If any such facility comes up in Kashmir that will be a good sign, it should happen.\""
    )
    assert quote_with(speakers(text, shipped), text, "good sign").speaker_name == "Dilbagh Singh"


def test_an_unnamed_woman_the_text_stays_on_goes_on_speaking(shipped: Gazetteer) -> None:
    text = (
        "\"The thing I'm dependent on right now is getting that stimulus check,\" said Chris Davis, a waiter.\n\n"
        "A Brooklyn woman, who asked that her name not be used, recently lost work as a home health aide. "
        "Because she's undocumented, she's unable to collect unemployment.\n\n"
        "She plans to withhold her rent, joining a strike to pressure Governor Andrew Cuomo into forgiving payments.\n\n"
        "\"I don't want to end up bankrupt,\" she said."
    )
    assert quote_with(speakers(text, shipped), text, "bankrupt").speaker_name.startswith("A Brooklyn woman")


def test_a_title_with_the_name_beside_it_is_that_person(shipped: Gazetteer) -> None:
    text = "\"Both countries should lift any applicable restrictions,\" said the group's CEO, Suzanne Nossel."
    assert quote_with(speakers(text, shipped), text, "lift any").speaker_name == "Suzanne Nossel"


def test_persisted_next_to_a_question_is_its_cue(shipped: Gazetteer) -> None:
    text = (
        "\u201cI do trust him, yeah, I trust him,\u201d the president said.\n\n"
        "\u201cWhy would you trust him?\u201d Lesley Stahl persisted."
    )
    assert quote_with(speakers(text, shipped), text, "Why would you").speaker_name == "Lesley Stahl"
