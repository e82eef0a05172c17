"""Charts for reports, drawn with matplotlib's object-oriented API (no pyplot state).

Each function takes plain report data and returns a :class:`matplotlib.figure.Figure`;
:func:`to_svg` and :func:`to_png` serialise it. SVG text is drawn as paths
(``svg.fonttype = "path"``), so no article or outlet string ever reaches the SVG as markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

__all__ = ["actor_sentiment_chart", "profile_chart", "quote_chart", "to_png", "to_svg"]

PALETTE = ["#2f5d8a", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6", "#7f7f7f", "#b65708", "#1f7a5c", "#a33b78"]


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


def _short(name: str, n: int = 28) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def profile_chart(groups: Sequence[str], markers: Sequence[str], labels: Sequence[str], table: dict[str, dict[str, dict[str, Any]]], *, title: str) -> Figure:
    """Grouped horizontal bars: per marker, each group's mean rate per 1,000 words with its 95% CI.

    ``table[marker][group]`` holds ``mean``, ``ci_low``, ``ci_high``.
    """
    height = 1.0 + len(markers) * (0.11 * len(groups) + 0.3)
    fig = Figure(figsize=(7.5, max(2.5, height)), layout="constrained")
    ax = fig.add_subplot()
    n = max(1, len(groups))
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
        ax.barh(ys, xs, height=bar_h * 0.92, color=PALETTE[gi % len(PALETTE)], label=_short(g))
        ax.errorbar(xs, ys, xerr=[lo, hi], fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
    ax.set_yticks(range(len(markers)), [_short(x, 34) for x in labels])
    ax.invert_yaxis()
    ax.set_xlabel("matches per 1,000 words (bars: group mean; lines: 95% bootstrap interval)")
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(fontsize=8, frameon=False, loc="outside right upper")
    return fig


def actor_sentiment_chart(rows: Sequence[dict[str, Any]], groups: Sequence[str], *, title: str) -> Figure:
    """Dot plot: mean sentiment toward each actor in each group, with 95% intervals."""
    actors = list(dict.fromkeys(r["name"] for r in rows))
    fig = Figure(figsize=(7.5, max(2.2, 0.5 + 0.45 * len(actors))), layout="constrained")
    ax = fig.add_subplot()
    n = max(1, len(groups))
    for gi, g in enumerate(groups):
        pts = [r for r in rows if r["group"] == g and r.get("mean_sentiment") is not None]
        ys = [actors.index(r["name"]) + (gi - (n - 1) / 2) * (0.7 / n) for r in pts]
        xs = [r["mean_sentiment"] for r in pts]
        lo = [x - (r["ci_low"] if r.get("ci_low") is not None else x) for x, r in zip(xs, pts)]
        hi = [(r["ci_high"] if r.get("ci_high") is not None else x) - x for x, r in zip(xs, pts)]
        ax.errorbar(xs, ys, xerr=[lo, hi], fmt="o", color=PALETTE[gi % len(PALETTE)], ms=5, elinewidth=1, capsize=2, label=_short(g))
    ax.axvline(0, color="#999999", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_yticks(range(len(actors)), [_short(a) for a in actors])
    ax.invert_yaxis()
    ax.set_xlabel("mean sentiment of mentions (−1 negative … +1 positive), 95% interval")
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    ax.grid(axis="x", color="#eeeeee")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(fontsize=8, frameon=False, loc="outside right upper")
    return fig


def quote_chart(groups: Sequence[str], speakers: Sequence[str], counts: dict[str, dict[str, int]], *, title: str) -> Figure:
    """Stacked horizontal bars: who is quoted in each group (share of voice)."""
    fig = Figure(figsize=(7.5, max(2.0, 0.6 + 0.45 * len(groups))), layout="constrained")
    ax = fig.add_subplot()
    left = [0.0] * len(groups)
    for si, s in enumerate(speakers):
        vals = [counts.get(g, {}).get(s, 0) for g in groups]
        ax.barh(range(len(groups)), vals, left=left, color=PALETTE[si % len(PALETTE)], label=_short(s, 22))
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(range(len(groups)), [_short(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlabel("quotations and reported statements")
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.legend(fontsize=7, frameon=False, loc="outside right upper")
    return fig
