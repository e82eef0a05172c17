"""Reports: build a plain, JSON-serialisable report-data object first, then render it.

``report_data(results)`` computes everything a report shows; ``render_html(data)`` turns it into
one self-contained HTML file through a Jinja2 template with autoescaping on, so article text and
metadata can never inject markup or script.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..readability import MEASURES
from ..resources import package_versions
from ..types import ArticleResult, LoadError

__all__ = ["render_html", "report_data", "write_html"]


def _top_markers(result: ArticleResult, n: int = 6) -> list[dict[str, Any]]:
    items = [
        {"key": k, "count": v["count"], "rate": v["rate"]}
        for k, v in result.markers.items()
        if v["count"]
    ]
    items.sort(key=lambda d: (-(d["rate"] or 0), d["key"]))
    return items[:n]


def report_data(results: Sequence[ArticleResult], errors: Sequence[LoadError] = (), *, title: str = "Framing analysis") -> dict[str, Any]:
    """Everything the report shows, as plain data (strings, numbers, lists, dicts)."""
    articles = []
    for r in results:
        a = r.article
        articles.append(
            {
                **{k: v for k, v in a.metadata().items() if k != "meta"},
                "note": a.meta.get("note"),
                "n_sentences": r.n_sentences,
                "n_words": r.n_words,
                "readability": r.readability,
                "top_markers": _top_markers(r),
                "debris": [{"kind": d.kind, "text": d.text} for d in a.debris],
                "lead": a.text[:400],
            }
        )
    outlets: dict[str, int] = {}
    for a in articles:
        outlets[a["outlet"] or "(unknown outlet)"] = outlets.get(a["outlet"] or "(unknown outlet)", 0) + 1
    lexicons = results[0].provenance.get("lexicons", {}) if results else {}
    return {
        "title": title,
        "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "n_articles": len(articles),
        "n_errors": len(errors),
        "n_duplicates": sum(1 for a in articles if a["duplicate_of"]),
        "outlets": outlets,
        "articles": articles,
        "errors": [e.to_dict() for e in errors],
        "measures": list(MEASURES),
        "provenance": {"packages": package_versions(), "lexicons": lexicons},
    }


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(data: dict[str, Any]) -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts, no network)."""
    return _env().get_template("report.html.j2").render(**data)


def write_html(results: Sequence[ArticleResult], path: str | Path, errors: Sequence[LoadError] = (), *, title: str = "Framing analysis") -> Path:
    path = Path(path)
    path.write_text(render_html(report_data(results, errors, title=title)), encoding="utf-8")
    return path
