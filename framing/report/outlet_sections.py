"""The report's outlet sections as plain data: the outlets compared with their registry facts
(unknown outlets listed), the blindspot table (per story, which kinds of outlets covered it and
which never did) and the charts over time (markers and main actors' portrayal by month per outlet).

:func:`outlet_sections` is called by :func:`framing.report.data.report_data`; the HTML, Markdown
and PDF renderers lay its keys out (``outlet_facts``, ``blindspots``, ``over_time``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from framing.comparison.grouping import UNKNOWN
from framing.comparison.result import Comparison
from framing.report import figures

__all__ = ["BLINDSPOT_ROWS", "OVER_TIME_SERIES", "outlet_sections", "over_time_figure"]

#: Stories shown in the report's blindspot table (every story is in tables/blindspots.csv)
BLINDSPOT_ROWS = 30
#: Lines the charts over time draw at most (the series with the most articles)
OVER_TIME_SERIES = 12
_ACTOR_YLIM = (-1.05, 1.05)


def _clean(v: Any) -> Any:
    return None if isinstance(v, float) and math.isnan(v) else v


def outlet_sections(comp: Comparison, charted: Sequence[str]) -> dict[str, Any]:
    """``outlet_facts``, ``blindspots`` and ``over_time`` of the report (None when the comparison
    has no such table); ``charted`` are the groups the other charts show."""
    return {"outlet_facts": _outlet_facts(comp), "blindspots": _blindspots(comp), "over_time": _over_time(comp, charted)}


def _outlet_facts(comp: Comparison) -> dict[str, Any] | None:
    frame = comp.outlets
    if frame is None:
        return None
    rows = [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
    unknown = [r for r in rows if r["registry_outlet"] is None]
    return {
        "rows": [r for r in rows if r["registry_outlet"] is not None],
        "unknown": [{"outlet": r["outlet"], "articles": r["articles"]} for r in unknown],
        "registry": comp.outlet_registry,
    }


def _blindspots(comp: Comparison) -> dict[str, Any] | None:
    frame = comp.blindspots
    if frame is None:
        return None
    fixed = ["story", "title", "published", "articles", "outlets", "covered_by", "never_covered_by"]
    values = [c for c in frame.columns if c not in fixed]
    rows = []
    for row in frame.head(BLINDSPOT_ROWS).to_dict(orient="records"):
        rows.append({
            **{k: _clean(row[k]) for k in fixed},
            "counts": [int(row[v]) for v in values],
            "never": [v for v in values if v != UNKNOWN and not row[v]],
        })
    return {"by": comp.blindspot_by, "kinds": values, "rows": rows, "n_stories": len(frame)}


def over_time_figure(chart: dict[str, Any], months: Sequence[str], series: Sequence[str], *, title: str = "") -> Any:
    """The matplotlib figure of one over-time chart of the report data (HTML as SVG, PDF as PNG)."""
    panels = [(p["label"], p["cells"]) for p in chart["panels"]]
    ylim = (float(chart["ylim"][0]), float(chart["ylim"][1])) if chart.get("ylim") else None
    return figures.over_time_chart(panels, series, months, title=title, ylabel=chart["ylabel"], ylim=ylim)


def _month_range(seen: Sequence[str]) -> list[str]:
    """Every month from the first to the last of ``seen`` (``2018-03``), so months without articles
    keep their place on the time axis; months that are not dates are kept as they are."""
    try:
        first, last = (tuple(int(x) for x in m.split("-")) for m in (seen[0], seen[-1]))
        y, m = first
        out = []
        while (y, m) <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    except ValueError:
        return list(seen)
    return out if set(seen) <= set(out) else list(seen)


def _over_time(comp: Comparison, charted: Sequence[str]) -> dict[str, Any] | None:
    table = comp.over_time
    if table is None:
        return None
    field = table.attrs.get("series_field", comp.by)
    months = _month_range(sorted(set(table["month"]))) if len(table) else []
    sizes: dict[str, int] = {}
    first_key = table.loc[table["kind"] == "marker", "key"].iloc[0] if (table["kind"] == "marker").any() else None
    for row in table[table["key"] == first_key].itertuples() if first_key is not None else ():
        sizes[str(row.series)] = sizes.get(str(row.series), 0) + int(row.n)
    if field == comp.by:
        series = [g for g in charted if g in sizes] or list(sizes)
    else:
        series = sorted(sizes, key=lambda s: (-sizes[s], s))[:OVER_TIME_SERIES]
    left_out = sorted(s for s in sizes if s not in series)
    cells: dict[tuple[str, str], dict[str, dict[str, dict[str, Any]]]] = {}
    labels: dict[tuple[str, str], str] = {}
    for row in table.to_dict(orient="records"):
        key = (row["kind"], row["key"])
        labels[key] = row["label"]
        cells.setdefault(key, {}).setdefault(str(row["series"]), {})[row["month"]] = {
            "mean": _clean(row["mean"]), "ci_low": _clean(row["ci_low"]), "ci_high": _clean(row["ci_high"]), "n": int(row["n"]),
        }
    charts: list[dict[str, Any]] = []
    marker_keys = [k for kind, k in cells if kind == "marker" and any((c["mean"] or 0) > 0 for s in cells[(kind, k)].values() for c in s.values())]
    for profile in comp.registry.profiles(marker_keys):
        panels = [{"label": labels[("marker", k)], "cells": cells[("marker", k)]} for k in profile.keys]
        charts.append({"key": profile.name, "title": profile.title, "ylabel": "matches per 1,000 words", "ylim": None, "panels": panels})
    actor_keys = [k for kind, k in cells if kind == "actor"]
    if actor_keys:
        panels = [{"label": labels[("actor", k)], "cells": cells[("actor", k)]} for k in actor_keys]
        actor_chart: dict[str, Any] = {"key": "actors", "title": "How the main actors are portrayed (own voice)", "ylabel": "mean sentiment (−1 … +1)", "ylim": list(_ACTOR_YLIM), "panels": panels}
        charts.append(actor_chart)
    for chart in charts:
        chart["svg"] = figures.to_svg(over_time_figure(chart, months, series))
    return {
        "series_field": field,
        "series": series,
        "left_out": left_out,
        "months": months,
        "undated": int(table.attrs.get("undated", 0)),
        "charts": charts,
    }
