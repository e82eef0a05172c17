"""Speakers a careful reader finds that the parse alone misses: a source named by "named", a
pull quote credited after a title, a link line between a source and its "he", a cue followed by
its own time, initials, and the subject of a sentence's own claim.

Texts are invented for the tests, modelled on constructions found in real articles.
"""

from __future__ import annotations

import pytest

from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions, link_speakers
from framing.analysis.article import default_gazetteer
from framing.inputs.debris import is_link_line
from framing.text.parse import parse
from framing.types import ActorMention, Quote
from framing.voice import find_quotes


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return default_gazetteer()


def speakers(text: str, gazetteer: Gazetteer) -> list[Quote]:
    doc = parse(text)
    return link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer), gazetteer)


def quote_with(quotes: list[Quote], text: str, words: str) -> Quote:
    return next(q for q in quotes if words in text[q.start : q.end])


def test_an_unnamed_source_named_after_all_speaks_by_that_name(shipped: Gazetteer) -> None:
    text = (
        "Trust is now so low that one expert I spoke to — a Berkeley political scientist named Laura Stoker — "
        "said she had a hard time imagining how it could fall further. “We’re pretty much at the floor,” she said."
    )
    quotes = speakers(text, shipped)
    assert [(q.kind, q.speaker_name) for q in quotes] == [("reported", "Laura Stoker"), ("direct", "Laura Stoker")]
    assert quotes[0].speaker_type == "person"


def test_a_pull_quote_is_the_persons_after_their_title(shipped: Gazetteer) -> None:
    text = (
        "It is an attempt to distract.\n\n"
        "“The White House would rather have a conversation about manners than talk about its response.” — MSNBC host Chris Hayes\n\n"
        "It is fair to blame the government."
    )
    (q,) = speakers(text, shipped)
    assert q.speaker_name == "Chris Hayes"


def test_a_pull_quote_credited_to_a_title_that_opens_with_a_number_is_the_named_person(shipped: Gazetteer) -> None:
    text = (
        "The ad drew both praise and anger.\n\n"
        "\"The league has led to a mass exodus of viewers who do not want politics in sports.\" — Nine Mile Outfitters CEO Tyler Morgan\n\n"
        "Travis called the decision a disaster."
    )
    q = quote_with(speakers(text, shipped), text, "mass exodus")
    assert q.speaker_name == "Tyler Morgan"


def test_a_quotation_followed_by_a_name_and_no_verb_is_that_persons(shipped: Gazetteer) -> None:
    text = (
        "Reverting to the old rates is not enough for this cycle.\n\n"
        "“Any presidential candidate needs to have a bold tax plan,” Gabriel Zuckerman, an economist at the University of Oregon who has advised Warren. "
        "Sanders would expand the estate tax."
    )
    q = quote_with(speakers(text, shipped), text, "bold tax plan")
    assert q.speaker_name == "Gabriel Zuckerman"


def test_a_name_after_a_quotation_that_has_a_verb_of_its_own_is_not_made_the_speaker(shipped: Gazetteer) -> None:
    # the comma is there, but the person does something else in the sentence: no credit line
    text = "The memo was short.\n\n“Any presidential candidate needs to have a bold tax plan,” Gabriel Zuckerman, an economist at the University of Oregon, signed it and left."
    q = quote_with(speakers(text, shipped), text, "bold tax plan")
    assert q.speaker_name != "Gabriel Zuckerman"


def test_a_person_on_a_link_line_is_not_who_he_is(shipped: Gazetteer) -> None:
    text = (
        "Gov. Nathan Deal suggested he did not plan to meet with the donor.\n\n"
        "( Also on POLITICO: Paul, Cruz weigh in on Ferguson)\n\n"
        "“I don’t think I’m going to,” he said Sunday in a brief interview after a luncheon speech."
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "going to").speaker_name == "Nathan Deal"


def test_link_lines_with_a_bracket_or_an_outlet() -> None:
    assert is_link_line("( Also on POLITICO: Paul, Cruz weigh in on Ferguson)")
    assert is_link_line("(QUIZ: Do you know Anthony Weiner?)")
    assert is_link_line("More from The Wall Street Journal: the new tariffs")
    assert not is_link_line("Also on the agenda: taxes and trade, the senator said.")


