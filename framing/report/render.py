"""Reports: build a plain, JSON-serialisable report-data object first, then render it.

``report_data(results)`` computes everything a report shows; ``render_html(data)`` turns it into
one self-contained HTML file through a Jinja2 template with autoescaping on, so article text and
metadata can never inject markup or script.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.resources import package_versions
from framing.text.readability import MEASURES
from framing.types import ArticleResult, LoadError

__all__ = ["render_html", "report_data", "write_html"]


def _top_markers(result: ArticleResult, n: int = 6) -> list[dict[str, Any]]:
    items = [
        {"key": k, "count": v["count"], "rate": v["rate"]}
        for k, v in result.markers.items()
        if v["count"]
    ]
    items.sort(key=lambda d: (-(d["rate"] or 0), d["key"]))
    return items[:n]


def report_data(results: Sequence[ArticleResult], errors: Sequence[LoadError] = (), *, title: str = "Framing analysis") -> dict[str, Any]:
    """Everything the report shows, as plain data (strings, numbers, lists, dicts)."""
    articles = []
    for r in results:
        a = r.article
        articles.append(
            {
                **{k: v for k, v in a.metadata().items() if k != "meta"},
                "note": a.meta.get("note"),
                "n_sentences": r.n_sentences,
                "n_words": r.n_words,
                "readability": r.readability,
                "top_markers": _top_markers(r),
                "debris": [{"kind": d.kind, "text": d.text} for d in a.debris],
                "lead": a.text[:400],
            }
        )
    outlets: dict[str, int] = {}
    for a in articles:
        outlets[a["outlet"] or "(unknown outlet)"] = outlets.get(a["outlet"] or "(unknown outlet)", 0) + 1
    lexicons = results[0].provenance.get("lexicons", {}) if results else {}
    return {
        "title": title,
        "generated": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "n_articles": len(articles),
        "n_errors": len(errors),
        "n_duplicates": sum(1 for a in articles if a["duplicate_of"]),
        "outlets": outlets,
        "articles": articles,
        "errors": [e.to_dict() for e in errors],
        "measures": list(MEASURES),
        "provenance": {"packages": package_versions(), "lexicons": lexicons},
    }


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(data: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts, no network)."""
    return _env().get_template("report.html.j2").render(**data)


def write_html(results: Sequence[ArticleResult], path: str | Path, errors: Sequence[LoadError] = (), *, title: str = "Framing analysis") -> Path:
    path = Path(path)
    path.write_text(render_html(report_data(results, errors, title=title)), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# The comparison report

#: Marker categories highlighted in article views, in priority order (first wins on overlap),
#: with their colour. Everything else is still counted, just not coloured.
HIGHLIGHT = {
    "registers.marxist": "#f4b6b6",
    "registers.state_diplomatic": "#f9d9a6",
    "registers.nationalist_populist": "#f7c6e3",
    "registers.liberal_internationalist": "#bfd9f2",
    "registers.wire_service": "#cde8c4",
    "detectors.scare_quotes": "#ffe066",
    "detectors.rhetorical_questions": "#e0d1f5",
    "rhetoric.attribution_evaluative": "#ffb347",
    "rhetoric.loaded_language": "#ffcccc",
    "rhetoric.war_metaphors": "#d9b38c",
    "rhetoric.hedges": "#d6eaf8",
    "rhetoric.boosters": "#d5f5e3",
}
PROFILE_SETS = {
    "registers": ("Ideological and stylistic register", ["registers.marxist", "registers.state_diplomatic", "registers.nationalist_populist", "registers.liberal_internationalist", "registers.wire_service"]),
    "frames": ("News frames (Semetko & Valkenburg 2000)", ["news_frames.conflict", "news_frames.economic", "news_frames.human_interest", "news_frames.morality", "news_frames.responsibility"]),
    "rhetoric": ("Rhetorical markers", ["rhetoric.loaded_language", "rhetoric.hedges", "rhetoric.boosters", "rhetoric.attribution_evaluative", "rhetoric.war_metaphors", "detectors.scare_quotes", "detectors.rhetorical_questions"]),
}


def highlight_segments(text: str, matches: Sequence[Any], categories: dict[str, str] = HIGHLIGHT) -> list[list[dict[str, Any]]]:
    """The text as paragraphs of segments ``{"text", "cat", "title"}``; ``cat`` is None for plain text.

    Overlapping matches are resolved by the order of ``categories`` (earlier wins), then by length.
    """
    order = {k: i for i, k in enumerate(categories)}
    cands = []
    for m in matches:
        key = f"{m.lexicon}.{m.category}"
        if key in order and not m.negated:
            cands.append((order[key], -(m.end - m.start), m.start, m.end, key, m.term, m.lexicon_version))
    cands.sort()
    taken: list[tuple[int, int]] = []
    chosen = []
    for _, _, s, e, key, term, version in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        chosen.append((s, e, key, term, version))
    chosen.sort()
    segs: list[dict[str, Any]] = []
    pos = 0
    for s, e, key, term, version in chosen:
        if s > pos:
            segs.append({"text": text[pos:s], "cat": None, "title": None})
        segs.append({"text": text[s:e], "cat": key, "title": f"{key} (lexicon {key.split('.')[0]} {version}; entry: {term})"})
        pos = e
    if pos < len(text):
        segs.append({"text": text[pos:], "cat": None, "title": None})
    # split into paragraphs at blank lines, keeping segment boundaries
    paras: list[list[dict[str, Any]]] = [[]]
    for seg in segs:
        parts = seg["text"].split("\n\n")
        for i, part in enumerate(parts):
            if i:
                paras.append([])
            if part:
                paras[-1].append({**seg, "text": part})
    return [p for p in paras if p]


def _records(frame: Any) -> list[dict[str, Any]]:
    if frame is None or len(frame) == 0:
        return []
    import math as _m

    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: (None if isinstance(v, float) and _m.isnan(v) else v) for k, v in row.items()})
    return out


