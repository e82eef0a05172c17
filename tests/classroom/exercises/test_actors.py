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


def test_the_key_says_what_the_article_itself_calls_an_actor() -> None:
    """The words the parse ties to an actor in the article's own voice ("the would-be dictator
    Trump") are named in the key, with the sentence as evidence; a label inside a source's
    quotation is not the article's."""
    arts = [
        Article("d1", "Markets fell. The would-be dictator Trump has hit Canada with new tariffs.", title="Tariffs", outlet="One"),
        Article("d2", "Trump imposed new tariffs on Canada. “Trump is a tyrant,” a protester said.", title="Tariffs", outlet="Two"),
    ]

    def neutral(items):  # type: ignore[no-untyped-def]
        return [SimpleNamespace(label="neutral", score=0.0) for _ in items]

    data = worksheet_data(framing.analyze(arts, sentiment=neutral, progress=False), level="college")
    trump = next(row for row in exercise(data, "actors")["answer_rows"] if row["actor"] == "Donald Trump")
    one, two = trump["cells"]
    assert "calls it “dictator”" in one["tone_detail"]
    assert "would-be dictator" in " ".join(str(e) for e in one["evidence"])
    assert "calls it" not in two["tone_detail"]
