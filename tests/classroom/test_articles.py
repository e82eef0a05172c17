"""Preparing the articles: a worksheet needs two to six articles once copies are left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.analysis.results import Results
from framing.classroom.worksheet import make_worksheet
from framing.errors import FramingError


def test_one_article_is_not_enough(results: Results, tmp_path: Path) -> None:
    """A worksheet compares articles: one article (or one plus its copy) is refused with the reason."""
    wire = [r for r in results if r.article.syndicated_from == "Meridian Wire" or r.article.outlet == "Meridian Wire"]
    assert len(wire) == 2
    with pytest.raises(FramingError, match=r"give 2 to 6; got 1 .*copies"):
        make_worksheet(wire, out_dir=tmp_path)
