"""Exercise 4, how each actor is portrayed: tone from the sentiment model, roles from attribution."""

from __future__ import annotations

from types import SimpleNamespace

import framing
from framing.classroom.worksheet import worksheet_data
from framing.types import Article

from ..helpers import exercise


def test_actor_tone_comes_from_the_sentiment_model() -> None:
    """With a sentiment scorer, the key's tone for each actor is the majority label of its mentions; without one it says so."""
    arts = [
        Article("s1", "Canada signed a deal with China. Canada praised China.", title="Deal", outlet="One"),
        Article("s2", "The United States threatened Canada. Canada refused.", title="Threat", outlet="Two"),
    ]

    def negative(items):  # type: ignore[no-untyped-def]
        return [SimpleNamespace(label="negative", score=-0.8) for _ in items]

    scored = worksheet_data(framing.analyze(arts, sentiment=negative, progress=False), level="college")
    cells = [c for row in exercise(scored, "actors")["answer_rows"] for c in row["cells"] if c["mentioned"]]
    assert cells and all(c["tone"] == "negative" for c in cells)
    canada = next(row for row in exercise(scored, "actors")["answer_rows"] if row["actor"] == "Canada")
    assert [c["role"] for c in canada["cells"]] == ["cooperator", "target"]
    unscored = worksheet_data(framing.analyze(arts, sentiment=None, progress=False), level="college")
    assert not exercise(unscored, "actors")["scored"]
    assert all(c["tone"] is None for row in exercise(unscored, "actors")["answer_rows"] for c in row["cells"] if c["mentioned"])
