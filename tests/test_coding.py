"""Human coding: stratified samples, importing codes, Krippendorff's alpha, Cohen's kappa, machine-human agreement, active learning."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from framing.errors import FramingError, InputError, OptionError
from framing.ml.coding import (
    agreement,
    cohens_kappa,
    export_sample,
    import_codes,
    krippendorff_alpha,
    machine_vs_human,
    next_to_code,
    reliability_matrix,
)
from framing.types import Article

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C ("nominal data,
# any number of observers, missing data"): observers A-D (rows) code units 1-12 (columns);
# None marks a unit an observer did not code. The paper reports alpha = 0.743 (nominal),
# 0.849 (interval) and 0.797 (ratio) for this matrix; the three figures agreeing is what makes
# us confident the matrix is reproduced correctly.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_krippendorff_textbook_example():
    """Krippendorff's 2011 four-coder, twelve-unit example: nominal 0.743, interval 0.849, ratio 0.797."""
    assert round(krippendorff_alpha(KRIPPENDORFF_2011), 3) == 0.743
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, "interval"), 3) == 0.849
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, "ratio"), 3) == 0.797
    assert 0.80 < krippendorff_alpha(KRIPPENDORFF_2011, "ordinal") < 0.83


def test_krippendorff_textbook_example_in_other_shapes():
    """The same matrix as NaN-filled array, as a coders-by-units DataFrame and as a long table gives the same alpha."""
    arr = np.array([[np.nan if v is None else v for v in row] for row in KRIPPENDORFF_2011], dtype=float)
    assert round(krippendorff_alpha(arr), 3) == 0.743
    assert round(krippendorff_alpha(pd.DataFrame(arr)), 3) == 0.743
    long = pd.DataFrame(
        [{"id": f"u{j}", "coder": "ABCD"[i], "label": v} for i, row in enumerate(KRIPPENDORFF_2011) for j, v in enumerate(row) if v is not None]
    )
    assert round(krippendorff_alpha(long), 3) == 0.743


def test_krippendorff_hand_computed_two_coders():
    """Coders a a b b / a b b b: coincidences o_aa=2, o_ab=o_ba=1, o_bb=4, so alpha = 1 - 7*2/(2*3*5) = 8/15."""
    assert krippendorff_alpha([["a", "a", "b", "b"], ["a", "b", "b", "b"]]) == pytest.approx(8 / 15)


def test_krippendorff_edge_cases():
    """Perfect agreement is 1; units coded once are ignored; a single value used throughout is undefined (NaN)."""
    assert krippendorff_alpha([[1, 2, 3, None], [1, 2, 3, 4]]) == pytest.approx(1.0)
    assert math.isnan(krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))
    assert math.isnan(krippendorff_alpha([[1, None], [None, 2]]))
    with pytest.raises(OptionError, match="level must be one of"):
        krippendorff_alpha(KRIPPENDORFF_2011, "cardinal")
    with pytest.raises(FramingError, match="numeric"):
        krippendorff_alpha([["x", "y"], ["x", "x"]], "interval")


