"""Syntax-aware portrayal: evaluative words tied to a mention by the parse, not by word distance.

The sentences are written for these tests, on the pattern of real cases from coverage of the
January 2026 Canada-China deal (issue #16): a socialist outlet's label for the US president, a
commentator's "willing vassal", neutral wire copy about tariffs.
"""

from __future__ import annotations

import pytest

from framing.sentiment.syntax import linked_evaluations, loaded_valence

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _find(sentence: str, target: str) -> tuple[int, int]:
    a = sentence.index(target)
    return a, a + len(target)


def _words(sentence: str, target: str) -> dict[str, tuple[float, str]]:
    return {w.lower(): (v, rel) for w, _, _, v, rel in linked_evaluations(sentence, *_find(sentence, target))}


def test_a_label_in_front_of_the_mention_is_its_modifier_not_the_nearest_words():
    s = "The would-be dictator US president has hit Canada with new tariffs."
    president = _words(s, "US president")
    assert president["dictator"][1] == "modifier" and president["dictator"][0] < 0
    # the label is the president's, not Canada's, although it is as near to Canada's verb
    assert "dictator" not in _words(s, "Canada")


def test_a_predicate_after_a_copula_describes_the_subject():
    s = "Canada has become a willing vassal in Beijing's plans, the columnist wrote."
    canada = _words(s, "Canada")
    assert canada["vassal"][1] == "predicate" and canada["vassal"][0] < 0
    assert "vassal" not in _words(s, "Beijing")


def test_negation_of_a_predicate_turns_it_round():
    pos = _words("Carney is a coward.", "Carney")["coward"][0]
    neg = _words("Carney is not a coward.", "Carney")["coward"][0]
    assert pos < 0 < neg


def test_passive_agent_and_patient_take_the_verb_in_their_roles():
    s = "Canada was bullied by Washington for months."
    assert _words(s, "Canada")["bullied"][1] == "patient_verb"
    assert _words(s, "Washington")["bullied"][1] == "agent_verb"


def test_loaded_language_polarity_comes_from_the_lexicon():
    assert loaded_valence("dictator") < 0
    assert loaded_valence("heroic") > 0  # marked polarity = "positive" in rhetoric 1.1.0
    assert loaded_valence("fawning") == 0  # "mixed": it belittles the one who fawns
    assert loaded_valence("tariffs") == 0


def test_descriptors_are_the_outlets_own_labels_not_its_sources(gz) -> None:  # type: ignore[no-untyped-def]
    """An article's actor summary lists what the outlet itself calls the actor (the parse ties
    "dictator" to Trump), keeps every mention's evidence with offsets into the article, and leaves
    a quoted source's label ("a bully", in Carney's quotation) out of the outlet's descriptors."""
    from framing.analysis.article import analyze_article
    from framing.comparison.tables import actor_table
    from framing.types import Article

    text = (
        "The would-be dictator Trump has hit Canada with new tariffs. "
        "“Trump is a bully,” Mark Carney said. "
        "Canada was bullied by Trump for months."
    )
    r = analyze_article(Article(id="s1", text=text, outlet="Example Worker"), lexicons=None, gazetteer=gz, sentiment=None)
    trump = next(a for a in r.actors if a["actor"] == "donald_trump")
    words = {d["word"]: d for d in trump["descriptors"]}
    assert "dictator" in words and words["dictator"]["relation"] == "modifier" and words["dictator"]["valence"] < 0
    assert "bully" not in words  # Carney's word, in his quotation
    first = trump["mentions"][0]
    (w, a, b, _, rel) = first["linked"][0]
    assert text[a:b] == w == "dictator" and rel == "modifier"
    quoted = next(m for m in trump["mentions"] if m.get("voice") == "quote")
    assert any(x[0] == "bully" and x[4] == "predicate" for x in quoted["linked"])
    canada = next(a for a in r.actors if a["actor"] == "canada")
    assert any(x[0] == "bullied" and x[4] == "patient_verb" for m in canada["mentions"] for x in m.get("linked", ()))
    table = actor_table([r])
    assert "dictator (1)" in table[table["actor"] == "donald_trump"]["descriptors"].iloc[0]


def test_explicit_evaluation_separates_a_label_from_bad_news(gz) -> None:  # type: ignore[no-untyped-def]
    """Neutral wire copy about a threat gives Trump no explicit evaluation; a socialist paper's
    "would-be dictator" does, negative: the measure the model's sentiment (which reads the threat
    as negative news for Trump) cannot give."""
    from framing.analysis.article import analyze_article
    from framing.comparison.tables import actor_table
    from framing.types import Article

    wire = Article(id="w", text="Trump threatened on Saturday that he would impose 100% tariffs on Canadian goods.", outlet="Wire")
    paper = Article(id="p", text="The would-be dictator Trump has hit Canada with new tariffs. Trump spoke in Ohio.", outlet="Paper")
    rs = [analyze_article(a, lexicons=None, gazetteer=gz, sentiment=None) for a in (wire, paper)]
    trump = {r.article.outlet: next(a for a in r.actors if a["actor"] == "donald_trump")["explicit"] for r in rs}
    assert trump["Wire"] == {"mentions": 1, "evaluated": 0, "mean": None}
    assert trump["Paper"]["mentions"] == 2 and trump["Paper"]["evaluated"] == 1 and trump["Paper"]["mean"] < 0
    t = actor_table(rs).set_index(["outlet", "actor"])
    assert t.loc[("Paper", "donald_trump"), "explicit_share"] == 0.5 and t.loc[("Paper", "donald_trump"), "explicit_mean"] < 0
    assert t.loc[("Wire", "donald_trump"), "explicit_mentions"] == 0


