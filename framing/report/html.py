"""The comparison report as one self-contained HTML page, through Jinja2 with autoescaping on.

Inline CSS and SVG, no scripts, no network: article text and metadata can never inject markup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

__all__ = ["jinja_env", "render_comparison_html"]


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


def render_comparison_html(data: dict[str, Any]) -> str:
    """The comparison report as one self-contained HTML page (inline CSS and SVG, no scripts)."""
    return jinja_env().get_template("comparison.html.j2").render(**data)
