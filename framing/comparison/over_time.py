"""Framing over time: each marker's rate and each main actor's portrayal, by month, per outlet
(or per any group), with 95% intervals.

One tidy table (:func:`over_time`), one row per month, series (an outlet, or the value of ``by``)
and measure:

* ``kind="marker"``: the mean rate per 1,000 words (the outlet's own words by default) of the
  series' articles of that month, with a percentile bootstrap interval over articles
  (:func:`~framing.comparison.stats.bootstrap_ci`, as the profiles have);
* ``kind="actor"``: the portrayal of a main actor in the outlet's own voice (the mean sentiment of
  its mentions outside quotations, :func:`~framing.actors.portrayal.own_voice`, in [-1, 1]), first
  averaged within each article, then over the month's articles that mention it, with a bootstrap
  interval over those articles (mentions in one article are not independent draws).

Months come from ``published`` (``2026-03``); undated articles are left out (``undated`` in
the table's ``attrs`` counts them). Copies of another article are left out.

Example::

    table = framing.over_time(results)                 # every outlet, every marker, 6 main actors
    table[table.key == "registers.marxist"].pivot(index="month", columns="series", values="mean")
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from framing.actors.portrayal import own_voice
from framing.comparison.grouping import group_of
from framing.comparison.stats import bootstrap_ci
from framing.comparison.tables import marker_rate
from framing.errors import check_option
from framing.markers.registry import MarkerRegistry, marker_registry
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["OVER_TIME_COLUMNS", "main_actors", "over_time", "series_field"]

OVER_TIME_COLUMNS = ["kind", "key", "label", "series", "month", "n", "mean", "ci_low", "ci_high"]


def series_field(by: str) -> str:
    """The field whose values are the lines of the over-time charts: ``by``, except that grouping
    by ``published`` (months) draws a line per outlet."""
    return "outlet" if by == "published" else by


def main_actors(results: Iterable[ArticleResult], *, top: int = 6) -> list[tuple[str, str]]:
    """The ``top`` actors with the most scored mentions in the outlets' own voice: ``(id, name)``."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for r in results:
        if r.article.duplicate_of:
            continue
        for a in r.actors:
            if a.get("candidate"):
                continue
            n = len(own_voice(a.get("mentions", ())))
            if n:
                counts[a["actor"]] += n
                names.setdefault(a["actor"], a["name"])
    return [(aid, names[aid]) for aid, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def over_time(
    results: Iterable[ArticleResult],
    *,
    by: str = "outlet",
    markers: Sequence[str] | None = None,
    actors: Sequence[str] | None = None,
    top_actors: int = 6,
    voice: Literal["outlet", "all"] = "outlet",
    n_boot: int = 1000,
    registry: MarkerRegistry | None = None,
) -> pd.DataFrame:
    """Each marker's rate and each main actor's own-voice portrayal by month and series.

    Parameters
    ----------
    results : Results or iterable of ArticleResult
    by : str
        The series: ``outlet`` (default) or any field articles are grouped by (``ownership`` with
        outlet facts, a metadata column); ``published`` draws a series per outlet.
    markers : sequence of str, optional
        Marker keys (``registers.marxist``); default every marker of the results.
    actors : sequence of str, optional
        Actor ids (``china``); default the ``top_actors`` with the most own-voice mentions.
    voice : {"outlet", "all"}
        Marker rates of the outlet's own words (default) or of every word.

    Returns
    -------
    DataFrame with columns ``kind`` (``marker`` or ``actor``), ``key``, ``label``, ``series``,
    ``month``, ``n`` (articles), ``mean``, ``ci_low``, ``ci_high`` (95%; None below 2 articles),
    sorted by kind, key, series and month; ``attrs["undated"]`` counts the articles left out for
    want of a date, ``attrs["series_field"]`` names the field of the series.
    """
    import pandas as pd

    check_option("voice", voice, ("outlet", "all"))
    field = series_field(by)
    rs = [r for r in results if not r.article.duplicate_of]
    dated = [r for r in rs if r.article.published]
    months = [group_of(r, "published") for r in dated]
    series = [group_of(r, field) for r in dated]
    reg = registry or marker_registry()
    keys = list(markers) if markers is not None else sorted({k for r in dated for k in r.markers})
    chosen = [(a, a) for a in actors] if actors is not None else main_actors(dated, top=top_actors)
    cells: dict[tuple[str, str], list[int]] = {}
    for i, cell in enumerate(zip(series, months)):
        cells.setdefault(cell, []).append(i)
    rows: list[dict[str, Any]] = []
    rate_field: Literal["rate", "all_rate"] = "rate" if voice == "outlet" else "all_rate"
    for k in keys:
        values = np.array([marker_rate(r, k, rate_field) for r in dated])
        for (s, m), idx in cells.items():
            rows.append(_row("marker", k, reg.phrase(k), s, m, values[idx], n_boot))
    for aid, name in chosen:
        per_article = [_article_portrayal(r, aid) for r in dated]
        if actors is not None:  # a name for an actor chosen by id, from its first mention
            name = next((a["name"] for r in dated for a in r.actors if a["actor"] == aid), aid)
        for (s, m), idx in cells.items():
            vals = np.array([per_article[i] for i in idx if per_article[i] is not None], dtype=float)
            if len(vals):
                rows.append(_row("actor", aid, name, s, m, vals, n_boot))
    frame = pd.DataFrame(rows, columns=OVER_TIME_COLUMNS)
    if not frame.empty:
        frame = frame.sort_values(["kind", "key", "series", "month"], kind="stable").reset_index(drop=True)
    frame.attrs["undated"] = len(rs) - len(dated)
    frame.attrs["series_field"] = field
    return frame


def _row(kind: str, key: str, label: str, series: str, month: str, values: np.ndarray, n_boot: int) -> dict[str, Any]:
    lo, hi = bootstrap_ci(values, n_boot=n_boot)
    return {"kind": kind, "key": key, "label": label, "series": series, "month": month, "n": len(values), "mean": float(values.mean()), "ci_low": lo, "ci_high": hi}


def _article_portrayal(r: ArticleResult, actor: str) -> float | None:
    """The mean own-voice sentiment of ``actor``'s mentions in one article; None without any."""
    scores = [m["score"] for a in r.actors if a["actor"] == actor for m in own_voice(a.get("mentions", ()))]
    return sum(scores) / len(scores) if scores else None
