"""Exercise 5, guess the outlet: excerpts anonymised in every mode, giveaway words found in them."""

from __future__ import annotations

from typing import Any

import framing
from framing.classroom.worksheet import worksheet_data
from framing.types import Article

from ..helpers import OUTLET_STRINGS, exercise, flat


def test_guess_excerpts_are_anonymised_even_without_the_option(college: dict[str, Any]) -> None:
    """Exercise 5 hides outlet names in every mode, and its giveaway words are distinctive terms found in the excerpt."""
    ex = exercise(college, "guess")
    assert ex["choices"] == sorted(ex["choices"]) and "Meridian Wire" in ex["choices"]
    for item, key in zip(ex["items"], ex["answer_items"]):
        low = flat(item["text"])
        for s in OUTLET_STRINGS:
            assert s.lower() not in low, (s, item["label"])
        for g in key["giveaways"]:
            assert g["z"] >= 1.0 and g["count"] >= 2
            assert all(w in low.replace("’", "'") for w in g["term"].split()), g
    assert any(k["giveaways"] for k in ex["answer_items"])
    assert any(k["outlet"] == "The Red Ledger" and any("Marxist" in r["label"] for r in k["register"]) for k in ex["answer_items"])


def test_guess_hides_self_references_without_the_option() -> None:
    """Without --anonymise the worksheet names outlets, but exercise 5 replaces an outlet naming itself with its letter."""
    arts = [
        Article("p1", "Paper One has learned that the regime lied. Paper One readers know the betrayal.\n\nPaper One will report more.", title="One", outlet="Paper One", url="https://paperone.example/x"),
        Article("p2", "Officials said the talks would continue, Daily Two was told.\n\nDaily Two asked the ministry, which said it was ready.", title="Two", outlet="Daily Two"),
    ]
    data = worksheet_data(framing.analyze(arts, sentiment=None, progress=False), level="college")
    assert exercise(data, "headlines")["items"][0]["label"] == "Paper One"
    items = exercise(data, "guess")["items"]
    assert len(items) == 2
    for it in items:
        assert "Paper One" not in it["text"] and "Daily Two" not in it["text"]
        assert it["label"] in it["text"]  # the self-reference became "Outlet X"
    assert {k["outlet"] for k in exercise(data, "guess")["answer_items"]} == {"Paper One", "Daily Two"}


def test_guess_key_says_what_register_the_whole_article_reads_as(college: dict[str, Any], plain_files: dict[str, Any]) -> None:
    """The key names the register profile's most likely register of each article, and says when the
    evidence is not clear: the invented state-media outlet clearly reads as state media, the
    liberal opinion piece (in none of the four registers) is not stated as clear."""
    ex = exercise(college, "guess")
    by = {k["outlet"]: k.get("reads_as") for k in ex["answer_items"]}
    assert by["Harmony Daily"] is not None and by["Harmony Daily"]["register"] == "Chinese or Russian state media" and by["Harmony Daily"]["is_clear"]
    if by.get("The Commonwealth Observer"):
        assert not by["The Commonwealth Observer"]["is_clear"]
    for r in by.values():
        if r:
            assert r["low"] <= r["percent"] <= r["high"]
    html = plain_files["answer_key.html"].read_text(encoding="utf-8")
    assert "reads most like Chinese or Russian state media" in html
    assert "not clear enough to be sure" in html or all(r is None or r["is_clear"] for r in by.values())


def test_reads_as_says_nothing_when_nothing_can_be_said() -> None:
    """A text too short for any verdict gets no line in the key; no profile, none either."""
    from framing.classroom.exercises.guess import reads_as

    assert reads_as(None) is None
    short = {"proba": {"marxist": 0.7, "wire_service": 0.3}, "low": {"marxist": 0.2, "wire_service": 0.1}, "high": {"marxist": 0.9, "wire_service": 0.6},
             "verdict": {"marxist": "not enough evidence", "wire_service": "not enough evidence"}, "label": "unclear"}
    assert reads_as(short) is None
    some = {**short, "verdict": {"marxist": "not enough evidence", "wire_service": "none"}}
    assert reads_as(some) == {"register": "Marxist / anti-imperialist", "percent": 70, "low": 20, "high": 90, "is_clear": False}
