"""Exercise 6, rewrite a loaded sentence: the most loaded sentence, hints only by rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import framing
from framing.analysis.results import Results
from framing.classroom.worksheet import worksheet_data
from framing.text.segment import segment
from framing.types import Article

from ..helpers import exercise


def test_rewrite_picks_the_most_loaded_sentence_and_hints_only_by_rule(results: Results, college: dict[str, Any]) -> None:
    """Exercise 6 takes each article's sentence with the most loaded words; its hints come from rules, never invented."""
    ex = exercise(college, "rewrite")
    lf = next(k for it, k in zip(ex["items"], ex["answer_items"]) if it["label"] == "Liberty Frontline")
    r = next(r for r in results if r.article.outlet == "Liberty Frontline")
    doc = segment(r.article.text)
    loaded = [sum(1 for m in r.matches if m.category == "loaded_language" and not m.negated and s.start <= m.start < s.end) for s in doc.sentences]
    assert sum(a["key"] == "rhetoric.loaded_language" for a in lf["answers"]) == max(loaded)
    allowed = ("Replace “", "Leave out “", "Remove the quotation marks", "No simple rule")
    for k in ex["answer_items"]:
        assert k["hints"] and all(h.startswith(allowed) for h in k["hints"]), k["hints"]


def test_rewrite_rules_said_and_lexicon_note(tmp_path: Path) -> None:
    """An evaluative verb of saying becomes "said", a booster is dropped, and "regime" gets the lexicon's neutral word."""
    arts = [
        Article("a1", "The minister claimed the regime clearly lied about the betrayal.\n\nOfficials said talks would continue.", title="Talks", outlet="Paper One"),
        Article("a2", "Officials said talks would continue on Monday.\n\nThe ministry said it would reply.", title="Talks go on", outlet="Paper Two"),
    ]
    data = worksheet_data(framing.analyze(arts, sentiment=None, progress=False), level="college")
    hints = " ".join(h for k in exercise(data, "rewrite")["answer_items"] for h in k["hints"])
    assert "Replace “claimed” with “said”" in hints
    assert "Leave out “clearly”" in hints
    assert "Replace “regime” with “government” or “administration”" in hints
    assert "betrayal” with" not in hints  # no rule for it, so no invented alternative
