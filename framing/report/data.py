"""The comparison report as plain, JSON-serialisable data: computed once, rendered by every format.

:func:`report_data` takes a :class:`~framing.comparison.Comparison` and returns strings, numbers,
lists and dicts (charts included as SVG strings); the HTML, Markdown and PDF renderers only lay
it out. How each marker is named, grouped into profiles and coloured comes from the comparison's
marker registry (the lexicon files).
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from framing.comparison.grouping import group_of, unknown_groups_message
from framing.comparison.result import Comparison
from framing.errors import OptionError
from framing.report import figures
from framing.report.concordance import report_concordance
from framing.report.highlight import highlight_segments
from framing.report.outlet_sections import outlet_sections
from framing.report.termplot import term_plot_data
from framing.resources import package_versions
from framing.types import ArticleResult

__all__ = ["PROFILE_GROUP_COLUMNS", "chart_groups", "prediction_sections", "quoted_markers", "report_data"]


def _records(frame: Any) -> list[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()})
    return out


def quoted_markers(comp: Comparison, groups: Sequence[str], *, top: int = 8) -> dict[str, list[dict[str, Any]]]:
    """Per group, the markers found inside quotations (a source's own words, not counted as the
    outlet's), most frequent first, each with the sources who used them ("in quotes from ...")."""
    counts: dict[str, dict[str, Counter[str]]] = {g: {} for g in groups}
    for r in comp.results:
        if r.article.duplicate_of:
            continue
        g = group_of(r, comp.by)
        if g not in counts:
            continue
        for m in r.matches:
            if m.voice == "quote" and not m.negated and m.category != "direct_quotes":
                counts[g].setdefault(f"{m.lexicon}.{m.category}", Counter())[m.speaker or "an unnamed source"] += 1
    out: dict[str, list[dict[str, Any]]] = {}
    for g, per in counts.items():
        rows = sorted(per.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
        if rows:
            out[g] = [{"marker": k, "label": comp.registry.phrase(k), "count": sum(c.values()), "speakers": [{"name": n, "count": v} for n, v in c.most_common(4)]} for k, c in rows]
    return out


def _sample_articles(results: Sequence[ArticleResult], by: str, limit: int) -> list[ArticleResult]:
    """Up to ``limit`` articles, taken in turn from each group so every group is represented."""
    if len(results) <= limit:
        return list(results)
    buckets: dict[str, list[ArticleResult]] = {}
    for r in results:
        buckets.setdefault(group_of(r, by), []).append(r)
    out: list[ArticleResult] = []
    while len(out) < limit and any(buckets.values()):
        for g in list(buckets):
            if buckets[g] and len(out) < limit:
                out.append(buckets[g].pop(0))
    return out


#: Above this many groups the profile tables turn: a row per group, a column per marker.
PROFILE_GROUP_COLUMNS = 6


def chart_groups(comp: Comparison, *, groups: Sequence[str] | None = None, max_groups: int = 12) -> list[str]:
    """The groups the charts show: ``groups`` as given (exact names, in that order), else the
    ``max_groups`` largest (most articles; ties by name) in the order of the comparison.

    Raises :class:`~framing.errors.OptionError` for a name that is not a group, listing the groups.
    """
    if groups is not None:
        names = list(dict.fromkeys(str(g) for g in groups))
        unknown = [g for g in names if g not in comp.sizes]
        if unknown or not names:
            raise OptionError(_unknown_groups(comp, unknown))
        return names
    if isinstance(max_groups, bool) or not isinstance(max_groups, int) or max_groups < 1:
        raise OptionError(f"max_groups must be a whole number of at least 1; got {max_groups!r}")
    keep = set(sorted(comp.groups, key=lambda g: (-comp.sizes[g], g))[:max_groups])
    return [g for g in comp.groups if g in keep]


def _unknown_groups(comp: Comparison, unknown: Sequence[str]) -> str:
    return unknown_groups_message(comp.sizes, comp.by, unknown)




def _chart_note(comp: Comparison, charted: Sequence[str], *, chosen: bool) -> str | None:
    """What a reader must know when the charts leave groups out: how many, which, how to choose."""
    left_out = [g for g in comp.groups if g not in set(charted)]
    if not left_out:
        return None
    how = "the groups chosen by name (--groups)" if chosen else f"the {len(charted)} largest by number of articles (ties by name)"
    return (
        f"The charts show {len(charted)} of the {len(comp.groups)} groups by {comp.by}: {how}. "
        f"Left out of the charts: {', '.join(f'{g} ({comp.sizes[g]})' for g in left_out)}. "
        f"Every table has all {len(comp.groups)}. To choose what the charts show, give 'framing analyze' or 'framing report' "
        "--groups \"A,B,C\" (exact group names) or --max-groups N (in Python: groups=[...] or max_groups=N)."
    )


def _with_placeholders(rows: list[dict[str, Any]], groups: Sequence[str], by: str, note: str) -> list[dict[str, Any]]:
    """``rows`` (ordered by group name) with a row saying ``note`` for every group that has none,
    so every group appears in the table."""
    have = {r[by] for r in rows}
    extra = [{by: g, "group": g, "empty": note} for g in groups if g not in have]
    return sorted(rows + extra, key=lambda r: str(r[by]))  # stable: each group's rows keep their order


#: The profile whose markers are compared on the register score (:mod:`framing.analysis.registers`).
REGISTER_PROFILE = "registers"
REGISTER_NOTE = (
    "Register scores: matches per 1,000 of the outlet's own words, with short articles pulled toward the rate of "
    "ordinary news until their matches are enough to move them (one phrase in a short piece is not a register); "
    "the share under each score is the share of the group's articles whose rate is likely (90%) at least twice "
    "that of ordinary news. Lines and brackets are 95% bootstrap intervals over articles."
)


PROFILE_LABEL = "Which register the articles read as"
PROFILE_NOTE = (
    "Register profile: the probability (per cent) that an article reads as each register, judged from all its markers at once "
    "(register phrases, loaded words, hedges, 'we' and 'you', questions, 'said' against 'claimed', datelines, quotation) and the "
    "populist classifier; averaged over the group's articles, with 95% bootstrap intervals. The share under each is the share of "
    "articles that clearly read as that register (the lower end of their own 90% interval at 50% or more). Texts under 100 words "
    "never get a verdict. The four registers are the only choices: a text in none of them is still spread over them."
)


def _profile_section(comp: Comparison) -> tuple[list[str], dict[str, dict[str, dict[str, Any]]]]:
    """The register keys of the register profile and their cells (``mean``, ``ci_low``,
    ``ci_high`` in per cent, ``clear``), from the comparison's register table; empty without profiles."""
    table = getattr(comp, "registers", None)
    if table is None or not len(table) or "profile" not in table.columns:
        return [], {}
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    for row in _records(table):
        if row.get("profile") is None:
            continue
        cells.setdefault(row["register"], {})[row["group"]] = {
            "mean": 100 * row["profile"], "ci_low": 100 * row["profile_ci_low"] if row["profile_ci_low"] is not None else None,
            "ci_high": 100 * row["profile_ci_high"] if row["profile_ci_high"] is not None else None, "n": row["n"], "clear": row["profile_clear"],
        }
    return list(cells), cells


def _register_cells(comp: Comparison) -> dict[str, dict[str, dict[str, Any]]]:
    """register key -> group -> a profile cell (``mean``, ``ci_low``, ``ci_high``) with ``clear``,
    the share of the group's articles with a clear verdict; empty without register scores."""
    table = getattr(comp, "registers", None)
    if table is None or not len(table):
        return {}
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for row in _records(table):
        out.setdefault(row["register"], {})[row["group"]] = {
            "mean": row["score"], "ci_low": row["ci_low"], "ci_high": row["ci_high"], "n": row["n"], "clear": row["clear"],
        }
    return out


def report_data(
    comp: Comparison,
    *,
    title: str = "How the outlets frame it",
    max_articles: int = 200,
    max_groups: int = 12,
    groups: Sequence[str] | None = None,
    term_plot: Sequence[str] | str | bool | None = None,
    concordance: bool = True,
) -> dict[str, Any]:
    """Everything the comparison report shows, as plain data, charts included as SVG strings.

    ``term_plot`` chooses the groups of the interactive term plot: two names (the first against
    the second), one name (that group against the rest), False for none; by default the first two
    charted groups. ``concordance``: embed the uses in context of every term, marker and actor the
    page shows (a click on one shows them).

    Every table has every group. The charts show ``groups`` (exact group names, in that order) if
    given, else the ``max_groups`` largest; when that leaves groups out, ``chart_note`` says
    which, and how to choose. An unknown name raises :class:`~framing.errors.OptionError`.
    """
    registry = comp.registry
    highlights = registry.highlights()
    charted = chart_groups(comp, groups=groups, max_groups=max_groups)
    charted_set = set(charted)
    groups_chosen = groups is not None
    groups = list(comp.groups)  # every table has every group
    by = comp.by
    prof = _records(comp.profiles)
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for row in prof:
        table.setdefault(row["marker"], {})[row["group"]] = row
    charts: dict[str, str] = {}
    profile_sections = []
    profile_markers: dict[str, str] = {}  # key -> label of every marker the profiles show
    scores = _register_cells(comp)
    for profile in registry.profiles(table):
        present = list(profile.keys)
        cells, note = table, None
        if scores and profile.name == REGISTER_PROFILE and any(m in scores for m in present):
            cells, note = scores, REGISTER_NOTE  # registers are compared on the register score, not raw rates
        fig = figures.profile_chart(charted, present, [registry.phrase(m) for m in present], cells, title="")
        charts[profile.name] = figures.to_svg(fig)
        rows = []
        for m in present:
            rows.append({"marker": m, "label": registry.phrase(m), "cells": [cells.get(m, {}).get(g, {}) for g in groups]})
            profile_markers[m] = registry.phrase(m)
        profile_sections.append({"key": profile.name, "label": profile.title, "rows": rows, "note": note})
        if profile.name == REGISTER_PROFILE:
            keys, pcells = _profile_section(comp)
            if keys:
                fig = figures.profile_chart(charted, keys, [registry.phrase(m) for m in keys], pcells, title="")
                charts["register_profile"] = figures.to_svg(fig)
                prow = [{"marker": m, "label": registry.phrase(m), "cells": [pcells.get(m, {}).get(g, {}) for g in groups]} for m in keys]
                profile_sections.append({"key": "register_profile", "label": PROFILE_LABEL, "rows": prow, "note": PROFILE_NOTE})
    actors = _records(comp.actors)
    top_actor_names = []
    if actors:
        totals: dict[str, int] = {}
        for row in actors:
            totals[row["name"]] = totals.get(row["name"], 0) + row["mentions"]
        top_actor_names = [n for n, _ in sorted(totals.items(), key=lambda kv: -kv[1])[:10]]
        rows = [{**a, "group": a[by]} for a in actors if a["name"] in top_actor_names and a[by] in charted_set]
        if any(r.get("mean_sentiment") is not None for r in rows):
            charts["actors"] = figures.to_svg(figures.actor_sentiment_chart(rows, charted, title=""))
        actors = _with_placeholders([a for a in actors if a["name"] in top_actor_names], groups, by, f"none of these {len(top_actor_names)} actors mentioned")
    quotes = _records(comp.quotes)
    per_group_seen: dict[str, int] = {}
    kept_quotes = []
    for q in quotes:  # the 12 most quoted speakers of each group
        per_group_seen[q[by]] = per_group_seen.get(q[by], 0) + 1
        if per_group_seen[q[by]] <= 12:
            kept_quotes.append(q)
    quotes = kept_quotes
    if quotes:
        speakers_total: dict[str, int] = {}
        counts: dict[str, dict[str, int]] = {}
        for q in quotes:
            if q[by] in charted_set:
                speakers_total[q["speaker"]] = speakers_total.get(q["speaker"], 0) + q["quotes"]
                counts.setdefault(q[by], {})[q["speaker"]] = q["quotes"]
        speakers = [s for s, _ in sorted(speakers_total.items(), key=lambda kv: -kv[1])[:9]]
        if speakers:
            charts["quotes"] = figures.to_svg(figures.quote_chart(charted, speakers, counts, title=""))
        quotes = _with_placeholders(quotes, groups, by, "no attributed quotation found")
    distinct: dict[str, list[dict[str, Any]]] = {}
    for row in _records(comp.distinctive):
        distinct.setdefault(row["group"], []).append(row)
    reference_terms: dict[str, list[dict[str, Any]]] = {}
    if comp.reference_terms is not None:
        reference_terms = {g: [] for g in groups}
        for row in _records(comp.reference_terms):
            reference_terms.setdefault(row["group"], []).append(row)
        reference_terms = {g: rows[:12] for g, rows in reference_terms.items()}
    diffs = [{**d, "label": registry.phrase(d["marker"])} for d in _records(comp.differences)]
    analysed = [r for r in comp.results if not r.article.duplicate_of]
    shown = _sample_articles(comp.results, by, max_articles)
    articles = []
    for r in shown:
        a = r.article
        articles.append(
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "published": a.published,
                "syndicated_from": a.syndicated_from,
                "republished_by": a.republished_by,
                "duplicate_of": a.duplicate_of,
                "note": a.meta.get("note"),
                "n_words": r.n_words,
                "grade": r.readability.get("flesch_kincaid_grade"),
                "paragraphs": highlight_segments(a.text, r.matches, highlights, r.register_profile),
                "actors": [{"name": x["name"], "n": x["n_mentions"], "sentiment": x["sentiment"].get("mean")} for x in r.actors if not x.get("candidate")][:8],
                "quotes": [q for q in r.quotes if q.get("speaker_name")][:12],
            }
        )
    provenance = comp.results[0].provenance if comp.results else {}
    plot = _term_plot(comp, term_plot, charted)
    kwic = None
    if concordance:
        shown_terms = {r["term"] for rows in distinct.values() for r in rows[:12]}
        kwic = report_concordance(
            comp,
            markers={**profile_markers, **{k: registry.phrase(k) for k in highlights}}.items(),
            actors=top_actor_names,
            terms=shown_terms,
        )
    # each finding links to the first shown article of its group, where its evidence is marked
    anchors: dict[str | None, int] = {}  # a finding of no group looks up None: no anchor
    for i, r in enumerate(shown, start=1):
        anchors.setdefault(group_of(r, by), i)
    findings = [{**f, "anchor": anchors.get(f.get("group"))} for f in comp.findings]
    return {
        "title": title,
        "generated": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "by": by,
        "voice": comp.voice,
        "groups": [{"name": g, "n": comp.sizes[g], "small": g in comp.small, "charted": g in charted_set} for g in groups],
        "n_groups": len(comp.groups),
        "chart_groups": charted,
        "chart_note": _chart_note(comp, charted, chosen=groups_chosen),
        "profile_layout": "group_rows" if len(groups) > PROFILE_GROUP_COLUMNS else "marker_rows",
        "n_articles": len(comp.results),
        "n_analysed": len(analysed),
        "n_duplicates": len(comp.results) - len(analysed),
        "n_errors": len(comp.errors),
        "errors": [e.to_dict() for e in comp.errors[:200]],
        "findings": findings,
        "charts": charts,
        "profiles": profile_sections,
        "group_names": groups,
        "differences": diffs,
        # every group, one with no distinctive term too (its row says so), once any group has one
        "distinctive": {g: distinct.get(g, [])[:12] for g in groups} if distinct else {},
        # each group's words against a reference (general English or the user's corpus), when asked for
        "reference_terms": reference_terms,
        "reference_name": comp.reference_terms.attrs.get("reference", "") if comp.reference_terms is not None else "",
        "quoted_markers": quoted_markers(comp, groups),
        "actors": actors,
        "quotes": quotes,
        "term_plot": plot,
        "kwic": kwic,
        "stories": [st for st in comp.stories if len(st["groups"]) >= 2][:20],
        "predictions": prediction_sections(comp, groups),
        "n_stories": len(comp.stories),
        "n_boot": comp.n_boot,
        "n_perm": comp.n_perm,
        "articles": articles,
        "n_articles_shown": len(articles),
        "legend": [{"cat": k, "label": registry.phrase(k), "color": c} for k, c in highlights.items()],
        "colors": highlights,
        "provenance": {"packages": package_versions(), **{k: v for k, v in provenance.items() if k != "framing"}},
        # outlet facts, blindspots and charts over time (framing.report.outlet_sections)
        **outlet_sections(comp, charted),
    }


#: The report's term plot is smaller than a standalone one (term_plot): the page has much else
REPORT_TERM_PLOT_TERMS, REPORT_TERM_PLOT_CONTEXTS = 2000, 4


def _term_plot(comp: Comparison, choice: Sequence[str] | str | bool | None, charted: Sequence[str]) -> dict[str, Any] | None:
    """The term plot's data for the groups ``choice`` names (see :func:`report_data`), or None."""
    if choice is False or len(comp.groups) < 2 or not comp.results:
        return None
    if choice is None or choice is True:
        names = list(charted[:2]) if len(charted) >= 2 else list(comp.groups[:2])
    else:
        names = [choice] if isinstance(choice, str) else list(choice)
    if len(names) in (1, 2):
        pair = names if len(names) == 2 else None
        alone = names[0] if len(names) == 1 else None
        return term_plot_data(comp, groups=pair, group=alone, max_terms=REPORT_TERM_PLOT_TERMS, contexts=REPORT_TERM_PLOT_CONTEXTS)
    raise OptionError(f"term plot: name one group (against the rest) or two (one against the other); got {len(names)}: {', '.join(map(repr, names))}")


def _card_view(card: dict[str, Any]) -> dict[str, Any]:
    """A model card summary (``provenance.classifiers``) as the lines a reader needs."""
    training = card.get("training") or {}
    data = card.get("data") or {}
    counts = training.get("class_counts") or {}
    source = data.get("path") or data.get("name") or data.get("source")
    trained = None
    if training.get("n") is not None:
        trained = f"{training['n']} labelled texts" + (f" ({', '.join(f'{k}: {v}' for k, v in counts.items())})" if counts else "")
        trained += f" from {source}" if source else ""
        if data.get("label_col"):
            trained += f", labels from column '{data['label_col']}'"
        if training.get("n_groups") is not None:
            trained += f", {training['n_groups']} groups"
    elif source:
        trained = f"from {source}"
    f1 = card.get("macro_f1")
    if f1 is not None:
        std = card.get("macro_f1_std")
        validation = f"Cross-validated macro-F1 {f1:.3f}" + (f" ± {std:.3f}" if std is not None else "") + (f" ({card['cv_scheme']})" if card.get("cv_scheme") else "")
    else:
        validation = None
    return {
        "name": card.get("name"),
        "features": card.get("model"),
        "level": card.get("level"),
        "classes": list(card.get("classes") or []),
        "trained": trained,
        "license": data.get("license"),
        "validation": validation,
        "macro_f1": f1,
        "grouped": card.get("cv_grouped"),
        "created": card.get("created"),
        "file": card.get("file"),
        "sha256": (card.get("sha256") or "")[:12] or None,
    }


def prediction_sections(comp: Any, groups: Sequence[str]) -> list[dict[str, Any]]:
    """The "Classifier predictions" section: per model, its card and the share of each label per group."""
    table = getattr(comp, "predictions", None)
    if table is None or not len(table):
        return []
    recs = _records(table)
    out = []
    for name, card in (comp.classifiers or {}).items():
        mine = [r for r in recs if r["model"] == name]
        labels = list(dict.fromkeys(r["label"] for r in mine))
        cells = {(r["group"], r["label"]): r for r in mine}
        rows = []
        for g in groups:
            row_cells = [cells.get((g, lab)) or {} for lab in labels]
            n = max((c.get("n") or 0 for c in row_cells), default=0)
            rows.append(
                {
                    "group": g,
                    "n": n,
                    "small": g in comp.small,
                    "cells": [{"share": c.get("share"), "ci_low": c.get("ci_low"), "ci_high": c.get("ci_high")} for c in row_cells],
                }
            )
        out.append({"name": name, "card": _card_view(card), "labels": labels, "rows": rows, "sentence_level": card.get("level") == "sentence"})
    return out