def test_a_cue_followed_by_its_own_time_gives_the_next_quotation_its_speaker(shipped: Gazetteer) -> None:
    text = (
        "Ann Keller, a trade consultant, offered some advice in an essay this week.\n\n"
        "The last two years of a second term can be among the most eventful, she wrote a few days before November. "
        "“Presidents have negotiated arms deals and trade pacts in those years. Some of them sealed their legacy.”"
    )
    quotes = speakers(text, shipped)
    assert quote_with(quotes, text, "Presidents have").speaker_name == "Ann Keller"


def test_as_someone_advised(shipped: Gazetteer) -> None:
    text = "Voters knew who was in the White House, rewarding him with four terms. \"Keep it simple and take credit,\" as Jack Meserve advised."
    (q,) = speakers(text, shipped)
    assert q.speaker_name == "Jack Meserve"


def test_initials_name_the_organisation_given_in_full_before(shipped: Gazetteer) -> None:
    text = (
        "Public jobs fell by half a million, according to the Economic Policy Institute.\n\n"
        "“Without a change of course in state budgets, the recovery will stay slow for years,” the EPI wrote in a report."
    )
    q = quote_with(speakers(text, shipped), text, "Without a change")
    assert q.speaker_name == "Economic Policy Institute"
    assert q.speaker_type == "organisation"


def test_a_cue_the_parser_hung_inside_the_quotation(shipped: Gazetteer) -> None:
    text = (
        "He was sentenced to eight months in a halfway house.\n\n"
        "\"Today, the President issued a full pardon to Dinesh Kumar, an accomplished author, lecturer, and scholar,\" "
        "Press Secretary Sarah Sanders released in a statement."
    )
    (q,) = speakers(text, shipped)
    assert q.speaker_name == "Sarah Sanders"


def test_he_is_the_subject_of_the_claim_not_of_what_is_reported(shipped: Gazetteer) -> None:
    text = (
        "Mitt Romney spoke at the rally on Monday. Romney said Barack Obama was doing a good deal worse than expected. "
        "He cited the economy and troubles abroad."
    )
    doc = parse(text)
    mentions: list[ActorMention] = find_mentions(doc, shipped)
    he = next(m for m in mentions if text[m.start : m.end] == "He")
    assert he.name == "Mitt Romney"


def test_the_campaign_is_the_campaign_a_name_modified(shipped: Gazetteer) -> None:
    text = (
        "The Obama campaign released a new ad on Monday attacking Mitt Romney's record at Bain.\n\n"
        "“The governor has to answer for it,” the campaign said in a statement."
    )
    (q,) = speakers(text, shipped)
    assert (q.speaker_name, q.speaker_type) == ("Obama campaign", "organisation")


def test_a_quotation_that_is_its_own_paragraph_continues_the_report_before(shipped: Gazetteer) -> None:
    text = (
        "Adam Schiff used a news conference on Wednesday to join others who have called for a new bill, "
        "warning about what he called the implications of inaction.\n\n"
        "“We go into this election more vulnerable than we should.”"
    )
    (q,) = speakers(text, shipped)
    assert (q.speaker_name, q.cue) == ("Adam Schiff", "warning")
    # a paragraph before that reports nobody's words gives nobody
    (q,) = speakers("The bill stalled in the Senate on Wednesday.\n\n“We go into this election more vulnerable than we should.”", shipped)
    assert q.speaker_name is None


def test_a_headline_in_the_text_names_no_organisation_to_refer_back_to(shipped: Gazetteer) -> None:
    """The parser takes a title-case headline for an organisation's name; "the university" is not it."""
    text = (
        "Boston University Student Among The Dead\n\n"
        "A graduate student was among those killed, officials said.\n\n"
        "“We are heartbroken by this loss,” the university said in a statement."
    )
    q = quote_with(speakers(text, shipped), text, "heartbroken")
    assert q.speaker_name == "the university"


def test_he_after_a_described_speaker_is_that_speaker_not_whom_he_spoke_of(shipped: Gazetteer) -> None:
    text = (
        "Mitt Romney spoke at the rally. “I’m not running,” Mr. Romney told reporters afterwards. "
        "He has said so many times. "
        "The former Massachusetts governor had pointed words for the man who defeated him, saying President Barack Obama was doing worse than expected. "
        "He cited the economy and troubles abroad."
    )
    doc = parse(text)
    he = [m for m in find_mentions(doc, shipped) if text[m.start : m.end] == "He"]
    assert he[-1].name == "Mitt Romney"


