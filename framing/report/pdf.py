"""The comparison report as a PDF laid out for print, from the same report data as the HTML.

Built with ReportLab (pure Python, no system libraries); charts are the same matplotlib figures
as the HTML report, embedded as PNG. Every piece of article text or metadata is XML-escaped before
it enters ReportLab's paragraph markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape
from typing import Any

from framing.report import figures
from framing.report.pdf_tables import fitted_tables

__all__ = ["write_pdf"]


def _esc(value: Any) -> str:
    return escape("" if value is None else str(value), quote=False)


def _share(cell: dict[str, Any]) -> str:
    if cell.get("share") is None:
        return "–"
    text = f"{100 * cell['share']:.0f}%"
    if cell.get("ci_low") is not None:
        text += f" [{100 * cell['ci_low']:.0f}–{100 * cell['ci_high']:.0f}%]"
    return text


#: The tallest chart, in the figure's inches, that fits a page below its heading (the figure is
#: 7.5 inches wide, printed at the 18 cm text width: 10 inches print as 24 cm)
_CHART_INCHES = 10.0


def _charts(data: dict[str, Any]) -> dict[str, list[bytes]]:
    """The charts as PNG, for the groups the charts show (``chart_groups``); a profile whose chart
    would be taller than a page is drawn in parts of a few markers each."""
    groups = data["group_names"]
    charted = data["chart_groups"]
    out: dict[str, list[bytes]] = {}
    for sec in data["profiles"]:
        markers = [r["marker"] for r in sec["rows"]]
        labels = [r["label"] for r in sec["rows"]]
        table = {r["marker"]: {g: c for g, c in zip(groups, r["cells"])} for r in sec["rows"]}
        parts = figures.profile_chart_parts(len(markers), charted, max_height=_CHART_INCHES)
        out[sec["key"]] = []
        for k, part in enumerate(parts, start=1):
            title = sec["label"] + (f" ({k} of {len(parts)})" if len(parts) > 1 else "")
            fig = figures.profile_chart(charted, [markers[i] for i in part], [labels[i] for i in part], table, title=title)
            out[sec["key"]].append(figures.to_png(fig))
    rows = [{**a, "group": a[data["by"]]} for a in data["actors"] if not a.get("empty") and a[data["by"]] in set(charted)]
    if any(r.get("mean_sentiment") is not None for r in rows):
        out["actors"] = [figures.to_png(figures.actor_sentiment_chart(rows, charted, title="How each actor is portrayed"))]
    return out


def _profile_table(data: dict[str, Any], sec: dict[str, Any]) -> tuple[list[str], list[list[str]], str]:
    """A profile as header and rows: a row per marker, or with many groups a row per group."""
    groups = data["group_names"]

    def rate(c: dict[str, Any]) -> str:
        if c.get("mean") is None:
            return "–"
        clear = f" (clear in {100 * c['clear']:.0f}%)" if c.get("clear") is not None else ""
        return f"{c['mean']:.1f}{clear}"

    if data.get("profile_layout") == "group_rows":
        header = [data["by"].capitalize(), *[r["label"] for r in sec["rows"]]]
        return header, [[g, *[rate(r["cells"][i]) for r in sec["rows"]]] for i, g in enumerate(groups)], "markers"
    return ["Marker", *groups], [[r["label"], *[rate(c) for c in r["cells"]]] for r in sec["rows"]], "groups"


def write_pdf(data: dict[str, Any], path: str) -> str:
    """Write the report to ``path`` (A4, charts included); returns the path."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#5b6475"))
    warn = ParagraphStyle("warn", parent=small, textColor=colors.HexColor("#9a4b00"))
    h1, h2, h3 = styles["Title"], styles["Heading2"], styles["Heading3"]
    width = A4[0] - 3 * cm

    def short(value: Any, limit: int = 300) -> str:
        text = "" if value is None else str(value)
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def table(rows: list[list[Any]], *, numeric: Sequence[bool] | None = None, columns_name: str = "columns") -> list[Any]:
        # long cells are cut so no row grows taller than a page (ReportLab cannot split a row)
        head, *body = rows
        num = [False, *([True] * (len(head) - 1))] if numeric is None else list(numeric)
        return fitted_tables([short(c) for c in head], [[short(c) for c in r] for r in body], width=width, numeric=num, columns_name=columns_name)

    def image(png: bytes) -> Image:
        from reportlab.lib.utils import ImageReader

        reader = ImageReader(io.BytesIO(png))
        w, h = reader.getSize()
        scale = min(width / w, 24 * cm / h)  # a chart with many groups grows tall: up to most of a page
        return Image(io.BytesIO(png), width=w * scale, height=h * scale)

    story: list[Any] = [Paragraph(_esc(data["title"]), h1)]
    story.append(
        Paragraph(
            _esc(f"{data['n_analysed']} articles compared by {data['by']}" + (f" ({data['n_duplicates']} duplicates left out)" if data["n_duplicates"] else "") + f". Generated {data['generated']}."),
            small,
        )
    )
    story.append(Paragraph(_esc(" · ".join(f"{g['name']}: {g['n']}" + (" (small group)" if g["small"] else "") for g in data["groups"])), small))
    story.append(Paragraph("Summary", h2))
    for f in data["findings"] or [{"text": "No difference large enough to state in words."}]:
        story.append(Paragraph("• " + _esc(f["text"]), body))
    charts = _charts(data)
    story.append(Paragraph("Profiles", h2))
    story.append(Paragraph(_esc("Rates are matches per 1,000 words, averaged over a group's articles (the charts' lines are 95% bootstrap intervals)."), small))
    if data.get("chart_note"):
        story.append(Paragraph(_esc(data["chart_note"]), warn))
    for sec in data["profiles"]:
        block: list[Any] = [Paragraph(_esc(sec["label"]), h3)]
        if sec.get("note"):
            block.append(Paragraph(_esc(sec["note"]), small))
        for png in charts.get(sec["key"], []):
            block.append(image(png))
        header, rows, columns_name = _profile_table(data, sec)
        block.extend(table([header, *rows], columns_name=columns_name))
        story.append(KeepTogether(block))
    if data.get("predictions"):
        story.append(Paragraph("Classifier predictions", h2))
        story.append(
            Paragraph(
                _esc(
                    f"The share of each {data['by']}'s articles that a trained classifier gives each label (sentence-level models: mean share of sentences), "
                    "with 95% bootstrap intervals over articles. These are a model's labels, not human judgements."
                ),
                small,
            )
        )
        for m in data["predictions"]:
            c = m["card"]
            about = f"Model {m['name']}: {str(c.get('level')).capitalize()}-level classifier ({c.get('features')})" + (f"; trained on {c['trained']}" if c.get("trained") else "") + ". "
            about += (c["validation"] + "." if c.get("validation") else "Not cross-validated: its accuracy is unknown.")
            if c.get("validation") and c.get("grouped") is False:
                about += " Cross-validation was not grouped by outlet: the score may overstate accuracy on outlets the model has not seen."
            block = [Paragraph(_esc(about), body)]
            rows = [[data["by"].capitalize(), "Articles", *m["labels"]]]
            for row in m["rows"]:
                rows.append([row["group"], row["n"], *[_share(cell) for cell in row["cells"]]])
            block.extend(table(rows, numeric=[False] + [True] * (len(rows[0]) - 1)))
            story.append(KeepTogether(block))
    if data["distinctive"]:
        story.append(Paragraph("Distinctive terms", h2))
        none = "no word used twice here stands out against the others"
        rows = [["Group", "Terms (z-score)"]] + [[g, ", ".join(f"{r['term']} ({r['z']:.1f})" for r in rs[:10]) or none] for g, rs in data["distinctive"].items()]
        story.extend(table(rows, numeric=[False, False]))
    if data.get("reference_terms"):
        story.append(Paragraph(_esc(f"Against a reference: {data['reference_name']}"), h2))
        none = "no word used three times here stands out against the reference"
        rows = [["Group", "Terms (log ratio)"]] + [[g, ", ".join(f"{r['term']} ({r['log_ratio']:.1f})" for r in rs[:10]) or none] for g, rs in data["reference_terms"].items()]
        story.extend(table(rows, numeric=[False, False]))
    story.append(Paragraph("Actors", h2))
    if data["actors"]:
        if "actors" in charts:
            story.append(image(charts["actors"][0]))
            if data.get("chart_note"):
                story.append(Paragraph(_esc(f"The chart shows {len(data['chart_groups'])} of the {data['n_groups']} groups (which, and how to choose: under Profiles); the table has all {data['n_groups']}."), warn))
        rows = [[data["by"].capitalize(), "Actor", "Mentions", "Mean sentiment, own words (n)", "Aggressor", "Target", "Cooperator", "Speaker"]]
        for a in data["actors"]:
            if a.get("empty"):
                rows.append([a[data["by"]], a["empty"]])
                continue
            ms = "n/a" if a.get("mean_sentiment") is None else f"{a['mean_sentiment']:+.2f} ({a['own_mentions']})"
            rows.append([a[data["by"]], a["name"], a["mentions"], ms, a["aggressor"], a["target"], a["cooperator"], a["speaker"]])
        story.extend(table(rows, numeric=[False, False] + [True] * 6))
    else:
        story.append(Paragraph("No actors found.", small))
    story.append(Paragraph("Who is quoted", h2))
    if data["quotes"]:
        rows = [[data["by"].capitalize(), "Speaker", "All", "Direct", "Reported", "Verbs"]]
        rows += [[q[data["by"]], q["empty"]] if q.get("empty") else [q[data["by"]], q["speaker"], q["quotes"], q["direct"], q["reported"], q["verbs"]] for q in data["quotes"]]
        story.extend(table(rows, numeric=[False, False, True, True, True, False]))
    for s in data["stories"]:
        story.append(Paragraph(_esc(f"Same story: {len(s['groups'])} outlets"), h2))
        rows = [["Outlet", "Actors left out", "Frames not used", "Sources others quote"]]
        rows += [[c["group"], ", ".join(c["actors_omitted"]), ", ".join(c["frames_omitted"]), ", ".join(c["sources_omitted"])] for c in s["coverage"]]
        story.extend(table(rows, numeric=[False] * 4))
    story.append(PageBreak())
    story.append(Paragraph("The articles, with their markers", h2))
    if data["n_articles_shown"] < data["n_articles"]:
        story.append(Paragraph(_esc(f"Showing {data['n_articles_shown']} of {data['n_articles']} articles."), small))
    legend = " ".join(f'<font backColor="{item["color"]}">&nbsp;{_esc(item["label"])}&nbsp;</font>' for item in data["legend"])
    story.append(Paragraph(legend, small))
    for a in data["articles"]:
        story.append(Paragraph(_esc(a["title"] or a["id"]), h3))
        meta = f"{a['outlet'] or '(unknown outlet)'}" + (f" · {a['published']}" if a["published"] else "") + f" · {a['n_words']} words"
        if a["duplicate_of"]:
            meta += f" · copy of {a['duplicate_of']}, not counted"
        story.append(Paragraph(_esc(meta), small))
        for para in a["paragraphs"]:
            html = "".join(
                f'<font backColor="{data["colors"][seg["cat"]]}">{_esc(seg["text"])}</font>' if seg["cat"] else _esc(seg["text"]) for seg in para
            )
            story.append(Paragraph(html, body))
        story.append(Spacer(1, 0.3 * cm))
    story.append(Paragraph("Methods and provenance", h2))
    prov = data["provenance"]
    story.append(Paragraph(_esc("Packages: " + ", ".join(f"{k} {v}" for k, v in prov.get("packages", {}).items())), small))
    if prov.get("lexicons"):
        story.append(Paragraph(_esc("Lexicons: " + ", ".join(f"{k} {v}" for k, v in prov["lexicons"].items())), small))
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=1.5 * cm, rightMargin=1.5 * cm, topMargin=1.5 * cm, bottomMargin=1.5 * cm, title=data["title"])
    doc.build(story)
    return path
