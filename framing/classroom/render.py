"""The worksheet and its answer key as self-contained HTML pages (inline CSS, no scripts, no network).

The templates live in ``framing/classroom/templates``; autoescaping is on, so article text and
metadata can never inject markup. The key's mark colours and legend come from
:mod:`framing.classroom.flags`, like the PDF's.
"""

from __future__ import annotations

from typing import Any

from framing.classroom.flags import legend, mark_styles
from framing.report.html import jinja_env

__all__ = ["render_answer_key_html", "render_worksheet_html"]


def _mark_rules() -> list[tuple[str, str, str]]:
    """CSS rules for the marks: ``(selector, background, border)``, classes of the same colours in one rule."""
    rules: dict[tuple[str, str], list[str]] = {}
    for s in mark_styles():
        rules.setdefault((s.background, s.border), []).append(f"mark.{s.css}")
    return [(", ".join(sel), bg, border) for (bg, border), sel in rules.items()]


def render_worksheet_html(data: dict[str, Any]) -> str:
    """The student worksheet as one self-contained HTML page."""
    return jinja_env("framing.classroom").get_template("worksheet.html.j2").render(**data)


def render_answer_key_html(data: dict[str, Any]) -> str:
    """The answer key and teacher's guide as one self-contained HTML page."""
    return jinja_env("framing.classroom").get_template("answer_key.html.j2").render(**data, mark_rules=_mark_rules(), legend=legend())
