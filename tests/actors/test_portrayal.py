"""Actor portrayal: sentiment summaries and the per-outlet actor, quote and role tables built from
``analyze_article`` results with a deterministic fake sentiment scorer and a test gazetteer."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from framing.actors.portrayal import sentiment_summary
from framing.analysis.article import analyze_article
from framing.comparison.tables import actor_table, quote_table, role_table
from framing.types import Article

LEDGER = "Northern Ledger"
HARBOUR = "Harbour Times"

# a1: s0 Trump aggressor / Canada (adjective) target, both neutral; s1 quote by Carney, "bully" ->
# negative; s2 Canada and China cooperators, "partner" -> positive
A1 = (
    "Trump threatened a 100% tariff on Canadian goods. "
    "“We will not be pushed around by a bully,” Mark Carney said. "
    "Canada signed a trade agreement with China, a trusted partner."
)
# a2: Trump reported with an evaluative verb (neutral sentence); Carney reported, "reckless" ->
# negative
A2 = "Trump claimed the tariff would help workers. Mark Carney said the tariff was reckless and cruel."
# a3: US aggressor, Canada target (neutral); China positive
A3 = "Canada was threatened by Washington. Analysts see China as a trusted partner."


class FakeSentiment:
    """Deterministic target scorer: negative (-0.8) if the sentence has 'bully' or 'reckless',
    positive (0.6) if it has 'partner', else neutral (0.0). Records every call."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, int, int]]] = []

    def __call__(self, items):  # type: ignore[no-untyped-def]
        items = list(items)
        self.calls.append(items)
        out = []
        for sentence, _start, _end in items:
            low = sentence.lower()
            if "bully" in low or "reckless" in low:
                out.append(SimpleNamespace(label="negative", score=-0.8))
            elif "partner" in low:
                out.append(SimpleNamespace(label="positive", score=0.6))
            else:
                out.append(SimpleNamespace(label="neutral", score=0.0))
        return out


@pytest.fixture
def results(gz):  # type: ignore[no-untyped-def]
    """Three articles in two outlets plus a duplicate of a1 filed under the second outlet."""
    articles = [
        Article(id="a1", text=A1, outlet=LEDGER, published="2025-06-01"),
        Article(id="a2", text=A2, outlet=LEDGER, published="2025-06-02"),
        Article(id="a3", text=A3, outlet=HARBOUR, published="2025-06-03"),
        Article(id="a4", text=A1, outlet=HARBOUR, published="2025-06-04", duplicate_of="a1"),
    ]
    scorer = FakeSentiment()
    return [analyze_article(a, lexicons=None, gazetteer=gz, sentiment=scorer) for a in articles]


def row(frame, **where):  # type: ignore[no-untyped-def]
    sel = frame
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"expected one row for {where}, got {len(sel)}"
    return sel.iloc[0]


# ---------------------------------------------------------------------------------------------
# sentiment_summary


def test_sentiment_summary_hand_computed() -> None:
    """Mean, 95% interval (1.96·sample sd/√n) and negative share match values computed by hand."""
    # scores 0.5, -0.5, -0.9, 0.2: mean -0.175; squared deviations .455625 + .105625 + .525625
    # + .140625 = 1.2275; sample sd sqrt(1.2275 / 3) = 0.639661; half width 1.96 * 0.639661 / 2
    # = 0.626868
    s = sentiment_summary([0.5, -0.5, -0.9, 0.2], ["positive", "negative", "negative", "neutral"])
    assert s["n"] == 4
    assert s["mean"] == pytest.approx(-0.175, abs=1e-4)
    assert s["ci_low"] == pytest.approx(-0.8019, abs=1e-4)
    assert s["ci_high"] == pytest.approx(0.4519, abs=1e-4)
    assert s["negative_share"] == pytest.approx(0.5)


def test_sentiment_summary_uses_sample_not_population_sd() -> None:
    """Two scores 0 and 1: sample sd is √0.5, so the half width is 1.96·√0.5/√2 = 0.98."""
    s = sentiment_summary([0.0, 1.0], ["neutral", "positive"])
    assert s["mean"] == pytest.approx(0.5)
    assert s["ci_low"] == pytest.approx(0.5 - 0.98, abs=1e-4)
    assert s["ci_high"] == pytest.approx(1.0, abs=1e-4)  # 0.5 + 0.98 clipped to the score range
    assert s["negative_share"] == 0.0


