"""CSV cells safe to open in a spreadsheet: formulas neutralised, numbers left alone."""

from __future__ import annotations

import pandas as pd

from framing.spreadsheet import safe_cell, safe_frame, unescape_cell


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