def test_a_phrase_ending_with_a_persons_name_is_that_person(shipped: Gazetteer) -> None:
    for text, name in (
        ("“We will fight this tax increase,” said Americans for Tax Reform President Grover Norquist.", "Grover Norquist"),
        ("“He is wrong about the deal,” Time’s Dan Hirschhorn wrote.", "Dan Hirschhorn"),
    ):
        (q,) = speakers(text, shipped)
        assert q.speaker_name == name, text
    # an example the phrase gives is not who speaks
    (q,) = speakers("Some Republicans such as Speaker Paul Ryan said the bill would pass.", shipped)
    assert q.speaker_name != "Paul Ryan"


def test_people_who_speak_for_someone_are_not_that_someone(shipped: Gazetteer) -> None:
    """"Flynn's attorneys wrote" is not Flynn speaking (they speak for him, as a company's spokesman
    speaks for it); "Mr. Cruz's statement said" is Cruz's own words."""
    text = "Michael Flynn pleaded guilty in December. “He regrets it deeply,” Flynn's attorneys wrote in a filing."
    q = quote_with(speakers(text, shipped), text, "regrets")
    assert (q.speaker_name, q.speaker) == ("Flynn's attorneys", "candidate:michael_flynn")
    text = "Ted Cruz left the race in May. “We will win this fight in the end,” Mr. Cruz’s statement said."
    q = quote_with(speakers(text, shipped), text, "win this fight")
    assert q.speaker_name == "Ted Cruz"


def test_a_party_and_state_label_is_no_name(shipped: Gazetteer) -> None:
    text = "The president laid low.\n\nSenate Minority Leader Chuck Schumer. D-N.Y., even taunted President Trump: “The great deal-making president sat on the sidelines.”"
    (q,) = speakers(text, shipped)
    assert q.speaker_name == "Chuck Schumer"
    (q,) = speakers("“We need a strategy for Syria now,” said Senate Armed Services Committee ranking member(D-R.I.", shipped)
    assert q.speaker_name != "R.I."


def test_inverted_and_misparsed_cues(shipped: Gazetteer) -> None:
    text = '"It’s not my first choice but I would consider it," said retiring New Jersey Representative Frank LoBiondo.'
    quotes = speakers(text, shipped)
    assert [(q.kind, q.speaker_name) for q in quotes] == [("direct", "Frank LoBiondo")]  # "retiring ... LoBiondo" is no report
    text = "John Cornyn, asked if election security legislation or sanctions are warranted, said, “I would be glad to entertain anything else anybody wants.”"
    assert quote_with(speakers(text, shipped), text, "glad to").speaker_name == "John Cornyn"
    text = "An anti-Sanders push has been escalating.\n\n“The Sanders socialist issue is real and dangerous,” read a memo this week from a super PAC."
    q = quote_with(speakers(text, shipped), text, "socialist issue")
    assert (q.cue, q.speaker_text) == ("read", "a memo")


def test_the_president_is_not_the_assistant_secretary_quoted_before(shipped: Gazetteer) -> None:
    text = (
        "“There is a number. I don't have that number,” Admiral Brett Giroir, an assistant secretary at the health department, said.\n\n"
        "Despite the criticism, the president, asked how he grades himself, said, “I'd rate it a 10.”"
    )
    q = quote_with(speakers(text, shipped), text, "rate it")
    assert q.speaker_name != "Brett Giroir"


def test_he_after_an_unnamed_sources_report_with_a_phrase_quoted_inside(shipped: Gazetteer) -> None:
    """A partial quotation inside the spokesman's report does not hide the report from the next "he"."""
    text = (
        "The United States has been pressuring its partners into so-called \"reciprocal tariff negotiations\", the spokesman said.\n"
        "\"In fact, it is using the notion as a pretext to pursue its own policies,\" he further said."
    )
    q = quote_with(speakers(text, shipped), text, "In fact")
    assert q.speaker_name == "the spokesman"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Romney mocked the president for saying the private sector is doing fine.", "the president"),
        ("Republicans on Monday blasted Secretary of State John Kerry for suggesting the administration could ignore the law.", "John Kerry"),
    ],
)
def test_the_one_judged_for_saying_it_said_it(sentence: str, speaker: str, shipped: Gazetteer) -> None:
    (q,) = [q for q in speakers(sentence, shipped) if q.kind == "reported"]
    assert q.speaker_text is not None and speaker in q.speaker_text


