"""Exercise 3, who is quoted: speakers and verbs come from attribution."""

from __future__ import annotations

from typing import Any

from framing.analysis.results import Results

from ..helpers import exercise


def test_quote_rows_come_from_attribution(results: Results, college: dict[str, Any]) -> None:
    """Each quote row's speaker and verb are an attribution the analysis made, and the verb is in the passage."""
    by_id = {r.article.id: r for r in results}
    rows = exercise(college, "quotes")["answer_rows"]
    assert any(r["verb_class"] == "evaluative" for r in rows) and any(r["verb_class"] == "neutral" for r in rows)
    for row in rows:
        quotes = by_id[row["id"]].quotes
        assert any(q["speaker_name"] == row["speaker"] and q["verb"] == row["verb"] for q in quotes), row
        marked = [s["text"] for s in row["segments"] if s["cls"]]
        assert marked and marked[0].lower() == row["verb"].lower()
