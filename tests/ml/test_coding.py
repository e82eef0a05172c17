"""Human coding: stratified samples for coders and importing their codes."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import InputError, UnknownFieldError
from framing.ml.coding import export_sample, import_codes, reliability_matrix
from framing.types import Article


def _records(n_a=60, n_b=30, n_c=10):
    rows = []
    for outlet, n in (("A", n_a), ("B", n_b), ("C", n_c)):
        for i in range(n):
            rows.append({"id": f"{outlet}{i}", "outlet": outlet, "title": f"Story {i}", "text": f"Word {i} " * 400})
    return rows


def test_export_sample_is_stratified_proportionally_with_context(tmp_path):
    """n=10 from outlets of 60/30/10 articles draws 6/3/1, with id, outlet, title, excerpt and an empty label column, written as CSV."""
    path = tmp_path / "sample.csv"
    s = export_sample(_records(), 10, seed=3, excerpt_chars=100, path=path)
    assert s["outlet"].value_counts().to_dict() == {"A": 6, "B": 3, "C": 1}
    assert list(s.columns) == ["id", "outlet", "title", "published", "excerpt", "label", "notes"]
    assert s["id"].is_unique and (s["label"] == "").all()
    assert all(len(e) <= 102 and e.endswith("…") for e in s["excerpt"])
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back["id"]) == list(s["id"])
    assert list(export_sample(_records(), 10, seed=3)["id"]) == list(s["id"])  # same seed, same sample
    assert list(export_sample(_records(), 10, seed=4)["id"]) != list(s["id"])


def test_export_sample_equal_allocation_and_small_strata():
    """Equal allocation draws the same from each outlet; every stratum gets one when n allows; n is capped at what exists."""
    s = export_sample(_records(), 9, allocation="equal")
    assert s["outlet"].value_counts().to_dict() == {"A": 3, "B": 3, "C": 3}
    s = export_sample(_records(n_a=97, n_b=2, n_c=1), 3)
    assert sorted(s["outlet"]) == ["A", "B", "C"]
    assert len(export_sample(_records(3, 2, 1), 50)) == 6


def test_export_sample_from_articles_by_any_field():
    """Articles are accepted, and any metadata field can be the stratum (missing values form '(none)')."""
    arts = [Article(id=f"a{i}", text="Some text here.", outlet="X", published="2024-01-01" if i % 2 else None) for i in range(8)]
    s = export_sample(arts, 4, stratify_by="published")
    assert sorted(s["published"].fillna("(none)")) == ["(none)", "(none)", "2024-01-01", "2024-01-01"]


def test_export_sample_by_a_field_no_item_has_is_an_error():
    """A mistyped stratum field is refused with the fields the items have, not one '(none)' stratum."""
    with pytest.raises(UnknownFieldError, match=r"cannot stratify by 'outlte'.*did you mean 'outlet'\?") as exc:
        export_sample(_records(), 10, stratify_by="outlte")
    assert exc.value.available == ["outlet", "title"]
    arts = [Article(id=f"a{i}", text="Some text here.", outlet="X", meta={"topic": "trade"}) for i in range(4)]
    with pytest.raises(UnknownFieldError) as exc:
        export_sample(arts, 2, stratify_by="topik")
    assert {"outlet", "published", "topic"} <= set(exc.value.available) and "did you mean 'topic'?" in str(exc.value)


def test_import_codes_from_filled_samples_and_long_tables(tmp_path):
    """Each coder's filled-in sample becomes rows of (id, coder, label); empty codes are skipped; a long table keeps its coder column."""
    (tmp_path / "ann.csv").write_text("id,outlet,excerpt,label\nu1,A,x,pro\nu2,A,y,anti\nu3,B,z,\n", encoding="utf-8")
    (tmp_path / "bob.csv").write_text("id,label\nu1,pro\nu2,pro\nu3,anti\n", encoding="utf-8")
    codes = import_codes([tmp_path / "ann.csv", tmp_path / "bob.csv"])
    assert len(codes) == 5
    assert set(codes["coder"]) == {"ann", "bob"}
    (tmp_path / "long.csv").write_text("id,coder,label\nu1,c1,1\nu1,c2,1\nu2,c1,2\n", encoding="utf-8")
    long = import_codes(tmp_path / "long.csv")
    assert long[["id", "coder"]].values.tolist() == [["u1", "c1"], ["u1", "c2"], ["u2", "c1"]]
    m = reliability_matrix(codes)
    assert m.loc["ann", "u3"] is None and m.loc["bob", "u3"] == "anti"


def test_import_codes_errors(tmp_path):
    """A missing code column is named with the columns found; one coder giving a unit two codes is refused."""
    (tmp_path / "x.csv").write_text("id,code\nu1,a\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no column 'label'.*columns are: id, code"):
        import_codes(tmp_path / "x.csv")
    (tmp_path / "y.csv").write_text("id,coder,label\nu1,c1,a\nu1,c1,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="different codes"):
        import_codes(tmp_path / "y.csv")
