"""The classroom worksheet and its answer key as printable PDFs, from :func:`framing.classroom.worksheet.worksheet_data`.

Built with ReportLab like the comparison report (:mod:`framing.report.pdf`), with the same rule:
every piece of article text or metadata is XML-escaped before it enters ReportLab's paragraph
markup. Each exercise starts on a new page. Text is set in DejaVu Sans (shipped with matplotlib)
when it is available, so curly quotes, dashes and accented names print as written; otherwise in
Helvetica. The files are written in ReportLab's invariant mode: the same data gives the same bytes.
"""

from __future__ import annotations

import os
from html import escape
from typing import Any

__all__ = ["write_answer_key_pdf", "write_worksheet_pdf"]

#: Background colours of marked words in the answer key (the HTML key uses the same).
MARK_COLORS = {
    "loaded": "#ffcccc",
    "scare": "#ffe066",
    "register": "#f7c6e3",
    "verb": "#ffb347",
    "neutral": "#cde8c4",
    "booster": "#d5f5e3",
    "intens": "#d5f5e3",
    "actor": "#bfd9f2",
    "role": "#e0d1f5",
    "term": "#fdebd0",
}
LEGEND = [
    ("loaded", "loaded language"),
    ("scare", "scare quotes"),
    ("register", "register phrase"),
    ("verb", "evaluative verb"),
    ("neutral", "neutral verb"),
    ("booster", "booster or intensifier"),
    ("actor", "actor"),
    ("role", "role verb"),
    ("term", "distinctive word"),
]


def _esc(value: Any) -> str:
    """Text made safe for ReportLab paragraph markup (as in :mod:`framing.report.pdf`); line breaks kept."""
    return escape("" if value is None else str(value), quote=False).replace("\n", "<br/>")


def _fonts() -> dict[str, str]:
    """Register DejaVu Sans from matplotlib's data (regular, bold, italic) when present."""
    from reportlab.pdfbase import pdfmetrics

    names = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique"}
    try:
        import matplotlib
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase.ttfonts import TTFont

        folder = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
        files = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf", "bolditalic": "DejaVuSans-BoldOblique.ttf"}
        if not all(os.path.exists(os.path.join(folder, f)) for f in files.values()):
            return names
        registered = set(pdfmetrics.getRegisteredFontNames())
        for key, f in files.items():
            name = "FramingSans" + ("" if key == "regular" else "-" + key)
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, os.path.join(folder, f)))
        addMapping("FramingSans", 0, 0, "FramingSans")
        addMapping("FramingSans", 1, 0, "FramingSans-bold")
        addMapping("FramingSans", 0, 1, "FramingSans-italic")
        addMapping("FramingSans", 1, 1, "FramingSans-bolditalic")
        return {"regular": "FramingSans", "bold": "FramingSans-bold", "italic": "FramingSans-italic"}
    except Exception:  # pragma: no cover - a broken font install falls back to the PDF core fonts
        return names


