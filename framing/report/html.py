"""The comparison report as one self-contained HTML page, through Jinja2 with autoescaping on.

Inline CSS, SVG and our own JavaScript (the term plot and the uses in context: explore.js), no
network. Article text and metadata reach the markup only escaped by Jinja2, and the script's data
only as JSON that cannot close its element (:func:`~framing.safe_output.script_json`), put on
screen as text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from framing.safe_output import script_json

__all__ = ["explore_assets", "jinja_env", "render_comparison_html"]


@lru_cache(maxsize=4)
def jinja_env(package: str = "framing.report", folder: str = "templates") -> Environment:
    """The Jinja2 environment of a package's templates: autoescaping on, undefined names are errors."""
    return Environment(
        loader=PackageLoader(package, folder),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def explore_assets() -> dict[str, str]:
    """The CSS and JavaScript of the interactive parts (term plot, concordance), inlined in every page."""
    folder = files("framing.report") / "templates"
    return {"css": (folder / "explore.css").read_text(encoding="utf-8"), "js": (folder / "explore.js").read_text(encoding="utf-8")}


def render_comparison_html(data: dict[str, Any]) -> str:
    """The comparison report as one self-contained HTML page (inline CSS, SVG and script; no network)."""
    extra = {
        "tp": data.get("term_plot"),
        "tp_json": script_json(data.get("term_plot")),
        "kwic_json": script_json(data.get("kwic")) if data.get("kwic") else None,
        "assets": explore_assets(),
    }
    return jinja_env().get_template("comparison.html.j2").render(**{**data, **extra})
