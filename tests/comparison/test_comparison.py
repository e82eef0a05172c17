"""Comparison statistics against hand-computed values, and the comparison on the example corpus."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import chi2_contingency

import framing
from framing.comparison.comparison import compare
from framing.comparison.stats import (
    bootstrap_ci,
    hedges_g,
    keyness,
    log_odds_dirichlet,
    one_vs_rest_pvalues,
    one_vs_rest_pvalues_many,
    permutation_test,
)
from framing.comparison.stories import same_story_groups
from framing.errors import OptionError, UnknownFieldError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def example_results() -> framing.Results:
    return framing.analyze(framing.load(EXAMPLES), sentiment=None, progress=False)


def test_hedges_g_hand_computed() -> None:
    """g for [1,2,3] vs [4,5,6]: d = -3, correction 1 - 3/15 = 0.8, so g = -2.4."""
    assert hedges_g([1, 2, 3], [4, 5, 6]) == pytest.approx(-2.4)
    assert hedges_g([1, 1], [1, 1]) is None  # no variance: undefined, not 0


def test_keyness_matches_textbook_formulas() -> None:
    """Log-likelihood per Rayson & Garside, chi-squared of the full 2x2 table, log2 ratio."""
    chi2, ll, ratio = keyness(10, 5, 1000, 2000)
    assert ll == pytest.approx(2 * (10 * math.log(10 / 5) + 5 * math.log(5 / 10)))
    expected_chi2 = chi2_contingency([[10, 5], [990, 1995]], correction=False)[0]
    assert chi2 == pytest.approx(expected_chi2)
    assert ratio == pytest.approx(math.log2((10 / 1000) / (5 / 2000)))


def test_log_odds_dirichlet_by_hand() -> None:
    """delta and z follow Monroe et al. (2008) eq. 16 and 20 on a two-word vocabulary."""
    target, reference = Counter({"a": 8, "b": 2}), Counter({"a": 2, "b": 8})
    prior = Counter({"a": 10, "b": 10})
    out = log_odds_dirichlet(target, reference, prior)
    a0 = 20
    delta = math.log((8 + 10) / (10 + a0 - 8 - 10)) - math.log((2 + 10) / (10 + a0 - 2 - 10))
    assert out["a"][0] == pytest.approx(delta)
    assert out["a"][1] == pytest.approx(delta / math.sqrt(1 / 18 + 1 / 12))
    assert out["b"][1] == pytest.approx(-out["a"][1])


def test_permutation_test_exact_small_case() -> None:
    """[0,0,0] vs [1,1,1]: 2 of the 20 relabellings are as extreme, so p is about 0.1."""
    p = permutation_test([0, 0, 0], [1, 1, 1], n_perm=20000)
    assert p == pytest.approx(0.1, abs=0.01)
    assert permutation_test([], [1]) is None


def test_one_vs_rest_pvalues_many_equals_one_marker_at_a_time() -> None:
    """Sharing the permutations across markers gives each marker the p-values it gets alone;
    a group that is all of the data, or a marker that separates a group, behaves as expected."""
    rng = np.random.default_rng(3)
    groups = np.array(["a"] * 12 + ["b"] * 7 + ["c"] * 3)
    cols = rng.random((22, 3))
    cols[:12, 2] += 5.0  # marker 2 separates group a from the rest
    many = one_vs_rest_pvalues_many(cols, groups, ["a", "b", "c"], n_perm=999)
    for c in range(3):
        assert many[c] == one_vs_rest_pvalues(cols[:, c], groups, ["a", "b", "c"], n_perm=999)
    assert many[2]["a"] == pytest.approx(1 / 1000)  # no relabelling is as extreme
    assert 0.05 < many[0]["a"] <= 1.0
    # hand check against the two-sample permutation test's definition: same statistic, other draws
    assert many[1]["c"] == pytest.approx(permutation_test(cols[groups == "c", 1], cols[groups != "c", 1], n_perm=20000), abs=0.05)
    only = one_vs_rest_pvalues_many(cols, np.array(["a"] * 22), ["a"], n_perm=99)
    assert only == [{"a": None}] * 3


def test_bootstrap_ci_brackets_mean_and_is_none_for_one_value() -> None:
    """The interval contains the mean; a constant sample has a zero-width interval."""
    lo, hi = bootstrap_ci(list(np.arange(20.0)))
    assert lo < 9.5 < hi
    assert bootstrap_ci([3.0, 3.0, 3.0]) == (3.0, 3.0)
    assert bootstrap_ci([1.0]) == (None, None)


def test_compare_example_corpus_findings(example_results: framing.Results) -> None:
    """Each invented outlet's register is stated in plain words, with its phrases as evidence."""
    comp = compare(example_results)
    text = " ".join(comp.summary())
    assert "The Red Ledger uses the Marxist / anti-imperialist register more" in text
    assert "Harmony Daily uses the state-media diplomatic register more" in text
    assert "Liberty Frontline uses the nationalist-populist register more" in text
    assert "Meridian Wire uses wire-service attribution style more" in text
    assert "“win-win cooperation”" in text
    # the aggregator's copy of the wire story is not counted as a sixth outlet
    assert comp.sizes == {g: 1 for g in comp.groups} and len(comp.groups) == 5
    assert set(comp.small) == set(comp.groups)
    # the evaluative verbs named are those of the attributions the share counts (with a speaker):
    # Harmony Daily's unattributed "the claim that ..." is no evaluative attribution of a source
    voices = next(line for line in comp.summary() if line.startswith("Harmony Daily gives voice"))
    assert "0% of its attributions use evaluative verbs." in voices


