"""Plain-language findings of a comparison, each pointing at its evidence (terms and sentences).

Marker findings loop over every category of every lexicon; how a marker is named comes from the
lexicon files (:mod:`framing.markers.registry`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from framing.analysis.register_profile import is_register_evidence
from framing.comparison.grouping import group_of
from framing.comparison.result import Comparison
from framing.types import ArticleResult

__all__ = ["MIN_FINDING_MATCHES", "findings"]

#: A marker becomes a finding for a group only when its words occur at least this often in the
#: group's articles: a rate built on one or two words ("uphold" once in 600 words) is a property
#: of that sentence, not of how the outlet writes.
MIN_FINDING_MATCHES = 3


def findings(comp: Comparison) -> list[dict[str, Any]]:
    """Plain-language statements, each pointing at its evidence (terms and sentences)."""
    out: list[dict[str, Any]] = []
    members: dict[str, list[ArticleResult]] = {}  # each group's articles, copies left out
    for r in comp.results:
        if not r.article.duplicate_of:
            members.setdefault(group_of(r, comp.by), []).append(r)
    if comp.small and len(comp.small) == len(comp.groups):
        out.append(
            {
                "kind": "caution",
                "text": f"Every {comp.by} here has fewer than the minimum number of articles for firm conclusions: "
                "the differences below describe these texts, not the outlets in general.",
                "evidence": [],
            }
        )
    diffs = comp.differences
    if diffs is not None and len(diffs):
        d = diffs[diffs["reference"] == "rest"]
        for g in comp.groups:
            gd = d[(d["group"] == g) & (d["diff"] > 0) & (d["mean"] > 0)].copy()
            found = _match_counts(members.get(g, []))
            gd = gd[[found[m] >= MIN_FINDING_MATCHES for m in gd["marker"]]]
            if gd.empty:
                continue
            gd["ratio"] = (gd["mean"] + 0.5) / (gd["reference_mean"] + 0.5)
            top = gd.sort_values("ratio", ascending=False).head(2)
            for _, row in top.iterrows():
                if row["ratio"] < 1.5:
                    continue
                evidence = _evidence_terms(members.get(g, []), row["marker"])
                text = (
                    f"{g} uses {comp.registry.phrase(row['marker'])} more than the other outlets: "
                    f"{row['mean']:.1f} per 1,000 words against {row['reference_mean']:.1f}"
                    + (f" (e.g. {', '.join('“' + t + '”' for t in evidence[:4])})" if evidence else "")
                    + ("; few articles, so treat this as tentative" if g in comp.small and len(comp.small) < len(comp.groups) else "")
                    + "."
                )
                out.append({"kind": "marker", "group": g, "marker": row["marker"], "text": text, "evidence": evidence})
    # actor portrayal
    a = comp.actors
    if a is not None and len(a) and "mean_sentiment" in a:
        # an outlet's portrayal counts only with at least 3 scored mentions of the actor in its own words
        scored = a[a["mean_sentiment"].notna() & (a["own_mentions"] >= 3)]
        for actor, sub in scored.groupby("actor"):
            if sub[comp.by].nunique() < 2:
                continue
            lo = sub.loc[sub["mean_sentiment"].idxmin()]
            hi = sub.loc[sub["mean_sentiment"].idxmax()]
            if hi["mean_sentiment"] - lo["mean_sentiment"] < 0.2:
                continue
            if not (_interval_excludes(lo, hi["mean_sentiment"]) and _interval_excludes(hi, lo["mean_sentiment"])):
                continue  # each outlet's interval holds the other's mean: the data do not tell them apart
            out.append(
                {
                    "kind": "actor",
                    "actor": actor,
                    "text": f"{lo['name']} is portrayed most negatively by {lo[comp.by]} (mean {lo['mean_sentiment']:+.2f}, 95% interval {_interval(lo)}, over {lo['own_mentions']} mentions in its own words) "
                    f"and most favourably by {hi[comp.by]} ({hi['mean_sentiment']:+.2f}, {_interval(hi)}, over {hi['own_mentions']}).",
                    "evidence": [s for s in (lo.get("most_negative"), hi.get("most_positive")) if isinstance(s, str)],
                }
            )
        out.extend(_label_findings(a, comp.by))
        roles = a[a["aggressor"] > 0]
        for g, sub in roles.groupby(comp.by):
            n = int(sub["aggressor"].max())
            tied = sorted(sub[sub["aggressor"] == n]["name"])
            times = f"{n} time{'s' if n != 1 else ''}"
            if len(tied) == 1:
                text = f"In {g}, {tied[0]} is most often cast as the aggressor, in the outlet's own words ({times})."
            else:
                text = f"In {g}, {', '.join(tied[:-1])} and {tied[-1]} are each cast as the aggressor {times}, in the outlet's own words."
            out.append({"kind": "role", "group": g, "text": text, "evidence": []})
    q = comp.quotes
    if q is not None and len(q):
        for g, sub in q.groupby(comp.by):
            named = sub[sub["speaker"] != "(unattributed)"]
            if named.empty:
                continue
            voices = ", ".join(f"{r['speaker']} ({r['quotes']})" for _, r in named.head(4).iterrows())
            total = named["quotes"].sum()
            ev_share = (named["evaluative_verb_share"] * named["quotes"]).sum() / total if total else 0.0
            # the verbs of the attributions the share counts (those with a speaker)
            ev_verbs = sorted({q["verb"] for r in members.get(str(g), []) for q in r.quotes if q.get("verb_class") == "evaluative" and q.get("speaker_name")})
            verbs = ", ".join(ev_verbs[:5])
            out.append(
                {
                    "kind": "quotes",
                    "group": g,
                    "text": f"{g} gives voice to {voices}; {ev_share:.0%} of its attributions use evaluative verbs" + (f" ({verbs})" if verbs else "") + ".",
                    "evidence": [],
                }
            )
    return out


def _label_findings(a: Any, by: str) -> list[dict[str, Any]]:
    """"X is labelled in its own words by A (dictator (2), ...), not by B": an outlet that calls an
    actor something evaluative in at least two of its own mentions, beside outlets that mention it
    at least three times in their own words and never do (from the parse's descriptors)."""
    if "explicit_mentions" not in a:
        return []
    out = []
    for actor, sub in a.groupby("actor"):
        labelled = sub[sub["explicit_mentions"] >= 2]
        plain = sub[(sub["explicit_mentions"] == 0) & (sub["own_voice_mentions"] >= 3)]
        if labelled.empty or plain.empty:
            continue
        name = sub["name"].iloc[0]
        parts = [
            f"{row[by]} ({row['descriptors']}: {row['explicit_mentions']} of its own mentions, mean {row['explicit_mean']:+.2f})"
            for _, row in labelled.sort_values("explicit_mentions", ascending=False).iterrows()
        ]
        others = sorted(map(str, plain[by]))
        out.append(
            {
                "kind": "labels",
                "actor": actor,
                "text": f"{name} is labelled in the outlet's own words by " + "; ".join(parts) + f"; {', '.join(others)} mention{'s' if len(others) == 1 else ''} "
                f"{name} at least 3 times without such a label.",
                "evidence": [w.split(" (")[0] for w in str(labelled["descriptors"].iloc[0]).split("; ") if w],
            }
        )
    return out


def _evidence_terms(results: Sequence[ArticleResult], marker: str) -> list[str]:
    """The most frequent matched terms of ``marker`` in ``results`` (one group's articles)."""
    lex, _, cat = marker.partition(".")
    counts: Counter[str] = Counter()
    for r in results:
        for m in r.matches:
            if m.lexicon == lex and m.category == cat and not m.negated and is_register_evidence(m, r.register_profile):
                counts[r.article.text[m.start : m.end].lower()] += 1
    return [t.strip("“”\"'‘’") for t, _ in counts.most_common(6)]


def _match_counts(results: Sequence[ArticleResult]) -> Counter[str]:
    """How often each marker (``lexicon.category``) was found in ``results``, negated matches left out,
    and register phrases only where their article reads as the register (a finding that an outlet
    "uses the Marxist register" needs phrases that are its evidence)."""
    counts: Counter[str] = Counter()
    for r in results:
        counts.update(f"{m.lexicon}.{m.category}" for m in r.matches if not m.negated and is_register_evidence(m, r.register_profile))
    return counts


def _interval_excludes(row: Any, value: float) -> bool:
    """The row's 95% interval of the mean sentiment leaves ``value`` out (no interval: it cannot)."""
    lo, hi = row.get("ci_low"), row.get("ci_high")
    if lo is None or hi is None or math.isnan(lo) or math.isnan(hi):
        return False
    return bool(value < lo or value > hi)


def _interval(row: Any) -> str:
    return f"{row['ci_low']:+.2f} to {row['ci_high']:+.2f}"
