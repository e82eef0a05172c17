"""Reliability: Krippendorff's alpha, Cohen's kappa, the agreement report, machine-human agreement."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

from framing.errors import FramingError, OptionError
from framing.ml.reliability import agreement, cohens_kappa, krippendorff_alpha, machine_vs_human

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