def test_distinctive_terms_and_profiles(example_results: framing.Results) -> None:
    """Distinctive terms come from the group's own text; profiles have one row per group and marker."""
    comp = compare(example_results)
    red = comp.distinctive[comp.distinctive.group == "The Red Ledger"]
    assert "ruling class" in set(red.term)
    assert (red["count"] >= 2).all()
    n_markers = comp.profiles.marker.nunique()
    assert len(comp.profiles) == n_markers * len(comp.groups)


def test_pairwise_mode_and_bad_mode(example_results: framing.Results) -> None:
    """Pairwise differences cover every pair; an unknown mode is refused by name."""
    comp = compare(example_results, mode="pairwise", markers=["registers.marxist"])
    assert len(comp.differences) == 10  # 5 outlets: 10 pairs
    with pytest.raises(OptionError, match="mode must be one of"):
        compare(example_results, mode="sideways")


def test_same_story_groups_and_story_coverage(example_results: framing.Results) -> None:
    """All five outlets' articles form one story; coverage lists what each leaves out."""
    comp = compare(example_results)
    assert len(comp.stories) == 1
    story = comp.stories[0]
    assert len(story["groups"]) == 5
    harmony = next(c for c in story["coverage"] if c["group"] == "Harmony Daily")
    assert "Donald Trump" in harmony["actors_omitted"]


def test_same_story_respects_date_window() -> None:
    """Identical texts two months apart are not one story."""
    from framing.types import Article

    a = framing.analyze_article(Article("a", "Tariffs on canola rise again in the trade dispute.", published="2026-01-01"))
    b = framing.analyze_article(Article("b", "Tariffs on canola rise again in the trade dispute.", published="2026-03-01"))
    c = framing.analyze_article(Article("c", "Tariffs on canola rise again in the trade dispute.", published="2026-01-03"))
    assert same_story_groups([a, b, c]) == [0, 1, 0]


def test_group_by_metadata_field(example_results: framing.Results) -> None:
    """Any metadata field can group articles; missing values form an '(unknown)' group."""
    comp = compare(example_results, by="genre")
    assert set(comp.groups) == {"opinion", "(unknown)"}


SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not available: {SEEDS} does not exist (they live outside the repository)")
def test_seed_comparison_states_the_difference() -> None:
    """On the two seeds the summary names the Marxist register of one and the wire style of the other."""
    comp = compare(framing.analyze(framing.load(SEEDS), sentiment=None, progress=False))
    text = " ".join(comp.summary())
    assert "Politsturm uses the Marxist / anti-imperialist register more" in text
    assert "CNN uses wire-service attribution style more" in text
    assert "“inter-imperialist”" in text
    # both articles are about Trump, China and Canada
    names = set(comp.actors.name)
    assert {"Donald Trump", "China", "Canada"} <= names
    cnn_speakers = set(comp.quotes[comp.quotes.outlet == "CNN"].speaker)
    assert {"Scott Bessent", "Karoline Leavitt", "Donald Trump"} <= cnn_speakers
    pol = comp.quotes[comp.quotes.outlet == "Politsturm"]
    trump = pol[pol.speaker == "Donald Trump"].iloc[0]
    assert "called" in trump.verbs and "claimed" in trump.verbs  # “very dangerous”; claimed
    seed = next(r for r in comp.results if r.article.outlet == "Politsturm")
    very = next(q for q in seed.quotes if "very dangerous" in q["text"])
    assert (very["speaker_name"], very["verb"], very["kind"]) == ("Donald Trump", "called", "partial")
    claimed = next(q for q in seed.quotes if q["verb"] == "claimed")
    assert claimed["verb_class"] == "evaluative"