def test_a_label_finding_names_the_outlet_that_labels_and_those_that_do_not(gz) -> None:  # type: ignore[no-untyped-def]
    """The report's findings say which outlet labels an actor in its own words and which mention it
    as often without a label; a label inside a quotation does not count."""
    from framing import compare
    from framing.analysis.article import analyze_article
    from framing.types import Article

    paper = [
        Article(id=f"p{k}", text=f"The would-be dictator Trump raised tariffs again in round {k}. The tyrant Trump met no resistance.", outlet="Paper", published="2026-01-10")
        for k in range(2)
    ]
    wire = [
        Article(id=f"w{k}", text=f"Trump raised tariffs in round {k}. Trump spoke in Ohio. “Trump is a tyrant,” a protester said.", outlet="Wire", published="2026-01-10")
        for k in range(2)
    ]
    rs = [analyze_article(a, lexicons=None, gazetteer=gz, sentiment=None) for a in paper + wire]
    found = [f for f in compare(rs).findings if f["kind"] == "labels"]
    assert len(found) == 1
    text = found[0]["text"]
    assert text.startswith("Donald Trump is labelled in the outlet's own words by Paper (")
    assert "dictator" in text and "tyrant" in text and "Wire mentions Donald Trump at least 3 times without such a label" in text


def test_a_scare_quoted_label_is_the_outlets_distance_from_the_word(gz) -> None:  # type: ignore[no-untyped-def]
    """“democratic” in scare quotes before the United States labels it (negative), where the same
    word without quotation marks is no evaluation at all."""
    from framing.analysis.article import analyze_article
    from framing.types import Article

    def us(text: str) -> dict:  # type: ignore[type-arg]
        r = analyze_article(Article(id="x", text=text), lexicons=None, gazetteer=gz, sentiment=None)
        return next(a for a in r.actors if a["actor"] == "united_states")

    scared = us("The “democratic” United States imposed new tariffs on Canada.")
    assert [(d["word"], d["relation"]) for d in scared["descriptors"]] == [("democratic", "scare_quote")]
    assert scared["explicit"]["mean"] == -0.5
    assert us("The democratic United States imposed new tariffs on Canada.")["descriptors"] == []


def test_what_the_actor_owns_is_not_what_it_is_called(gz) -> None:  # type: ignore[no-untyped-def]
    """Patterns from a socialist paper's trade-war coverage: "America's fascist would-be dictator"
    labels the president, not America, and "vile Canadian nationalism" judges the nationalism,
    not Canada; "Trump's bullying" (his conduct) still labels Trump."""
    from framing.analysis.article import analyze_article
    from framing.types import Article

    text = (
        "In his address, America's fascist would-be dictator spoke for an hour. "
        "Ottawa is promoting vile Canadian nationalism. "
        "Canada will not yield to Trump's bullying."
    )
    r = analyze_article(Article(id="x", text=text), lexicons=None, gazetteer=gz, sentiment=None)
    called = {a["actor"]: [d["word"] for d in a["descriptors"]] for a in r.actors}
    assert called.get("united_states") == [] and called.get("canada") == []
    assert called["donald_trump"] == ["bullying"]


def test_loaded_words_are_looked_up_by_their_first_letters_with_the_first_matching_glob_winning() -> None:
    from framing.markers.match import Glob
    from framing.sentiment.syntax import _loaded_polarity, glob_table, loaded_valence

    globs = [(Glob("thug*"), -1.0), (Glob("*ish"), 0.5), (Glob("tyran*"), -1.0), (Glob("t*ish"), 1.0)]
    table = glob_table(globs)

    def first_match(word: str) -> float | None:
        return next((v for g, v in globs if g.fullmatch(word)), None)

    for word in ("thuggish", "tyrannical", "tallish", "reddish", "table", "", "thug"):
        assert table.first(word) == first_match(word), word
    assert table.first("thuggish") == -1.0  # "thug*" comes before "*ish"
    assert table.first("tallish") == 0.5  # "*ish" comes before "t*ish"
    # the shipped lexicon: every glob still found
    exact, shipped = _loaded_polarity()
    for g, _ in shipped[:50]:
        word = g.pattern.replace("*", "xx")
        if word not in exact:
            assert loaded_valence(word) == next(v2 for g2, v2 in shipped if g2.fullmatch(word))