def _sample_articles(results: Sequence[ArticleResult], by: str, limit: int) -> list[ArticleResult]:
    """Up to ``limit`` articles, taken in turn from each group so every group is represented."""
    if len(results) <= limit:
        return list(results)
    from framing.comparison.comparison import _group_of

    buckets: dict[str, list[ArticleResult]] = {}
    for r in results:
        buckets.setdefault(_group_of(r, by), []).append(r)
    out: list[ArticleResult] = []
    while len(out) < limit and any(buckets.values()):
        for g in list(buckets):
            if buckets[g] and len(out) < limit:
                out.append(buckets[g].pop(0))
    return out


def comparison_report_data(comp: Any, *, title: str = "How the outlets frame it", max_articles: int = 200, max_groups: int = 12) -> dict[str, Any]:
    """Everything the comparison report shows, as plain data, charts included as SVG strings.

    With more than ``max_groups`` groups, charts and tables show the largest ``max_groups`` (the
    report says so; the CSV tables keep every group).
    """
    from framing.comparison.comparison import marker_label
    from framing.report import figures

    groups = sorted(comp.groups, key=lambda g: -comp.sizes[g])[:max_groups] if len(comp.groups) > max_groups else list(comp.groups)
    shown_groups = set(groups)
    prof = [row for row in _records(comp.profiles) if row["group"] in shown_groups]
    table: dict[str, dict[str, dict[str, Any]]] = {}
    for row in prof:
        table.setdefault(row["marker"], {})[row["group"]] = row
    charts: dict[str, str] = {}
    profile_sections = []
    for key, (label, markers) in PROFILE_SETS.items():
        present = [m for m in markers if m in table]
        if not present:
            continue
        fig = figures.profile_chart(groups, present, [marker_label(m) for m in present], table, title="")
        charts[key] = figures.to_svg(fig)
        rows = []
        for m in present:
            rows.append({"marker": m, "label": marker_label(m), "cells": [table[m].get(g, {}) for g in groups]})
        profile_sections.append({"key": key, "label": label, "rows": rows})
    by = comp.by
    actors = [a for a in _records(comp.actors) if a[by] in shown_groups]
    top_actor_names = []
    if actors:
        totals: dict[str, int] = {}
        for a in actors:
            totals[a["name"]] = totals.get(a["name"], 0) + a["mentions"]
        top_actor_names = [n for n, _ in sorted(totals.items(), key=lambda kv: -kv[1])[:10]]
        rows = [{**a, "group": a[by]} for a in actors if a["name"] in top_actor_names]
        if any(r.get("mean_sentiment") is not None for r in rows):
            charts["actors"] = figures.to_svg(figures.actor_sentiment_chart(rows, groups, title=""))
    quotes = [q for q in _records(comp.quotes) if q[by] in shown_groups]
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
            speakers_total[q["speaker"]] = speakers_total.get(q["speaker"], 0) + q["quotes"]
            counts.setdefault(q[by], {})[q["speaker"]] = q["quotes"]
        speakers = [s for s, _ in sorted(speakers_total.items(), key=lambda kv: -kv[1])[:9]]
        charts["quotes"] = figures.to_svg(figures.quote_chart(groups, speakers, counts, title=""))
    distinct = {}
    for row in _records(comp.distinctive):
        if row["group"] in shown_groups:
            distinct.setdefault(row["group"], []).append(row)
    diffs = [
        {**d, "label": marker_label(d["marker"])}
        for d in _records(comp.differences)
        if d["marker"] in {m for _, ms in PROFILE_SETS.values() for m in ms} and d["group"] in shown_groups
    ]
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
                "paragraphs": highlight_segments(a.text, r.matches),
                "actors": [{"name": x["name"], "n": x["n_mentions"], "sentiment": x["sentiment"].get("mean")} for x in r.actors if not x.get("candidate")][:8],
                "quotes": [q for q in r.quotes if q.get("speaker_name")][:12],
            }
        )
    provenance = comp.results[0].provenance if comp.results else {}
    # each finding links to the first shown article of its group, where its evidence is marked
    anchors: dict[str, int] = {}
    for i, r in enumerate(shown, start=1):
        anchors.setdefault(_group_key(r, by), i)
    findings = [{**f, "anchor": anchors.get(f.get("group"))} for f in comp.findings]
    return {
        "title": title,
        "generated": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "by": by,
        "groups": [{"name": g, "n": comp.sizes[g], "small": g in comp.small} for g in groups],
        "n_groups": len(comp.groups),
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
        "distinctive": {g: rows[:12] for g, rows in distinct.items()},
        "actors": [a for a in actors if a["name"] in top_actor_names] if actors else [],
        "quotes": quotes,
        "stories": [st for st in comp.stories if len(st["groups"]) >= 2][:20],
        "predictions": prediction_sections(comp, groups),
        "n_stories": len(comp.stories),
        "n_boot": comp.n_boot,
        "n_perm": comp.n_perm,
        "articles": articles,
        "n_articles_shown": len(articles),
        "legend": [{"cat": k, "label": _legend_label(k), "color": c} for k, c in HIGHLIGHT.items()],
        "colors": HIGHLIGHT,
        "provenance": {"packages": package_versions(), **{k: v for k, v in provenance.items() if k != "framing"}},
    }


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


