"""Exercise 2, spot the loaded words: the key's words are matches the analysis made, in the excerpt shown."""

from __future__ import annotations

from typing import Any

from framing.analysis.results import Results

from ..helpers import exercise


def test_key_loaded_words_are_flagged_and_in_the_texts(results: Results, college: dict[str, Any]) -> None:
    """Each loaded word in the key is a match the analysis made, at that place, and is in the excerpt shown."""
    by_id = {r.article.id: r for r in results}
    ex = exercise(college, "loaded")
    n = 0
    for item, key in zip(ex["items"], ex["answer_items"]):
        for ans in key["answers"]:
            r = by_id[ans["id"]]
            found = [m for m in r.matches if (m.start, m.end) == (ans["start"], ans["end"]) and f"{m.lexicon}.{m.category}" == ans["key"] and not m.negated]
            assert found, ans
            assert r.article.text[ans["start"] : ans["end"]] == ans["raw"] == ans["text"]
            assert ans["text"] in item["text"]
            assert ans["key"] in ("rhetoric.loaded_language", "detectors.scare_quotes") or ans["key"].startswith("registers.")
            n += 1
    assert n >= 5
    keys = {a["key"] for k in ex["answer_items"] for a in k["answers"]}
    assert {"rhetoric.loaded_language", "detectors.scare_quotes"} <= keys
