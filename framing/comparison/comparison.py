"""Compare groups of articles (outlets by default): marker profiles, distinctive words, actors,
quotes and same-story coverage.

Statistics, each a small pure function with its direction and reference:

* :func:`bootstrap_ci`: percentile bootstrap interval of a group's mean (Efron & Tibshirani 1993).
* :func:`permutation_test`: two-sided permutation p-value for a difference in means.
* :func:`hedges_g`: standardised mean difference with small-sample correction (Hedges 1981);
  positive when the first group is higher.
* :func:`log_odds_dirichlet`: log-odds ratio with an informative Dirichlet prior and its z-score
  (Monroe, Colaresi & Quinn 2008); positive z means the word is distinctive of the target group.
* :func:`keyness`: chi-squared and log-likelihood G² (Dunning 1993) of a word in target versus
  reference, with the log ratio as effect size (Hardie 2014).

Groups with fewer than ``min_group`` articles are kept but flagged ``small`` everywhere: their
intervals are wide and their tests weak, and the report says so.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.errors import check_option
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Comparison",
    "bootstrap_ci",
    "compare",
    "hedges_g",
    "keyness",
    "log_odds_dirichlet",
    "permutation_test",
    "same_story_groups",
]

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


# ---------------------------------------------------------------------------------------------
# Statistics


def bootstrap_ci(values: Sequence[float], *, n_boot: int = 2000, level: float = 0.95, seed: int = 0) -> tuple[float | None, float | None]:
    """Percentile bootstrap interval of the mean; ``(None, None)`` for fewer than 2 values."""
    x = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    if len(x) < 2:
        return None, None
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
    a = (1 - level) / 2
    return float(np.quantile(means, a)), float(np.quantile(means, 1 - a))


def permutation_test(a: Sequence[float], b: Sequence[float], *, n_perm: int = 5000, seed: int = 0) -> float | None:
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


def one_vs_rest_pvalues(values: np.ndarray, groups: np.ndarray, names: Sequence[str], *, n_perm: int = 2000, seed: int = 0) -> dict[str, float]:
    """Permutation p-values of mean(group) - mean(rest) for every group at once.

    One set of random relabellings is shared by all groups (each test on its own is an ordinary
    permutation test): the values are permuted once, cumulative sums give the mean of the first k
    permuted values for every group size k. Cost O(n_perm × n) per call, not per group.
    """
    x = np.asarray(values, dtype=float)
    return one_vs_rest_pvalues_many(x[:, None], groups, names, n_perm=n_perm, seed=seed)[0]


def one_vs_rest_pvalues_many(
    columns: np.ndarray, groups: np.ndarray, names: Sequence[str], *, n_perm: int = 2000, seed: int = 0
) -> list[dict[str, float]]:
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
        col = dict.fromkeys(names)
        for j, g in enumerate(tested):
            col[g] = (int(exceed[c, j]) + 1) / (n_perm + 1)
        out.append(col)
    return out


def hedges_g(a: Sequence[float], b: Sequence[float]) -> float | None:
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


def _log_odds_arrays(
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
    delta, z = _log_odds_arrays(yt, yr, np.array([prior[w] for w in words], dtype=float), prior_scale)
    return {w: (float(d), float(zz)) for w, d, zz in zip(words, delta, z)}


def keyness(a: int, b: int, n_a: int, n_b: int) -> tuple[float, float, float]:
    """(chi-squared, log-likelihood G², log ratio) of a word seen ``a`` times in ``n_a`` target
    words and ``b`` times in ``n_b`` reference words. Log ratio is log2 of the relative
    frequencies, with 0.5 added to zero counts."""
    total = n_a + n_b
    e_a = n_a * (a + b) / total
    e_b = n_b * (a + b) / total
    obs = [a, b, n_a - a, n_b - b]
    exp = [e_a, e_b, n_a - e_a, n_b - e_b]
    chi2 = sum((o - e) ** 2 / e for o, e in zip(obs, exp) if e > 0)
    ll = 2 * sum(o * math.log(o / e) for o, e in zip(obs[:2], exp[:2]) if o > 0 and e > 0)
    ratio = math.log2(((a or 0.5) / n_a) / ((b or 0.5) / n_b)) if n_a and n_b else 0.0
    return chi2, ll, ratio


def _chi2_sf1(x: float) -> float:
    """Survival function of chi-squared with 1 degree of freedom."""
    return math.erfc(math.sqrt(max(x, 0) / 2))


# ---------------------------------------------------------------------------------------------
# Words

def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "s", "’s", "'s"}


def _word_counts(text: str, stop: frozenset[str]) -> Counter[str]:
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    words = [w for w in words if w not in stop and len(w) > 1]
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return counts


# ---------------------------------------------------------------------------------------------
# Same-story grouping


def same_story_groups(results: Sequence[ArticleResult], *, threshold: float = 0.2, window_days: int = 7) -> list[int]:
    """A story number for each article: articles whose TF-IDF cosine similarity is at least
    ``threshold`` and whose dates lie within ``window_days`` (undated articles match any date)
    are linked, and linked articles form one story (single linkage)."""
    import datetime as dt

    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(results)
    if n == 0:
        return []
    texts = [((r.article.title or "") + "\n" + r.article.text) for r in results]
    try:
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    except ValueError:  # no words at all
        X = None
    dates = []
    for r in results:
        try:
            dates.append(dt.date.fromisoformat(r.article.published) if r.article.published else None)
        except ValueError:
            dates.append(None)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # similarities a block of rows at a time, so memory stays bounded on large corpora
    block = 512
    for b0 in range(0, n if X is not None else 0, block):
        sims = (X[b0 : b0 + block] @ X.T).toarray()
        rows, cols = np.nonzero(sims >= threshold)
        for i, j in zip(rows + b0, cols):
            if j <= i:
                continue
            if dates[i] and dates[j] and abs((dates[i] - dates[j]).days) > window_days:
                continue
            parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(n)]


# ---------------------------------------------------------------------------------------------
# The comparison


@dataclass
class Comparison:
    """The result of :func:`compare`: tables (pandas), plain-language findings and renderers."""

    by: str
    mode: str
    groups: list[str]
    sizes: dict[str, int]
    small: list[str]
    profiles: Any  # DataFrame: group, marker, mean, ci_low, ci_high, n
    differences: Any  # DataFrame: group, reference, marker, diff, hedges_g, p_value
    distinctive: Any  # DataFrame: group, term, counts, log_odds, z, chi2, ll, p_ll, log_ratio
    actors: Any
    quotes: Any
    roles: Any
    stories: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    results: list[ArticleResult] = field(repr=False, default_factory=list)
    errors: list[Any] = field(repr=False, default_factory=list)
    #: bootstrap resamples behind each interval and permutations behind each p-value
    n_boot: int = 1000
    n_perm: int = 2000
    #: DataFrame of classifier predictions per group (model, group, label, share, ci_low, ci_high,
    #: n, small); None when no article has predictions (see :func:`prediction_shares`)
    predictions: Any = None
    #: model name -> card summary (``provenance.classifiers`` of the articles)
    classifiers: dict[str, dict[str, Any]] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        out = {
            "profiles": self.profiles,
            "differences": self.differences,
            "distinctive": self.distinctive,
            "actors": self.actors,
            "quotes": self.quotes,
            "roles": self.roles,
        }
        if self.predictions is not None and len(self.predictions):
            out["predictions"] = self.predictions
        return out

    def summary(self) -> list[str]:
        """The findings as plain sentences."""
        return [f["text"] for f in self.findings]

    def report_data(self, *, title: str = "How the outlets frame it", max_articles: int = 200) -> dict[str, Any]:
        from framing.report.render import comparison_report_data

        return comparison_report_data(self, title=title, max_articles=max_articles)

    def to_html(self, path: str | None = None, **kw: Any) -> str:
        """The comparison report as one self-contained HTML page; written to ``path`` if given."""
        from framing.report.render import render_comparison_html

        html = render_comparison_html(self.report_data(**kw))
        if path:
            from pathlib import Path

            Path(path).write_text(html, encoding="utf-8")
        return html

    def to_pdf(self, path: str, **kw: Any) -> str:
        """The comparison report laid out for print, charts included."""
        from framing.report.pdf import write_pdf

        write_pdf(self.report_data(**kw), path)
        return path

    def to_markdown(self, path: str | None = None, **kw: Any) -> str:
        from framing.report.render import render_markdown

        md = render_markdown(self.report_data(**kw))
        if path:
            from pathlib import Path

            Path(path).write_text(md, encoding="utf-8")
        return md

    def write_tables(self, folder: str) -> list[str]:
        """Every table as CSV, and the report data as JSON, in ``folder``."""
        import json
        from pathlib import Path

        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in self.tables().items():
            p = out / f"{name}.csv"
            frame.to_csv(p, index=False)
            written.append(str(p))
        p = out / "comparison.json"
        p.write_text(json.dumps(self.report_data(), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        written.append(str(p))
        return written

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(f"<li>{escape(t)}</li>" for t in self.summary()[:12])
        sizes = ", ".join(f"{escape(str(g))} ({n})" for g, n in self.sizes.items())
        return f"<p><b>Comparison by {escape(self.by)}</b>: {sizes}</p><ul>{items}</ul><p>Use <code>.to_html(path)</code> for the full report.</p>"

    def __repr__(self) -> str:
        return f"Comparison(by={self.by!r}, groups={self.groups}, small={self.small})"


def _group_of(r: ArticleResult, by: str) -> str:
    a = r.article
    v = getattr(a, by, None) if hasattr(a, by) else a.meta.get(by)
    if by == "published" and v:
        v = str(v)[:7]  # by month
    return str(v) if v not in (None, "") else "(unknown)"


def compare(
    results: Iterable[ArticleResult],
    *,
    by: str = "outlet",
    mode: str = "one-vs-rest",
    min_group: int = 3,
    include_duplicates: bool = False,
    markers: Sequence[str] | None = None,
    n_boot: int = 1000,
    n_perm: int = 2000,
    top_terms: int = 25,
    story_threshold: float = 0.2,
) -> Comparison:
    """Compare groups of analysed articles.

    Parameters
    ----------
    results : Results or iterable of ArticleResult
    by : str
        An article attribute (``outlet``, ``published`` by month, ``syndicated_from`` ...) or a
        metadata field (``meta``: a CSV/JSONL column, a sidecar key).
    mode : {"one-vs-rest", "pairwise"}
        Differences of each group against all others pooled, or between every pair of groups.
    min_group : int
        Groups with fewer articles are flagged ``small``.
    include_duplicates : bool
        Count articles flagged as copies (default: leave them out).

    Examples
    --------
    ::

        comparison = framing.compare(framing.analyze(framing.load("examples/corpus")))
        comparison.summary()
        comparison.to_html("report.html")
    """
    import pandas as pd

    check_option("mode", mode, ("one-vs-rest", "pairwise"))
    all_results = list(results)
    errors = list(getattr(results, "errors", []))
    rs = [r for r in all_results if include_duplicates or not r.article.duplicate_of]
    groups_of = [_group_of(r, by) for r in rs]
    groups = list(dict.fromkeys(groups_of))
    sizes = {g: groups_of.count(g) for g in groups}
    small = [g for g in groups if sizes[g] < min_group]

    # --- marker profiles
    keys = list(markers) if markers else sorted({k for r in rs for k in r.markers})
    rates = {k: np.array([(r.markers.get(k) or {}).get("rate") or 0.0 for r in rs]) for k in keys}
    garr = np.array(groups_of)
    member = {g: garr == g for g in groups}
    prof_rows, diff_rows = [], []
    pvalues: dict[str, dict[str, float]] = {}
    if mode == "one-vs-rest" and len(groups) >= 2:
        # one set of permutations serves every marker (p-values as if tested one marker at a time)
        varying = [k for k in keys if rates[k].any()]
        if varying:
            cols = np.column_stack([rates[k] for k in varying])
            pvalues = dict(zip(varying, one_vs_rest_pvalues_many(cols, garr, groups, n_perm=n_perm)))
    for k in keys:
        for g in groups:
            vals = rates[k][member[g]]
            lo, hi = bootstrap_ci(vals, n_boot=n_boot)
            prof_rows.append({"group": g, "marker": k, "mean": float(vals.mean()) if len(vals) else None, "ci_low": lo, "ci_high": hi, "n": len(vals), "small": g in small})
        if mode == "one-vs-rest":
            if len(groups) < 2:
                continue
            vals = rates[k]
            pvals = pvalues.get(k) or dict.fromkeys(groups, 1.0)
            for g in groups:
                a, b = vals[member[g]], vals[~member[g]]
                diff_rows.append(_diff_row(g, "rest", k, a, b, pvals[g], g in small))
        else:
            for i, g in enumerate(groups):
                for h in groups[i + 1 :]:
                    a, b = rates[k][member[g]], rates[k][member[h]]
                    p = permutation_test(a, b, n_perm=n_perm) if (a.any() or b.any()) else 1.0
                    diff_rows.append(_diff_row(g, h, k, a, b, p, g in small or h in small))
    profiles = pd.DataFrame(prof_rows)
    differences = pd.DataFrame(diff_rows)

    # --- distinctive vocabulary: each group against the rest (vectorised over the vocabulary)
    stop = _stopwords()
    vocab: dict[str, int] = {}
    group_counts: dict[str, dict[int, int]] = {g: {} for g in groups}
    for r, g in zip(rs, groups_of):
        slot = group_counts[g]
        for w, c in _word_counts(r.article.text, stop).items():
            j = vocab.setdefault(w, len(vocab))
            slot[j] = slot.get(j, 0) + c
    words = np.array(list(vocab), dtype=object)
    prior_arr = np.zeros(len(vocab))
    for slot in group_counts.values():
        idx = np.fromiter(slot.keys(), dtype=np.int64, count=len(slot))
        prior_arr[idx] += np.fromiter(slot.values(), dtype=float, count=len(slot))
    dist_rows = []
    prior_total = float(prior_arr.sum())
    for g in groups if len(groups) > 1 else []:
        slot = group_counts[g]
        idx = np.fromiter(slot.keys(), dtype=np.int64, count=len(slot))
        cnt = np.fromiter(slot.values(), dtype=float, count=len(slot))
        n_t = int(cnt.sum())
        n_r = int(prior_total) - n_t
        keep = cnt >= 2  # only words used at least twice by the group can be distinctive of it
        cand, yt_c = idx[keep], cnt[keep]
        if not len(cand):
            continue
        yr_c = prior_arr[cand] - yt_c
        delta_c, z_c = _log_odds_arrays(yt_c, yr_c, prior_arr[cand], a0=prior_total, n_t=n_t, n_r=n_r)
        order = np.argsort(-z_c)[:top_terms]
        yt = dict(zip(cand[order].tolist(), yt_c[order].tolist()))
        delta = dict(zip(cand[order].tolist(), delta_c[order].tolist()))
        z = dict(zip(cand[order].tolist(), z_c[order].tolist()))
        top = cand[order]
        for j in top:
            a_cnt = int(yt[j])
            b_cnt = int(prior_arr[j]) - a_cnt
            chi2, ll, ratio = keyness(a_cnt, b_cnt, n_t, n_r)
            dist_rows.append(
                {
                    "group": g,
                    "term": words[j],
                    "count": a_cnt,
                    "reference_count": b_cnt,
                    "per_1k": round(1000 * a_cnt / n_t, 3) if n_t else None,
                    "reference_per_1k": round(1000 * b_cnt / n_r, 3) if n_r else None,
                    "log_odds": round(float(delta[j]), 4),
                    "z": round(float(z[j]), 3),
                    "chi2": round(chi2, 3),
                    "ll": round(ll, 3),
                    "p_ll": _chi2_sf1(ll),
                    "log_ratio": round(ratio, 3),
                }
            )
    distinctive = pd.DataFrame(dist_rows)

    # --- actors, quotes, roles
    from framing.actors.portrayal import actor_table, quote_table, role_table

    actors = actor_table(rs, by=by)
    quotes = quote_table(rs, by=by)
    roles = role_table(rs, by=by)

    # --- classifier predictions (framing.ml.predict): share of each label per group
    pred_table, classifiers = prediction_shares(rs, groups_of, groups, small=small, n_boot=n_boot)

    # --- stories
    story_ids = same_story_groups(rs, threshold=story_threshold)
    stories = _stories(rs, groups_of, story_ids)

    comp = Comparison(
        by=by,
        mode=mode,
        groups=groups,
        sizes=sizes,
        small=small,
        profiles=profiles,
        differences=differences,
        distinctive=distinctive,
        actors=actors,
        quotes=quotes,
        roles=roles,
        stories=stories,
        findings=[],
        results=all_results,
        errors=errors,
        predictions=pred_table,
        classifiers=classifiers,
        n_boot=n_boot,
        n_perm=n_perm,
    )
    comp.findings = _findings(comp)
    return comp


def prediction_shares(
    results: Sequence[ArticleResult], groups_of: Sequence[str], groups: Sequence[str], *, small: Sequence[str] = (), n_boot: int = 1000
) -> tuple[pd.DataFrame | None, dict[str, dict[str, Any]]]:
    """Per model, group and label: the share of the group's articles the model gives that label.

    For an article-level model each article counts 1 for its predicted label; for a
    sentence-level model each article counts its share of sentences with the label. ``share`` is
    the mean over the group's articles that have a prediction (``n`` of them), with a 95%
    percentile bootstrap interval over articles (:func:`bootstrap_ci`). Returns the table (None
    when no article has predictions) and the models' card summaries (``provenance.classifiers``).
    """
    import pandas as pd

    names: list[str] = list(dict.fromkeys(name for r in results for name in r.predictions))
    if not names:
        return None, {}
    cards: dict[str, dict[str, Any]] = {}
    for r in results:
        for name, card in ((r.provenance or {}).get("classifiers") or {}).items():
            cards.setdefault(name, card)
    garr = np.array(groups_of, dtype=object)
    rows = []
    for name in names:
        card = cards.setdefault(name, {"name": name})
        preds = [r.predictions.get(name) for r in results]
        labels = list(card.get("classes") or [])
        for p in preds:  # labels the card does not list (a model applied without its card)
            seen = list(p.get("share") or p.get("proba") or {}) + [p.get("label")] if p else []
            labels.extend(lab for lab in dict.fromkeys(seen) if lab is not None and lab not in labels)
        for lab in labels:
            vals = np.array([_label_value(p, lab) for p in preds], dtype=float)
            for g in groups:
                v = vals[(garr == g) & ~np.isnan(vals)]
                lo, hi = bootstrap_ci(v, n_boot=n_boot)
                rows.append(
                    {"model": name, "group": g, "label": lab, "share": float(v.mean()) if len(v) else None, "ci_low": lo, "ci_high": hi, "n": len(v), "small": g in small}
                )
    return pd.DataFrame(rows), {n: cards[n] for n in names}


def _label_value(pred: dict[str, Any] | None, label: str) -> float:
    """1/0 for an article-level prediction, the share of sentences for a sentence-level one; NaN if none."""
    if not pred:
        return math.nan
    if "share" in pred:
        v = (pred.get("share") or {}).get(label)
        return math.nan if v is None else float(v)
    if pred.get("label") is None:
        return math.nan
    return 1.0 if pred["label"] == label else 0.0


def _diff_row(g: str, h: str, marker: str, a: np.ndarray, b: np.ndarray, p: float | None, small: bool) -> dict[str, Any]:
    return {
        "group": g,
        "reference": h,
        "marker": marker,
        "mean": float(a.mean()),
        "reference_mean": float(b.mean()),
        "diff": float(a.mean() - b.mean()),
        "hedges_g": hedges_g(a, b),
        "p_value": p,
        "small": small,
    }


def _stories(rs: Sequence[ArticleResult], groups_of: Sequence[str], story_ids: Sequence[int]) -> list[dict[str, Any]]:
    """For each story covered by two or more groups: what each group includes and omits."""
    out = []
    by_story: dict[int, list[tuple[ArticleResult, str]]] = {}
    for r, g, sid in zip(rs, groups_of, story_ids):
        by_story.setdefault(sid, []).append((r, g))
    for sid in sorted(by_story):
        members = by_story[sid]
        groups = list(dict.fromkeys(g for _, g in members))
        if len(groups) < 2:
            continue
        per_group: dict[str, dict[str, set[str]]] = {}
        for r, g in members:
            slot = per_group.setdefault(g, {"actors": set(), "frames": set(), "sources": set()})
            slot["actors"].update(a["name"] for a in r.actors if not a.get("candidate"))
            slot["frames"].update(k.split(".", 1)[1] for k, v in r.markers.items() if k.startswith("news_frames.") and v.get("count"))
            slot["sources"].update(q["speaker_name"] for q in r.quotes if q.get("speaker_name"))
        union = {key: set().union(*(s[key] for s in per_group.values())) for key in ("actors", "frames", "sources")}
        coverage = []
        for g, s in per_group.items():
            coverage.append(
                {
                    "group": g,
                    **{f"{key}_included": sorted(s[key]) for key in ("actors", "frames", "sources")},
                    **{f"{key}_omitted": sorted(union[key] - s[key]) for key in ("actors", "frames", "sources")},
                }
            )
        out.append(
            {
                "story": sid,
                "titles": [r.article.title or r.article.id for r, _ in members],
                "articles": [r.article.id for r, _ in members],
                "groups": groups,
                "coverage": coverage,
            }
        )
    return out


_MARKER_NAMES = {
    "registers.marxist": "the Marxist / anti-imperialist register",
    "registers.state_diplomatic": "the state-media diplomatic register",
    "registers.nationalist_populist": "the nationalist-populist register",
    "registers.liberal_internationalist": "the liberal-internationalist register",
    "registers.wire_service": "wire-service attribution style",
    "rhetoric.loaded_language": "loaded language",
    "rhetoric.hedges": "hedges",
    "rhetoric.boosters": "boosters",
    "rhetoric.attribution_evaluative": "evaluative attribution verbs (claimed, insisted ...)",
    "rhetoric.war_metaphors": "war metaphors",
    "detectors.scare_quotes": "scare quotes",
    "detectors.rhetorical_questions": "rhetorical questions",
    "news_frames.conflict": "the conflict frame",
    "news_frames.economic": "the economic-consequences frame",
    "news_frames.morality": "the morality frame",
    "news_frames.human_interest": "the human-interest frame",
    "news_frames.responsibility": "the responsibility frame",
}


def marker_label(key: str) -> str:
    return _MARKER_NAMES.get(key, key.split(".", 1)[-1].replace("_", " "))


def _findings(comp: Comparison) -> list[dict[str, Any]]:
    """Plain-language statements, each pointing at its evidence (terms and sentences)."""
    findings: list[dict[str, Any]] = []
    members: dict[str, list[ArticleResult]] = {}  # each group's articles, copies left out
    for r in comp.results:
        if not r.article.duplicate_of:
            members.setdefault(_group_of(r, comp.by), []).append(r)
    if comp.small and len(comp.small) == len(comp.groups):
        findings.append(
            {
                "kind": "caution",
                "text": f"Every {comp.by} here has fewer than the minimum number of articles for firm conclusions: "
                "the differences below describe these texts, not the outlets in general.",
                "evidence": [],
            }
        )
    diffs = comp.differences
    if diffs is not None and len(diffs):
        d = diffs[(diffs["reference"] == "rest") & diffs["marker"].isin(list(_MARKER_NAMES))]
        for g in comp.groups:
            gd = d[(d["group"] == g) & (d["diff"] > 0) & (d["mean"] > 0)].copy()
            if gd.empty:
                continue
            gd["ratio"] = (gd["mean"] + 0.5) / (gd["reference_mean"] + 0.5)
            top = gd.sort_values("ratio", ascending=False).head(2)
            for _, row in top.iterrows():
                if row["ratio"] < 1.5:
                    continue
                evidence = _evidence_terms(members.get(g, []), row["marker"])
                text = (
                    f"{g} uses {marker_label(row['marker'])} more than the other outlets: "
                    f"{row['mean']:.1f} per 1,000 words against {row['reference_mean']:.1f}"
                    + (f" (e.g. {', '.join('“' + t + '”' for t in evidence[:4])})" if evidence else "")
                    + ("; few articles, so treat this as tentative" if g in comp.small and len(comp.small) < len(comp.groups) else "")
                    + "."
                )
                findings.append({"kind": "marker", "group": g, "marker": row["marker"], "text": text, "evidence": evidence})
    # actor portrayal
    a = comp.actors
    if a is not None and len(a) and "mean_sentiment" in a:
        # an outlet's portrayal counts only with at least 3 scored mentions of the actor
        scored = a[a["mean_sentiment"].notna() & (a["mentions"] >= 3)]
        for actor, sub in scored.groupby("actor"):
            if sub[comp.by].nunique() < 2:
                continue
            lo = sub.loc[sub["mean_sentiment"].idxmin()]
            hi = sub.loc[sub["mean_sentiment"].idxmax()]
            if hi["mean_sentiment"] - lo["mean_sentiment"] < 0.2:
                continue
            findings.append(
                {
                    "kind": "actor",
                    "actor": actor,
                    "text": f"{lo['name']} is portrayed most negatively by {lo[comp.by]} (mean {lo['mean_sentiment']:+.2f} over {lo['mentions']} mentions) "
                    f"and most favourably by {hi[comp.by]} ({hi['mean_sentiment']:+.2f} over {hi['mentions']}).",
                    "evidence": [s for s in (lo.get("most_negative"), hi.get("most_positive")) if isinstance(s, str)],
                }
            )
        roles = a[a["aggressor"] > 0]
        for g, sub in roles.groupby(comp.by):
            top = sub.sort_values("aggressor", ascending=False).iloc[0]
            n = int(top["aggressor"])
            findings.append(
                {"kind": "role", "group": g, "text": f"In {g}, {top['name']} is most often cast as the aggressor ({n} time{'s' if n != 1 else ''}).", "evidence": []}
            )
    q = comp.quotes
    if q is not None and len(q):
        for g, sub in q.groupby(comp.by):
            named = sub[sub["speaker"] != "(unattributed)"]
            if named.empty:
                continue
            voices = ", ".join(f"{r['speaker']} ({r['quotes']})" for _, r in named.head(4).iterrows())
            total = named["quotes"].sum()
            ev_share = (named["evaluative_verb_share"] * named["quotes"]).sum() / total if total else 0.0
            ev_verbs = sorted({q["verb"] for r in members.get(str(g), []) for q in r.quotes if q.get("verb_class") == "evaluative"})
            verbs = ", ".join(ev_verbs[:5])
            findings.append(
                {
                    "kind": "quotes",
                    "group": g,
                    "text": f"{g} gives voice to {voices}; {ev_share:.0%} of its attributions use evaluative verbs" + (f" ({verbs})" if verbs else "") + ".",
                    "evidence": [],
                }
            )
    return findings


def _evidence_terms(results: Sequence[ArticleResult], marker: str) -> list[str]:
    """The most frequent matched terms of ``marker`` in ``results`` (one group's articles)."""
    lex, _, cat = marker.partition(".")
    counts: Counter[str] = Counter()
    for r in results:
        for m in r.matches:
            if m.lexicon == lex and m.category == cat and not m.negated:
                counts[r.article.text[m.start : m.end].lower()] += 1
    return [t.strip("“”\"'‘’") for t, _ in counts.most_common(6)]
