"""CSV cells safe to open in a spreadsheet: formulas neutralised, numbers left alone."""

from __future__ import annotations

import pandas as pd

from framing.safe_output import safe_cell, safe_frame, unescape_cell


def test_every_formula_start_is_neutralised_and_round_trips() -> None:
    """A text starting with = + - @ tab or CR gets an apostrophe, and unescape_cell gives it back."""
    for text in ("=1+2", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-Harbour Post"):
        assert safe_cell(text) == "'" + text
        assert unescape_cell(safe_cell(text)) == text
    for text in ("plain", "'quoted already", "a=b", ""):
        assert safe_cell(text) == text == unescape_cell(text)


def test_numbers_and_numeric_text_stay_numbers() -> None:
    """Negative numbers (as numbers or as plain numeric text) are not touched, in cells and frames."""
    assert safe_cell(-2.5) == -2.5 and safe_cell(-3) == -3 and safe_cell("-2.5") == "-2.5" and safe_cell("+1e3") == "+1e3"
    frame = pd.DataFrame({"outlet": ["=evil", "Harbour Post"], "diff": [-0.25, 1.5], "=col": [None, "-x"]})
    safe = safe_frame(frame)
    assert list(safe.columns) == ["outlet", "diff", "'=col"]
    assert list(safe["outlet"]) == ["'=evil", "Harbour Post"]
    assert list(safe["diff"]) == [-0.25, 1.5] and safe["diff"].dtype == float
    assert pd.isna(safe["'=col"].iloc[0]) and safe["'=col"].iloc[1] == "'-x"
    assert list(frame["outlet"]) == ["=evil", "Harbour Post"]  # the input frame is not changed


def _strict_loads(line: str):  # type: ignore[no-untyped-def]
    """json.loads that refuses NaN and Infinity, as every non-Python JSON reader does."""
    import json

    def refuse(token: str) -> None:
        raise ValueError(f"not JSON: {token}")

    return json.loads(line, parse_constant=refuse)


def test_results_are_written_as_valid_json_with_null_for_non_finite_numbers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """An ArticleResult holding NaN and infinity (in markers, readability, actors, predictions and
    metadata) is written by Results.to_jsonl as strict JSON, those numbers as null."""
    import math

    from framing.analysis.results import Results
    from framing.types import Article, ArticleResult

    nan, inf = math.nan, math.inf
    result = ArticleResult(
        article=Article(id="a", text="Some text.", duplicate_similarity=nan, meta={"score": inf}),
        n_sentences=1,
        n_tokens=2,
        n_words=2,
        markers={"toy.cat": {"count": 1, "weighted": inf, "rate": nan}},  # type: ignore[typeddict-item]
        readability={"flesch": nan},
        actors=({"id": "x", "mean_sentiment": -inf},),
        predictions={"m": {"label": "a", "p": {"a": nan}}},
    )
    path = Results([result]).to_jsonl(tmp_path / "r.jsonl")
    record = _strict_loads(path.read_text(encoding="utf-8"))
    assert record["duplicate_similarity"] is None and record["meta"] == {"score": None}
    assert record["markers"]["toy.cat"] == {"count": 1, "weighted": None, "rate": None}
    assert record["readability"] == {"flesch": None} and record["actors"][0]["mean_sentiment"] is None
    assert record["predictions"] == {"m": {"label": "a", "p": {"a": None}}}
