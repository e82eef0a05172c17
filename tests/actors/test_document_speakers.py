"""Texts that speak for their authors, and speaker phrases cut to the source: an analysis, a suit
or a statement whose author is named near it ("An analysis by the CDC showed ...", "The suit,
brought by ...", "The department confirmed ... “...,” the statement said"), an organisation named
by its country ("Nepal's foreign ministry ... the ministry said"), a relative clause or a time
after the speaker ("Jeb Bush, the former Florida governor, who said", "said the lawmaker during a
committee meeting"), the nearest verb of saying before a quotation ("a stranger told her, “...”"),
a participle that goes on with the one who just spoke ("she said, hastening to add, “...”") or
with the person of the clause before it, names that are people's by their age or office ("Tejabhai
Meda, 36,", "Alexei Pushkov, chairman of ...") whatever the tagger made of them, "a ministry
statement" after a ministry spoke, a paper named before that is no "firm", "the two" who were
just named together and the statement they issued, whom words are said "of" (not their speaker),
someone "heard saying" words, a description that "continued", and a surname with an apostrophe
("Pete D’Alessandro") the tagger left out of the name; a report an organisation "found" things in,
an organisation named after a country ("the Foreign Press Club of China"), "the report" after
"According to Good Morning America", "May" the parser took for a modal, a quotation glued to the
next sentence ("appropriate.”Trump added"), and a commander of an organisation.

Texts are invented for the tests, modelled on constructions found in real articles (a health
story, a campaign-finance story, a university lawsuit, a diplomatic row, a protest video, a
hurricane campaign stop, a state committee hearing, a bathroom-bill essay, a march).
"""

from __future__ import annotations

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions
from framing.text.parse import parse

from .test_speaker_cases import quote_with, shipped, speakers

__all__ = ["shipped"]  # the module's fixture, shared with the speaker cases


