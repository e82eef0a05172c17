"""Reports of a comparison: report data first (:func:`report_data`), then one renderer per format.

>>> import framing
>>> comparison = framing.compare(framing.analyze(framing.load("examples/corpus"), progress=False))
>>> page = framing.report.html(comparison)             # or html(comparison, "report.html")
>>> "<html" in page
True

``pdf(comparison, path)``, ``markdown(comparison, path=None)`` and ``write_tables(comparison,
folder)`` (every table as CSV plus the report data as JSON) write the other formats.

Every table of every format has every group. The charts show the 12 largest groups, or
``max_groups=N`` of them, or the groups named in ``groups=[...]`` (exact names, in that order);
the report names the groups the charts leave out:

>>> page = framing.report.html(comparison, groups=["The Red Ledger", "Harmony Daily"])
>>> "Left out of the charts" in page
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from framing.comparison.result import Comparison
from framing.report.data import report_data
from framing.report.html import render_comparison_html
from framing.report.markdown import render_markdown
from framing.report.pdf import write_pdf
from framing.report.termplot import term_plot, term_plot_data
from framing.safe_output import finite_json, safe_frame

__all__ = ["html", "markdown", "pdf", "render_comparison_html", "render_markdown", "report_data", "term_plot", "term_plot_data", "write_pdf", "write_tables"]


def html(comparison: Comparison, path: str | Path | None = None, **options: Any) -> str:
    """The comparison report as one self-contained HTML page; written to ``path`` if given.

    ``options`` are those of :func:`report_data`: ``title``, ``max_articles``, and the groups the
    charts show, ``groups`` (exact names; an unknown one raises
    :class:`~framing.errors.OptionError` listing the groups) or ``max_groups`` (the largest N,
    default 12). Every table has every group.
    """
    page = render_comparison_html(report_data(comparison, **options))
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page


def markdown(comparison: Comparison, path: str | Path | None = None, **options: Any) -> str:
    """A short Markdown summary of the comparison; written to ``path`` if given."""
    text = render_markdown(report_data(comparison, **options))
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


def pdf(comparison: Comparison, path: str | Path, **options: Any) -> Path:
    """The comparison report laid out for print (A4, charts included), written to ``path``."""
    write_pdf(report_data(comparison, **options), str(path))
    return Path(path)


def write_tables(comparison: Comparison, folder: str | Path) -> list[str]:
    """Every table of the comparison as CSV, and the report data as JSON, in ``folder``."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in comparison.tables().items():
        p = out / f"{name}.csv"
        safe_frame(frame).to_csv(p, index=False)  # no cell from an input runs as a formula in a spreadsheet
        written.append(str(p))
    p = out / "comparison.json"
    data = report_data(comparison, term_plot=False, concordance=False)  # the page's interactive parts are not tables
    p.write_text(json.dumps(finite_json(data), ensure_ascii=False, indent=1, default=str, allow_nan=False), encoding="utf-8")
    written.append(str(p))
    return written