def test_cohens_kappa_hand_computed_2x2():
    """20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no: p_o = 0.7, p_e = 0.5, kappa = 0.4, as scikit-learn says."""
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohens_kappa(a, b) == pytest.approx(0.4)
    assert cohens_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_cohens_kappa_matches_sklearn_and_skips_missing():
    """On random 3-class codes kappa equals scikit-learn's; units either coder skipped are left out."""
    rng = np.random.default_rng(1)
    a = rng.choice(["l", "c", "r"], 200)
    b = np.where(rng.random(200) < 0.6, a, rng.choice(["l", "c", "r"], 200))
    assert cohens_kappa(list(a), list(b)) == pytest.approx(cohen_kappa_score(a, b))
    assert cohens_kappa(["x", "y", None, "x"], ["x", "y", "y", ""]) == pytest.approx(1.0)
    assert math.isnan(cohens_kappa(["x", "x"], ["x", "x"]))


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
    with pytest.raises(InputError, match="no column 'label'.*columns are: id, code"):
        import_codes(tmp_path / "x.csv")
    (tmp_path / "y.csv").write_text("id,coder,label\nu1,c1,a\nu1,c1,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="different codes"):
        import_codes(tmp_path / "y.csv")


def test_agreement_report():
    """agreement() gives alpha over all coders and Cohen's kappa for each pair, with counts."""
    codes = pd.DataFrame(
        [{"id": f"u{j}", "coder": c, "label": v} for c, row in (("a", "aabb"), ("b", "abbb")) for j, v in enumerate(row)]
    )
    rep = agreement(codes)
    assert rep["n_units"] == 4 and rep["n_coders"] == 2 and rep["pairable_units"] == 4
    assert rep["krippendorff_alpha"] == round(8 / 15, 4)
    assert rep["percent_agreement"] == 0.75
    assert rep["pairwise"]["a|b"]["n"] == 4
    assert rep["pairwise"]["a|b"]["kappa"] == round(cohen_kappa_score(list("aabb"), list("abbb")), 4)


def test_machine_vs_human():
    """A machine that copies coder 'a' has kappa 1 with a; majority accuracy is measured where humans agree."""
    codes = pd.DataFrame(
        [{"id": f"u{j}", "coder": c, "label": v} for c, row in (("a", "xxyyx"), ("b", "xyyyx"), ("c", "xxyyy")) for j, v in enumerate(row)]
    )
    pred = {f"u{j}": v for j, v in enumerate("xxyyx")}
    rep = machine_vs_human(pred, codes)
    assert rep["n_units"] == 5
    assert rep["kappa"]["machine|a"] == 1.0
    assert rep["majority"]["n"] == 5 and rep["majority"]["accuracy"] == 1.0
    assert rep["alpha_with_machine"] > rep["alpha_humans"]
    with pytest.raises(FramingError, match="ids match"):
        machine_vs_human({"zz": "x"}, codes)


class _FixedModel:
    """A stand-in model whose probabilities are known for each text."""

    classes_ = np.array(["l", "c", "r"])

    def __init__(self, table):
        self.table = table

    def predict_proba(self, texts):
        return np.array([self.table[t] for t in texts])


def test_next_to_code_picks_the_least_certain_items():
    """uncertainty takes the lowest top probability, margin the smallest gap between the top two: known answers on a toy pool."""
    table = {
        "sure": [0.9, 0.05, 0.05],
        "close call": [0.5, 0.45, 0.05],  # top 0.5, margin 0.05
        "flat": [0.4, 0.3, 0.3],  # top 0.4, margin 0.1
        "fairly sure": [0.7, 0.2, 0.1],
    }
    model = _FixedModel(table)
    pool = [{"id": t, "text": t} for t in table]
    assert list(next_to_code(model, pool, 2)["id"]) == ["flat", "close call"]
    assert list(next_to_code(model, pool, 2, strategy="margin")["id"]) == ["close call", "flat"]
    assert list(next_to_code(model, pool, 1, strategy="entropy")["id"]) == ["flat"]
    assert list(next_to_code(model, pool, 2, exclude=["flat"])["id"]) == ["close call", "fairly sure"]


def test_next_to_code_with_a_trained_model():
    """A model trained on clearly positive and negative texts asks about the mixed one first."""
    from framing.ml.classify import train

    texts = ["wonderful great superb", "awful terrible horrible"] * 6
    model = train(texts, ["pos", "neg"] * 6, model="tfidf", level="sentence", cv=None, n_examples=0)
    pool = ["great superb wonderful day", "terrible awful horrible day", "great but terrible day", "superb wonderful"]
    picked = next_to_code(model, pool, 1)
    assert picked.loc[0, "id"] == "2"
    assert picked.loc[0, "confidence"] < 0.6
