"""Invented article texts and small helpers shared by the tests of framing.inputs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from framing.types import Article, LoadError

LIBRARY = (
    "The county library will stay open until nine on weekdays from next month. "
    "Staff said demand for evening study space had grown steadily since the spring."
)


BRIDGE = (
    "A new footbridge over the canal opened on Monday after two years of work. "
    "Cyclists and walkers crossed it within minutes of the ribbon being cut."
)


ORCHARD = (
    "Volunteers planted forty apple trees in the old school orchard on Saturday. "
    "The head teacher said pupils would help look after them through the summer."
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    return buf.getvalue()


def only_article(articles: list[Article], errors: list[LoadError]) -> Article:
    assert errors == []
    assert len(articles) == 1
    return articles[0]