def test_sentiment_summary_interval_stays_within_score_range() -> None:
    """The interval is clipped to [-1, 1], the range of a mention score."""
    s = sentiment_summary([-1.0, -1.0, 0.9], ["negative", "negative", "positive"])
    assert s["ci_low"] == -1.0
    assert s["ci_high"] <= 1.0
    assert s["negative_share"] == pytest.approx(round(2 / 3, 4))


def test_sentiment_summary_no_scores() -> None:
    """With no scored mentions every value is None and n is 0."""
    assert sentiment_summary([], []) == {"n": 0, "mean": None, "ci_low": None, "ci_high": None, "negative_share": None}


def test_sentiment_summary_single_score_has_no_interval() -> None:
    """One score gives a mean and a negative share but no interval."""
    s = sentiment_summary([-0.4], ["negative"])
    assert s == {"n": 1, "mean": -0.4, "ci_low": None, "ci_high": None, "negative_share": 1.0}


def test_sentiment_summary_identical_scores_have_zero_width() -> None:
    """Identical scores have sample sd 0, so the interval collapses onto the mean."""
    s = sentiment_summary([0.3, 0.3, 0.3], ["positive"] * 3)
    assert (s["ci_low"], s["mean"], s["ci_high"]) == (0.3, 0.3, 0.3)
    assert not math.isnan(s["ci_low"])


# ---------------------------------------------------------------------------------------------
# per-article results


def test_article_result_lists_actors_with_scored_mentions(results) -> None:  # type: ignore[no-untyped-def]
    """analyze_article gives each actor its mentions with the fake scorer's labels and scores."""
    a1 = {a["actor"]: a for a in results[0].actors}
    assert set(a1) == {"donald_trump", "canada", "mark_carney", "china"}
    assert [(m["text"], m["kind"], m["sentiment"], m["score"]) for m in a1["canada"]["mentions"]] == [
        ("Canadian", "adjective", "neutral", 0.0),
        ("Canada", "name", "positive", 0.6),
    ]
    assert a1["mark_carney"]["sentiment"]["most_negative"]["sentence"] == "“We will not be pushed around by a bully,” Mark Carney said."
    assert a1["canada"]["role_counts"] == {"aggressor": 0, "target": 1, "cooperator": 1, "speaker": 0}
    # most-mentioned actor first
    assert results[0].actors[0]["actor"] == "canada"


def test_fake_scorer_receives_sentence_relative_spans(gz) -> None:  # type: ignore[no-untyped-def]
    """The scorer is given each mention's sentence and the mention's offsets inside it."""
    scorer = FakeSentiment()
    analyze_article(Article(id="x", text=A3, outlet=HARBOUR), gazetteer=gz, sentiment=scorer)
    (items,) = scorer.calls
    assert [s[a:b] for s, a, b in items] == ["Canada", "Washington", "China"]
    assert items[2][0] == "Analysts see China as a trusted partner."


def test_article_quotes_land_in_results(results) -> None:  # type: ignore[no-untyped-def]
    """Quotes are stored as dicts with kind, speaker, verb class and text."""
    q2 = [(q["kind"], q["speaker"], q["verb"], q["verb_class"]) for q in results[1].quotes]
    assert q2 == [("reported", "donald_trump", "claimed", "evaluative"), ("reported", "mark_carney", "said", "neutral")]
    assert results[0].quotes[0]["text"] == "“We will not be pushed around by a bully,”"


# ---------------------------------------------------------------------------------------------
# tables per outlet


