"""Reports for many groups: chart series that stay distinct beyond the palette (colour, then
colour and pattern or marker shape) and labels that fit inside the figure."""

from __future__ import annotations

from typing import Any

from framing.report import figures


def _series(fig: Any) -> list[tuple[str, str]]:
    """(colour, pattern) of every bar series of a chart."""
    from matplotlib.colors import to_hex
    from matplotlib.container import BarContainer

    ax = fig.axes[0]
    return [(to_hex(c.patches[0].get_facecolor()), c.patches[0].get_hatch() or "") for c in ax.containers if isinstance(c, BarContainer)]


def test_chart_series_stay_distinct_beyond_the_palette() -> None:
    """30 groups: 30 different (colour, pattern) bars and (colour, marker) dots; the first nine are
    nine different colours of the colour-blind-safe palette, without patterns."""
    from matplotlib.colors import to_hex

    groups = [f"Outlet number {i}" for i in range(30)]
    table = {"m": {g: {"mean": 1.0 + i, "ci_low": 0.5, "ci_high": 2.0 + i} for i, g in enumerate(groups)}}
    bars = _series(figures.profile_chart(groups, ["m"], ["a marker"], table, title=""))
    assert len(bars) == 30 and len(set(bars)) == 30
    assert len({c for c, _ in bars[:9]}) == 9 and all(h == "" for _, h in bars[:9])
    assert {c for c, _ in bars} <= {c.lower() for c in figures.PALETTE}
    rows = [{"name": "Mark Carney", "group": g, "mean_sentiment": 0.1, "ci_low": 0.0, "ci_high": 0.2} for g in groups]
    fig = figures.actor_sentiment_chart(rows, groups, title="")
    dots = [(to_hex(line.get_color()), line.get_marker()) for line in fig.axes[0].lines if line.get_marker() not in (None, "None", "", "|", "_")]  # not the caps of the intervals
    assert len(dots) == 30 and len(set(dots)) == 30
    speakers = [f"Speaker {i}" for i in range(9)]
    quotes = _series(figures.quote_chart(groups[:3], speakers, {g: dict.fromkeys(speakers, 1) for g in groups[:3]}, title=""))
    assert len({c for c, _ in quotes}) == 9


def _outside(fig: Any) -> list[str]:
    """The texts of a chart (tick labels, legend, axis labels) that do not fit inside the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    texts = [*fig.axes[0].get_yticklabels(), fig.axes[0].xaxis.label]
    for legend in fig.legends:
        texts += legend.get_texts()
    out = []
    for t in texts:
        if not t.get_text():
            continue
        e = t.get_window_extent(renderer)
        if e.x0 < box.x0 - 1 or e.y0 < box.y0 - 1 or e.x1 > box.x1 + 1 or e.y1 > box.y1 + 1:
            out.append(t.get_text())
    return out


def test_chart_labels_fit_inside_the_figure() -> None:
    """Long marker, actor and group names and a legend of 30 groups stay inside the figure: labels
    wrap between words or end in an ellipsis, and the figure grows with the groups."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    groups = [f"The Very Long Name of Outlet Number {i} International Edition" for i in range(30)]
    labels = ["the external-regulation-and-reputation frame of a very long marker label indeed", "short"]
    table = {m: {g: {"mean": 2.0} for g in groups} for m in ("a", "b")}
    fig = figures.profile_chart(groups, ["a", "b"], labels, table, title="A title")
    FigureCanvasAgg(fig)
    assert _outside(fig) == []
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert all(len(line) <= 26 for t in ticks for line in t.split("\n")) and ticks[0].endswith("…")
    rows = [{"name": n, "group": g, "mean_sentiment": 0.2} for n in ("Prime Minister of the United Kingdom of Great Britain", "Xi") for g in groups]
    fig = figures.actor_sentiment_chart(rows, groups, title="")
    FigureCanvasAgg(fig)
    assert _outside(fig) == []
    fig = figures.quote_chart(groups, ["Donald Trump"], {g: {"Donald Trump": 1} for g in groups}, title="")
    FigureCanvasAgg(fig)
    assert _outside(fig) == []
    heights = [figures.profile_chart(groups[:n], ["a", "b"], labels, table, title="").get_figheight() for n in (3, 12, 30)]
    assert heights[0] < heights[1] < heights[2]
