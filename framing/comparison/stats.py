"""Statistics of the comparison, each a small pure function with its direction and reference:


* :func:`bootstrap_ci`: percentile bootstrap interval of a group's mean (Efron & Tibshirani 1993).
* :func:`permutation_test`: two-sided permutation p-value for a difference in means.
* :func:`hedges_g`: standardised mean difference with small-sample correction (Hedges 1981);
  positive when the first group is higher.
* :func:`log_odds_dirichlet`: log-odds ratio with an informative Dirichlet prior and its z-score
  (Monroe, Colaresi & Quinn 2008); positive z means the word is distinctive of the target group.
* :func:`keyness`: chi-squared and log-likelihood G² (Dunning 1993) of a word in target versus
  reference, with the log ratio as effect size (Hardie 2014).

"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:  # pragma: no cover
    pass


#: Numbers a statistic accepts: a list of floats or a numpy array (what the comparison passes)
Values = Sequence[float] | npt.NDArray[Any]

__all__ = ["Values", "bootstrap_ci", "chi2_sf1", "hedges_g", "keyness", "log_odds_arrays", "log_odds_dirichlet", "one_vs_rest_pvalues", "one_vs_rest_pvalues_many", "permutation_test"]


# ---------------------------------------------------------------------------------------------
# Statistics


def bootstrap_ci(values: Sequence[float | None] | npt.NDArray[Any], *, n_boot: int = 2000, level: float = 0.95, seed: int = 0) -> tuple[float | None, float | None]:
    """Percentile bootstrap interval of the mean; ``(None, None)`` for fewer than 2 values."""
    x = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    if len(x) < 2:
        return None, None
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    a = (1 - level) / 2
    return float(np.quantile(means, a)), float(np.quantile(means, 1 - a))


def permutation_test(a: Values, b: Values, *, n_perm: int = 5000, seed: int = 0) -> float | None:
    """Two-sided p-value for mean(a) - mean(b) under random relabelling; None if a group is empty.

    Uses the (count + 1) / (n_perm + 1) estimate, so p is never 0.
    """
    x = np.asarray(a, dtype=float)
    y = np.asarray(b, dtype=float)
    if len(x) == 0 or len(y) == 0:
        return None
    observed = abs(x.mean() - y.mean())
    pooled = np.concatenate([x, y])
    rng = np.random.default_rng(seed)
    idx = np.argsort(rng.random((n_perm, len(pooled))), axis=1)
    perm = pooled[idx]
    diffs = np.abs(perm[:, : len(x)].mean(axis=1) - perm[:, len(x) :].mean(axis=1))
    return float((np.sum(diffs >= observed - 1e-12) + 1) / (n_perm + 1))


def one_vs_rest_pvalues(values: np.ndarray, groups: np.ndarray, names: Sequence[str], *, n_perm: int = 2000, seed: int = 0) -> dict[str, float | None]:
    """Permutation p-values of mean(group) - mean(rest) for every group at once.

    One set of random relabellings is shared by all groups (each test on its own is an ordinary
    permutation test): the values are permuted once, cumulative sums give the mean of the first k
    permuted values for every group size k. Cost O(n_perm × n) per call, not per group. A group
    with none of the articles, or all of them, is not tested: its p-value is None.
    """
    x = np.asarray(values, dtype=float)
    return one_vs_rest_pvalues_many(x[:, None], groups, names, n_perm=n_perm, seed=seed)[0]


def one_vs_rest_pvalues_many(
    columns: np.ndarray, groups: np.ndarray, names: Sequence[str], *, n_perm: int = 2000, seed: int = 0
) -> list[dict[str, float | None]]:
    """:func:`one_vs_rest_pvalues` for each column of ``columns`` (articles × markers).

    The random relabellings are drawn once and applied to every column, so each column's p-values
    are exactly those of ``one_vs_rest_pvalues(column, ...)`` with the same seed; drawing them (a
    sort of n_perm × n random numbers) was most of the cost when done once per marker.
    """
    X = np.asarray(columns, dtype=float)
    n, m = X.shape
    garr = np.asarray(groups)
    totals = X.sum(axis=0)
    rng = np.random.default_rng(seed)
    masks = {g: garr == g for g in names}
    sizes = {g: int(masks[g].sum()) for g in names}
    observed = [
        {g: abs(X[masks[g], c].mean() - X[~masks[g], c].mean()) if 0 < sizes[g] < n else None for g in names}
        for c in range(m)
    ]
    tested = [g for g in names if 0 < sizes[g] < n]
    obs = np.array([[observed[c][g] for g in tested] for c in range(m)], dtype=float).reshape(m, len(tested))
    ks = np.array([sizes[g] for g in tested], dtype=np.int64)
    exceed = np.zeros((m, len(tested)), dtype=np.int64)
    block = max(1, min(n_perm, 20_000_000 // max(n, 1)))
    done = 0
    while done < n_perm:
        b = min(block, n_perm - done)
        perm = np.argsort(rng.random((b, n)), axis=1)
        for c in range(m):
            if not tested:
                break
            cs = np.cumsum(X[perm, c], axis=1)[:, ks - 1]  # b × groups: sum of the first k permuted values
            first = cs / ks
            rest = (totals[c] - cs) / (n - ks)
            exceed[c] += np.sum(np.abs(first - rest) >= obs[c] - 1e-12, axis=0)
        done += b
    out = []
    for c in range(m):
        col: dict[str, float | None] = dict.fromkeys(names)  # None: the group was not tested
        for j, g in enumerate(tested):
            col[g] = (int(exceed[c, j]) + 1) / (n_perm + 1)
        out.append(col)
    return out


def hedges_g(a: Values, b: Values) -> float | None:
    """Hedges' g of a versus b (None when undefined: fewer than 2 values overall or no variance)."""
    x = np.asarray(a, dtype=float)
    y = np.asarray(b, dtype=float)
    n1, n2 = len(x), len(y)
    if n1 == 0 or n2 == 0 or n1 + n2 < 3:
        return None
    v1 = x.var(ddof=1) if n1 > 1 else 0.0
    v2 = y.var(ddof=1) if n2 > 1 else 0.0
    pooled = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2))
    if pooled == 0:
        return None
    d = (x.mean() - y.mean()) / pooled
    j = 1 - 3 / (4 * (n1 + n2) - 9)
    return float(d * j)


