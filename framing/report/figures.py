"""Charts for reports, drawn with matplotlib's object-oriented API (no pyplot state).

Each function takes plain report data and returns a :class:`matplotlib.figure.Figure`;
:func:`to_svg` and :func:`to_png` serialise it. SVG text is drawn as paths
(``svg.fonttype = "path"``), so no article or outlet string ever reaches the SVG as markup.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

__all__ = ["HATCHES", "MARKERS", "PALETTE", "actor_sentiment_chart", "over_time_chart", "profile_chart", "profile_chart_parts", "quote_chart", "series_style", "to_png", "to_svg"]

#: Paul Tol's "muted" qualitative scheme, in his order: nine colours that stay distinct to readers
#: with red-green (deuteranopia, protanopia) and blue-yellow (tritanopia) colour blindness.
#: Source: Paul Tol, "Colour Schemes", SRON technical note SRON/EPS/TN/09-002, issue 3.2 (2021),
#: https://personal.sron.nl/~pault/data/colourschemes.pdf (section 2, Fig. 4 "muted").
PALETTE = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")
#: Beyond nine series the colours come round again with a fill pattern (bars) or a marker shape
#: (dots), so no two series of a chart look alike up to 9 x 8 = 72 series.
HATCHES = ("", "////", "\\\\\\\\", "xxx", "----", "||||", "+++", "//--")  # lines only: dotted hatches make SVGs of megabytes
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_DARK = {"#332288", "#117733", "#882255", "#AA4499", "#999933", "#44AA99"}  # patterns drawn in white on these


def series_style(i: int) -> dict[str, str]:
    """How series ``i`` of a chart looks: ``color``, ``hatch`` (bars) and ``marker`` (dots); the
    pair (colour, pattern) is different for every series up to ``len(PALETTE) * len(HATCHES)``."""
    color = PALETTE[i % len(PALETTE)]
    round_ = (i // len(PALETTE)) % len(HATCHES)
    return {"color": color, "hatch": HATCHES[round_], "marker": MARKERS[round_ % len(MARKERS)], "edge": "#ffffff" if color in _DARK else "#333333"}


def to_svg(fig: Figure) -> str:
    buf = io.StringIO()
    with rc_context({"svg.fonttype": "path"}):
        FigureCanvasSVG(fig).print_svg(buf)
    svg = buf.getvalue()
    return svg[svg.index("<svg") :]  # drop the XML prolog and doctype for inline use


def to_png(fig: Figure, dpi: int = 150) -> bytes:
    buf = io.BytesIO()
    FigureCanvasAgg(fig)
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


FIG_WIDTH = 7.5  # inches: the width of every chart (the PDF text width, scaled)


def _short(name: str, n: int = 28) -> str:
    """``name`` cut to ``n`` characters, an ellipsis marking the cut."""
    return name if len(name) <= n else name[: n - 1].rstrip() + "…"


def _wrap(label: str, width: int = 26, lines: int = 2) -> str:
    """``label`` on at most ``lines`` lines of about ``width`` characters, broken between words (or
    after a hyphen), never inside one; what does not fit ends in an ellipsis."""
    parts = textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=True) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], _short(" ".join(parts[lines - 1 :]), width)]
    return "\n".join(_short(p, width) for p in parts)


def _legend_layout(labels: Sequence[str], fontsize: float = 8) -> tuple[int, float]:
    """Columns and height (inches) of a legend below the plot that fits the chart's width."""
    if not labels:
        return 1, 0.0
    widest = max(len(x) for x in labels) * fontsize * 0.55 / 72 + 0.45  # text, handle and gap
    ncol = max(1, min(len(labels), int(FIG_WIDTH // widest)))
    rows = -(-len(labels) // ncol)
    return ncol, 0.2 + rows * fontsize * 1.45 / 72


def _finish(fig: Figure, ax: Any, *, title: str, xlabel: str, ncol: int, fontsize: float = 8) -> None:
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if ax.get_legend_handles_labels()[0]:
        fig.legend(fontsize=fontsize, frameon=False, loc="outside lower center", ncols=ncol)


def _profile_dims(groups: Sequence[str], title: bool) -> tuple[float, float]:
    """Inches a profile chart takes per marker (a bar about 7 points tall per group) and for the rest."""
    return 0.3 + 0.1 * max(1, len(groups)), 0.9 + (0.35 if title else 0) + _legend_layout([_short(g) for g in groups])[1]


def profile_chart_parts(n_markers: int, groups: Sequence[str], *, max_height: float, title: bool = True) -> list[range]:
    """The markers of a profile in consecutive parts of about equal size whose charts are each at
    most ``max_height`` inches tall (at least one marker a part): for a page of print."""
    per_marker, fixed = _profile_dims(groups, title)
    fit = max(1, int((max_height - fixed) // per_marker))
    parts = -(-n_markers // fit) if n_markers else 1
    size = -(-n_markers // parts) if n_markers else 0
    return [range(i, min(i + size, n_markers)) for i in range(0, n_markers, size)] if size else [range(0)]


def profile_chart(groups: Sequence[str], markers: Sequence[str], labels: Sequence[str], table: dict[str, dict[str, dict[str, Any]]], *, title: str) -> Figure:
    """Grouped horizontal bars: per marker, each group's mean rate per 1,000 words with its 95% CI.

    ``table[marker][group]`` holds ``mean``, ``ci_low``, ``ci_high``. Each group has its own
    colour, then colour and pattern (:func:`series_style`); the chart grows with the groups, so a
    bar stays about 7 points tall, and the legend below it takes as many rows as it needs.
    """
    names = [_short(g) for g in groups]
    ncol = _legend_layout(names)[0]
    per_marker, fixed = _profile_dims(groups, bool(title))
    n = max(1, len(groups))
    fig = Figure(figsize=(FIG_WIDTH, max(2.5, fixed + len(markers) * per_marker)), layout="constrained")
    ax = fig.add_subplot()
    bar_h = 0.8 / n
    for gi, g in enumerate(groups):
        ys, xs, lo, hi = [], [], [], []
        for mi, m in enumerate(markers):
            cell = table.get(m, {}).get(g, {})
            mean = cell.get("mean") or 0.0
            ys.append(mi + (gi - (n - 1) / 2) * bar_h)
            xs.append(mean)
            lo.append(mean - (cell["ci_low"] if cell.get("ci_low") is not None else mean))
            hi.append((cell["ci_high"] if cell.get("ci_high") is not None else mean) - mean)
        st = series_style(gi)
        ax.barh(ys, xs, height=bar_h * 0.92, color=st["color"], hatch=st["hatch"], edgecolor=st["edge"], linewidth=0, label=names[gi])
        ax.errorbar(xs, ys, xerr=[lo, hi], fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
    ax.set_yticks(range(len(markers)), [_wrap(x) for x in labels], fontsize=9)
    ax.set_ylim(len(markers) - 0.5, -0.5)  # first marker on top
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_axisbelow(True)
    _finish(fig, ax, title=title, xlabel="matches per 1,000 words (bars: group mean; lines: 95% bootstrap interval)", ncol=ncol)
    return fig


def actor_sentiment_chart(rows: Sequence[dict[str, Any]], groups: Sequence[str], *, title: str) -> Figure:
    """Dot plot: mean sentiment toward each actor in each group, with 95% intervals; each group its
    colour, then colour and marker shape; each actor's row grows with the groups."""
    actors = list(dict.fromkeys(r["name"] for r in rows))
    names = [_short(g) for g in groups]
    ncol, legend_h = _legend_layout(names)
    n = max(1, len(groups))
    height = 0.9 + (0.35 if title else 0) + legend_h + len(actors) * max(0.45, 0.12 + 0.09 * n)
    fig = Figure(figsize=(FIG_WIDTH, max(2.2, height)), layout="constrained")
    ax = fig.add_subplot()
    for gi, g in enumerate(groups):
        pts = [r for r in rows if r["group"] == g and r.get("mean_sentiment") is not None]
        ys = [actors.index(r["name"]) + (gi - (n - 1) / 2) * (0.8 / n) for r in pts]
        xs = [r["mean_sentiment"] for r in pts]
        lo = [x - (r["ci_low"] if r.get("ci_low") is not None else x) for x, r in zip(xs, pts)]
        hi = [(r["ci_high"] if r.get("ci_high") is not None else x) - x for x, r in zip(xs, pts)]
        st = series_style(gi)
        ax.errorbar(xs, ys, xerr=[lo, hi], fmt=st["marker"], color=st["color"], mec="#333333", mew=0.5, ms=5, elinewidth=1, capsize=2, label=names[gi])
    ax.axvline(0, color="#999999", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_yticks(range(len(actors)), [_wrap(a) for a in actors], fontsize=9)
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.grid(axis="x", color="#eeeeee")
    _finish(fig, ax, title=title, xlabel="mean sentiment of mentions (−1 negative … +1 positive), 95% interval", ncol=ncol)
    return fig


def quote_chart(groups: Sequence[str], speakers: Sequence[str], counts: dict[str, dict[str, int]], *, title: str) -> Figure:
    """Stacked horizontal bars: who is quoted in each group (share of voice); a row per group."""
    names = [_short(s, 22) for s in speakers]
    ncol, legend_h = _legend_layout(names, fontsize=7)
    height = 0.8 + (0.35 if title else 0) + legend_h + 0.4 * len(groups)
    fig = Figure(figsize=(FIG_WIDTH, max(2.0, height)), layout="constrained")
    ax = fig.add_subplot()
    left = [0.0] * len(groups)
    for si, s in enumerate(speakers):
        vals = [counts.get(g, {}).get(s, 0) for g in groups]
        st = series_style(si)
        ax.barh(range(len(groups)), vals, left=left, color=st["color"], hatch=st["hatch"], edgecolor=st["edge"], linewidth=0, label=names[si])
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(range(len(groups)), [_wrap(g, 26) for g in groups], fontsize=9)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    _finish(fig, ax, title=title, xlabel="quotations and reported statements", ncol=ncol, fontsize=7)
    return fig


def over_time_chart(
    panels: Sequence[tuple[str, dict[str, dict[str, dict[str, Any]]]]],
    series: Sequence[str],
    months: Sequence[str],
    *,
    title: str,
    ylabel: str,
    ylim: tuple[float, float] | None = None,
) -> Figure:
    """Small multiples over time: a panel per measure (a marker, an actor), months along the
    bottom, a line per series (outlet or group) with its 95% intervals as vertical bars.

    ``panels`` is ``[(label, {series: {month: {"mean", "ci_low", "ci_high"}}})]``. Each series
    keeps its colour, then colour and marker shape (:func:`series_style`), in every panel; series
    are nudged apart sideways so their intervals do not hide each other; the legend below names
    them once.
    """
    n = max(1, len(panels))
    ncol = 1 if n == 1 else 2 if n <= 4 else 3
    nrow = -(-n // ncol)
    names = [_short(s) for s in series]
    leg_cols, legend_h = _legend_layout(names)
    height = 0.6 + (0.35 if title else 0) + legend_h + nrow * 1.9
    fig = Figure(figsize=(FIG_WIDTH, height), layout="constrained")
    axes = fig.subplots(nrow, ncol, squeeze=False)
    x_of = {m: i for i, m in enumerate(months)}
    step = max(1, -(-len(months) // (8 if ncol == 1 else 5 if ncol == 2 else 3)))  # month labels that fit a panel
    width = 0.5 / max(1, len(series))
    labelled: set[str] = set()  # each series named once in the legend, from the first panel it is in
    for k, ax in enumerate(axes.flat):
        if k >= len(panels):
            ax.set_axis_off()
            continue
        label, cells = panels[k]
        for si, s in enumerate(series):
            pts = sorted((x_of[m], c) for m, c in cells.get(s, {}).items() if m in x_of and c.get("mean") is not None)
            if not pts:
                continue
            st = series_style(si)
            xs = [x + (si - (len(series) - 1) / 2) * width for x, _ in pts]
            ys = [c["mean"] for _, c in pts]
            lo = [y - (c["ci_low"] if c.get("ci_low") is not None else y) for y, (_, c) in zip(ys, pts)]
            hi = [(c["ci_high"] if c.get("ci_high") is not None else y) - y for y, (_, c) in zip(ys, pts)]
            ax.errorbar(xs, ys, yerr=[lo, hi], fmt="-" + st["marker"], color=st["color"], mec="#333333", mew=0.4, ms=4, lw=1, elinewidth=0.8, capsize=1.5, label=None if s in labelled else names[si])
            labelled.add(s)
        if ylim is not None:
            ax.set_ylim(*ylim)
            ax.axhline(0, color="#999999", lw=0.6)
        else:
            ax.set_ylim(bottom=0)
        ax.set_title(_wrap(label, 34 if ncol > 1 else 60), fontsize=8, loc="left")
        ax.set_xlim(-0.5, max(0.5, len(months) - 0.5))
        ticks = list(range(0, len(months), step))
        ax.set_xticks(ticks, [months[i] for i in ticks], fontsize=7)
        ax.tick_params(axis="y", labelsize=7)
        ax.grid(axis="y", color="#eeeeee")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    fig.supylabel(ylabel, fontsize=8)
    if any(ax.get_legend_handles_labels()[0] for ax in axes.flat):
        fig.legend(fontsize=8, frameon=False, loc="outside lower center", ncols=leg_cols)
    return fig