def test_who_draws_fire_for_saying_it_said_it(shipped: Gazetteer) -> None:
    text = "Jeb Bush has already drawn fire for saying he wants to lose the primary to win the general election."
    (q,) = [q for q in speakers(text, shipped) if q.kind == "reported"]
    assert q.speaker_name == "Jeb Bush"


def test_a_headline_on_a_link_line_reports_nothing(shipped: Gazetteer) -> None:
    text = (
        "Musk dismissed the suggestions.\n\n"
        "More: Tesla Model S crash into California pond killed driver, police say\n\n"
        "More: Trump says tariffs only hurt China, but both sides will suffer\n\n"
        "“Thought you’d say that,” he said in response to one reporter."
    )
    assert not is_link_line("More than 100 people died, officials said.")
    quotes = speakers(text, shipped)
    assert [q.kind for q in quotes] == ["direct"]  # not "..., police say", not "Trump says ..."
    assert quotes[0].speaker_name == "Elon Musk"


def test_a_title_the_parser_took_for_a_head_leaves_the_name_speaking(shipped: Gazetteer) -> None:
    text = (
        "Play Facebook\n\nTwitter\n\n"
        "Republican presidential contender Jeb Bush called Donald Trump's candidacy a \"phenomenon,\" and said his outspoken "
        "rival has \"appealed to people's anger\" as he has skyrocketed to the top of the polls."
    )
    quotes = speakers(text, shipped)
    assert {q.speaker_name for q in quotes} == {"Jeb Bush"}


def test_an_organisation_named_by_according_to_goes_on_as_the_organization(shipped: Gazetteer) -> None:
    text = (
        "The obstacles could be quickly eliminated, according to the Society of Hospital Medicine. The organization wrote "
        "to Congress last week asking it to “act now” to give the doctors permanent resident status."
    )
    q = quote_with(speakers(text, shipped), text, "act now")
    assert q.speaker_name == "Society of Hospital Medicine"


def test_a_hyphenated_given_name_is_part_of_the_name_and_not_another_kim(shipped: Gazetteer) -> None:
    text = (
        "Kim Jong Un met the envoy on Sunday.\n\n"
        "“It’s a positive but very small step,” Kim Jin-ho, a professor of political science at Dankook University, "
        "said of the meeting.\n\n"
        "“North Korea should realize that it will face stronger sanctions,” Moon Sang-gyun, a spokesman for "
        "South Korea’s defense ministry, said on Tuesday."
    )
    quotes = speakers(text, shipped)
    assert [q.speaker_name for q in quotes] == ["Kim Jin-ho", "Moon Sang-gyun"]


def test_a_cue_right_before_the_quotation_is_its_cue(shipped: Gazetteer) -> None:
    text = (
        "On a conference call, Illinois Gov. J.B. Pritzker, a Democrat, warned the president that the \"rhetoric coming "
        "out of the White House is making it worse,\" to which Trump snapped back, \"I don't like your rhetoric that much either.\""
    )
    q = quote_with(speakers(text, shipped), text, "that much either")
    assert q.cue == "snapped" and q.speaker_name == "Donald Trump"


def test_a_person_in_a_photo_caption_is_no_antecedent(shipped: Gazetteer) -> None:
    text = (
        "Rahul Mehta, the chief executive of a delivery firm, backed the app on Monday.\n\n"
        "India has recorded about 1,150 deaths, according to Johns Hopkins University data [Yawar Nazir/Getty Images]\n\n"
        "By mandating all its delivery staff to use the app, \"the idea is to keep individuals informed,\" he said in a statement."
    )
    q = quote_with(speakers(text, shipped), text, "keep individuals")
    assert q.speaker_name == "Rahul Mehta"