def test_an_analysis_speaks_for_its_author_not_for_the_source_of_its_sentence(shipped: Gazetteer) -> None:
    text = (
        "An analysis by the Centers for Disease Control and Prevention showed at least 19 children tested positive, "
        "according to the Missouri Department of Health.\n\n"
        "\"Many infections will be mild and self-limited,\" the analysis said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "self-limited").speaker_name == "Centers for Disease Control and Prevention"


def test_an_analysis_of_data_is_by_its_author_not_by_the_data(shipped: Gazetteer) -> None:
    text = (
        "Candidates have spent more than $330,000 at hotels on the Strip, according to a Politico analysis "
        "of Federal Election Commission data."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "$330,000").speaker_name == "Politico"


def test_a_statement_someone_said_in_is_theirs_whoever_released_it(shipped: Gazetteer) -> None:
    text = (
        "\"The world has received the latest message loud and clear,\" Trump said, in a written statement "
        "released by the White House.\n\n"
        "\"Threatening actions only increase the regime's isolation,\" the statement said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "isolation").speaker_name == "Donald Trump"


def test_a_suit_speaks_for_those_who_brought_it(shipped: Gazetteer) -> None:
    text = (
        "A federal judge on Tuesday ruled for the college. The suit, brought in 2014 by Students for Fair Admissions, "
        "claimed that the college engaged in \"racial balancing\" by limiting admissions."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "engaged in").speaker_name == "Students for Fair Admissions"


def test_an_indictment_she_referred_to_is_not_her_statement(shipped: Gazetteer) -> None:
    text = (
        "Referring to a public indictment in New York, Ali Watkins wrote, \"The report has confirmed that Male-1 is Page.\"\n\n"
        "That day, James Wolfe and Ms. Watkins exchanged scores of messages.\n\n"
        "\"On or about March 17, Wolfe exchanged 82 text messages with a reporter,\" the indictment states."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "82 text messages").speaker_name not in ("Ali Watkins", "James Wolfe")


def test_a_ministry_named_by_its_country_is_the_ministry_that_speaks(shipped: Gazetteer) -> None:
    text = (
        "The Supreme Court ruled last year in favour of the temple.\n\n"
        "On Tuesday, Nepal's foreign ministry sought to clarify the prime minister's comments.\n\n"
        "\"The remarks were not meant to debase the significance of the city,\" the ministry said in a statement."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "not meant").speaker_name == "Nepal's foreign ministry"


def test_the_statement_after_an_organisation_confirmed_is_that_organisations(shipped: Gazetteer) -> None:
    text = (
        "Police Chief Brian Zimmer and Mayor John Bruno said in a statement that the video was hateful.\n\n"
        "The New Jersey Department of Corrections confirmed Tuesday that one of its officers was involved in the video.\n\n"
        "\"The individual has been suspended from their post pending an investigation,\" the statement said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "suspended").speaker_name == "New Jersey Department of Corrections"


def test_a_relative_clause_after_a_description_leaves_the_name_that_speaks(shipped: Gazetteer) -> None:
    text = (
        "Mr. Romney got some help from Jeb Bush, the former Florida governor, who said at the rally in Tampa, "
        "\"It is the local level and the state level that really matters.\""
    )
    quotes = speakers(text, shipped)
    q = quote_with(quotes, text, "local level")
    assert q.speaker_name == "Jeb Bush"
    assert q.speaker_text == "Jeb Bush, the former Florida governor"


def test_a_clause_set_off_by_dashes_is_not_part_of_the_speaker(shipped: Gazetteer) -> None:
    text = (
        "Attention turned to whether Trump would make a deal. The U.S. president -- who last month boasted that "
        "\u201ctrade wars are good and easy to win\u201d -- has also directed the Treasury to draft restrictions."
    )
    quotes = speakers(text, shipped)
    q = quote_with(quotes, text, "easy to win")
    assert q.speaker_text == "The U.S. president"
    assert q.speaker_name == "Donald Trump"


def test_when_a_description_spoke_is_not_part_of_it(shipped: Gazetteer) -> None:
    text = (
        "State Rep. Wendy Ullman opposed the bill on Monday.\n\n"
        "\"The bill refers specifically to the product of conception,\" said the Democratic lawmaker during a House "
        "Health Committee meeting."
    )
    quotes = speakers(text, shipped)
    q = quote_with(quotes, text, "product of conception")
    assert q.speaker_text == "the Democratic lawmaker"
    assert q.speaker_name == "Wendy Ullman"


def test_the_verb_of_saying_right_before_a_quotation_is_its_cue(shipped: Gazetteer) -> None:
    text = (
        "Last week a woman in Danbury said she was washing her hands in a store when a stranger told her, "
        "\u201cYou\u2019re disgusting! You don\u2019t belong here!\u201d"
    )
    quotes = speakers(text, shipped)
    q = next(q for q in quotes if q.kind == "direct" and "belong here" in text[q.start : q.end])
    assert (q.cue, q.speaker_text) == ("told", "a stranger")


def test_a_participle_after_said_goes_on_with_the_one_who_said(shipped: Gazetteer) -> None:
    text = (
        "Sue Thayer spoke of meeting members of the group at a local hotel.\n\n"
        "\"And I was like, 'Oh, we know there's two of you,'\" she said, hastening to add, \"That's a joke.\""
    )
    quotes = speakers(text, shipped)
    q = quote_with(quotes, text, "a joke")
    assert q.speaker_name == "Sue Thayer"


def test_issuing_an_order_is_an_act_not_a_report(shipped: Gazetteer) -> None:
    text = (
        "The department will release a final statement next year. Once that is released, Martens said, he would "
        "issue an order extending the moratorium."
    )
    quotes = speakers(text, shipped)
    q = quote_with(quotes, text, "extending the moratorium")
    assert (q.kind, q.speaker_name) == ("reported", "Martens")


def test_a_compound_statement_speaks_for_the_body_named_just_before(shipped: Gazetteer) -> None:
    text = (
        "Japan's Ministry of Defense said the projectiles appeared to be ballistic missiles.\n\n"
        "\"Recent repeated firings of ballistic missiles are a serious problem,\" a ministry statement said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "serious problem").speaker_name == "Japan's Ministry of Defense"


def test_a_name_with_an_age_is_a_person_whatever_the_tagger_said(shipped: Gazetteer) -> None:
    text = (
        "The Trump visit is set for next week. Tejabhai Meda, 36, who works as a labourer and earns Rs 300 a day, is in shock. "
        "\"I have been living here for the past 22 years,\" he told Al Jazeera.\n\n"
        "\"We are not asking the government for homes,\" the father of three said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "22 years").speaker_name == "Tejabhai Meda"
    assert quote_with(quotes, text, "not asking").speaker_name == "Tejabhai Meda"


def test_a_name_set_beside_an_office_is_a_person(shipped: Gazetteer) -> None:
    text = (
        "\"There was no second meeting,\" the White House said in a statement.\n\n"
        "Alexei Pushkov, chairman of the information policy committee at the upper house of Russian parliament, said the reports "
        "were of a conversation that didn't happen.\n\n"
        "\"They're sick,\" he said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "sick").speaker_name == "Alexei Pushkov"


def test_a_participle_goes_on_with_the_person_of_the_clause_before_it(shipped: Gazetteer) -> None:
    text = (
        "On Wednesday, the advantages of incumbency were on full display, as Mr. Christie heaped still more praise on Mr. Obama, "
        "saying, \"He has sprung into action immediately.\""
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "sprung").speaker_name == "Christie"


def test_a_paper_named_before_is_not_the_firm_that_speaks(shipped: Gazetteer) -> None:
    text = (
        "He worked at a youth correctional facility before his current job, the Courier Post revealed.\n\n"
        "An officer named Joseph DiMarco matched the dates, the paper said.\n\n"
        "\"We do not tolerate the kind of behavior depicted in this video,\" the firm said on Twitter."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "do not tolerate").speaker_name != "Courier Post"


def test_the_two_are_the_two_people_just_named_and_their_statement_speaks_for_them(shipped: Gazetteer) -> None:
    text = (
        "Senate Majority Leader Mitch McConnell and House Minority Leader Kevin McCarthy blasted Democrats on Wednesday "
        "for refusing to replenish the program.\n\n"
        "\u201cThe Small Business Administration and the Department of the Treasury report that the program will exhaust its "
        "funding in a matter of hours,\u201d the two said in a statement.\n\n"
        "Republicans said they want to keep the bill focused on small-business aid.\n\n"
        "\u201cThis did not have to happen,\u201d the statement continued."
    )
    quotes = speakers(text, shipped)
    first = quote_with(quotes, text, "exhaust its funding")
    assert (first.speaker_name, first.speaker_type) == ("Mitch McConnell and Kevin McCarthy", "group")
    assert quote_with(quotes, text, "did not have to happen").speaker_name == "Mitch McConnell and Kevin McCarthy"


def test_they_after_two_people_named_together_are_both(shipped: Gazetteer) -> None:
    text = (
        "Ms. Waters, California Democrat, called on Americans to \u201cabsolutely harass\u201d officials last summer.\n\n"
        "Senate Minority Leader Charles E. Schumer and House Minority Leader Nancy Pelosi said Wednesday that they "
        "\u201clistened with great interest\u201d as Mr. Trump called for unity \u2014 but they added that those words aren\u2019t good enough.\n\n"
        "\u201cPresident Trump\u2019s words ring hollow,\u201d the two Democratic leaders said in a joint statement."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "good enough").speaker_name == "Chuck Schumer and Nancy Pelosi"
    assert quote_with(quotes, text, "ring hollow").speaker_name == "Chuck Schumer and Nancy Pelosi"


def test_whom_the_words_are_about_is_not_who_says_them(shipped: Gazetteer) -> None:
    text = (
        "Mr. Morsi has said he governs for all Egyptians. Emad Abdel Kawy, a teacher at the rally, was not convinced, "
        "and Mr. Morsi's aides did not respond.\n\n"
        "\u201cIt\u2019s clear he doesn\u2019t make the decisions,\u201d he said of Mr. Morsi. \u201cThe decisions come to him.\u201d"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "make the decisions").speaker_name == "Emad Abdel Kawy"
    assert quote_with(quotes, text, "come to him").speaker_name == "Emad Abdel Kawy"


def test_someone_heard_saying_words_says_them(shipped: Gazetteer) -> None:
    text = 'In a videotape of the incident, Eric Garner can be heard saying repeatedly: "I can\'t breathe."'
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "breathe").speaker_name == "Eric Garner"


def test_a_description_that_goes_on_speaking_after_a_quotation(shipped: Gazetteer) -> None:
    text = (
        "\u201cWhat good are your thoughts?\u201d Alexandria Ocasio-Cortez wrote on Twitter.\n\n"
        "\u201cThis is a time of great vulnerability for our communities,\u201d the democratic socialist continued."
    )
    quotes = speakers(text, shipped)
    q = quote_with(quotes, text, "great vulnerability")
    assert (q.cue, q.speaker_text, q.speaker_name) == ("continued", "the democratic socialist", "Alexandria Ocasio-Cortez")


def test_a_surname_with_an_apostrophe_completes_the_first_name_tagged_alone(shipped: Gazetteer) -> None:
    text = (
        "Sanders' Iowa director, Pete D\u2019Alessandro, said the campaign was drawing big crowds.\n\n"
        "\u201cEvery crowd we\u2019ve gotten has exceeded our original goals,\u201d he said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Every crowd").speaker_name == "Pete D\u2019Alessandro"


def test_a_conjunct_of_saying_goes_with_the_person_of_the_clause_before_it(shipped: Gazetteer) -> None:
    text = (
        "China's strong comments come after Canadian Foreign Minister Melanie Joly on Thursday summoned China's ambassador "
        "to Canada, Cong Peiwu, and said she was considering expelling the diplomat."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "expelling").speaker_name == "Mélanie Joly"


def test_a_report_an_organisation_found_things_in_speaks_for_it(shipped: Gazetteer) -> None:
    # an organisation named after a country is not the country ("the Bank of China")
    text = (
        "In a survey published this week, the Foreign Press Club of China found that most reporters had faced "
        "interference while reporting last year.\n\n"
        "\"As China grows richer,\" the survey said, \"it has shown a growing willingness to restrict reporting.\""
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "grows richer").speaker_name == "Foreign Press Club of China"
    doc = parse(text)
    mentions = find_mentions(doc, shipped)
    assert ("Foreign Press Club of China", "organisation") in {(text[m.start : m.end], m.type) for m in mentions}
    assert not any(m.actor == "china" and m.start < text.index(" found") for m in mentions)


def test_the_report_after_according_to_a_programme_is_the_programme(shipped: Gazetteer) -> None:
    text = (
        "A church in Glendale will cancel $2 million in medical debt this Christmas.\n\n"
        "According to Good Morning America, the church partnered with a charity to buy the debt from collectors.\n\n"
        "\"This morning, one church is creating its own Christmas miracle,\" the report said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Christmas miracle").speaker_name == "Good Morning America"
    doc = parse(text)
    assert not any(m.actor == "united_states" for m in find_mentions(doc, shipped))  # the programme is no mention of the US


def test_according_to_a_person_gives_the_report_no_author(shipped: Gazetteer) -> None:
    text = (
        "According to Dana Whitfield, the church partnered with a charity to buy the debt.\n\n"
        "\"This morning, one church is creating its own Christmas miracle,\" the report said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Christmas miracle").speaker_name != "Dana Whitfield"


def test_a_surname_the_parser_took_for_may_before_said_is_the_speaker(shipped: Gazetteer) -> None:
    text = (
        "Prime Minister Theresa May spoke to Parliament on Thursday morning.\n\n"
        "\"We are not afraid,\" May said in her address. \"Our resolve will never waver.\"\n\n"
        "Officials may say more later."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "not afraid").speaker_name == "Theresa May"
    assert quote_with(quotes, text, "never waver").speaker_name == "Theresa May"


def test_a_quotation_glued_to_the_next_sentence_keeps_its_speaker(shipped: Gazetteer) -> None:
    text = (
        "“Because of this success, the Task Force will continue on indefinitely,” Trump tweeted. "
        "“We may add or subtract people to it, as appropriate.”Trump added that the task force “will also be very focused on vaccines.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "subtract people").speaker_name == "Donald Trump"
    assert quote_with(quotes, text, "focused on vaccines").speaker_name == "Donald Trump"


def test_a_commander_of_an_organisation_is_one_of_its_people_not_the_organisation(shipped: Gazetteer) -> None:
    text = (
        "The press office pointed to remarks the general made at a press conference on Oct. 2.\n\n"
        "\"The military here is completely different than when I left,\" said the top NATO commander in Afghanistan."
    )
    q = quote_with(speakers(text, shipped), text, "completely different")
    assert q.speaker_name == "the top NATO commander in Afghanistan" and q.speaker == "nato"


def test_her_statement_is_the_statement_of_the_woman_who_just_spoke(shipped: Gazetteer) -> None:
    text = (
        "In a statement Tuesday, Dana Whitfield said the network never killed the story and called her remarks "
        "“a private moment of frustration.”\n\n"
        "“I was upset that an interview I had conducted did not air,” her statement said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "I was upset").speaker_name == "Dana Whitfield"


def test_his_statement_is_not_given_to_a_woman(shipped: Gazetteer) -> None:
    text = (
        "In a statement Tuesday, Dana Whitfield said the network never killed the story and called her remarks "
        "“a private moment of frustration.”\n\n"
        "“I was upset that an interview I had conducted did not air,” his statement said."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "I was upset").speaker_name != "Dana Whitfield"


def test_a_title_before_a_full_name_and_where_he_spoke_is_that_person(shipped: Gazetteer) -> None:
    text = (
        "“In some ways, he may have met his match here,” said former Director of National Intelligence "
        "James Clapper on CNN’s “State of the Union.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "met his match").speaker_name == "James Clapper"


def test_his_wife_is_the_wife_named_before(shipped: Gazetteer) -> None:
    text = (
        "Stuart Elliott, 62, and his wife Vilma Elliott, 59, from Newcastle, were in London celebrating their anniversary.\n\n"
        "\"We were shocked, definitely,\" said Stuart Elliott, a gas technician.\n\n"
        "\"It was all booked for us to come,\" his wife added."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "all booked").speaker_name == "Vilma Elliott"
    assert quote_with(quotes, text, "shocked").speaker_name == "Stuart Elliott"


def test_a_relative_never_named_stays_a_description(shipped: Gazetteer) -> None:
    text = (
        "Stuart Elliott, 62, was in London celebrating an anniversary.\n\n"
        "\"We were shocked, definitely,\" said Stuart Elliott, a gas technician.\n\n"
        "\"It was all booked for us to come,\" his wife added."
    )
    q = quote_with(speakers(text, shipped), text, "all booked")
    assert q.speaker_name == "his wife"


def test_a_website_the_parser_took_for_a_pronoun_speaks_by_its_address(shipped: Gazetteer) -> None:
    text = (
        "The vice president urged Americans to visit Coronavirus.gov for updates.\n\n"
        "“Public health systems may become overloaded,” coronavirus.gov says."
    )
    q = quote_with(speakers(text, shipped), text, "overloaded")
    assert q.speaker_name == "coronavirus.gov" and q.speaker_type != "pronoun"


def test_a_pull_quote_credited_to_an_editorial_is_the_publication(shipped: Gazetteer) -> None:
    text = (
        "It is fair to blame the government, but not to stigmatize the country's citizens\n\n"
        "“If the present instances are unfair to the people, a better name would be another one.” — Editorial, National Review"
    )
    q = quote_with(speakers(text, shipped), text, "better name")
    assert q.speaker_name == "National Review" and q.speaker_type == "organisation"


def test_a_girlfriend_named_in_a_caption_apposition_speaks_by_her_name(shipped: Gazetteer) -> None:
    # the parser hangs "girlfriend" on "Video", not on the name before its comma
    text = (
        "Facebook Live Video by Diana Reyes, Philip Castor's girlfriend, describing the traffic stop that led to his death. Warning: Video is graphic.\n\n"
        "In the video, Reyes pleads with him to stay awake as the camera pans across the car. "
        "His girlfriend then begins narrating what happened, saying, \"They just shot my boyfriend.\""
    )
    q = quote_with(speakers(text, shipped), text, "shot my boyfriend")
    assert q.speaker_name == "Diana Reyes"


def test_a_statement_someone_provided_to_a_magazine_is_theirs(shipped: Gazetteer) -> None:
    text = (
        "Six women have accused the network's chairman, Ray Hendricks, of misconduct, a magazine reported.\n\n"
        "In response to the story, Hendricks, 68, provided a statement to The New Yorker saying, \"I recognize that there were times decades ago when I made women uncomfortable.\""
    )
    q = quote_with(speakers(text, shipped), text, "I recognize")
    assert q.speaker_name == "Ray Hendricks"


def test_a_text_the_organisation_spoke_in_the_summary_of_is_the_organisations(shipped: Gazetteer) -> None:
    text = (
        "The Federal Communications Commission voted 3-2 last month to approve the rules.\n\n"
        "The court also \"affirmed the commission's conclusion that broadband providers represent a threat to openness,\" the agency says in the order's executive summary.\n\n"
        "In crafting the rules, the agency had three objectives, the order says: \"America needs more broadband, better broadband, and open broadband networks. These goals are mutually reinforcing.\""
    )
    q = quote_with(speakers(text, shipped), text, "America needs")
    assert q.speaker_name == "Federal Communications Commission"
