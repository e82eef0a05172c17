"""A register score that works on short texts: how strongly an article speaks in each register,
with an interval, and a verdict that says when the text is too short to tell.

A raw rate misleads on a short text: one Marxist phrase in a 150-word excerpt is 6.7 per 1,000
words, more than most socialist papers average, and no phrase in 150 words says little. The score
is an empirical-Bayes estimate (the Gamma-Poisson model of word counts; Mosteller & Wallace 1964,
Church & Gale 1995 on the overdispersion of word frequencies):

* a register's matches in an article are Poisson with rate ``lambda`` per own word, and ``lambda``
  varies between articles as a Gamma distribution whose mean and spread are measured on a
  reference corpus of ordinary news (``framing/models/register_reference.json``, rebuilt by
  ``bench/build_register_reference.py`` from Article-Bias-Prediction; its card gives the data);
* an article with ``k`` matches in ``n`` own words has the posterior Gamma(alpha + k, beta + n):
  its mean is the **score** (per 1,000 words) and its 5th and 95th percentiles the **interval**.
  The prior is worth ``beta`` words of ordinary news (about 1,500 for the rare registers), so an
  article of ``n`` words keeps about ``n / (n + beta)`` of its own rate: a long article's score is
  near its raw rate, a short one's is pulled toward ordinary news until its matches move it. The
  score is therefore a cautious estimate for comparing articles, not the raw rate itself;
* the **verdict** compares the article with ordinary news: ``"clear"`` when the posterior
  probability that its rate is at least :data:`FACTOR` times the reference mean is 0.9 or more
  and it has at least :data:`MIN_MATCHES` matches, ``"none"`` when the probability that it is
  below that is 0.9 or more and it has at least :data:`NONE_MIN_WORDS` own words (a long text
  without the register's phrases), and ``"not enough evidence"`` otherwise. Texts under
  :data:`MIN_WORDS` own words are always ``"not enough evidence"``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from scipy.stats import gamma

from framing.types import ArticleResult

__all__ = [
    "BETA_MAX", "FACTOR", "LEVEL", "MIN_MATCHES", "MIN_WORDS", "NONE_MIN_WORDS", "REFERENCE_FILE", "RegisterPrior", "RegisterScore", "article_register_scores",
    "load_reference", "register_score",
]

REFERENCE_FILE = "register_reference.json"
#: An article shows a register "clearly" when its rate is likely at least this many times that of
#: ordinary news.
FACTOR = 2.0
#: Posterior probability needed for a verdict either way.
LEVEL = 0.9
#: Below this many own words no verdict is given: at the reference rates (a few matches per
#: 1,000 words even in the register's own outlets) such a text holds well under one expected match
#: of most registers, so finding none says nothing.
MIN_WORDS = 100
#: A "clear" verdict needs at least this many matches: one phrase can be a stray use or a misread
#: sense (hand-checked precision on ordinary news is far below that on the register's own outlets).
MIN_MATCHES = 2
#: A "none" verdict needs at least this many own words: a 300-word excerpt without a register's
#: phrases says little when even its own outlets use a few per 1,000 words.
NONE_MIN_WORDS = 500
#: The prior is worth at most this many words of ordinary news. Without the cap, a register
#: (nearly) absent from the reference sample gets a prior so certain that no article could move it.
BETA_MAX = 1000.0


@dataclass(frozen=True)
class RegisterPrior:
    """The Gamma distribution of a register's rate (per word) across ordinary news articles."""

    alpha: float
    beta: float  # in words
    mean_per_1000: float
    n_articles: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RegisterPrior:
        alpha, beta = float(d["alpha"]), float(d["beta"])
        if not (alpha > 0 and beta > 0):
            raise ValueError(f"register reference: alpha and beta must be positive, got {alpha}, {beta}")
        return cls(alpha, beta, float(d["mean_per_1000"]), int(d["n_articles"]))


@dataclass(frozen=True)
class RegisterScore:
    """One register in one article: the score and interval per 1,000 own words, the raw counts,
    and the verdict (``"clear"``, ``"none"`` or ``"not enough evidence"``)."""

    register: str
    matches: float
    words: int
    score: float
    low: float
    high: float
    reference: float
    verdict: str

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def register_score(register: str, matches: float, words: int, prior: RegisterPrior) -> RegisterScore:
    """The score of ``matches`` in ``words`` own words against ``prior`` (see the module)."""
    a = prior.alpha + max(matches, 0.0)
    b = prior.beta + max(words, 0)
    post = gamma(a, scale=1.0 / b)
    low, high = post.ppf([0.05, 0.95])
    threshold = FACTOR * prior.mean_per_1000 / 1000
    above = float(post.sf(threshold))
    if words < MIN_WORDS:
        verdict = "not enough evidence"
    elif above >= LEVEL and matches >= MIN_MATCHES:
        verdict = "clear"
    elif 1 - above >= LEVEL and words >= NONE_MIN_WORDS:
        verdict = "none"
    else:
        verdict = "not enough evidence"
    return RegisterScore(register, matches, words, 1000 * a / b, 1000 * float(low), 1000 * float(high), prior.mean_per_1000, verdict)


@lru_cache(maxsize=1)
def load_reference() -> dict[str, RegisterPrior]:
    """Register key (``"registers.marxist"``) -> its prior, from the shipped reference file."""
    data = json.loads(resources.files("framing.models").joinpath(REFERENCE_FILE).read_text(encoding="utf-8"))
    return {key: RegisterPrior.from_dict(d) for key, d in data["registers"].items()}


def article_register_scores(result: ArticleResult, reference: Mapping[str, RegisterPrior] | None = None) -> dict[str, RegisterScore]:
    """Every register of the reference, scored on one analysed article (its own words, as marker
    rates count them)."""
    ref = load_reference() if reference is None else reference
    words = result.n_outlet_words if result.n_outlet_words is not None else result.n_words
    out = {}
    for key, prior in ref.items():
        slot = result.markers.get(key)
        count = float(slot.get("count") or 0) if slot else 0.0
        out[key] = register_score(key, count, int(words or 0), prior)
    return out