def test_a_long_speaker_phrase_with_an_aside_after_the_quotation(shipped: Gazetteer) -> None:
    text = (
        "Vigils were held on Thursday.\n\n"
        "\"I really believe that some very searching questions are now being asked,\" former leader of the UK Independence "
        "Party Nigel Farage, now a Fox News contributor, said on \"Fox & Friends.\""
    )
    q = quote_with(speakers(text, shipped), text, "searching questions")
    assert q.cue == "said" and q.speaker_name == "Nigel Farage"


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "The app will be required. \"Use of the app shall be made mandatory for all employees,\" a directive issued by "
            "India's Ministry of Home Affairs said on Friday.",
            "India's Ministry of Home Affairs",  # (the ministry speaks for India: see test_institution_speakers)
        ),
        (
            "Three senators asked for a change. “We must sadly oppose the fast-tracking of this bill,” said the senators’ statement.",
            "the senators",
        ),
        (
            "A separate report weighed in. “The system failed,” Wednesday’s audit report said.",
            None,
        ),
    ],
)
def test_who_wrote_a_statement_that_speaks(text: str, author: str | None, shipped: Gazetteer) -> None:
    (q,) = [q for q in speakers(text, shipped) if q.kind == "direct"]
    if author is None:
        assert q.speaker_name != "Wednesday"
    else:
        assert q.speaker_name == author


def test_a_role_describes_the_source_just_quoted(shipped: Gazetteer) -> None:
    text = (
        "Peter Meijer said it was baffling for critics to call him names.\n\n"
        "“I have been called a bigot,” the candidate told the Times."
    )
    q = quote_with(speakers(text, shipped), text, "called a bigot")
    assert q.speaker_name == "Peter Meijer"


def test_the_answer_to_a_question_is_not_the_askers(shipped: Gazetteer) -> None:
    text = (
        "Trump revealed that he does not exercise much. “Do you ever exercise on the ice?” co-host John Heilemann asked "
        "Trump during a discussion. “No, I run for office,” the candidate said."
    )
    q = quote_with(speakers(text, shipped), text, "run for office")
    assert q.speaker_name != "John Heilemann"


def test_a_surname_the_tagger_took_for_a_modal_is_the_person(shipped: Gazetteer) -> None:
    text = (
        "British Prime Minister Theresa May said the attacker was born in Britain.\n\n"
        "President Donald Trump called to offer his condolences. Former President Barack Obama wrote to the victims' "
        "families. Police in London held an exercise last year. Officers said they were prepared.\n\n"
        "May underscored that the attack targeted \"free people everywhere,\" and she said she had a response: "
        "\"You will not defeat us.\""
    )
    q = quote_with(speakers(text, shipped), text, "defeat us")
    assert q.speaker_name == "Theresa May"
    at = text.index("May underscored")
    assert any(m.start == at and m.name == "Theresa May" for m in find_mentions(parse(text), shipped))  # a subject for roles too


def test_a_colon_after_a_report_gives_the_reporter(shipped: Gazetteer) -> None:
    text = (
        "Barnett Rubin has studied the talks for years.\n\n"
        "Rubin notes that the Taliban seem confident the U.S. will not pull the plug on a deal promising the withdrawal "
        "of all American forces within 14 months: \"I think everyone should have concluded long ago that he's decided to get out.\""
    )
    q = quote_with(speakers(text, shipped), text, "concluded long ago")
    assert q.speaker_name == "Barnett Rubin"


def test_by_saying_takes_the_subject_of_the_verb_it_completes(shipped: Gazetteer) -> None:
    text = (
        "On the subject of the deploying of federal troops, Democratic New York Gov. Andrew Cuomo told CNN that he would "
        "respond to such an offer by saying, \"Thank you, but no thank you.\"\n\n"
        "\"He wants to make this about looting because he doesn't want to talk about the real issue,\" Cuomo said."
    )
    q = quote_with(speakers(text, shipped), text, "no thank you")
    assert q.speaker_name == "Andrew Cuomo"
    (found,) = [q for q in find_quotes(parse(text)) if q.kind == "partial"]
    assert found.speaker_text == "he"  # the quotation's own speaker, not only the one of the report around it


def test_a_persons_surname_that_names_a_country_is_the_person_as_a_subject(shipped: Gazetteer) -> None:
    text = (
        "Rep. Jim Jordan, R-Ohio, defended the president on Monday.\n\n"
        "\"President Trump wants to see whether the new government is serious,\" Jordan said."
    )
    q = quote_with(speakers(text, shipped), text, "wants to see")
    assert q.speaker_name == "Jim Jordan"


