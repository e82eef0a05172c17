"""Quote attribution (direct, partial, reported; verb classes) and actor roles (aggressor, target,
cooperator, speaker), with the small test gazetteer (tests/data/gazetteer.toml), never
lexicons/actors.toml."""

from __future__ import annotations

import pytest

from framing.actors.mentions import find_mentions, link_speakers
from framing.actors.roles import find_roles
from framing.markers.detectors import detect
from framing.text.parse import parse
from framing.types import Quote
from framing.voice import find_quotes, voice_labels


def attribute_quotes(doc, mentions):  # type: ignore[no-untyped-def]
    """Quotes of a parsed text with their speakers resolved to the test gazetteer's actors."""
    return link_speakers(doc, find_quotes(doc), mentions)


def quotes_of(text: str, gazetteer) -> list[Quote]:  # type: ignore[no-untyped-def]
    doc = parse(text)
    return attribute_quotes(doc, find_mentions(doc, gazetteer))


def roles_of(text: str, gazetteer, voice: str = "outlet") -> list[tuple[str, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(actor, role, verb, other party) for every role in ``text`` stated in ``voice``."""
    doc = parse(text)
    mentions = find_mentions(doc, gazetteer)
    qs = attribute_quotes(doc, mentions)
    return [(r.actor, r.role, r.verb, r.other) for r in find_roles(doc, mentions, qs, voice_labels(doc, qs)) if r.voice == voice]


def summary(q: Quote, text: str) -> tuple[str, str | None, str | None, str | None, str]:
    return (q.kind, q.speaker, q.cue, q.cue_class, text[q.start : q.end])


# ---------------------------------------------------------------------------------------------
# direct quotes


def test_direct_quote_with_pronoun_and_verb_after(gz) -> None:  # type: ignore[no-untyped-def]
    """“…,” she said attributes the quote to the person the pronoun refers to."""
    text = "Lena Moreau toured the harbour. “We will keep every job in this port,” she said."
    (q,) = quotes_of(text, gz)
    assert summary(q, text) == ("direct", "lena_moreau", "said", "neutral", "“We will keep every job in this port,”")
    assert q.sentence == 1
    assert text[q.speaker_start : q.speaker_end] == "she"


def test_direct_quote_without_resolvable_speaker_keeps_the_verb(gz) -> None:  # type: ignore[no-untyped-def]
    """“…,” he said with no antecedent is still a direct quote with its verb but no speaker."""
    text = "“The border must stay open to trucks,” he said."
    (q,) = quotes_of(text, gz)
    assert summary(q, text)[:4] == ("direct", None, "said", "neutral")


def test_direct_quote_said_then_name(gz) -> None:  # type: ignore[no-untyped-def]
    """“…,” said Lena Moreau: the speaker comes after the verb."""
    text = "“Our orchards deserve better than this,” said Lena Moreau."
    (q,) = quotes_of(text, gz)
    assert summary(q, text) == ("direct", "lena_moreau", "said", "neutral", "“Our orchards deserve better than this,”")
    assert q.speaker_name == "Lena Moreau"


def test_direct_quote_name_then_added(gz) -> None:  # type: ignore[no-untyped-def]
    """“…,” Mark Carney added: the speaker before the verb, after the closing mark."""
    text = "“Nobody wins a fight over lumber and steel,” Mark Carney added."
    (q,) = quotes_of(text, gz)
    assert summary(q, text)[:4] == ("direct", "mark_carney", "added", "neutral")


def test_verb_before_quote_with_colon(gz) -> None:  # type: ignore[no-untyped-def]
    """Lena Moreau replied: “…” attributes the following quotation to her."""
    text = "Lena Moreau replied: “Nobody in Ottawa wants a trade war with anyone.”"
    (q,) = quotes_of(text, gz)
    assert summary(q, text) == ("direct", "lena_moreau", "replied", "neutral", "“Nobody in Ottawa wants a trade war with anyone.”")


def test_partial_quote_inside_writers_sentence(gz) -> None:  # type: ignore[no-untyped-def]
    """"called the talks “very dangerous”" is a partial quote with the verb called."""
    text = "Trump called the border talks “very dangerous” after the meeting."
    (q,) = quotes_of(text, gz)
    assert summary(q, text) == ("partial", "donald_trump", "called", "neutral", "“very dangerous”")


def test_multi_sentence_quote_is_attributed_once(gz) -> None:  # type: ignore[no-untyped-def]
    """A quotation of three sentences followed by one attribution yields exactly one Quote."""
    text = "“This levy is a mistake. It punishes bakers. It has to go,” Mark Carney said."
    qs = quotes_of(text, gz)
    assert len(qs) == 1
    assert summary(qs[0], text) == ("direct", "mark_carney", "said", "neutral", "“This levy is a mistake. It punishes bakers. It has to go,”")
    assert qs[0].sentence == 0


def test_unattributed_short_quote_is_no_quote_but_a_scare_quote(gz) -> None:  # type: ignore[no-untyped-def]
    """A short quotation with no verb of saying is not a Quote; the detectors call it a scare quote."""
    text = "Mexico is tightening its “grip” on the corridor."
    doc = parse(text)
    assert attribute_quotes(doc, find_mentions(doc, gz)) == []
    assert [m.category for m in detect(doc)] == ["scare_quotes"]


def test_quote_to_dict_includes_text(gz) -> None:  # type: ignore[no-untyped-def]
    """Quote.to_dict(text) carries the quoted text and the speaker's display name."""
    text = "“Our orchards deserve better than this,” said Lena Moreau."
    d = quotes_of(text, gz)[0].to_dict(text)
    assert d["text"] == "“Our orchards deserve better than this,”"
    assert (d["speaker"], d["speaker_name"], d["kind"]) == ("lena_moreau", "Lena Moreau", "direct")


# ---------------------------------------------------------------------------------------------
# reported speech


def test_reported_speech_actor_said(gz) -> None:  # type: ignore[no-untyped-def]
    """"Mark Carney said the deal ..." is reported speech whose content is the clause after the verb."""
    text = "Markets rose. Mark Carney said the deal would protect jobs in the auto sector."
    (q,) = quotes_of(text, gz)
    assert summary(q, text) == ("reported", "mark_carney", "said", "neutral", "the deal would protect jobs in the auto sector")
    assert q.sentence == 1 and text[q.speaker_start : q.speaker_end] == "Mark Carney" and q.speaker_type == "person"


def test_reported_speech_according_to(gz) -> None:  # type: ignore[no-untyped-def]
    """"…, according to Lena Moreau" attributes the sentence to the actor after the phrase."""
    text = "The duty will double next spring, according to Lena Moreau."
    (q,) = quotes_of(text, gz)
    assert summary(q, text)[:4] == ("reported", "lena_moreau", "according to", "neutral")


def test_reported_speech_wrote_on_social_media(gz) -> None:  # type: ignore[no-untyped-def]
    """"Trump wrote on social media that ..." is reported speech by Trump."""
    text = "Trump wrote on social media that Canada was cheating on dairy."
    (q,) = quotes_of(text, gz)
    assert q.kind == "reported" and q.speaker == "donald_trump"
    assert q.cue is not None and q.cue.startswith("wrote")
    assert q.cue_class == "neutral"


def test_unnamed_source_is_a_speaker_without_an_actor(gz) -> None:  # type: ignore[no-untyped-def]
    """"Officials said ..." is reported speech from an anonymous source that is no actor."""
    (q,) = quotes_of("Officials said the bridge would reopen in May.", gz)
    assert (q.kind, q.speaker, q.speaker_name, q.speaker_type) == ("reported", None, "Officials", "anonymous")


def test_sentence_without_a_verb_of_saying_is_not_reported_speech(gz) -> None:  # type: ignore[no-untyped-def]
    """A clause governed by a verb that is not a verb of saying gives no Quote."""
    assert quotes_of("Officials hoped the bridge would reopen in May.", gz) == []


@pytest.mark.parametrize(
    ("verb", "cls"),
    [
        ("said", "neutral"),
        ("told", "neutral"),
        ("claimed", "evaluative"),
        ("insisted", "evaluative"),
        ("admitted", "evaluative"),
        ("boasted", "evaluative"),
    ],
)
def test_verb_classes_follow_the_rhetoric_lexicon(gz, verb: str, cls: str) -> None:  # type: ignore[no-untyped-def]
    """Neutral (said, told) and evaluative (claimed, insisted, admitted, boasted) attribution verbs."""
    obj = " reporters" if verb == "told" else ""
    text = f"Mark Carney {verb}{obj} that the bridge would reopen in May."
    (q,) = quotes_of(text, gz)
    assert q.kind == "reported" and q.speaker == "mark_carney"
    assert q.cue is not None and q.cue.split()[0] == verb
    assert q.cue_class == cls


def test_evaluative_verb_after_direct_quote(gz) -> None:  # type: ignore[no-untyped-def]
    """“…,” Trump insisted: a direct quote with an evaluative verb."""
    text = "“Nobody has ever negotiated a better deal than this,” Trump insisted."
    (q,) = quotes_of(text, gz)
    assert summary(q, text)[:4] == ("direct", "donald_trump", "insisted", "evaluative")


# ---------------------------------------------------------------------------------------------
# roles


def test_threat_makes_aggressor_and_target_via_adjective(gz) -> None:  # type: ignore[no-untyped-def]
    """"Trump threatened a 100% tariff on Canadian goods": Trump aggressor, Canada target."""
    assert sorted(roles_of("Trump threatened a 100% tariff on Canadian goods.", gz)) == [
        ("canada", "target", "threatened", "donald_trump"),
        ("donald_trump", "aggressor", "threatened", "canada"),
    ]


def test_signing_agreement_makes_both_cooperators(gz) -> None:  # type: ignore[no-untyped-def]
    """"Canada signed a trade agreement with China": both are cooperators, each the other's party.

    Regression: "signed" and "agreement with" split the sentence, so neither got a partner.
    """
    roles = roles_of("Canada signed a trade agreement with China.", gz)
    assert {(a, r, o) for a, r, _, o in roles} == {("canada", "cooperator", "china"), ("china", "cooperator", "canada")}


def test_joint_subject_of_a_cooperation_verb_makes_each_a_cooperator(gz) -> None:  # type: ignore[no-untyped-def]
    """"Canada and China signed a preliminary agreement": no object, but the two subjects are each
    other's partners; a list of three makes every member a cooperator."""
    roles = roles_of("Canada and China signed a preliminary trade agreement on Thursday.", gz)
    assert {(a, r, o) for a, r, _, o in roles} == {("canada", "cooperator", "china"), ("china", "cooperator", "canada")}
    roles = roles_of("Canada, Mexico and the United States signed the agreement.", gz)
    assert {a for a, r, _, _ in roles if r == "cooperator"} == {"canada", "mexico", "united_states"}
    assert all(o not in (None, a) for a, r, _, o in roles)
    # with a partner named, every signer cooperates with it
    roles = roles_of("Canada and Mexico held talks with China.", gz)
    assert {(a, o) for a, r, _, o in roles if r == "cooperator"} == {("canada", "china"), ("mexico", "china"), ("china", "mexico")}


def test_actor_in_a_circumstance_is_not_the_other_party(gz) -> None:  # type: ignore[no-untyped-def]
    """"signed an agreement in the presence of Mark Carney": Carney witnessed the signing, he is not
    the partner; a partner preposition after the circumstance still names one ("in Beijing with")."""
    roles = roles_of("Canada and China signed a preliminary trade agreement in the presence of Mark Carney.", gz)
    assert {(a, r, o) for a, r, _, o in roles} == {("canada", "cooperator", "china"), ("china", "cooperator", "canada")}
    roles = roles_of("Washington threatened new tariffs during a visit by Mark Carney.", gz)
    assert {(a, r, o) for a, r, _, o in roles} == {("united_states", "aggressor", None)}
    roles = roles_of("Canada signed the accord in Beijing with China.", gz)
    assert {(a, r, o) for a, r, _, o in roles} == {("canada", "cooperator", "china"), ("china", "cooperator", "canada")}
    roles = roles_of("Washington threatened tariffs at a rally against Canada.", gz)
    assert ("canada", "target", "threatened", "united_states") in roles


def test_joint_subject_of_a_conflict_verb_makes_each_an_aggressor(gz) -> None:  # type: ignore[no-untyped-def]
    """"Washington and Ottawa threatened China": both aggressors, China the target."""
    roles = sorted(roles_of("Washington and Ottawa threatened China with new tariffs.", gz))
    assert {(a, r) for a, r, _, _ in roles} == {("united_states", "aggressor"), ("canada", "aggressor"), ("china", "target")}


def test_actors_not_coordinated_are_not_a_joint_subject(gz) -> None:  # type: ignore[no-untyped-def]
    """Only actors joined by "and" or a list comma share the verb: "Officials in Canada said China
    signed" has one signer, and with no partner named it gets no cooperator role."""
    roles = roles_of("Trade officials in Canada expect that China signed the agreement.", gz)
    assert [r for r in roles if r[1] == "cooperator"] == []
    roles = roles_of("After meeting Canada, China signed the agreement.", gz)
    assert [r for r in roles if r[1] == "cooperator" and r[2] == "signed"] == []  # China met Canada; it signed alone
    # "X, and Y ...": two clauses, not a list; "a bargain with China": an object, not a subject
    roles = roles_of("Mexico struck a bargain with China, and Washington threatened Canada.", gz)
    assert {(a, r) for a, r, _, _ in roles if r == "aggressor"} == {("united_states", "aggressor")}


def test_passive_swaps_agent_and_target(gz) -> None:  # type: ignore[no-untyped-def]
    """"Canada was threatened by Washington": the US is the aggressor, Canada the target."""
    assert sorted(roles_of("Canada was threatened by Washington.", gz)) == [
        ("canada", "target", "threatened", "united_states"),
        ("united_states", "aggressor", "threatened", "canada"),
    ]


def test_passive_without_agent_has_only_a_target(gz) -> None:  # type: ignore[no-untyped-def]
    """"Beijing was sanctioned" names a target and no aggressor."""
    assert roles_of("Beijing was sanctioned last year.", gz) == [("china", "target", "sanctioned", None)]


def test_infinitive_and_conjoined_verbs_share_the_agent(gz) -> None:  # type: ignore[no-untyped-def]
    """"Trump threatened to take over Canada and targeted Mexico": Trump is the aggressor of both."""
    roles = roles_of("Trump threatened to take over Canada and targeted Mexico.", gz)
    pairs = {(a, r, o) for a, r, _, o in roles if o is not None}
    assert ("donald_trump", "aggressor", "canada") in pairs
    assert ("donald_trump", "aggressor", "mexico") in pairs
    assert ("canada", "target", "donald_trump") in pairs
    assert ("mexico", "target", "donald_trump") in pairs
    assert "canada" not in {a for a, r, _, _ in roles if r == "aggressor"}


def test_actor_outside_the_verbs_clause_has_no_role(gz) -> None:  # type: ignore[no-untyped-def]
    """A subordinate clause separates an actor from the verb: "Carney was asked why allies would
    help Mexico" makes Carney no helper, and "Canada signed because China agreed" makes China no
    co-signer; a relative clause inside the subject does not ("Trump, who was angry, threatened")."""
    assert roles_of("Mark Carney was asked why allies would help Mexico.", gz) == []
    roles = roles_of("Canada signed the deal because China agreed.", gz)
    assert not any(v == "signed" and "china" in (a, o) for a, _, v, o in roles)
    roles = roles_of("Donald Trump, who was angry, threatened Canada.", gz)
    assert ("donald_trump", "aggressor", "threatened", "canada") in roles


def test_infinitive_of_purpose_has_the_main_verbs_agent(gz) -> None:  # type: ignore[no-untyped-def]
    """"China slapped tariffs on Canada in the first place to bully it": China bullies, even with
    words between; a relative clause ("Canada, which wants to punish Mexico") has its own agent."""
    roles = roles_of("China slapped tariffs on Canada in the first place to bully it into dropping the surtax.", gz)
    assert ("china", "aggressor", "bully", None) in roles
    assert not any(a == "canada" and r == "aggressor" for a, r, _, _ in roles)
    roles = roles_of("Washington imposed tariffs on Canada, which wants to punish Mexico.", gz)
    assert ("canada", "aggressor", "punish", "mexico") in roles
    # after a verb of making someone act, its object acts: Canada sanctions, China does not
    roles = roles_of("China pressured Canada to sanction Mexico.", gz)
    assert ("canada", "aggressor", "sanction", "mexico") in roles and ("china", "aggressor", "pressured", "canada") in roles
    assert not any(a == "china" and v == "sanction" for a, _, v, _ in roles)


def test_roles_inside_quotes_are_the_speakers_and_speaker_gets_speaker_role(gz) -> None:  # type: ignore[no-untyped-def]
    """An action inside a quotation is the source's claim, kept in the quotation's voice, not the
    outlet's; the quoted actor gets the speaker role."""
    text = "“We will never let Washington threaten Canada,” Mark Carney said."
    assert roles_of(text, gz) == [("mark_carney", "speaker", "said", None)]
    assert ("united_states", "aggressor", "threaten", "canada") in roles_of(text, gz, voice="quote")


def test_reported_speaker_and_action_roles_together(gz) -> None:  # type: ignore[no-untyped-def]
    """In "China accused Mexico of dumping, Canada said" Canada is the outlet's speaker; China as
    aggressor and Mexico as target are Canada's claim (reported speech), not the outlet's."""
    text = "China accused Mexico of dumping steel, Canada said."
    assert roles_of(text, gz) == [("canada", "speaker", "said", None)]
    roles = roles_of(text, gz, voice="reported")
    assert sorted((a, r) for a, r, _, _ in roles) == [("china", "aggressor"), ("mexico", "target")]


def test_role_records_evidence_offsets(gz) -> None:  # type: ignore[no-untyped-def]
    """A role carries the verb's character span and the actor mention's span."""
    text = "Washington sanctioned Beijing."
    doc = parse(text)
    roles = find_roles(doc, find_mentions(doc, gz))
    agg = next(r for r in roles if r.role == "aggressor")
    assert text[agg.verb_start : agg.verb_end] == "sanctioned"
    assert text[agg.start : agg.end] == "Washington"
    assert agg.to_dict()["other"] == "china"


def test_action_word_used_as_noun_gives_no_role(gz) -> None:  # type: ignore[no-untyped-def]
    """"the work of a bully", "a tool of pressure": nouns, no role; the same words as verbs, and
    the lexicon's noun phrases ("threat of"), still give roles."""
    roles = roles_of("Mark Carney said the levy was the work of a bully.", gz)
    assert [r for _, r, _, _ in roles] == ["speaker"]
    roles = roles_of("China opposed the use of tariffs as a tool of pressure.", gz)
    assert [r for r in roles if r[1] == "aggressor"] == []
    assert ("united_states", "aggressor", "bullied", "canada") in roles_of("Washington bullied Canada.", gz)
    roles = roles_of("Washington accused Ottawa of bullying China.", gz)
    assert ("canada", "aggressor", "bullying", "china") in roles
    assert ("united_states", "aggressor", "threat", "china") in roles_of("Washington answered with the threat of sanctions on China.", gz)
    # an -ing form after "the" still names the event: both attended the signing
    roles = roles_of("Mark Carney attended the signing alongside Donald Trump.", gz)
    assert ("mark_carney", "cooperator", "signing", "donald_trump") in roles
    # "this" and "that" are also pronouns and relatives: a verb may follow them
    assert ("canada", "target", "punish", "united_states") in roles_of("Washington imposed tariffs that punish Canada.", gz)


def test_according_to_after_a_quotation_is_its_source() -> None:
    """“...,” according to the Tribune: the paper is the source, and the quotation after it goes on
    with the same source; no second, reported copy of the same words (illustrative)."""
    text = "“Every officer was questioned for five hours at the border,” according to the Tribune. “The same officer then asked for the phone.”"
    qs = find_quotes(parse(text))
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert [q.speaker_text for q in qs] == ["the Tribune", "the Tribune"]


def test_a_new_sentence_after_a_quotation_keeps_its_own_cue() -> None:
    """“... never said why.” University officials told the paper they ...: the officials report
    their own words; the quotation goes on from the student (illustrative)."""
    text = (
        "“We were questioned for hours about our plans,” the student wrote in a statement. “After that, the officer took my phone and never said why.” "
        "University officials told the paper they are still trying to resolve the case."
    )
    qs = find_quotes(parse(text))
    assert [(q.kind, q.speaker_text) for q in qs] == [("direct", "the student"), ("direct", "the student"), ("reported", "University officials")]


def test_according_to_leaves_out_the_full_stop() -> None:
    text = "According to officials, the talks failed."
    (q,) = find_quotes(parse(text))
    assert text[q.start : q.end] == "the talks failed"


def test_reported_speech_whose_verb_is_quoted_is_mixed() -> None:
    """"X said that what the mayor did is “wrong”", "the council said the mayor had “gone too far”":
    the writer gives the subject, the source's words the predicate; a quotation that is a whole
    clause stays a direct quote only (illustrative sentences)."""
    text = "The council said the mayor had “gone too far” in a statement on Monday."
    kinds = {(q.kind, text[q.start : q.end]) for q in find_quotes(parse(text))}
    assert ("mixed", "the mayor had “gone too far” in a statement on Monday") in kinds
    assert ("partial", "“gone too far”") in kinds
    text = "Sen. Dana Reyes said that he “rejects those labels and the ideology they stand for.”"
    kinds = {(q.kind, text[q.start : q.end]) for q in find_quotes(parse(text))}
    assert ("mixed", "he “rejects those labels and the ideology they stand for.”") in kinds
    text = "He said, “We will win this fight no matter how long it takes.”"
    assert [q.kind for q in find_quotes(parse(text))] == ["direct"]


def test_a_second_report_coordinated_inside_the_first_is_its_own() -> None:
    """"X said A, and Y said B" and "X said A and added that B": the parser may hang the second
    report inside the first; each keeps its own clause and speaker (illustrative sentences)."""
    text = "Farm groups said they cannot accept any cut in subsidies, and the union said it will strike if the bill passes."
    assert [(q.speaker_text, text[q.start : q.end]) for q in find_quotes(parse(text))] == [
        ("Farm groups", "they cannot accept any cut in subsidies"),
        ("the union", "it will strike if the bill passes"),
    ]
    text = "The minister said the deal was fair and added that talks would resume."
    assert [(q.speaker_text, q.cue, text[q.start : q.end]) for q in find_quotes(parse(text))] == [
        ("The minister", "said", "the deal was fair"),
        ("The minister", "added", "talks would resume"),
    ]
    text = "Reyes said the council approved the plan and added a clause on wages."
    assert [text[q.start : q.end] for q in find_quotes(parse(text))] == ["the council approved the plan and added a clause on wages"]


def test_the_clause_a_cue_reports_comes_after_it() -> None:
    """"X went further: she insisted that ...": the clause before the colon is the writer's."""
    text = "Reyes went further on Tuesday: she insisted that the council had hidden the report from voters."
    (q,) = find_quotes(parse(text))
    assert text[q.start : q.end] == "the council had hidden the report from voters"


def test_a_claim_noun_reports_its_that_clause() -> None:
    """"his claim that ...", "accusations that ...": what a source said, with the possessor or a
    name before the noun as the source, or none named; not a relative clause ("the claim that he
    made"), a fact ("the fact that"), or a negated claim (illustrative sentences)."""
    def reported(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(text[q.start : q.end], q.speaker_text, q.cue) for q in find_quotes(parse(text)) if q.kind == "reported"]

    assert reported("He repeated his claim that the election was rigged against him.") == [("the election was rigged against him", "his", "claim")]
    assert reported("The agency has faced accusations that it censors local voices.") == [("it censors local voices", None, "accusations")]
    assert reported("The mayor dismissed Republican criticism that the council misled the public.") == [("the council misled the public", "Republican", "criticism")]
    assert reported("She made a promise that she would return the money to voters.") == [("she would return the money to voters", "She", "promise")]
    assert reported("The claim that he made was false.") == []
    assert reported("The fact that he lied is clear.") == []
    assert reported("I am not making the argument that the mayor needed to resign over the report.") == []


def test_a_negated_cue_inside_a_report_does_not_end_it() -> None:
    text = "The officials also stressed that the mayor changed her own mind, and no council members directly asked her to resign."
    (q,) = find_quotes(parse(text))
    assert text[q.start : q.end] == "the mayor changed her own mind, and no council members directly asked her to resign"


def test_a_cue_that_opens_its_sentence_takes_the_speaker_after_it() -> None:
    """'Added another adviser to the mayor: “...”', 'Said one aide: “...”' (illustrative)."""
    text = "The mayor spoke first. Added another adviser to the mayor: “We never crossed that line, and we never will.”"
    (q,) = find_quotes(parse(text))
    assert (q.kind, q.speaker_text, q.cue) == ("direct", "another adviser", "Added")
    text = "The council met. Said one longtime aide: “Nobody wanted this fight, but here we are.”"
    (q,) = find_quotes(parse(text))
    assert q.speaker_text == "one longtime aide"
    assert find_quotes(parse("Told the story a hundred times, he still laughs.")) == []


def test_a_colon_after_a_text_by_its_author_introduces_the_authors_words() -> None:
    text = "Further details were set out in a blog post by the company's executives: “In May, our systems flagged ten million accounts a week.”"
    (q,) = find_quotes(parse(text))
    assert (q.kind, q.speaker_text) == ("direct", "the company's executives")


def test_according_to_at_the_end_covers_the_coordinated_clauses_before_it() -> None:
    def reported(text: str) -> list[str]:
        return [text[q.start : q.end] for q in find_quotes(parse(text)) if q.kind == "reported"]

    text = "The mayor was scheduled to speak in the harbour today, but she cancelled two weeks ago, according to the local paper."
    assert reported(text) == ["The mayor was scheduled to speak in the harbour today, but she cancelled two weeks ago"]
    text = "The survey results are not public yet, but according to the ministry, preliminary data show that a quarter of students vape."
    assert reported(text) == ["preliminary data show that a quarter of students vape"]


def test_records_show_is_a_text_reporting() -> None:
    """"records show", "documents showed": the text is the source; not "the video shows him"."""
    text = "The house was bought in December through a shell company, records show."
    assert [(text[q.start : q.end], q.speaker_text) for q in find_quotes(parse(text))] == [("The house was bought in December through a shell company", "records")]
    assert find_quotes(parse("The video shows him falling on stage.")) == []


def test_an_inverted_cue_after_a_comma_reports_the_clause_before_it() -> None:
    """"If so, that will be bad news, argued the deputy mayor, Dana Reyes": the parser coordinates
    the cue and takes its speaker for an object (illustrative sentences)."""
    for text, content, speaker in [
        ("If so, that will be bad news for the harbour, argued the deputy mayor, Dana Reyes.", "If so, that will be bad news for the harbour", "the deputy mayor, Dana Reyes"),
        ("The deal will collapse, warned officials in Ottawa.", "The deal will collapse", "officials in Ottawa"),
        ("The plan is dead, said Dana Reyes, the mayor.", "The plan is dead", "Dana Reyes, the mayor"),
    ]:
        assert [(text[q.start : q.end], q.speaker_text) for q in find_quotes(parse(text))] == [(content, speaker)]
    text = "The council had been criticized by Reyes and others as a waste of money."
    assert find_quotes(parse(text)) == []


def test_a_participle_of_saying_starts_a_report_of_its_own() -> None:
    text = 'But Judge Reyes suggested that she took a dim view of the brief, saying that the council may have chosen an "intemperate" lawyer.'
    assert [(q.kind, text[q.start : q.end]) for q in find_quotes(parse(text))] == [
        ("reported", "she took a dim view of the brief"),
        ("mixed", 'the council may have chosen an "intemperate" lawyer'),
        ("partial", '"intemperate"'),
    ]


def test_according_to_inside_a_clause_reports_the_whole_clause() -> None:
    text = "Reyes agreed and then, according to the local paper, paid the mayor a compliment."
    (q,) = find_quotes(parse(text))
    assert (text[q.start : q.end], q.speaker_text) == ("Reyes agreed and then, according to the local paper, paid the mayor a compliment", "the local paper")
    # before ", and" a new clause starts: the phrase ends the report
    text = "The tariff changes are due to take effect on May 1, according to officials, and negotiators aim to conclude a final agreement within six months."
    (q,) = find_quotes(parse(text))
    assert text[q.start : q.end] == "The tariff changes are due to take effect on May 1"


def test_a_long_title_after_book_is_no_quotation() -> None:
    text = "In his new book “Harbour Lights: Dana Reyes, The Port, And The War Over the Docks,” the reporter writes that the port is failing."
    assert [(q.kind, text[q.start : q.end]) for q in find_quotes(parse(text))] == [("reported", "the port is failing")]
    text = "Trump called her “Crooked Hillary” at the rally."
    assert [q.kind for q in find_quotes(parse(text))] == ["partial"]


def test_a_report_before_a_dash_does_not_run_into_the_writers_question() -> None:
    text = 'The mayor mused yesterday that the "time has come" for a new tax — is that what the council is up to?'
    assert all("is that what" not in text[q.start : q.end] for q in find_quotes(parse(text)))


def test_a_clause_after_a_semicolon_is_not_what_the_cue_before_it_reports() -> None:
    """The parser may hang "warns" from the clause after the semicolon as if it were an aside
    ("X, he warns"); a semicolon joins two of the writer's sentences."""
    text = "Its comprador wing, tied by a thousand threads to Wall Street and the US auto giants, warns of ruin; the agribusiness lobby celebrates."
    assert find_quotes(parse(text)) == []
    # an aside set off by commas still reports the clause around it
    text = "The deal, Carney warned, would cost farmers dearly."
    assert [(q.kind, q.speaker_text) for q in find_quotes(parse(text))] == [("reported", "Carney")]


def test_a_speaker_the_parser_pulled_into_the_quotation_is_found_outside_it() -> None:
    """The parser may take a word inside the quotation for the cue's subject and the real
    speaker for its apposition or object (invented sentences)."""
    text = '"You are going straight to the bottom, Donald," Dana Miranda, a fundraiser for the party, tweeted.'
    (q,) = find_quotes(parse(text))
    assert q.speaker_text is not None and q.speaker_text.startswith("Dana Miranda")
    text = '"Shameful, dangerous comment," tweeted 2020 presidential candidate Marianne Wilde. "We are in trouble as a nation."'
    assert [q.speaker_text for q in find_quotes(parse(text))] == ["2020 presidential candidate Marianne Wilde"] * 2


def test_verbs_that_only_introduce_a_quotation() -> None:
    """"“...,” he continued", "she laughed": cues of the quotation next to them, never of a
    report, and no cue with an object or an infinitive (invented sentences)."""
    for verb in ("continued", "laughed", "recounted"):
        (q,) = find_quotes(parse(f"“We will win the case in the end,” he {verb}."))
        assert (q.speaker_text, q.cue) == ("he", verb)
    (q,) = find_quotes(parse("“We will win the case in the end.” The company continued its expansion."))
    assert q.speaker_text is None
    assert find_quotes(parse("Told the story a hundred times, he still laughs.")) == []
    assert find_quotes(parse("He continued to push for the plan. The talks continued.")) == []


def test_a_straight_opening_mark_closed_by_a_curly_one() -> None:
    text = 'The pope is a Jesuit. "It is surely important that the cardinals elected a member,” says Jose Bento, a historian. He left.'
    (q,) = find_quotes(parse(text))
    assert text[q.start : q.end].endswith("member,”")
    assert q.speaker_text is not None and q.speaker_text.startswith("Jose Bento")


def test_a_roundup_credits_the_columnist_on_the_line_after_the_quotation() -> None:
    """News roundups quote a paragraph and credit it on the next line ("Name, Outlet"); a photo
    credit or a header on that line credits nobody (invented text)."""
    text = (
        "Commentators split on the vote.\n\n“Voters just showed how little patience they have with parties that do not deliver.”\n\n"
        "Ed Marsh, Hill Report\n\n“Imagine what a war would do to the world economy if a dozen drones can do this.”\n\nPat Rowe, The Plain Dealer\n\nOthers disagree."
    )
    assert [q.speaker_text for q in find_quotes(parse(text))] == ["Ed Marsh, Hill Report", "Pat Rowe, The Plain Dealer"]
    for line in ("Getty Images", "The wall and the vote", "AP Photo, Evan Vucci"):
        text = f"He spoke.\n\n“Voters just showed how little patience they have with parties that do not deliver.”\n\n{line}\n\nOthers disagree."
        assert [q.speaker_text for q in find_quotes(parse(text))] == [None]


def test_a_source_named_before_the_quotation_without_a_verb() -> None:
    """"According to X, “...”", "Per X, “...”" and a line that opens with a name and a colon
    ("Inslee: “...”") name the source; "per cent" and "per year" name nobody (invented texts)."""
    text = "The agency tracks children. According to Deputy Secretary Eric Harlan, “approximately 90 percent of the sponsors are parents or close relatives.”"
    (q,) = find_quotes(parse(text))
    assert (q.speaker_text, q.cue) == ("Deputy Secretary Eric Harlan", "According to")
    text = "Biden kept quiet. Per the New York Times, “On other occasions as committee chairman, Biden said he had been made aware of reports.”"
    (q,) = find_quotes(parse(text))
    assert q.speaker_text == "the New York Times"
    text = "Candidates spoke on climate.\n\nInslee: “We have to get off coal in 10 years and we can do it.”\n\nOn Wednesday, Gov. Jay Inslee spoke."
    (q,) = find_quotes(parse(text))
    assert q.speaker_text == "Inslee"
    text = "Prices rose 3 per cent a year. “We will not stop raising them until the end of the year and beyond.”"
    assert [q.speaker_text for q in find_quotes(parse(text))] == [None]
