"""Tables that fit the PDF page: columns wide enough for their longest word, text wrapped between
words, numbers never wrapped, and a table with too many columns split into parts.

ReportLab sizes columns evenly unless told otherwise and then breaks a word that does not fit its
column anywhere ("Chin a Da ily", "11. 1"). :func:`fitted_tables` measures every cell with the
font it is drawn in, gives each column at least the width of its longest word (a number counts as
one word, as does a whole numeric cell), lets the first columns (the names) keep their whole width
when the page allows, and wraps text itself: at spaces, or after a hyphen or slash between
letters, never inside a word. Columns that cannot all fit beside each other go to several tables,
each repeating the first column, with a line saying which columns it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

__all__ = ["PAD", "column_widths", "fitted_tables", "wrap_text"]

#: Left and right padding of every cell, in points.
PAD = 3.0
FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 7.5, 9.0
_PIECE = re.compile(r".+?(?:(?<=[A-Za-z])[-/](?=[A-Za-z])|$)")


def _width(text: str, font: str = FONT, size: float = SIZE) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of ``text``, each with whether a space follows it: words, and the
    parts of a hyphenated or slashed word ("economic-", "consequences")."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        parts = _PIECE.findall(word) or [word]
        out += [(p, False) for p in parts[:-1]] + [(parts[-1], True)]
    return out


def wrap_text(text: str, width: float, *, font: str = FONT, size: float = SIZE) -> list[str]:
    """``text`` as lines at most ``width`` points wide (a piece wider than that alone on its line),
    broken at spaces or after a hyphen or slash between letters, never inside a word."""
    lines: list[str] = []
    line = ""
    for piece, space in _pieces(text):
        candidate = line + piece
        if line and _width(candidate.rstrip(), font, size) > width:
            lines.append(line.rstrip())
            candidate = piece
        line = candidate + (" " if space else "")
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _min_width(text: str, numeric: bool, font: str) -> float:
    if numeric:
        return _width(text, font)
    return max((_width(p, font) for p, _ in _pieces(text)), default=0.0)


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: Sequence[bool], width: float, keep_whole: int = 1
) -> list[float] | None:
    """Column widths (points, padding included) that fit ``width``, or None when the columns'
    longest words alone are wider than that.

    Every column gets at least its longest word (headers wrap, a numeric cell is one word); the
    first ``keep_whole`` columns then get their widest cell on one line if the others can still
    have their longest words; the space left goes to the columns whose cells would wrap, in
    proportion to what they lack, then to headers that would wrap. A row shorter than the header spans its last cell over the
    rest: that cell counts for no column's width.
    """
    n = len(header)
    mins = [_min_width(header[j], False, BOLD) for j in range(n)]
    prefs = list(mins)
    for row in rows:
        for j, cell in enumerate(row):
            if len(row) < n and j == len(row) - 1:
                continue  # a spanning cell
            mins[j] = max(mins[j], _min_width(cell, numeric[j], FONT))
            prefs[j] = max(prefs[j], _width(cell))
    mins = [m + 2 * PAD + 1 for m in mins]
    prefs = [max(p + 2 * PAD + 1, m) for p, m in zip(prefs, mins)]
    if sum(mins) > width:
        return None
    widths = list(mins)
    for j in range(min(keep_whole, n)):
        if sum(widths) - widths[j] + prefs[j] <= width:
            widths[j] = prefs[j]
    lack = [p - w for p, w in zip(prefs, widths)]
    room = width - sum(widths)
    if sum(lack) > room:
        return [w + room * d / sum(lack) for w, d in zip(widths, lack)]
    widths = [w + d for w, d in zip(widths, lack)]
    # space to spare: headers on fewer lines, as far as it goes
    heads = [max(w, _width(h, BOLD) + 2 * PAD + 1) for w, h in zip(widths, header)]
    lack, room = [h - w for h, w in zip(heads, widths)], width - sum(widths)
    if sum(lack) <= room:
        return heads
    return [w + room * d / sum(lack) for w, d in zip(widths, lack)]


def _chunks(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool], width: float, keys: int) -> list[list[int]]:
    """The columns of each part: the ``keys`` first columns in every part, then the others in as
    few parts as fit beside them (at least one a part), of about equal size when that fits too."""
    full = [r for r in rows if len(r) == len(header)]

    def fits(cols: list[int]) -> bool:
        trial = [*range(keys), *cols]
        return column_widths([header[c] for c in trial], [[r[c] for c in trial] for r in full], numeric=[numeric[c] for c in trial], width=width, keep_whole=0) is not None

    greedy: list[list[int]] = []
    current: list[int] = []
    for j in range(keys, len(header)):
        if current and not fits([*current, j]):
            greedy.append(current)
            current = []
        current.append(j)
    greedy.append(current)
    others = list(range(keys, len(header)))
    size = -(-len(others) // len(greedy))
    even = [others[i : i + size] for i in range(0, len(others), size)] if others else [[]]
    parts = even if len(even) == len(greedy) and all(fits(p) for p in even) else greedy
    return [[*range(keys), *p] for p in parts]


def fitted_tables(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    width: float,
    numeric: Sequence[bool] | None = None,
    keys: int = 1,
    columns_name: str = "columns",
) -> list[Any]:
    """ReportLab flowables showing the table within ``width`` points: one table when its columns
    fit, else one table per part, each repeating the first ``keys`` columns and introduced by a
    line naming the columns it holds ("markers 1–6 of 14"). ``numeric[j]`` marks columns whose
    cells never wrap. A row shorter than the header spans its last cell over the remaining columns."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = ParagraphStyle("fitted-cell", fontName=FONT, fontSize=SIZE, leading=LEADING)
    head = ParagraphStyle("fitted-head", parent=cell, fontName=BOLD)
    note = ParagraphStyle("fitted-note", parent=cell, textColor=colors.HexColor("#5b6475"), spaceBefore=4)
    header = [str(h) for h in header]
    text_rows = [["" if c is None else str(c) for c in r] for r in rows]
    numeric = list(numeric) if numeric is not None else [False] * len(header)
    widths = column_widths(header, text_rows, numeric=numeric, width=width, keep_whole=keys)
    parts = [list(range(len(header)))] if widths is not None else _chunks(header, text_rows, numeric, width, keys)
    out: list[Any] = []
    for cols in parts:
        sub_header = [header[c] for c in cols]
        sub_rows = [[r[c] for c in cols if c < len(r)] if len(r) == len(header) else r[: min(len(r), keys + 1)] for r in text_rows]
        ws = widths if len(parts) == 1 else column_widths(sub_header, sub_rows, numeric=[numeric[c] for c in cols], width=width, keep_whole=keys)
        if ws is None:  # a single column wider than the page: share the width out evenly
            ws = [width / len(cols)] * len(cols)
        if len(parts) > 1:
            first, last = cols[keys] - keys + 1, cols[-1] - keys + 1
            out.append(Paragraph(escape(f"{columns_name.capitalize()} {first}–{last} of {len(header) - keys} (the table is in {len(parts)} parts to fit the page)"), note))
        data: list[list[Any]] = [[_para(h, ws[j], head) for j, h in enumerate(sub_header)]]
        spans = []
        for i, r in enumerate(sub_rows, start=1):
            if len(r) < len(cols):
                spans.append(("SPAN", (len(r) - 1, i), (-1, i)))
                span_w = sum(ws[len(r) - 1 :])
                data.append([_para(c, span_w if j == len(r) - 1 else ws[j], cell) for j, c in enumerate(r)] + [""] * (len(cols) - len(r)))
            else:
                data.append([_para(c, ws[j], cell, whole=numeric[cols[j]]) for j, c in enumerate(r)])
        t = Table(data, colWidths=ws, repeatRows=1, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f5f8")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d9dde5")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                    ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    *spans,
                ]
            )
        )
        out.append(t)
    return out


def _para(text: str, col_width: float, style: Any, *, whole: bool = False) -> Any:
    """A cell: ``text`` wrapped by :func:`wrap_text` to the column (a numeric cell kept on one
    line), lines joined by explicit breaks so ReportLab has no word left to split."""
    from reportlab.platypus import Paragraph

    inner = col_width - 2 * PAD
    lines = [text] if whole else wrap_text(text, inner, font=style.fontName, size=style.fontSize)
    return Paragraph("<br/>".join(escape(line, quote=False) for line in lines), style)