def test_a_negated_verb_after_a_quotation_is_not_its_cue(shipped: Gazetteer) -> None:
    text = (
        "“We send a report every morning to ICE,” a front-desk clerk told the newspaper. “Every morning at about 5 o’clock, "
        "we do the audit, and we push a button, and it sends it to ICE.” Raiza Rehkoff didn’t respond to a question about "
        "whether other properties had similar arrangements."
    )
    q = quote_with(speakers(text, shipped), text, "push a button")
    assert q.speaker_text == "a front-desk clerk"


def test_quoted_as_saying_gives_the_one_quoted(shipped: Gazetteer) -> None:
    text = (
        "However, in The Indian Express report, a patient was quoted as saying, \"On Sunday night, the names of 28 men "
        "admitted in the first ward were called out.\""
    )
    (q,) = [q for q in speakers(text, shipped) if q.kind == "direct"]
    assert q.speaker_text == "a patient"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Benjamin Todd Jealous, president of the NAACP, spoke on Sunday. Joe D'Alessandro, a lawyer, said the verdict was expected.\n\n"
            "Despite his disappointment with the verdict, Jealous urged calm. \"It is critical that people keep the peace,\" he said.",
            "Benjamin Todd Jealous",
        ),
        (
            "Jonah Goldberg and David French founded the site. Breitbart responded by email.\n\n"
            "French attributes the dearth of serious reporting to Fox News. \"You have one institution that is so incredibly potent,\" he told me.",
            "David French",
        ),
    ],
)
def test_a_surname_that_is_also_a_word_is_the_person_as_a_subject(text: str, name: str, shipped: Gazetteer) -> None:
    q = [q for q in speakers(text, shipped) if q.kind == "direct"][-1]
    assert q.speaker_name == name


def test_a_description_with_a_clause_still_describes_the_source_just_quoted(shipped: Gazetteer) -> None:
    text = (
        "“We, the people, must make their task our own,” Mr. Obama said in his address.\n\n"
        "The president, who returned to the U.S. on Tuesday night after a weeklong trip to Africa, said the country "
        "must live up to the words of the Declaration of Independence."
    )
    (q,) = [q for q in speakers(text, shipped) if q.kind == "reported"]
    assert q.speaker_name == "Barack Obama"


def test_a_readout_released_by_an_office_speaks_for_the_office(shipped: Gazetteer) -> None:
    text = (
        "Prime Minister Mark Carney said he had constructive trade talks with Chinese Premier Li Qiang.\n\n"
        "Carney and Li also discussed “agriculture and agri-food products, such as canola, as well as seafood and electric "
        "vehicles,” according to a readout of the conversation released by Carney’s office."
    )
    q = quote_with(speakers(text, shipped), text, "agri-food products")
    assert (q.speaker_name, q.speaker) == ("Carney’s office", "mark_carney")


def test_an_inverted_surname_the_tagger_took_for_a_word_is_the_person(shipped: Gazetteer) -> None:
    text = (
        "The deal is about increasing innovation, said Harry First, who teaches antitrust law at New York University.\n\n"
        "“Is there anything anticompetitive here or is it procompetitive?” said First."
    )
    q = quote_with(speakers(text, shipped), text, "anticompetitive")
    assert q.speaker_name == "Harry First"


def test_she_after_a_sentence_that_introduces_someone_is_that_person(shipped: Gazetteer) -> None:
    text = (
        "Hillary Clinton did her own about-face.\n\n"
        "\"They are full and equal citizens,\" she said.\n\n"
        "That shift aligns Clinton with every one of the Senate Democrats who voted for the law and now oppose it. "
        "One is Patty Murray of Washington state.\n\n"
        "\"My state voted, and I voted with them. I'm very proud of my state,\" she says."
    )
    q = quote_with(speakers(text, shipped), text, "proud of my state")
    assert q.speaker_name == "Patty Murray"


