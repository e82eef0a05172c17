"""What the worksheet and answer-key PDFs share: fonts, styles, small flowable builders, escaping.

Built with ReportLab like the comparison report (:mod:`framing.report.pdf`), with the same rule:
every piece of article text or metadata is XML-escaped before it enters ReportLab's paragraph
markup. Text is set in DejaVu Sans (shipped with matplotlib) when it is available, so curly
quotes, dashes and accented names print as written; otherwise in Helvetica. Documents are made in
ReportLab's invariant mode: the same data gives the same bytes. ReportLab (and matplotlib, for the
font folder) are imported inside the functions that use them, so that importing framing, or
building a worksheet's data, does not load them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from html import escape
from typing import Any

from framing.classroom.flags import mark_color

__all__ = ["Kit", "document", "esc", "fonts", "footer", "grade_line"]


def esc(value: Any) -> str:
    """Text made safe for ReportLab paragraph markup (as in :mod:`framing.report.pdf`); line breaks kept."""
    return escape("" if value is None else str(value), quote=False).replace("\n", "<br/>")


def fonts() -> dict[str, str]:
    """Register DejaVu Sans from matplotlib's data (regular, bold, italic) when present."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    names = {"regular": "Helvetica", "bold": "Helvetica-Bold", "italic": "Helvetica-Oblique"}
    try:
        import matplotlib
    except ImportError:  # pragma: no cover - matplotlib is a dependency; without it, the PDF core fonts
        return names
    folder = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
    files = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "italic": "DejaVuSans-Oblique.ttf", "bolditalic": "DejaVuSans-BoldOblique.ttf"}
    if not all(os.path.exists(os.path.join(folder, f)) for f in files.values()):
        return names
    try:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for key, f in files.items():
            name = "FramingSans" + ("" if key == "regular" else "-" + key)
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, os.path.join(folder, f)))
    except (OSError, TTFError, ValueError):  # pragma: no cover - a broken font install falls back to the PDF core fonts
        return names
    addMapping("FramingSans", 0, 0, "FramingSans")
    addMapping("FramingSans", 1, 0, "FramingSans-bold")
    addMapping("FramingSans", 0, 1, "FramingSans-italic")
    addMapping("FramingSans", 1, 1, "FramingSans-bolditalic")
    return {"regular": "FramingSans", "bold": "FramingSans-bold", "italic": "FramingSans-italic"}


class Kit:
    """Styles and small flowable builders shared by the two documents."""

    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import cm

        f = fonts()
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

        out: list[Any] = [self.p(esc(label), self.body)] if label else []
        t = Table([[""] for _ in range(n)], colWidths=[self.width - 20], rowHeights=[20] * n)
        t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, self.colors.HexColor("#9aa2af"))]))
        out.append(t)
        return out

    def grid(self, rows: list[list[Any]], widths: list[float] | None = None, *, header: bool = True, heights: list[float] | None = None) -> Any:
        from reportlab.platypus import Table, TableStyle

        cells = [[c if not isinstance(c, str) else self.p(esc(c), self.cell) for c in r] for r in rows]
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
            t = esc(s["text"])
            if s.get("cls"):
                out.append(f'<font backColor="{mark_color(s["cls"])}"><u>{t}</u></font>')
            else:
                out.append(t)
        return "".join(out)


def grade_line(it: dict[str, Any]) -> str:
    """The reading-level line under an excerpt."""
    g = it.get("grade")
    text = f"Reading level: grade {g if g is not None else 'n/a'}"
    if it.get("grade_ok") is False:
        text += " (harder than the target level: read it together)"
    return text


def document(path: str, title: str) -> Any:
    """An A4 document at ``path`` in ReportLab's invariant mode (the same story gives the same bytes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    return SimpleDocTemplate(path, pagesize=A4, leftMargin=1.5 * cm, rightMargin=1.5 * cm, topMargin=1.4 * cm, bottomMargin=1.4 * cm, title=title, author="framing", invariant=1)


def footer(text: str) -> Callable[[Any, Any], None]:
    """A page callback that prints ``text`` and the page number at the foot of each page."""

    def draw(canvas: Any, doc: Any) -> None:
        from reportlab.lib.units import cm

        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillGray(0.4)
        canvas.drawString(1.5 * cm, 0.8 * cm, text)
        canvas.drawRightString(doc.pagesize[0] - 1.5 * cm, 0.8 * cm, f"page {doc.page}")
        canvas.restoreState()

    return draw


