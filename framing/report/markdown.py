"""The comparison report as a short Markdown summary (findings, groups, distinctive terms, actors).

Every value that comes from the articles goes through :func:`_md`: a Markdown viewer renders raw
HTML, so untrusted text must never reach it as markup.
"""

from __future__ import annotations

from typing import Any

__all__ = ["render_markdown"]


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
            lines.append(f"- **{_md(g)}**: " + (", ".join(f"{_md(r['term'])} ({r['z']:.1f})" for r in rows[:10]) or _NO_TERMS))
    if data.get("reference_terms"):
        lines += ["", f"## Against a reference: {_md(data['reference_name'])} (log-likelihood order, log ratio)", ""]
        for g, rows in data["reference_terms"].items():
            lines.append(f"- **{_md(g)}**: " + (", ".join(f"{_md(r['term'])} ({r['log_ratio']:.1f})" for r in rows[:10]) or _NO_REFERENCE_TERMS))
    if data.get("quoted_markers"):
        lines += ["", "## In their sources' words (markers inside quotations, not counted as the outlet's)", ""]
        for g, rows in data["quoted_markers"].items():
            items = "; ".join(f"{_md(r['label'])} ({r['count']}: in quotes from " + ", ".join(_md(s["name"]) for s in r["speakers"]) + ")" for r in rows)
            lines.append(f"- **{_md(g)}**: {items}")
    if data["actors"]:
        lines += ["", "## Actors", "", f"| {by} | actor | mentions | mean sentiment in its own words (n) | aggressor | target | cooperator | speaker |", "|---|---|---|---|---|---|---|---|"]
        for a in data["actors"]:
            if a.get("empty"):
                lines.append(f"| {_md(a[data['by']])} | {_md(a['empty'])} | | | | | | |")
                continue
            ms = "n/a" if a.get("mean_sentiment") is None else f"{a['mean_sentiment']:+.2f} ({a['own_mentions']})"
            lines.append(f"| {_md(a[data['by']])} | {_md(a['name'])} | {a['mentions']} | {ms} | {a['aggressor']} | {a['target']} | {a['cooperator']} | {a['speaker']} |")
    lines += _markdown_predictions(data.get("predictions") or [], data["by"])
    return "\n".join(lines) + "\n"


#: what the distinctive terms say of a group with none (as the HTML and PDF do)
_NO_TERMS = "no word used twice here stands out against the others"
_NO_REFERENCE_TERMS = "no word used three times here stands out against the reference"

_MD_ESCAPES = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "|": "\\|", "`": "\\`", "&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "})


def _md(value: Any) -> str:
    """Text for Markdown (a line or a table cell) that renders as the same text and as nothing else:
    angle brackets and ampersands as entities (no raw HTML, no autolinks), square brackets escaped
    (no link or image, ``[x](javascript:...)`` and ``![x](http://...)`` show as written), pipes
    escaped (no extra table cell), backslashes and backticks escaped, line breaks as spaces."""
    text = "" if value is None else str(value)
    return text.translate(_MD_ESCAPES)


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
