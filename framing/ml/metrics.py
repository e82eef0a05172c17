"""Classifier metrics: per-class precision, recall and F1, macro-F1, confusion matrix, calibration.

Labels are compared as text. Calibration is the Brier score and reliability bins of the top-label
confidence with the expected calibration error (:func:`reliability_bins`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.metrics import brier_score_loss, confusion_matrix, f1_score, precision_recall_fscore_support

from framing.ml.data import Labels

__all__ = ["brier_score", "classification_metrics", "reliability_bins"]


def brier_score(y_true: Labels, proba: np.ndarray, classes: Labels) -> float:
    """Brier score: mean over texts of half the squared distance between ``proba`` and the truth.

    Range 0 (perfect) to 1; lower is better. For two classes this is the usual binary Brier score
    ``mean((p_positive - y)^2)``; for more it is Brier's (1950) multi-class score halved, so that
    the range stays 0 to 1 (scikit-learn's ``brier_score_loss(..., scale_by_half=True)``, which
    computes it). A true label outside ``classes`` (one the model does not know) counts as a class
    the model gave probability 0. NaN without texts.
    """
    proba = np.asarray(proba, dtype=float)
    if len(proba) == 0:
        return float("nan")
    labels = list(classes)
    unknown = sorted({v for v in y_true if v not in labels}, key=str)
    if unknown:
        proba = np.hstack([proba, np.zeros((len(proba), len(unknown)))])
    return float(brier_score_loss(list(y_true), proba, labels=labels + unknown, scale_by_half=True))


def reliability_bins(y_true: Labels, proba: np.ndarray, classes: Labels, *, n_bins: int = 10) -> dict[str, Any]:
    """Calibration of the top-label confidence: equal-width bins of the highest probability.

    Each bin gives its range, the number of texts, their mean confidence and how often the
    predicted label was right (accuracy). A calibrated model has accuracy close to confidence in
    every bin. ``ece`` is the expected calibration error: the text-weighted mean of
    ``|accuracy - confidence|`` (Naeini et al. 2015; Guo et al. 2017), 0 is perfect.
    """
    proba = np.asarray(proba, dtype=float)
    y = np.asarray([str(v) for v in y_true])
    cls = np.asarray([str(c) for c in classes])
    conf = proba.max(axis=1) if len(proba) else np.zeros(0)
    pred = cls[proba.argmax(axis=1)] if len(proba) else np.zeros(0, dtype=str)
    correct = pred == y
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, n_bins - 1)
    bins = []
    ece = 0.0
    for b in range(n_bins):
        mask = which == b
        n = int(mask.sum())
        if n == 0:
            bins.append({"lower": round(float(edges[b]), 3), "upper": round(float(edges[b + 1]), 3), "n": 0, "confidence": None, "accuracy": None})
            continue
        c, a = float(conf[mask].mean()), float(correct[mask].mean())
        ece += n / len(conf) * abs(a - c)
        bins.append({"lower": round(float(edges[b]), 3), "upper": round(float(edges[b + 1]), 3), "n": n, "confidence": round(c, 4), "accuracy": round(a, 4)})
    return {"bins": bins, "ece": round(ece, 4) if len(conf) else None}


def classification_metrics(
    y_true: Labels, y_pred: Labels, *, classes: Labels, proba: np.ndarray | None = None
) -> dict[str, Any]:
    """Per-class precision, recall, F1 and support; macro-F1; accuracy; confusion matrix; calibration.

    Labels are compared as text. Precision of a class never predicted is 0 (scikit-learn's
    ``zero_division=0``). ``confusion_matrix.matrix[i][j]`` counts texts of class ``labels[i]``
    predicted as ``labels[j]``. With ``proba`` (columns in the order of ``classes``) the result
    also has ``brier`` and ``reliability`` (see :func:`brier_score`, :func:`reliability_bins`).
    """
    yt = [str(v) for v in y_true]
    yp = [str(v) for v in y_pred]
    labels = [str(c) for c in classes]
    extra = sorted(set(yt) - set(labels))
    all_labels = labels + extra
    p, r, f, s = precision_recall_fscore_support(yt, yp, labels=all_labels, zero_division=0)
    per_class = {
        lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4), "f1": round(float(f[i]), 4), "support": int(s[i])}
        for i, lab in enumerate(all_labels)
    }
    present = [lab for lab in all_labels if per_class[lab]["support"] > 0]
    out: dict[str, Any] = {
        "n": len(yt),
        "accuracy": round(float(np.mean(np.asarray(yt) == np.asarray(yp))), 4) if yt else None,
        "macro_f1": round(float(f1_score(yt, yp, labels=present, average="macro", zero_division=0)), 4) if yt else None,
        "per_class": per_class,
        "confusion_matrix": {"labels": all_labels, "matrix": confusion_matrix(yt, yp, labels=all_labels).tolist()},
    }
    if extra:
        out["unknown_labels"] = extra
    if proba is not None:
        out["brier"] = round(brier_score(yt, proba, labels), 4)
        out["reliability"] = reliability_bins(yt, proba, labels)
    return out
