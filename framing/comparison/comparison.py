"""Compare groups of articles (outlets by default): marker profiles, distinctive words, actors,
quotes and same-story coverage.

Groups with fewer than ``min_group`` articles are kept but flagged ``small`` everywhere: their
intervals are wide and their tests weak, and the report says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from framing.errors import check_option
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    pass

from framing.comparison.findings import findings
from framing.comparison.grouping import check_by, group_of
from framing.comparison.reference import reference_keyness
from framing.comparison.result import Comparison
from framing.comparison.stats import bootstrap_ci, hedges_g, one_vs_rest_pvalues_many, permutation_test
from framing.comparison.stories import same_story_groups, story_coverage
from framing.comparison.tables import actor_table, prediction_shares, quote_table, register_table, role_table
from framing.comparison.vocabulary import distinctive_terms
from framing.markers.registry import marker_registry

__all__ = ["CompareMode", "Comparison", "VoiceOption", "compare"]

#: Differences of each group against the rest pooled, or between every pair of groups.
CompareMode = Literal["one-vs-rest", "pairwise"]
#: Whose words the marker profiles count: the outlet's own wording, or every word.
VoiceOption = Literal["outlet", "all"]


def compare(
    results: Iterable[ArticleResult],
    *,
    by: str = "outlet",
    mode: CompareMode = "one-vs-rest",
    min_group: int = 3,
    include_duplicates: bool = False,
    markers: Sequence[str] | None = None,
    n_boot: int = 1000,
    n_perm: int = 2000,
    top_terms: int = 25,
    story_threshold: float | None = None,
    lexicon_dirs: Sequence[str] = (),
    voice: VoiceOption = "outlet",
    reference: Any = None,
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
    voice : {"outlet", "all"}
        Whose words the marker profiles count: the outlet's own wording (default: words inside
        quotation marks are the sources') or every word, quotations included.
    story_threshold : float, optional
        How similar articles must be to count as the same story (see
        :func:`framing.comparison.stories.same_story_groups`; default ``STORY_THRESHOLD``).
    lexicon_dirs : sequence of paths
        Folders of user lexicons used in the analysis, so findings name their markers as the
        lexicon files say (markers of lexicons not found are still compared).
    reference : "wordfreq", path or texts, optional
        Also list each group's words against a reference: ``"wordfreq"`` (general English, word
        frequencies pooled across genres) or a folder/file of texts of your choosing
        (:func:`framing.comparison.reference.reference_keyness`; ``comparison.reference_terms``).

    Examples
    --------
    ::

        comparison = framing.compare(framing.analyze(framing.load("examples/corpus")))
        comparison.summary()
        framing.report.html(comparison, "report.html")
    """
    import pandas as pd

    check_option("mode", mode, ("one-vs-rest", "pairwise"))
    check_option("voice", voice, ("outlet", "all"))
    all_results = list(results)
    errors = list(getattr(results, "errors", []))
    check_by(all_results, by)
    rs = [r for r in all_results if include_duplicates or not r.article.duplicate_of]
    groups_of = [group_of(r, by) for r in rs]
    groups = list(dict.fromkeys(groups_of))
    sizes = {g: groups_of.count(g) for g in groups}
    small = [g for g in groups if sizes[g] < min_group]

    # --- marker profiles
    keys = list(markers) if markers else sorted({k for r in rs for k in r.markers})
    field: Literal["rate", "all_rate"] = "rate" if voice == "outlet" else "all_rate"
    rates = {k: np.array([_marker_rate(r, k, field) for r in rs]) for k in keys}
    garr = np.array(groups_of)
    member = {g: garr == g for g in groups}
    prof_rows, diff_rows = [], []
    pvalues: dict[str, dict[str, float | None]] = {}
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

    # --- distinctive vocabulary: each group against the rest
    distinctive = distinctive_terms(rs, groups_of, groups, top_terms=top_terms)
    reference_terms = reference_keyness(rs, by=by, reference=reference, top_terms=top_terms, include_duplicates=True) if reference is not None else None

    # --- actors, quotes, roles
    actors = actor_table(rs, by=by)
    quotes = quote_table(rs, by=by)
    roles = role_table(rs, by=by)

    # --- register scores (short texts shrunk toward ordinary news, with verdicts)
    registers = register_table(rs, groups_of, groups, small=small, n_boot=n_boot)

    # --- classifier predictions (framing.ml.predict): share of each label per group
    pred_table, classifiers = prediction_shares(rs, groups_of, groups, small=small, n_boot=n_boot)

    # --- stories
    story_ids = same_story_groups(rs, threshold=story_threshold)
    stories = story_coverage(rs, groups_of, story_ids)

    registry = marker_registry(lexicon_dirs)
    comp = Comparison(
        registry=registry,
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
        voice=voice,
        registers=registers,
        reference_terms=reference_terms,
    )
    comp.findings = findings(comp)
    return comp


def _marker_rate(r: ArticleResult, key: str, field: Literal["rate", "all_rate"]) -> float:
    """The rate of one marker in one article, 0.0 when it is missing or None."""
    slot = r.markers.get(key)
    if not slot:
        return 0.0
    # results written before voices were kept have only "rate" (every word counted)
    return slot.get(field, slot.get("rate")) or 0.0


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


