"""Inputs of the classifiers: labelled files (:func:`read_labelled`), and texts or records from
Results, articles, record dicts, tables or plain strings."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import numpy as np
import pandas as pd

from framing.errors import FramingError, InputError

__all__ = ["Labels", "as_texts", "read_labelled", "text_records"]

#: Labels, groups or fold ids, one per text: a sequence or a 1-D array.
Labels: TypeAlias = Sequence[Any] | np.ndarray


def as_texts(texts: Any) -> list[str]:
    """Raw texts from texts, articles or article results (a clear error for anything else)."""
    if isinstance(texts, (str, bytes)):
        raise FramingError("expected a sequence of texts, got a single string")
    out = []
    for i, t in enumerate(texts):
        if hasattr(t, "article"):  # ArticleResult
            t = t.article.text
        elif hasattr(t, "text") and not isinstance(t, str) and not isinstance(t, Mapping):  # Article
            t = t.text
        if not isinstance(t, str):
            raise FramingError(f"text {i} is not a string but {type(t).__name__}: {t!r:.60}")
        out.append(t)
    return out


def text_records(data: Any) -> list[dict[str, Any]]:
    """``id``, ``outlet``, ``title``, ``text`` of each item of Results, articles, records, or texts."""
    if isinstance(data, pd.DataFrame):
        if "text" not in data.columns:
            raise FramingError(f"the table has no 'text' column; it has: {', '.join(map(str, data.columns))}")
        data = data.to_dict("records")
    if isinstance(data, (str, bytes)):
        raise FramingError("expected a sequence of texts, articles or results, got a single string")
    out = []
    for i, item in enumerate(data):
        if hasattr(item, "article"):
            a = item.article
            out.append({"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text})
        elif hasattr(item, "text") and hasattr(item, "id") and not isinstance(item, Mapping):
            out.append({"id": item.id, "outlet": item.outlet, "title": item.title, "text": item.text})
        elif isinstance(item, Mapping):
            if not isinstance(item.get("text"), str):
                raise FramingError(f"record {i} has no text (a 'text' field with a string)")
            rid = item.get("id")
            out.append(
                {
                    "id": str(i) if pd.api.types.is_scalar(rid) and pd.isna(rid) else str(rid),
                    "outlet": item.get("outlet", item.get("source")),
                    "title": item.get("title"),
                    "text": item["text"],
                }
            )
        elif isinstance(item, str):
            out.append({"id": str(i), "outlet": None, "title": None, "text": item})
        else:
            raise FramingError(f"item {i} is neither a text, an article, a result nor a record: {type(item).__name__}")
    return out


def read_labelled(
    path: str | os.PathLike[str],
    *,
    text_col: str = "text",
    label_col: str | None = "label",
    group_col: str | None = None,
    fold_col: str | None = None,
    id_col: str | None = None,
) -> pd.DataFrame:
    """Read a labelled CSV, TSV or JSONL file (optionally ``.gz``) into a tidy table.

    Columns of the result: ``text``, ``label`` (as text), and ``group``, ``fold`` and ``id`` when
    those columns are named (``id`` defaults to an ``id`` column if there is one, else the row
    number). Rows with no text or no label are dropped; ``df.attrs["dropped"]`` says how many and
    ``df.attrs["source"]`` records the file and columns (for the model card). ``label_col=None``
    reads texts only (for :func:`~framing.ml.inference.apply`).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    name = path.name.lower().removesuffix(".gz")
    try:
        if name.endswith((".jsonl", ".ndjson", ".json")):
            df = pd.read_json(path, lines=not name.endswith(".json"), dtype=False)
        elif name.endswith((".csv", ".tsv", ".tab")):
            df = pd.read_csv(path, sep="\t" if name.endswith((".tsv", ".tab")) else ",", dtype=str, keep_default_na=False, na_values=[""])
        else:
            raise InputError(f"{path}: expected a .csv, .tsv or .jsonl file (optionally .gz)")
    except (ValueError, OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as a table: {exc}") from exc
    wanted = {"text_col": text_col, "label_col": label_col, "group_col": group_col, "fold_col": fold_col, "id_col": id_col}
    for opt, col in wanted.items():
        if col is not None and col not in df.columns:
            raise InputError(f"{path}: no column {col!r} (--{opt.replace('_', '-')}); columns are: {', '.join(map(str, df.columns))}")

    def clean(v: Any) -> str | None:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return None
        s = str(v) if not isinstance(v, float) or not v.is_integer() else str(int(v))
        return s if s.strip() else None

    out = pd.DataFrame({"text": [v if isinstance(v, str) else None for v in df[text_col]]})
    if label_col is not None:
        out["label"] = [clean(v) for v in df[label_col]]
    if group_col is not None:
        out["group"] = [clean(v) for v in df[group_col]]
    if fold_col is not None:
        out["fold"] = [clean(v) for v in df[fold_col]]
    idc = id_col or ("id" if "id" in df.columns else None)
    out["id"] = [clean(v) or str(i) for i, v in enumerate(df[idc])] if idc else [str(i) for i in range(len(df))]
    keep = out["text"].notna() & (out["text"].str.strip() != "")
    if label_col is not None:
        keep &= out["label"].notna()
    if group_col is not None:
        keep &= out["group"].notna()
    if fold_col is not None:
        keep &= out["fold"].notna()
    dropped = int((~keep).sum())
    out = out[keep].reset_index(drop=True)
    out.attrs["dropped"] = dropped
    out.attrs["source"] = {"path": str(path), **{k: v for k, v in wanted.items() if v is not None}, "rows": len(df), "dropped": dropped}
    if out.empty:
        raise InputError(f"{path}: no usable rows (every row lacks a text" + (" or a label" if label_col else "") + ")")
    return out