def test_a_title_that_opens_an_excerpt_is_the_person_given_it_further_on(shipped: Gazetteer) -> None:
    text = (
        "The president said that he had directed Vice President Joseph R. Biden Jr. to lead an interagency effort.\n\n"
        "Accompanied by Mr. Biden, President Obama signaled his support for new limits on high-capacity clips."
    )
    doc = parse(text)
    quotes = link_speakers(doc, find_quotes(doc), find_mentions(doc, shipped, published="2012-12-20"), shipped)
    q = quote_with(quotes, text, "directed Vice President")
    assert q.speaker == "barack_obama"


def test_speech_quoted_inside_a_quotation_is_its_own_speakers(shipped: Gazetteer) -> None:
    text = (
        "Dana Reyes, a television writer, said she had meetings with the executive Tom Hale in the 1980s.\n\n"
        "“He said, ‘No, just you and me.’ Then I said, ‘Well, Tom, I don’t think your wife would like that.’” "
        "Reyes told the magazine.\n\n"
        "“People could say, ‘She only says that now.’ But I know what happened,” she added."
    )
    quotes = speakers(text, shipped)
    outer = quote_with(quotes, text, "He said, ‘No")
    assert outer.speaker_name == "Dana Reyes"
    inner = [q for q in quotes if text[q.start : q.end].startswith("‘")]
    assert [(text[q.start : q.end], q.speaker_name) for q in inner] == [
        ("‘No, just you and me.’", "Tom Hale"),
        ("‘Well, Tom, I don’t think your wife would like that.’", "Dana Reyes"),
    ]  # (a hypothetical "people could say" is nobody's words)


def test_she_is_not_a_person_introduced_as_her_son(shipped: Gazetteer) -> None:
    # a kin noun right before a one-word name gives that person's sex ("her son Eddie": he)
    text = (
        "Marta Lindqvist waited outside the station for news of her 30-year-old son Eddie, who had texted her from the platform. "
        "He told her he was hiding in a storeroom.\n\n"
        "\"The last message said he could hear sirens,\" she said."
    )
    q = quote_with(speakers(text, shipped), text, "last message")
    assert q.speaker_name == "Marta Lindqvist"


def test_a_kin_noun_before_a_comma_says_nothing_of_the_name_after_it(shipped: Gazetteer) -> None:
    from framing.actors.mentions import _pronoun_of

    text = "She offered to meet alongside her sister, Hollins declined. Later her son Tomas called."
    doc = parse(text)
    people = {m.name: _pronoun_of(m, doc, shipped) for m in find_mentions(doc, shipped) if m.type == "person"}
    assert people.get("Tomas") == "he"
    assert people.get("Hollins") is None


def test_it_after_a_sentence_about_a_company_is_the_company_not_an_earlier_state_source(shipped: Gazetteer) -> None:
    text = (
        "Norway urged Sweden to \"explain\" the seizure of the ship.\n\n"
        "Nokia, which made $2bn last year, confirmed the seizure.\n\n"
        "\"The company has been given very little information about the charges,\" it said."
    )
    q = quote_with(speakers(text, shipped), text, "very little information")
    assert q.speaker_name is not None and "Nokia" in q.speaker_name


def test_a_cue_the_parser_hung_from_the_name_after_a_question(shipped: Gazetteer) -> None:
    # "“...?” Ken Kistner, 77, asked ...": the name became the sentence's root, the cue its clause
    text = (
        "“Are you in complete alignment with the governor, who said he wanted to go on and close every mill?” "
        "Dale Brunner, 77, asked with real bite, not backing off when Mr. Hale said he had never heard that."
    )
    q = quote_with(speakers(text, shipped), text, "complete alignment")
    assert q.cue == "asked"
    assert q.speaker_name == "Dale Brunner"
    assert q.speaker_text == "Dale Brunner, 77"


def test_a_quote_verb_with_a_phrase_before_the_comma_introduces_the_quotation(shipped: Gazetteer) -> None:
    text = (
        "Halvorsen continued in the interview, \"They had no reason to speak to me. Who am I? They were told to meet with me.\""
    )
    (q,) = speakers(text, shipped)
    assert (q.cue, q.speaker_name) == ("continued", "Halvorsen")


