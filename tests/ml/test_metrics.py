"""Classifier metrics against hand-computed values: per-class scores, confusion matrix, Brier score, reliability bins."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import brier_score_loss

from framing.ml.metrics import brier_score, classification_metrics, reliability_bins


def test_classification_metrics_hand_computed():
    """Per-class P/R/F1, macro-F1, accuracy and the confusion matrix of a 3-class example computed by hand."""
    y = ["a", "a", "a", "b", "b", "c"]
    p = ["a", "a", "b", "b", "c", "c"]
    m = classification_metrics(y, p, classes=["a", "b", "c"])
    assert m["per_class"]["a"] == {"precision": 1.0, "recall": round(2 / 3, 4), "f1": 0.8, "support": 3}
    assert m["per_class"]["b"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert m["per_class"]["c"] == {"precision": 0.5, "recall": 1.0, "f1": round(2 / 3, 4), "support": 1}
    assert m["macro_f1"] == round((0.8 + 0.5 + 2 / 3) / 3, 4)
    assert m["accuracy"] == round(4 / 6, 4)
    assert m["confusion_matrix"] == {"labels": ["a", "b", "c"], "matrix": [[2, 1, 0], [0, 1, 1], [0, 0, 1]]}


def test_brier_hand_computed_and_equal_to_sklearn():
    """Binary Brier of p=(0.2, 0.7, 0.4) for y=(0, 1, 1) is (0.04+0.09+0.36)/3; multi-class equals scikit-learn's halved score."""
    proba = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    assert brier_score([0, 1, 1], proba, [0, 1]) == pytest.approx((0.04 + 0.09 + 0.36) / 3)
    assert brier_score([0, 1, 1], proba, [0, 1]) == pytest.approx(brier_score_loss([0, 1, 1], proba[:, 1]))
    p3 = np.array([[0.8, 0.1, 0.1], [0.3, 0.6, 0.1], [0.2, 0.2, 0.6], [0.1, 0.1, 0.8]])
    y3 = ["a", "b", "c", "a"]
    assert brier_score(y3, p3, ["a", "b", "c"]) == pytest.approx(brier_score_loss(y3, p3, labels=["a", "b", "c"], scale_by_half=True))


def test_reliability_bins_hand_computed():
    """Confidences 0.95, 0.95, 0.65, 0.55 with one wrong top prediction: bins and ECE = 0.425 by hand."""
    proba = np.array([[0.95, 0.05], [0.95, 0.05], [0.35, 0.65], [0.55, 0.45]])
    rel = reliability_bins(["x", "y", "y", "x"], proba, ["x", "y"])
    filled = {(b["lower"], b["upper"]): (b["n"], b["confidence"], b["accuracy"]) for b in rel["bins"] if b["n"]}
    assert filled == {(0.9, 1.0): (2, 0.95, 0.5), (0.6, 0.7): (1, 0.65, 1.0), (0.5, 0.6): (1, 0.55, 1.0)}
    assert rel["ece"] == pytest.approx(0.5 * 0.45 + 0.25 * 0.35 + 0.25 * 0.45)


def test_brier_counts_a_label_the_model_does_not_know_as_a_miss():
    """A true label outside the model's classes is a class given probability 0: (0.09+0.09)/2 and (0.16+0.36+1)/2, averaged, is 0.425."""
    proba = np.array([[0.7, 0.3], [0.4, 0.6]])
    assert brier_score(["a", "z"], proba, ["a", "b"]) == pytest.approx(0.425)
    m = classification_metrics(["a", "z"], ["a", "b"], classes=["a", "b"], proba=proba)
    assert m["unknown_labels"] == ["z"] and m["brier"] == 0.425
