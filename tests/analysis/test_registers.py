"""The register score (framing.analysis.registers): shrinkage toward ordinary news on short texts,
intervals that narrow with length, verdicts that refuse to judge a short text, and its tables."""

from __future__ import annotations

import math

import pytest

import framing
from framing.analysis.registers import MIN_WORDS, RegisterPrior, article_register_scores, load_reference, register_score

# a register rare in ordinary news: 0.2 per 1,000 words on average, most articles have none
RARE = RegisterPrior(alpha=0.3, beta=1500.0, mean_per_1000=0.2, n_articles=1000)


def test_short_text_is_pulled_toward_ordinary_news_long_text_is_not():
    """One match in 150 words is a raw rate of 6.7 per 1,000; the score is far lower and the verdict
    withheld, while the same rate over 3,000 words is believed."""
    short = register_score("r", 1, 150, RARE)
    long = register_score("r", 20, 3000, RARE)
    assert short.score < 1.0 < 1000 * 1 / 150
    # the prior is worth beta words of ordinary news: the long text keeps most of its rate, the short one little
    assert long.score / (1000 * 20 / 3000) > 0.6 > 0.2 > short.score / (1000 * 1 / 150)
    assert long.verdict == "clear"
    assert short.verdict == "not enough evidence"
    assert (short.high - short.low) > (long.high - long.low) / 10  # a wide interval on little text
    assert short.low <= short.score <= short.high and long.low <= long.score <= long.high


def test_verdicts():
    """'none' needs a long text without the register, 'clear' two matches or more; a text under
    MIN_WORDS never gets a verdict."""
    assert register_score("r", 0, 5000, RARE).verdict == "none"
    assert register_score("r", 0, 300, RARE).verdict == "not enough evidence"
    assert register_score("r", 5, MIN_WORDS - 1, RARE).verdict == "not enough evidence"
    assert register_score("r", 4, 400, RARE).verdict == "clear"
    assert register_score("r", 1, 150, RARE).verdict == "not enough evidence"  # one phrase is not a register


def test_a_register_absent_from_ordinary_news_can_still_be_found():
    """A register never seen in the reference sample has a prior near zero, worth at most BETA_MAX
    words: a few matches in a short text make it clear, none in a long one make it 'none'."""
    from framing.analysis.registers import BETA_MAX

    absent = RegisterPrior(alpha=0.0005 * BETA_MAX / 1000, beta=BETA_MAX, mean_per_1000=0.0005, n_articles=1200)
    found = register_score("r", 3, 300, absent)
    assert found.verdict == "clear" and found.score > 1.0
    assert register_score("r", 0, 2000, absent).verdict == "none"


def test_shipped_reference_is_proper():
    ref = load_reference()
    assert {"registers.marxist", "registers.state_diplomatic", "registers.nationalist_populist", "registers.wire_service"} <= set(ref)
    for prior in ref.values():
        assert prior.alpha > 0 and prior.beta > 0 and math.isfinite(prior.mean_per_1000) and prior.n_articles >= 100
    # wire style is common in ordinary news, the Marxist register rare
    assert ref["registers.wire_service"].mean_per_1000 > ref["registers.marxist"].mean_per_1000


def test_seeds_separate_on_the_score(politsturm_seed, cnn_seed):  # type: ignore[no-untyped-def]
    """The communist piece is clearly Marxist and scores above CNN there; CNN scores above it on
    wire style."""
    results = framing.analyze(framing.load([politsturm_seed, cnn_seed]), progress=False)
    by = {r.article.outlet: article_register_scores(r) for r in results}
    pol, cnn = by["Politsturm"], by["CNN"]
    assert pol["registers.marxist"].verdict == "clear"
    assert pol["registers.marxist"].score > 3 * cnn["registers.marxist"].score
    assert cnn["registers.wire_service"].score > pol["registers.wire_service"].score


def test_results_and_comparison_tables(example_corpus):  # type: ignore[no-untyped-def]
    results = framing.analyze(example_corpus, progress=False)
    frame = results.register_scores()
    assert len(frame) == len(results) * len(load_reference())
    assert set(frame["verdict"]) <= {"clear", "none", "not enough evidence"}
    comp = framing.compare(results)
    table = comp.tables()["registers"]
    assert set(table["group"]) == set(comp.groups)
    shares = table[["clear", "none", "unclear"]].sum(axis=1)
    assert all(abs(s - 1) < 1e-9 for s in shares)


@pytest.mark.parametrize("words", [0, 10])
def test_empty_and_tiny_texts(words: int):
    s = register_score("r", 0, words, RARE)
    assert s.verdict == "not enough evidence" and math.isfinite(s.score) and s.low >= 0