def test_he_who_reports_his_own_question_is_the_one_who_said_so(shipped: Gazetteer) -> None:
    # "X said he had asked Y, “...?”": the pronoun is bound by the subject of "said" (a rule the
    # ranker's choice never overrides), but not when "said" is told to a person ("told Y that he")
    from framing.actors.mentions import _reporting_subject

    text = (
        "“He shook every hand in the room,” said Ron Pellegrini, who owns the diner. "
        "Tomas Ferreira, 44, a machinist at a tire plant in Akron, "
        "said he had asked Mr. Obama, “What was the last thing that made you really nervous?” The president laughed."
    )
    q = next(q for q in speakers(text, shipped) if q.kind == "direct" and "really nervous" in text[q.start : q.end])
    assert q.speaker_name == "Tomas Ferreira"
    doc = parse(text)
    raw = next(q for q in find_quotes(doc) if q.kind == "direct" and "really nervous" in text[q.start : q.end])
    person = _reporting_subject(doc, raw, find_mentions(doc, shipped))
    assert person is not None and person.name == "Tomas Ferreira"
    told = "Tomas Ferreira told Ron Pellegrini he had asked Mr. Obama, “What was the last thing that made you really nervous?”"
    doc = parse(told)
    raw = next(q for q in find_quotes(doc) if q.kind == "direct" and "really nervous" in told[q.start : q.end])
    assert _reporting_subject(doc, raw, find_mentions(doc, shipped)) is None


def test_a_wire_agency_that_relays_a_quotation_is_its_source(shipped: Gazetteer) -> None:
    text = (
        "\"I heard four shots, turned around and saw the soldier lying on the ground,\" Henderson said.\n\n"
        "\"People fled by scrambling down scaffolding, witnesses told the news agency,\" The Associated Press relays."
    )
    q = quote_with(speakers(text, shipped), text, "scaffolding")
    assert q.speaker_name is not None and "Associated Press" in q.speaker_name


def test_the_object_right_after_a_quotation_is_its_speaker(shipped: Gazetteer) -> None:
    text = "“How many dead? Go home, Senator!” chanted several dozen advocates of tougher gun laws. They waved signs."
    (q,) = speakers(text, shipped)
    assert (q.cue, q.speaker_text) == ("chanted", "several dozen advocates of tougher gun laws")


def test_the_government_statement_is_the_government_named_with_its_country_before(shipped: Gazetteer) -> None:
    text = (
        "The Syrian government said the U.N. team was fired on by gangs while entering the town.\n\n"
        "The government also says its forces escorted the team until it reached a position held by the rebels.\n\n"
        "“The government holds the gangs responsible for the safety of the team,” said the government statement broadcast on state TV."
    )
    q = quote_with(speakers(text, shipped), text, "holds the gangs")
    assert q.speaker == "syria"
    assert q.speaker_name == "Syrian government"


def test_put_it_introduces_a_quotation_but_placing_it_does_not() -> None:
    text = (
        "Their moment had arrived, as Halvorsen put it, “The libertarian moment is now.” "
        "\"This path depends on winning back the Rust Belt,\" political editor Dana Reyes put it in an analysis. "
        "She put it on the table. “Take it,” the clerk said."
    )
    doc = parse(text)
    cues = {text[q.start : q.end]: q.cue for q in find_quotes(doc)}
    assert cues["“The libertarian moment is now.”"] == "put"
    assert cues['"This path depends on winning back the Rust Belt,"'] == "put"
    assert cues["“Take it,”"] == "said"


def test_the_us_president_is_the_president_named_before_but_not_a_foreign_one() -> None:
    gazetteer = default_gazetteer()

    def speaker(title: str) -> str | None:
        text = (
            "President Trump raised tariffs on steel in March. Attention turned to whether Trump would make a deal. "
            f"{title} -- who last month boasted that “trade wars are good and easy to win” -- has also asked for new limits."
        )
        doc = parse(text)
        (q,) = link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer, published="2018-04-04"), gazetteer)
        return q.speaker_name

    assert speaker("The U.S. president") == "Donald Trump"
    assert speaker("The American president") == "Donald Trump"
    assert speaker("The Iranian president") != "Donald Trump"


def test_a_description_that_gives_a_name_speaks_by_that_name(shipped: Gazetteer) -> None:
    text = "“People fled and left everything behind,” a local named Karim told the news agency, recounting his flight."
    (q,) = speakers(text, shipped)
    assert q.speaker_name == "Karim"
