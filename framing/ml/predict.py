"""Classifier predictions inside the analysis outputs: ``articles.jsonl``, the tables and the report.

A model trained with :func:`framing.ml.classify.train` (``framing train``) is applied to every
article in one of two ways:

* during the analysis run: ``framing analyze PATH... --out DIR --model frames.skops`` (the engine
  loads each model once per worker process and classifies each article's cleaned text);
* afterwards, into an existing analysis folder: ``framing apply frames.skops --into DIR``
  (:func:`apply_into` rewrites ``articles.jsonl`` atomically, then ``articles.csv`` and
  ``articles.parquet/``).

Either way each record of ``articles.jsonl`` gets ``predictions`` (model name -> prediction) and
its ``provenance`` gets ``classifiers`` (model name -> :func:`card_summary`), and the two routes
give the same bytes. A prediction is what :func:`framing.ml.classify.apply` reports for the same
text: ``{"label", "proba": {class: p}}`` for an article-level model, ``{"label", "share": {class:
share of sentences}, "n_sentences"}`` for a sentence-level one (values rounded to 4 decimals).

A model's name is the ``name`` in its model card (``framing train --name``), else the file name
without ``.skops``; ``NAME=FILE`` chooses another. Names must be unique within a run.

From Python::

    from framing.ml.predict import predict_results
    results = predict_results(framing.analyze(corpus), ["frames.skops"])
    results.to_frame()[["outlet", "pred_frames"]]
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from framing.analysis.predictions import label_columns, prediction_columns, prediction_row
from framing.errors import FramingError, InputError

__all__ = [
    "Predictor",
    "apply_into",
    "card_summary",
    "default_predictions_dir",
    "label_columns",
    "load_predictors",
    "merge_record",
    "model_specs",
    "predict_results",
    "predict_text",
    "prediction_columns",
    "predictions_frame",
]


# ---------------------------------------------------------------------------------------------
# Models and their names


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _split_spec(spec: str | os.PathLike[str]) -> tuple[str | None, Path]:
    """``FILE`` or ``NAME=FILE`` (a file whose own name contains '=' is taken as a file)."""
    text = os.fspath(spec)
    if "=" in text and not Path(text).is_file():
        name, _, path = text.partition("=")
        if not name.strip():
            raise FramingError(f"--model NAME=FILE needs a name before '='; got {text!r}")
        return name.strip(), Path(path)
    return None, Path(text)


def card_summary(model: Any, *, name: str, file: str = "", sha256: str = "") -> dict[str, Any]:
    """What a reader needs to know about a model: name, data, validation (macro-F1), versions.

    This is stored in every record's ``provenance.classifiers`` and shown in the report.
    """
    cv = model.cv or {}
    training = dict(model.training or {})
    return {
        "name": name,
        "file": file,
        "sha256": sha256,
        "model": model.model,
        "level": model.level,
        "classes": list(model.classes),
        "created": model.created,
        "framing": (model.versions or {}).get("framing"),
        "training": training,
        "data": dict(model.data or {}),
        "macro_f1": cv.get("macro_f1"),
        "macro_f1_std": cv.get("macro_f1_std"),
        "cv_scheme": cv.get("scheme"),
        "cv_grouped": cv.get("grouped"),
    }


@dataclass(frozen=True)
class Predictor:
    """A loaded model with its name and card summary; ``predict(text)`` classifies one article."""

    name: str
    model: Any  # framing.ml.classify.TrainedModel
    summary: dict[str, Any]

    def predict(self, text: str) -> dict[str, Any]:
        """The prediction for one article text (the format of ``articles.jsonl``'s ``predictions``)."""
        from framing.ml.classify import _article_rows

        row = _article_rows(self.model.pipeline, self.model.level, [text])[0]
        return _as_prediction(row, self.model.classes, self.model.level)


def _as_prediction(row: Mapping[str, Any], classes: Sequence[str], level: str) -> dict[str, Any]:
    if level == "article":
        return {"label": row["label"], "proba": {c: row[f"p_{c}"] for c in classes}}
    return {"label": row["label"], "share": {c: row[f"share_{c}"] for c in classes}, "n_sentences": row["n_sentences"]}


_CACHE: dict[tuple[str, str], Any] = {}


def _load(path: Path, sha: str) -> Any:
    """The model at ``path`` (safe skops loading), loaded once per process for a given content."""
    from framing.ml.classify import load_model

    key = (str(path), sha)
    if key not in _CACHE:
        _CACHE[key] = load_model(path)
    return _CACHE[key]


def model_specs(specs: Iterable[str | os.PathLike[str]]) -> list[dict[str, str]]:
    """Resolve ``FILE`` / ``NAME=FILE`` arguments to ``{"name", "path", "sha256"}`` (the run settings).

    Loads each model (refusing unsafe files) to read the name in its card; refuses two models
    with the same name.
    """
    out: list[dict[str, str]] = []
    for spec in specs:
        name, path = _split_spec(spec)
        if not path.is_file():
            raise InputError(f"{path}: no such model file (--model)")
        path = path.resolve()
        sha = _sha256(path)
        model = _load(path, sha)
        name = name or model.name or path.name.removesuffix(".skops")
        if any(o["name"] == name for o in out):
            raise FramingError(f"two models are named {name!r}; name them apart with --model NAME=FILE")
        out.append({"name": name, "path": str(path), "sha256": sha})
    return out


def load_predictors(specs: Sequence[Mapping[str, str]]) -> list[Predictor]:
    """Predictors for resolved specs (from :func:`model_specs`); a file changed since is refused."""
    out = []
    for spec in specs:
        path = Path(spec["path"])
        if not path.is_file():
            raise InputError(f"{path}: the model file is gone (a remote worker needs it at the same path)")
        sha = _sha256(path)
        if sha != spec["sha256"]:
            raise FramingError(f"{path}: the model file changed since the run started (sha256 {sha[:12]}, expected {spec['sha256'][:12]})")
        model = _load(path, sha)
        out.append(Predictor(spec["name"], model, card_summary(model, name=spec["name"], file=path.name, sha256=sha)))
    return out


def _predictor(model: Any, name: str | None = None) -> Predictor:
    """A Predictor from a file spec, a TrainedModel or a Predictor."""
    if isinstance(model, Predictor):
        return model if name is None else replace(model, name=name, summary={**model.summary, "name": name})
    if isinstance(model, (str, os.PathLike)):
        spec = model_specs([model if name is None else f"{name}={os.fspath(model)}"])[0]
        return load_predictors([spec])[0]
    if hasattr(model, "pipeline") and hasattr(model, "level"):
        name = name or getattr(model, "name", "") or "model"
        return Predictor(name, model, card_summary(model, name=name))
    raise FramingError(f"expected a model file, a TrainedModel or a Predictor; got {type(model).__name__}")


def predict_text(predictors: Sequence[Predictor], text: str) -> dict[str, dict[str, Any]]:
    """``{model name: prediction}`` for one article text."""
    return {p.name: p.predict(text) for p in predictors}


# ---------------------------------------------------------------------------------------------
# Records and tables


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


def predict_results(results: Iterable[Any], models: Sequence[Any] | Mapping[str, Any]) -> Any:
    """New :class:`~framing.analysis.results.Results` with each model's prediction added to every article.

    ``models`` are model files (``"frames.skops"`` or ``"NAME=frames.skops"``), TrainedModels
    (named by their ``name``, else ``"model"``) or Predictors; or a mapping ``{name: model}``.
    """
    from framing.analysis.results import Results

    if isinstance(models, Mapping):
        predictors = [_predictor(m, name) for name, m in models.items()]
    else:
        predictors = [_predictor(m) for m in models]
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


# ---------------------------------------------------------------------------------------------
# Adding predictions to an analysis folder


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
    :func:`framing.ml.classify.apply`; :func:`predictions_frame` makes them a table).
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
    predictor = _predictor(model, name)
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
                fh.write(json.dumps(merge_record(record, {predictor.name: pred}, summaries), ensure_ascii=False) + "\n")
                rows.append({"id": record.get("id"), "outlet": record.get("outlet"), "title": record.get("title"), **prediction_row(pred)})

    _atomic_write(path, write)
    csv_path = folder / "articles.csv"
    if csv_path.exists():
        from framing.run.engine import write_csv

        write_csv(path, csv_path)  # streaming, the same writer as 'framing analyze
    if (folder / "articles.parquet").is_dir():
        from framing.run.engine import write_parquet

        write_parquet(path, folder / "articles.parquet")
    if manifest is not None:
        added = [a for a in manifest.get("predictions_added", []) if a.get("name") != predictor.name]
        added.append({"name": predictor.name, "file": predictor.summary.get("file"), "sha256": predictor.summary.get("sha256"), "added": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        manifest["predictions_added"] = added
        _atomic_write(manifest_path, lambda fh: fh.write(json.dumps(manifest, indent=1)))
    return {"n": len(rows), "name": predictor.name, "path": str(path), "rows": rows, "level": predictor.model.level, "classes": list(predictor.model.classes), "model": predictor.model}


def predictions_frame(rows: Sequence[Mapping[str, Any]], classes: Sequence[str], level: str) -> Any:
    """The standalone predictions table (the columns of :func:`framing.ml.classify.apply`)."""
    import pandas as pd

    head = ["label", *[f"p_{c}" for c in classes]] if level == "article" else ["n_sentences", "label", *[f"share_{c}" for c in classes]]
    return pd.DataFrame(list(rows), columns=["id", "outlet", "title", *head])
