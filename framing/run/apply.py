"""Classifier predictions added to analysis results: in memory (:func:`predict_results`) or into
an analysis folder (:func:`apply_into`, ``framing apply frames.skops --into DIR``).

:func:`apply_into` rewrites ``articles.jsonl`` atomically, then ``articles.csv`` and
``articles.parquet/``. Each record gets ``predictions`` (model name -> prediction) and its
``provenance`` gets ``classifiers`` (model name -> :func:`~framing.ml.predict.card_summary`),
byte for byte as ``framing analyze --model`` writes them during the run (see
:mod:`framing.ml.predict` for the prediction format and model names).

From Python::

    from framing.run.apply import predict_results
    results = predict_results(framing.analyze(corpus), ["frames.skops"])
    results.to_frame()[["outlet", "pred_frames"]]
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from framing.analysis.predictions import prediction_row
from framing.analysis.results import Results
from framing.errors import FramingError, InputError
from framing.ml.predict import as_predictor, predict_text
from framing.run.engine import write_csv, write_parquet
from framing.safe_output import finite_json
from framing.types import ArticleResult

__all__ = ["apply_into", "default_predictions_dir", "merge_record", "predict_results"]


def merge_record(record: Mapping[str, Any], predictions: Mapping[str, Any], summaries: Mapping[str, Any]) -> dict[str, Any]:
    """One ``articles.jsonl`` record with predictions (and their model summaries) added.

    Keys keep the order :meth:`ArticleResult.to_dict` writes (``predictions`` right after
    ``provenance``), so adding predictions afterwards gives the same bytes as adding them during
    the run; a model already present under the same name is replaced.
    """
    out: dict[str, Any] = {}
    merged = {**(record.get("predictions") or {}), **predictions}
    for key, value in record.items():
        if key == "predictions":
            continue
        if key == "provenance":
            value = {**(value or {}), "classifiers": {**((value or {}).get("classifiers") or {}), **summaries}}
        out[key] = value
        if key == "provenance":
            out["predictions"] = merged
    if "predictions" not in out:
        out["predictions"] = merged
    return out


def predict_results(results: Iterable[ArticleResult], models: Sequence[Any] | Mapping[str, Any]) -> Results:
    """New :class:`~framing.analysis.results.Results` with each model's prediction added to every article.

    ``models`` are model files (``"frames.skops"`` or ``"NAME=frames.skops"``), classifiers
    (:class:`~framing.ml.model.Classifier`, named by their ``name``, else ``"model"``) or
    Predictors; or a mapping ``{name: model}``.
    """
    if isinstance(models, Mapping):
        predictors = [as_predictor(m, name) for name, m in models.items()]
    else:
        predictors = [as_predictor(m) for m in models]
    names = [p.name for p in predictors]
    if len(set(names)) != len(names):
        raise FramingError(f"two models share a name among {names}; pass 'NAME=FILE' to name them apart")
    summaries = {p.name: p.summary for p in predictors}
    out = []
    for r in results:
        preds = {**r.predictions, **predict_text(predictors, r.article.text)}
        prov = {**r.provenance, "classifiers": {**(r.provenance.get("classifiers") or {}), **summaries}}
        out.append(replace(r, predictions=preds, provenance=prov))
    return Results(out, getattr(results, "errors", []))


def _safe_dirname(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._") or "model"


def default_predictions_dir(results_dir: str | os.PathLike[str], name: str) -> Path:
    """Where ``framing apply --into DIR`` writes the standalone predictions by default."""
    return Path(results_dir) / "predictions" / _safe_dirname(name)


def _atomic_write(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def apply_into(results_dir: str | os.PathLike[str], model: Any, *, name: str | None = None) -> dict[str, Any]:
    """Add a model's predictions to the ``articles.jsonl`` of an analysis folder (see module docs).

    ``articles.jsonl`` is rewritten through a temporary file and replaced in one step (a crash
    leaves the old file); ``articles.csv`` and ``articles.parquet/`` are rebuilt when present and
    ``manifest.json`` records what was added. Returns ``{"n", "name", "path", "rows", "level",
    "classes", "model"}`` where ``rows`` are the standalone prediction rows (the columns of
    :func:`framing.ml.inference.apply`; :func:`~framing.ml.inference.predictions_frame` makes them a table).
    """
    folder = Path(results_dir)
    path = folder / "articles.jsonl" if folder.is_dir() else folder
    folder = path.parent
    if not path.is_file():
        raise InputError(f"{path}: no results here (expected the articles.jsonl written by 'framing analyze')")
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else None
    if manifest is not None and manifest.get("status") != "complete":
        raise FramingError(f"{folder} holds an unfinished analysis run; finish it (run the same 'framing analyze' command again) before adding predictions")
    predictor = as_predictor(model, name)
    summaries = {predictor.name: predictor.summary}
    rows: list[dict[str, Any]] = []

    def write(fh: Any) -> None:
        with open(path, encoding="utf-8") as src:
            for n, line in enumerate(src, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}, line {n}: not valid JSON ({exc})") from exc
                if not isinstance(record.get("text"), str):
                    raise InputError(f"{path}, line {n}: the record has no 'text' (results written without evidence cannot be classified)")
                pred = predictor.predict(record["text"])
                fh.write(json.dumps(finite_json(merge_record(record, {predictor.name: pred}, summaries)), ensure_ascii=False, allow_nan=False) + "\n")
                rows.append({"id": record.get("id"), "outlet": record.get("outlet"), "title": record.get("title"), **prediction_row(pred)})

    _atomic_write(path, write)
    csv_path = folder / "articles.csv"
    if csv_path.exists():
        write_csv(path, csv_path)  # streaming, the same writer as 'framing analyze'
    if (folder / "articles.parquet").is_dir():
        write_parquet(path, folder / "articles.parquet")
    if manifest is not None:
        added = [a for a in manifest.get("predictions_added", []) if a.get("name") != predictor.name]
        added.append({"name": predictor.name, "file": predictor.summary.get("file"), "sha256": predictor.summary.get("sha256"), "added": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        manifest["predictions_added"] = added
        _atomic_write(manifest_path, lambda fh: fh.write(json.dumps(finite_json(manifest), indent=1, allow_nan=False)))
    return {"n": len(rows), "name": predictor.name, "path": str(path), "rows": rows, "level": predictor.model.level, "classes": list(predictor.model.classes), "model": predictor.model}
