"""Labelled files: rows without a label dropped and counted, labels as text, missing columns named."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.ml.data import read_labelled


def test_read_labelled_csv_and_jsonl(tmp_path):
    """Rows without a label are dropped and counted; labels are text; a missing column is named with the columns found."""
    (tmp_path / "d.csv").write_text('text,y,src\n"one text",1,A\n"two",,B\n"three",0,B\n', encoding="utf-8")
    d = read_labelled(tmp_path / "d.csv", label_col="y", group_col="src")
    assert list(d["label"]) == ["1", "0"] and list(d["group"]) == ["A", "B"] and d.attrs["dropped"] == 1
    (tmp_path / "d.jsonl").write_text('{"text": "a", "label": 1}\n{"text": "b", "label": null}\n{"text": "c", "label": 0}\n', encoding="utf-8")
    assert list(read_labelled(tmp_path / "d.jsonl")["label"]) == ["1", "0"]
    with pytest.raises(InputError, match=r"no column 'label'.*columns are: text, y, src"):
        read_labelled(tmp_path / "d.csv")