def test_published_groups_by_month_in_every_table(example_results) -> None:  # type: ignore[no-untyped-def]
    """by="published" puts articles in the same (monthly) groups in the profile, actor, quote and role tables."""
    comp = compare(example_results, by="published", n_boot=50, n_perm=50)
    groups = set(comp.profiles["group"])
    assert groups == set(comp.groups) and all(len(g) == 7 for g in groups)  # YYYY-MM
    assert set(comp.actors["published"]) <= groups and set(comp.quotes["published"]) <= groups
    assert set(comp.roles["published"]) <= groups
    assert len(set(comp.actors["published"])) == len(groups)


def test_unknown_grouping_field_is_an_error_naming_the_fields(example_results) -> None:  # type: ignore[no-untyped-def]
    """A mistyped ``by`` is refused with the fields one can group by, not turned into one '(unknown)' group."""
    with pytest.raises(OptionError, match=r"cannot group by 'outlte'.*outlet"):
        compare(example_results, by="outlte")
    with pytest.raises(UnknownFieldError) as exc:
        compare(example_results, by="Genre")
    err = exc.value
    assert err.field == "Genre" and "did you mean 'genre'?" in str(err)
    # the usual fields first, then the metadata columns of these articles (sidecars and front matter)
    assert err.available[:2] == ["outlet", "published"] and {"genre", "note"} <= set(err.available)
    assert not {"id", "text", "meta", "debris"} & set(err.available)


def test_voice_all_counts_the_words_in_quotations() -> None:
    """By default a source's quoted "imperialism" is not the outlet's; voice="all" counts it."""
    from framing.types import Article

    quoted = "“US imperialism is over,” Carney said. The talks went on."
    own = "US imperialism is over, the paper wrote. The talks went on."
    arts = [Article(id=f"q{i}", text=quoted, outlet="Quoting Post") for i in range(2)] + [Article(id=f"o{i}", text=own, outlet="Own Words") for i in range(2)]
    results = framing.analyze(arts, sentiment=None, progress=False)
    def mean(comp, group):  # type: ignore[no-untyped-def]
        p = comp.profiles
        return float(p[(p.group == group) & (p.marker == "registers.marxist")]["mean"].iloc[0])
    outlet, every = compare(results, n_boot=20, n_perm=20), compare(results, voice="all", n_boot=20, n_perm=20)
    assert mean(outlet, "Quoting Post") == 0 and mean(every, "Quoting Post") > 0
    assert mean(outlet, "Own Words") == mean(every, "Own Words") > 0
    with pytest.raises(OptionError, match="voice must be one of"):
        compare(results, voice="quotes")


# Two business desks written for this test: one jokes about a "class war" over airport lounges three
# times in its own words, the other does not. Neither writes in the Marxist register.
_DESK = (
    "LONDON (Wire) - The airline said on Tuesday that passenger numbers rose 4% in March, slightly above what analysts had expected. "
    "Revenue per seat fell 1%, the company said in a statement, while fuel costs rose 2%. "
    "Officials said the figures would be revised next month. Shares were little changed on Tuesday afternoon, traders said. "
    "The airline will publish figures for April on May 15, a spokeswoman said. "
)
_JOKES = (
    "On its long-haul flights the fight over lounge access has become a class war between business and first class. "
    "The class war over legroom is older than the jet engine. "
    "Frequent flyers say the class war at the boarding gate is the worst part of travel. "
)


def test_no_register_finding_from_phrases_in_articles_that_do_not_read_as_the_register() -> None:
    from framing.analysis.register_profile import SUPPORT

    arts = [framing.Article(id=f"j{i}", text=_DESK + _JOKES, outlet="Joking Desk") for i in range(2)]
    arts += [framing.Article(id=f"p{i}", text=_DESK + "Analysts expect a calmer summer. " * 3, outlet="Plain Desk") for i in range(2)]
    results = framing.analyze(arts, sentiment=None, progress=False)
    joking = [r for r in results if r.article.outlet == "Joking Desk"]
    assert all(r.markers["registers.marxist"]["count"] >= 3 for r in joking)  # the lexicon finds the phrases
    assert all(r.register_profile["proba"]["marxist"] < SUPPORT["marxist"] for r in joking)  # the texts read as wire copy
    comp = compare(list(results), by="outlet", n_boot=20, n_perm=20)
    assert not [f for f in comp.findings if f.get("marker") == "registers.marxist"]