class _Kit:
    """Styles and small flowable builders shared by the two documents."""

    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import cm

        f = _fonts()
        self.colors = colors
        self.cm = cm
        self.width = A4[0] - 3 * cm
        base = ParagraphStyle("base", fontName=f["regular"], fontSize=10, leading=13.5, spaceAfter=3)
        self.body = base
        self.text = ParagraphStyle("text", parent=base, fontSize=10.5, leading=14.5)
        self.circle = ParagraphStyle("circle", parent=base, fontSize=11.5, leading=24)
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#5b6475"))
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0)
        self.label = ParagraphStyle("label", parent=base, fontName=f["bold"], fontSize=8.5, leading=11, textColor=colors.HexColor("#2f5d8a"))
        self.h1 = ParagraphStyle("h1", parent=base, fontName=f["bold"], fontSize=18, leading=22, spaceAfter=6)
        self.h2 = ParagraphStyle("h2", parent=base, fontName=f["bold"], fontSize=14, leading=18, spaceBefore=4, spaceAfter=6)
        self.h3 = ParagraphStyle("h3", parent=base, fontName=f["bold"], fontSize=11, leading=14, spaceBefore=6, spaceAfter=3)
        self.headline = ParagraphStyle("headline", parent=base, fontName=f["bold"], fontSize=11, leading=14)

    def p(self, markup: str, style: Any = None) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(markup, style or self.body)

    def box(self, flowables: list[Any], *, shade: str | None = None, border: str = "#b9bfca") -> Any:
        from reportlab.platypus import Table, TableStyle

        t = Table([[flowables]], colWidths=[self.width])
        style = [("BOX", (0, 0), (-1, -1), 0.6, self.colors.HexColor(border)), ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7)]
        if shade:
            style.append(("BACKGROUND", (0, 0), (-1, -1), self.colors.HexColor(shade)))
        t.setStyle(TableStyle(style))
        return t

    def lines(self, n: int, label: str | None = None) -> list[Any]:
        from reportlab.platypus import Table, TableStyle

        out: list[Any] = [self.p(_esc(label), self.body)] if label else []
        t = Table([[""] for _ in range(n)], colWidths=[self.width - 20], rowHeights=[20] * n)
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, self.colors.HexColor("#9aa2af"))]))
        out.append(t)
        return out

    def grid(self, rows: list[list[Any]], widths: list[float] | None = None, *, header: bool = True, heights: list[float] | None = None) -> Any:
        from reportlab.platypus import Table, TableStyle

        cells = [[c if not isinstance(c, str) else self.p(_esc(c), self.cell) for c in r] for r in rows]
        t = Table(cells, colWidths=widths, rowHeights=heights, repeatRows=1 if header else 0)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, self.colors.HexColor("#b9bfca")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), self.colors.HexColor("#f4f6f9")))
        t.setStyle(TableStyle(style))
        return t

    def marked(self, segs: list[dict[str, Any]]) -> str:
        """Segments as ReportLab markup: every piece escaped, marked pieces on a coloured ground."""
        out = []
        for s in segs:
            t = _esc(s["text"])
            if s.get("cls"):
                out.append(f'<font backColor="{MARK_COLORS.get(s["cls"], "#eeeeee")}"><u>{t}</u></font>')
            else:
                out.append(t)
        return "".join(out)


def _grade(it: dict[str, Any]) -> str:
    g = it.get("grade")
    text = f"Reading level: grade {g if g is not None else 'n/a'}"
    if it.get("grade_ok") is False:
        text += " (harder than the target level: read it together)"
    return text


def _doc(path: str, title: str) -> Any:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(path, pagesize=A4, leftMargin=1.5 * cm, rightMargin=1.5 * cm, topMargin=1.4 * cm, bottomMargin=1.4 * cm, title=title, author="framing", invariant=1)