def log_odds_arrays(
    yt: np.ndarray, yr: np.ndarray, prior: np.ndarray, prior_scale: float = 1.0, *, a0: float | None = None, n_t: float | None = None, n_r: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised core of :func:`log_odds_dirichlet` over a vocabulary: (delta, z) arrays.

    ``a0``, ``n_t`` and ``n_r`` (prior total, target and reference totals) may be given when only
    a subset of the vocabulary is evaluated.
    """
    a = prior_scale * prior.astype(float)
    a0 = a.sum() if a0 is None else prior_scale * a0
    n_t = yt.sum() if n_t is None else n_t
    n_r = yr.sum() if n_r is None else n_r
    lt = np.log((yt + a) / (n_t + a0 - yt - a))
    lr = np.log((yr + a) / (n_r + a0 - yr - a))
    delta = lt - lr
    z = delta / np.sqrt(1 / (yt + a) + 1 / (yr + a))
    return delta, z


def log_odds_dirichlet(target: Counter[str], reference: Counter[str], prior: Counter[str], *, prior_scale: float = 1.0) -> dict[str, tuple[float, float]]:
    """``{word: (delta, z)}``: log-odds ratio of target vs reference with a Dirichlet prior.

    ``prior`` is background counts (usually the whole corpus), scaled by ``prior_scale``
    (Monroe et al. 2008, section 3.5). z above 1.96 marks a word distinctive of the target.
    """
    words = list(prior)
    yt = np.array([target.get(w, 0) for w in words], dtype=float)
    yr = np.array([reference.get(w, 0) for w in words], dtype=float)
    delta, z = log_odds_arrays(yt, yr, np.array([prior[w] for w in words], dtype=float), prior_scale)
    return {w: (float(d), float(zz)) for w, d, zz in zip(words, delta, z)}


def keyness(a: float, b: float, n_a: float, n_b: float) -> tuple[float, float, float]:
    """(chi-squared, log-likelihood G², log ratio) of a word seen ``a`` times in ``n_a`` target
    words and ``b`` times in ``n_b`` reference words. Log ratio is log2 of the relative
    frequencies, with 0.5 added to zero counts. ``b`` may be an expected count (a frequency
    times a notional reference size, :mod:`framing.comparison.reference`)."""
    total = n_a + n_b
    e_a = n_a * (a + b) / total
    e_b = n_b * (a + b) / total
    obs = [a, b, n_a - a, n_b - b]
    exp = [e_a, e_b, n_a - e_a, n_b - e_b]
    chi2 = sum((o - e) ** 2 / e for o, e in zip(obs, exp) if e > 0)
    ll = 2 * sum(o * math.log(o / e) for o, e in zip(obs[:2], exp[:2]) if o > 0 and e > 0)
    ratio = math.log2(((a or 0.5) / n_a) / ((b or 0.5) / n_b)) if n_a and n_b else 0.0
    return chi2, ll, ratio


def chi2_sf1(x: float) -> float:
    """Survival function of chi-squared with 1 degree of freedom."""
    return math.erfc(math.sqrt(max(x, 0) / 2))