def test_actor_table_by_outlet(results) -> None:  # type: ignore[no-untyped-def]
    """Per outlet and actor: article and mention counts, sentiment summary and role counts."""
    t = actor_table(results)
    assert sorted(zip(t["outlet"], t["actor"])) == sorted(
        [(LEDGER, a) for a in ("canada", "china", "donald_trump", "mark_carney")]
        + [(HARBOUR, a) for a in ("canada", "china", "united_states")]
    )
    # Canada in the Ledger: 2 mentions in a1 scoring 0.0 and 0.6: mean 0.3, sample sd √0.18,
    # half width 1.96·√0.18/√2 = 0.588
    c = row(t, outlet=LEDGER, actor="canada")
    assert (c["articles"], c["mentions"]) == (1, 2)
    assert c["mean_sentiment"] == pytest.approx(0.3)
    assert c["ci_low"] == pytest.approx(-0.288, abs=1e-4)
    assert c["ci_high"] == pytest.approx(0.888, abs=1e-4)
    assert c["negative_share"] == 0.0
    assert (c["aggressor"], c["target"], c["cooperator"], c["speaker"]) == (0, 1, 1, 0)
    # Carney: one mention in each Ledger article, both in negative sentences
    k = row(t, outlet=LEDGER, actor="mark_carney")
    assert (k["articles"], k["mentions"], k["speaker"]) == (2, 2, 2)
    assert (k["mean_sentiment"], k["ci_low"], k["ci_high"], k["negative_share"]) == (-0.8, -0.8, -0.8, 1.0)
    assert k["most_negative"] == "“We will not be pushed around by a bully,” Mark Carney said."
    # Trump: aggressor in a1, speaker in a2, neutral throughout
    tr = row(t, outlet=LEDGER, actor="donald_trump")
    assert (tr["articles"], tr["mentions"], tr["aggressor"], tr["speaker"], tr["mean_sentiment"]) == (2, 2, 1, 1, 0.0)
    # a single mention has no interval
    ch = row(t, outlet=HARBOUR, actor="china")
    assert (ch["mentions"], ch["mean_sentiment"], ch["negative_share"]) == (1, 0.6, 0.0)
    assert ch["ci_low"] is None or math.isnan(ch["ci_low"])
    us = row(t, outlet=HARBOUR, actor="united_states")
    assert (us["aggressor"], us["target"]) == (1, 0)


def test_actor_table_excludes_duplicates(results) -> None:  # type: ignore[no-untyped-def]
    """The duplicate of a1 filed under Harbour Times adds nothing to that outlet's rows."""
    t = actor_table(results)
    c = row(t, outlet=HARBOUR, actor="canada")
    assert (c["articles"], c["mentions"], c["target"], c["cooperator"]) == (1, 1, 1, 0)
    assert not ((t["outlet"] == HARBOUR) & (t["actor"] == "mark_carney")).any()
    assert not ((t["outlet"] == HARBOUR) & (t["actor"] == "donald_trump")).any()


def test_actor_table_can_group_by_another_field(results) -> None:  # type: ignore[no-untyped-def]
    """Grouping by ``published`` groups by month, as every other table does (three June dates: one group)."""
    t = actor_table(results, by="published")
    assert set(t["published"]) == {"2025-06"}


def test_quote_table_by_outlet(results) -> None:  # type: ignore[no-untyped-def]
    """Per outlet and speaker: quote counts by kind, evaluative share and verbs; duplicates left out."""
    t = quote_table(results)
    assert set(t["outlet"]) == {LEDGER}  # Harbour Times quotes only through the duplicate
    k = row(t, outlet=LEDGER, speaker="Mark Carney")
    assert (k["quotes"], k["direct"], k["partial"], k["reported"]) == (2, 1, 0, 1)
    assert k["evaluative_verb_share"] == 0.0
    assert k["verbs"] == "said (2)"
    tr = row(t, outlet=LEDGER, speaker="Donald Trump")
    assert (tr["quotes"], tr["reported"], tr["evaluative_verb_share"], tr["verbs"]) == (1, 1, 1.0, "claimed")
    assert list(t["speaker"]) == ["Mark Carney", "Donald Trump"]  # most quoted first