def _footer(text: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        from reportlab.lib.units import cm

        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillGray(0.4)
        canvas.drawString(1.5 * cm, 0.8 * cm, text)
        canvas.drawRightString(doc.pagesize[0] - 1.5 * cm, 0.8 * cm, f"page {doc.page}")
        canvas.restoreState()

    return draw


# ---------------------------------------------------------------------------------------------
# The worksheet


def write_worksheet_pdf(data: dict[str, Any], path: str) -> str:
    """Write the student worksheet to ``path`` (A4, one exercise per page or more); returns the path."""
    from reportlab.platypus import PageBreak, Spacer

    k = _Kit()
    cm = k.cm
    story: list[Any] = [k.p(_esc(data["title"]), k.h1)]
    meta = f"Worksheet · {data['level_label']}"
    if data.get("max_grade"):
        meta += f" · excerpts chosen at reading grade {data['max_grade']:g} or below where possible"
    story.append(k.p(_esc(meta), k.small))
    story.append(k.grid([["Name:", "Class:", "Date:"]], [k.width / 3] * 3, header=False, heights=[26]))
    story.append(Spacer(1, 6))
    story.append(
        k.p(
            _esc(
                f"You will read parts of {len(data['articles'])} news articles about the same event. Each outlet tells it in its own way. "
                "Work through the six exercises; each excerpt shows its reading level (a school grade, by the Flesch-Kincaid formula)."
            )
        )
    )
    for i, ex in enumerate(data["exercises"]):
        if i:
            story.append(PageBreak())
        story.append(k.p(_esc(f"Exercise {ex['number']}. {ex['title']}"), k.h2))
        story.extend(_worksheet_exercise(k, ex, cm))
    doc = _doc(path, data["title"])
    foot = _footer(f"framing {data['provenance'].get('framing', '')} · worksheet · {data['level_label']}")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    return path


def _task(k: _Kit, text: str) -> Any:
    return k.box([k.p(_esc(text))], shade="#f4f6f9", border="#2f5d8a")


def _worksheet_exercise(k: _Kit, ex: dict[str, Any], cm: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    out: list[Any] = []
    key = ex["key"]
    if key == "headlines":
        out.append(_task(k, "Read each headline and the first paragraph (the lead) of each article. Then answer the questions."))
        out.append(Spacer(1, 6))
        cards = []
        for it in ex["items"]:
            cell = [k.p(_esc(it["label"]), k.label), k.p(_esc(it["headline"]), k.headline), k.p(_esc(it["lead"]), k.text)]
            meta = _grade(it) + f" · {it['words']} words" + (" · the first sentences of the first paragraph" if it.get("shortened") else "")
            cell.append(k.p(_esc(meta), k.small))
            if it.get("note"):
                cell.append(k.p("<i>" + _esc(it["note"]) + "</i>", k.small))
            cards.append(cell)
        half = (k.width - 4) / 2
        rows = [cards[i : i + 2] + ([""] if len(cards[i : i + 2]) == 1 else []) for i in range(0, len(cards), 2)]
        out.append(k.grid(rows, [half, half], header=False))
        out.append(Spacer(1, 8))
        for n, q in enumerate(ex["questions"], start=1):
            out.append(KeepTogether([k.p(_esc(f"{n}. {q}"))] + k.lines(2)))
    elif key == "loaded":
        task = "Some words only describe. Others also judge: they tell you what to feel. Circle the words that judge, the words in quotation marks that nobody is quoted as saying, and the set phrases of a political camp."
        if not ex["show_counts"]:
            task += " Find as many as you can."
        out.append(_task(k, task))
        for it in ex["items"]:
            meta = _grade(it) + f" · {it['words']} words"
            if ex["show_counts"]:
                meta += f" · there {'is' if it['count'] == 1 else 'are'} {it['count']} to find"
            block = [k.p(_esc(it["label"]), k.label), k.p(_esc(it["text"]), k.circle), k.p(_esc(meta), k.small)] + k.lines(1, "Words I circled:")
            out.append(Spacer(1, 6))
            out.append(KeepTogether(k.box(block)))
        out.append(Spacer(1, 8))
        out.append(KeepTogether([k.p(_esc("Choose one word you circled. Which plainer word could the writer have used? How does the sentence change?"))] + k.lines(2)))
    elif key == "quotes":
        out.append(
            _task(
                k,
                "For each passage, write who is speaking and the verb that introduces their words (said, told, claimed, insisted ...). "
                "Then circle whether the verb is neutral (it only reports) or evaluative (it also judges the words or the speaker).",
            )
        )
        if ex["rows"]:
            rows: list[list[Any]] = [["#", "Passage", "Who speaks?", "Verb", "Neutral or evaluative?"]]
            for r in ex["rows"]:
                passage = [k.p(_esc(r["label"]), k.label), k.p(_esc(r["text"]), k.cell), k.p(_esc(_grade(r)), k.small)]
                rows.append([str(r["n"]), passage, "", "", "neutral  /  evaluative"])
            out.append(Spacer(1, 6))
            out.append(k.grid(rows, [0.8 * cm, k.width - 11.3 * cm, 3.5 * cm, 3 * cm, 4 * cm]))
            out.append(KeepTogether([k.p(_esc("Does one outlet use more evaluative verbs than the others? For whom?"))] + k.lines(2)))
        else:
            out.append(k.p(_esc("No attributed quotation was found in these articles."), k.small))
    elif key == "actors":
        out.append(
            _task(
                k,
                "Read the sentences about each actor. Then fill the table: is the actor shown in a positive (+), neutral (0) or negative (-) light? "
                "What role does it play: aggressor (A: threatens, attacks), target (T: is threatened or attacked) or cooperator (C: agrees, works with someone)?",
            )
        )
        for row in ex["rows"]:
            block = [k.p(_esc(row["actor"]), k.h3)]
            for c in row["cells"]:
                for s in c["sentences"]:
                    block.append(k.p(f'<font color="#2f5d8a"><b>{_esc(c["label"])}</b></font>  {_esc(s)}', k.cell))
            out.append(KeepTogether(block))
        if ex["rows"]:
            labels = ex["labels"]
            col = (k.width - 3.2 * cm) / max(len(labels), 1)
            rows = [["Actor", *labels]]
            for row in ex["rows"]:
                rows.append([row["actor"]] + [("+    0    -\nA    T    C" if c["mentioned"] else "not mentioned") for c in row["cells"]])
            out.append(Spacer(1, 8))
            out.append(KeepTogether(k.grid(rows, [3.2 * cm] + [col] * len(labels))))
    elif key == "guess":
        out.append(_task(k, "The outlets' names have been replaced by letters. Read each excerpt: which outlet wrote it? Which words gave it away?"))
        if ex["choices"]:
            out.append(k.p(_esc("The outlets: " + " · ".join(ex["choices"]))))
        else:
            out.append(k.p(_esc("What kind of outlet could it be? " + " · ".join(ex["kinds"]))))
        for it in ex["items"]:
            block = [k.p(_esc(it["label"]), k.label), k.p(_esc(it["text"]), k.text), k.p(_esc(_grade(it) + f" · {it['words']} words"), k.small)]
            block += k.lines(1, f"{it['label']} is:") + k.lines(1, "The words that gave it away:")
            out.append(Spacer(1, 6))
            out.append(KeepTogether(k.box(block)))
    elif key == "rewrite":
        out.append(_task(k, "Rewrite each sentence so that it reports the same facts without judging them. Keep what happened; change the words that tell the reader what to think."))
        for it in ex["items"]:
            block = [k.p(_esc(it["label"]), k.label), k.p(_esc(it["text"]), k.text), k.p(_esc(_grade(it)), k.small)] + k.lines(3, "My neutral version:")
            out.append(Spacer(1, 6))
            out.append(KeepTogether(k.box(block)))
        if not ex["items"]:
            out.append(k.p(_esc("No sentence in these articles was flagged: there is nothing to rewrite."), k.small))
    return out


# ---------------------------------------------------------------------------------------------
# The answer key


def write_answer_key_pdf(data: dict[str, Any], path: str) -> str:
    """Write the answer key and teacher's guide to ``path`` (A4); returns the path."""
    from reportlab.platypus import PageBreak, Spacer

    k = _Kit()
    cm = k.cm
    story: list[Any] = [k.p(_esc(f"Answer key: {data['title']}"), k.h1)]
    story.append(
        k.p(
            _esc(f"For the teacher · {data['level_label']} · {len(data['articles'])} articles" + (" · outlets anonymised on the worksheet" if data["anonymise"] else "")),
            k.small,
        )
    )
    story.append(
        k.p(
            _esc(
                "Every answer below comes from the analysis of your articles: the words it flagged, in their sentence, with a one-line explanation. "
                "The tool can miss a word or flag one that is used plainly; where you or your students disagree, the evidence is here to discuss. "
                "A short guide to the concepts and a glossary are at the end."
            )
        )
    )
    story.append(k.p("The outlets", k.h3))
    rows: list[list[Any]] = [["On the worksheet", "Outlet", "Headline", "Reading level (whole article)"]]
    for a in data["articles"]:
        rows.append([a["label"], a["outlet"], a["title"], f"grade {a['grade'] if a['grade'] is not None else 'n/a'} · {a['words']} words"])
    story.append(k.grid(rows, [3 * cm, 3.7 * cm, k.width - 10.7 * cm, 4 * cm]))
    reveal = "; ".join(f"Outlet {r['letter']} = {r['outlet']}" for r in data["reveal"])
    story.append(k.p(_esc(f"Letters used in exercise 5{' and throughout the worksheet' if data['anonymise'] else ''}: {reveal}."), k.body))
    if data["left_out"]:
        story.append(k.p(_esc("Left out as copies of another article: " + "; ".join(f"{d['id']} (copy of {d['copy_of']})" for d in data["left_out"]) + "."), k.small))
    story.append(k.p(" ".join(f'<font backColor="{MARK_COLORS[c]}"><u>{_esc(lab)}</u></font>' for c, lab in LEGEND), k.small))
    for ex in data["exercises"]:
        story.append(PageBreak())
        story.append(k.p(_esc(f"Exercise {ex['number']}. {ex['title']}"), k.h2))
        story.append(k.box([k.p("<b>What it teaches.</b> " + _esc(ex["teaches"]))], shade="#f4f6f9", border="#2f5d8a"))
        story.append(Spacer(1, 6))
        story.extend(_key_exercise(k, ex, cm))
    story.append(PageBreak())
    story.extend(_guide(k, data))
    doc = _doc(path, f"Answer key: {data['title']}")
    foot = _footer(f"framing {data['provenance'].get('framing', '')} · answer key · {data['level_label']}")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    return path


def _flaglist(k: _Kit, answers: list[dict[str, Any]]) -> list[Any]:
    if not answers:
        return [k.p(_esc("Nothing flagged."), k.small)]
    out = []
    for f in answers:
        line = f'<font backColor="{MARK_COLORS.get(f["cls"], "#eeeeee")}">{_esc(f["text"])}</font> <b>{_esc(f["label"])}</b>: {_esc(f["explanation"])}'
        if f.get("note"):
            line += f" (lexicon note: {_esc(f['note'])})"
        if f.get("in_quote"):
            line += " Inside a quotation: these are a source's words, not the writer's."
        if f.get("context"):
            line += "<br/><i>“" + k.marked(f["context"]) + "”</i>"
        out.append(k.p("• " + line, k.cell))
    return out


def _key_exercise(k: _Kit, ex: dict[str, Any], cm: float) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    out: list[Any] = []
    key = ex["key"]
    if key == "headlines":
        for n, q in enumerate(ex["answers"], start=1):
            out.append(k.p(f"<b>{n}. {_esc(q['question'])}</b><br/>{_esc(q['answer'])}"))
        for it in ex["answer_items"]:
            block = [k.p(_esc(it["label"]), k.label), k.p(k.marked(it["headline"]), k.headline)]
            block.append(k.p(_esc("Actors named in the headline: " + (", ".join(it["headline_actors"]) or "none the gazetteer knows") + "."), k.small))
            block += _flaglist(k, it["headline_flags"])
            block.append(k.p(k.marked(it["lead"]), k.text))
            extra = f"; only this lead names {', '.join(it['lead_only_here'])}" if it["lead_only_here"] else ""
            block.append(k.p(_esc("Actors in the lead: " + (", ".join(it["lead_actors"]) or "none") + extra + "."), k.small))
            block += _flaglist(k, it["lead_flags"])
            out.append(Spacer(1, 5))
            out.append(k.box(block))
    elif key == "loaded":
        for it in ex["answer_items"]:
            block = [k.p(_esc(f"{it['label']} · {len(it['answers'])} flagged"), k.label), k.p(k.marked(it["segments"]), k.text)]
            block += _flaglist(k, it["answers"])
            if not it["answers"]:
                block.append(k.p(_esc("Nothing flagged in this excerpt: a useful contrast. Ask students why a plain report needs no loaded words."), k.small))
            out.append(Spacer(1, 5))
            out.append(k.box(block))
    elif key == "quotes":
        if ex["answer_rows"]:
            rows: list[list[Any]] = [["#", "Passage", "Speaker", "Verb", "Class", "Why"]]
            for r in ex["answer_rows"]:
                passage = [k.p(_esc(r["label"]), k.label), k.p(k.marked(r["segments"]), k.cell)]
                why = r["explanation"] + (" (Reported speech: no quotation marks.)" if r["kind"] == "reported" else "")
                rows.append([str(r["n"]), passage, r["speaker"], r["verb"], r["verb_class"], why])
            out.append(k.grid(rows, [0.7 * cm, k.width - 12.5 * cm, 2.6 * cm, 2 * cm, 2.2 * cm, 5 * cm]))
        else:
            out.append(k.p(_esc("No attributed quotation was found."), k.small))
    elif key == "actors":
        if not ex["scored"]:
            out.append(
                k.p(
                    _esc(
                        "The sentiment model did not run for these articles, so the tone column has no model answer: judge it with the class from the sentences below. "
                        "Roles come from verbs of conflict and cooperation (threatened, signed with ...) found by the analysis."
                    ),
                    k.small,
                )
            )
        for row in ex["answer_rows"]:
            rows = [["Article", "Tone", "Role", "Evidence"]]
            for c in row["cells"]:
                if not c["mentioned"]:
                    rows.append([c["label"], "not mentioned", "", ""])
                    continue
                tone = [k.p(_esc(c["tone"]), k.cell), k.p(_esc(c["tone_detail"]), k.small)] if c["tone"] else [k.p(_esc("class to judge"), k.small)]
                role = [k.p(_esc(c["role"] or "none found"), k.cell), k.p(_esc(c["role_detail"]), k.small)]
                ev = [k.p("“" + k.marked(e) + "”", k.cell) for e in c["evidence"]]
                rows.append([c["label"], tone, role, ev])
            out.append(KeepTogether([k.p(_esc(row["actor"]), k.h3), k.grid(rows, [3 * cm, 3.3 * cm, 4.2 * cm, k.width - 10.5 * cm])]))
    elif key == "guess":
        if not ex["has_terms"]:
            out.append(k.p(_esc("All excerpts come from one outlet, so there are no distinctive words to compare."), k.small))
        for it in ex["answer_items"]:
            block = [k.p(_esc(f"{it['label']} is {it['outlet']}"), k.label), k.p(k.marked(it["segments"]), k.text)]
            if it["giveaways"]:
                terms = "; ".join(
                    f'<font backColor="{MARK_COLORS["term"]}">{_esc(g["term"])}</font> (z = {g["z"]}, {g["count"]} here / {g["reference_count"]} in the others)' for g in it["giveaways"]
                )
                block.append(k.p("<b>Giveaway words</b> (used more by this outlet than by the others in your articles; log-odds z-score, Monroe et al. 2008): " + terms + ".", k.cell))
            if it["register"]:
                block.append(k.p("<b>Register phrases</b>:", k.cell))
                block += _flaglist(k, it["register"])
            if not it["giveaways"] and not it["register"]:
                block.append(k.p(_esc("No distinctive word or register phrase in this excerpt: students may recognise the outlet by its plainness (wire style) or by what it reports."), k.small))
            out.append(Spacer(1, 5))
            out.append(k.box(block))
    elif key == "rewrite":
        for it in ex["answer_items"]:
            block = [k.p(_esc(it["label"]), k.label), k.p(k.marked(it["segments"]), k.text), k.p(_esc(it["why"]), k.small)]
            block += _flaglist(k, it["answers"])
            block.append(k.p("<b>Suggestion.</b>", k.cell))
            block += [k.p("• " + _esc(h), k.cell) for h in it["hints"]]
            out.append(Spacer(1, 5))
            out.append(k.box(block))
        if ex["skipped"]:
            out.append(k.p(_esc("No flagged sentence in: " + ", ".join(ex["skipped"]) + "."), k.small))
    return out


def _guide(k: _Kit, data: dict[str, Any]) -> list[Any]:
    out: list[Any] = [k.p("Teacher's guide: the concepts", k.h2)]
    for c in data["concepts"]:
        out.append(k.p(_esc(c["term"]), k.h3))
        out.append(k.p(_esc(c["text"]) + f' <font color="#5b6475">({_esc(c["cite"])})</font>'))
        if c.get("example"):
            out.append(k.p("<i>" + _esc(c["example"]) + "</i>", k.small))
    out.append(k.p("Glossary", k.h3))
    for g in data["glossary"]:
        out.append(k.p(f"<b>{_esc(g['term'])}</b>: {_esc(g['definition'])}", k.cell))
    out.append(k.p("How the answers were made", k.h3))
    for line in (
        "Loaded words, boosters and evaluative verbs: the project's lexicons (word lists written with the literature cited); scare quotes: short quotations with no speaker; register phrases: the registers lexicon. Negated uses ('not a threat') are not counted.",
        "Quotations and roles: quotes are attributed to the nearest speaker and verb of saying; verbs of conflict and cooperation make actors aggressors, targets or cooperators.",
        "Tone toward an actor: a target-dependent sentiment model, when installed; otherwise the key leaves tone to the class.",
        "Giveaway words: words and word pairs an outlet uses more than the others, by log-odds with an informative Dirichlet prior (Monroe et al. 2008). With two or three articles these are indications, not statistics.",
        "Reading level: Flesch-Kincaid grade (Kincaid et al. 1975), computed on each excerpt as shown. Short excerpts give rough grades.",
    ):
        out.append(k.p("• " + _esc(line), k.cell))
    out.append(k.p("References", k.h3))
    for r in data["references"]:
        out.append(k.p(_esc(r), k.cell))
    prov = data["provenance"]
    lex = ", ".join(f"{a} {b}" for a, b in prov.get("lexicons", {}).items())
    out.append(k.p(_esc(f"Made with framing {prov.get('framing', '')}." + (f" Lexicons: {lex}." if lex else "")), k.small))
    return out
