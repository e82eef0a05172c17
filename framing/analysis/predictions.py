"""Classifier predictions as table columns (``pred_<model>``, ``pred_<model>.p_<class>`` ...).

Predictions are stored per article in ``ArticleResult.predictions`` (see :mod:`framing.ml.predict`,
which makes them); these helpers flatten them for tables, CSV and Parquet.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["column_name", "label_columns", "prediction_columns", "prediction_row"]


def prediction_row(pred: Mapping[str, Any]) -> dict[str, Any]:
    """A stored prediction as the columns of :func:`framing.ml.apply` (``label``, ``p_<class>`` ...)."""
    if "proba" in pred:
        return {"label": pred.get("label"), **{f"p_{c}": v for c, v in pred["proba"].items()}}
    return {"n_sentences": pred.get("n_sentences"), "label": pred.get("label"), **{f"share_{c}": v for c, v in (pred.get("share") or {}).items()}}


def column_name(name: str) -> str:
    return f"pred_{name}"


def prediction_columns(predictions: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Flat columns of a record's predictions: ``pred_<model>`` (the label) and
    ``pred_<model>.p_<class>`` (article-level) or ``pred_<model>.share_<class>`` and
    ``pred_<model>.n_sentences`` (sentence-level), as in :func:`framing.ml.inference.apply`."""
    row: dict[str, Any] = {}
    for name, pred in predictions.items():
        col = column_name(name)
        values = prediction_row(pred)
        row[col] = values.pop("label")
        for key, value in values.items():
            row[f"{col}.{key}"] = value
    return row


def label_columns(predictions: Mapping[str, Any]) -> set[str]:
    """The text-valued columns of :func:`prediction_columns` (the labels)."""
    return {column_name(name) for name in predictions}