def test_role_table_by_outlet(results) -> None:  # type: ignore[no-untyped-def]
    """One row per role with its evidence; the duplicate article contributes none."""
    t = role_table(results)
    got = sorted(zip(t["outlet"], t["id"], t["actor"], t["role"]))
    assert got == sorted(
        [
            (LEDGER, "a1", "donald_trump", "aggressor"),
            (LEDGER, "a1", "canada", "target"),
            (LEDGER, "a1", "mark_carney", "speaker"),
            (LEDGER, "a1", "canada", "cooperator"),
            (LEDGER, "a1", "china", "cooperator"),
            (LEDGER, "a2", "donald_trump", "speaker"),
            (LEDGER, "a2", "mark_carney", "speaker"),
            (HARBOUR, "a3", "canada", "target"),
            (HARBOUR, "a3", "united_states", "aggressor"),
        ]
    )
    r = t[(t["actor"] == "united_states") & (t["role"] == "aggressor")].iloc[0]
    assert (r["verb"], r["other"], r["name"]) == ("threatened", "canada", "United States")


def test_tables_are_empty_when_only_duplicates(results) -> None:  # type: ignore[no-untyped-def]
    """With only a duplicate article every table is empty."""
    dup = [results[3]]
    assert actor_table(dup).empty and quote_table(dup).empty and role_table(dup).empty


# ---------------------------------------------------------------------------------------------
# whose evaluation it is

A5 = "China signed a trade deal with Canada on Monday. “China is a bully that will cheat everyone,” Mark Carney said. Mark Carney said China was reckless."


def test_a_sources_evaluation_is_not_the_outlets_portrayal(gz) -> None:  # type: ignore[no-untyped-def]
    """China named inside Carney's quotation and inside his reported speech is Carney's view of
    China: kept as evidence with its voice and speaker, summarised apart from the outlet's own
    (neutral) mention, and left out of the outlet's row in the actor table and the worksheet tone."""
    from framing.classroom.exercises.actors import tone

    r = analyze_article(Article(id="a5", text=A5, outlet=LEDGER), lexicons=None, gazetteer=gz, sentiment=FakeSentiment())
    china = next(a for a in r.actors if a["actor"] == "china")
    assert [(m.get("voice", "outlet"), m.get("speaker")) for m in china["mentions"]] == [("outlet", None), ("quote", "Mark Carney"), ("reported", "Mark Carney")]
    assert (china["sentiment"]["n"], china["sentiment"]["mean"]) == (1, 0.0)
    quoted = china["sentiment_quoted"]
    assert (quoted["n"], quoted["mean"]) == (2, -0.8)
    assert quoted["by_speaker"]["Mark Carney"]["n"] == 2
    assert "most_negative" not in china["sentiment"] or china["sentiment"]["most_negative"]["score"] == 0.0
    row_ = row(actor_table([r]), actor="china")
    assert (row_["mentions"], row_["mean_sentiment"], row_["negative_share"]) == (3, 0.0, 0.0)
    assert tone(china)[0] == "neutral"


def _china_articles(outlet: str, sentences: list[str]) -> list[Article]:
    return [Article(id=f"{outlet}-{k}", text=s, outlet=outlet, published="2025-06-01") for k, s in enumerate(sentences)]


def test_a_portrayal_finding_names_its_intervals_and_needs_them_apart(gz) -> None:  # type: ignore[no-untyped-def]
    """"China is portrayed most negatively by X" is stated only when each outlet's 95% interval
    leaves out the other's mean, and it names both intervals."""
    from framing import compare

    scorer = FakeSentiment()
    neg = [f"China acted like a bully in round {k} of the talks." for k in range(4)]
    pos = [f"China was a trusted partner in round {k} of the talks." for k in range(4)]
    mixed = [f"China was {w} in round {k} of the talks." for k, w in enumerate(["a bully", "a trusted partner", "a trusted partner", "calm"])]

    def portrayal_findings(a: list[str], b: list[str]) -> list[str]:
        results = [analyze_article(x, lexicons=None, gazetteer=gz, sentiment=scorer) for x in _china_articles(LEDGER, a) + _china_articles(HARBOUR, b)]
        return [f["text"] for f in compare(results, by="outlet").findings if f["kind"] == "actor"]

    (text,) = portrayal_findings(neg, pos)
    assert text.startswith(f"China is portrayed most negatively by {LEDGER} (mean -0.80, 95% interval -0.80 to -0.80, over 4 mentions in its own words)")
    # the Ledger's mixed coverage has an interval that holds the Harbour's mean: no finding
    assert portrayal_findings(mixed, pos) == []