def _group_key(r: ArticleResult, by: str) -> str:
    from framing.comparison.comparison import _group_of

    return _group_of(r, by)


def _legend_label(key: str) -> str:
    from framing.comparison.comparison import marker_label

    return marker_label(key)


def render_comparison_html(data: dict[str, Any]) -> str:
    """The comparison report as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    return _env().get_template("comparison.html.j2").render(**data)


def render_markdown(data: dict[str, Any]) -> str:
    """A short Markdown summary of the comparison: findings, groups and distinctive terms."""
    # every value from the articles (outlet names, terms, actors, titles) goes through _md: a
    # Markdown viewer renders raw HTML, so untrusted text must not reach it as markup
    by = _md(data["by"])
    lines = [f"# {_md(data['title'])}", "", f"{data['n_analysed']} articles compared by {by}; generated {data['generated']}.", ""]
    lines += ["## Groups", ""] + [f"- {_md(g['name'])}: {g['n']} article{'s' if g['n'] != 1 else ''}" + (" (small group: tentative)" if g["small"] else "") for g in data["groups"]]
    lines += ["", "## Findings", ""] + [f"- {_md(f['text'])}" for f in data["findings"]]
    if data["distinctive"]:
        lines += ["", "## Distinctive terms (log-odds with informative Dirichlet prior, z-score)", ""]
        for g, rows in data["distinctive"].items():
            lines.append(f"- **{_md(g)}**: " + ", ".join(f"{_md(r['term'])} ({r['z']:.1f})" for r in rows[:10]))
    if data["actors"]:
        lines += ["", "## Actors", "", f"| {by} | actor | mentions | mean sentiment | aggressor | target | cooperator | speaker |", "|---|---|---|---|---|---|---|---|"]
        for a in data["actors"]:
            ms = "n/a" if a.get("mean_sentiment") is None else f"{a['mean_sentiment']:+.2f}"
            lines.append(f"| {_md(a[data['by']])} | {_md(a['name'])} | {a['mentions']} | {ms} | {a['aggressor']} | {a['target']} | {a['cooperator']} | {a['speaker']} |")
    lines += _markdown_predictions(data.get("predictions") or [], data["by"])
    return "\n".join(lines) + "\n"


def _md(value: Any) -> str:
    """Text for a Markdown table cell: pipes, angle brackets and line breaks made harmless."""
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")


def _pct(cell: dict[str, Any]) -> str:
    if cell.get("share") is None:
        return "–"
    text = f"{100 * cell['share']:.0f}%"
    if cell.get("ci_low") is not None:
        text += f" [{100 * cell['ci_low']:.0f}–{100 * cell['ci_high']:.0f}%]"
    return text


def _markdown_predictions(sections: list[dict[str, Any]], by: str) -> list[str]:
    if not sections:
        return []
    lines = ["", "## Classifier predictions", ""]
    lines.append(f"Share of each {_md(by)}'s articles given each label by a trained classifier (sentence-level models: mean share of sentences), with 95% bootstrap intervals over articles. These are a model's labels, not human judgements.")
    for sec in sections:
        c = sec["card"]
        lines += ["", f"### Model {_md(sec['name'])}", ""]
        about = [f"{_md(str(c['level']).capitalize())}-level classifier ({_md(c['features'])})" if c.get("features") else None, f"trained on {_md(c['trained'])}" if c.get("trained") else None]
        lines.append("; ".join(x for x in about if x) + ".")
        lines.append(_md(c["validation"]) + "." if c.get("validation") else "Not cross-validated: its accuracy is unknown.")
        if c.get("validation") and c.get("grouped") is False:
            lines.append("Cross-validation was not grouped by outlet: the score may overstate accuracy on outlets it has not seen.")
        lines += ["", f"| {_md(by)} | articles | " + " | ".join(_md(lab) for lab in sec["labels"]) + " |", "|---" * (len(sec["labels"]) + 2) + "|"]
        for row in sec["rows"]:
            lines.append(f"| {_md(row['group'])} | {row['n']} | " + " | ".join(_pct(cell) for cell in row["cells"]) + " |")
    return lines
