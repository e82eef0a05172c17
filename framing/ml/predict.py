"""Trained classifiers as predictors of single articles: what the analysis run stores per article.

A model trained with :func:`framing.ml.training.train` (``framing train``) is applied to every
article during the analysis run (``framing analyze PATH... --out DIR --model frames.skops``: the
engine loads each model once per worker process with :func:`load_predictors` and classifies each
article's cleaned text with :func:`predict_text`) or afterwards, into an existing analysis folder
(``framing apply frames.skops --into DIR``, :mod:`framing.run.apply`).

Either way each record of ``articles.jsonl`` gets ``predictions`` (model name -> prediction) and
its ``provenance`` gets ``classifiers`` (model name -> :func:`card_summary`). A prediction is what
:func:`framing.ml.inference.apply` reports for the same text: ``{"label", "proba": {class: p}}``
for an article-level model, ``{"label", "share": {class: share of sentences}, "n_sentences"}`` for
a sentence-level one (values rounded to 4 decimals).

A model's name is the ``name`` in its model card (``framing train --name``), else the file name
without ``.skops``; ``NAME=FILE`` chooses another. Names must be unique within a run.

A classifier shipped with framing (:data:`BUILTIN_MODELS`, in ``framing/models``) is named instead
of a file: ``--model register_populist`` (``models=["register_populist"]``); a file of that name
in the working folder comes first.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from framing.errors import FramingError, InputError
from framing.ml.inference import article_rows
from framing.ml.model import Classifier, load_classifier
from framing.resources import model_dir

__all__ = [
    "BUILTIN_MODELS",
    "Predictor",
    "as_predictor",
    "card_summary",
    "load_predictors",
    "model_path",
    "model_specs",
    "predict_text",
]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


#: Classifiers shipped in ``framing/models`` that ``--model`` takes by name, each with its model card
#: ``framing/models/NAME.md``: ``register_populist``, right-populist versus mainstream register of an
#: article (rebuilt by ``bench/train_register_classifier.py``).
BUILTIN_MODELS = ("register_populist",)


def model_path(spec: str | os.PathLike[str]) -> Path:
    """The file ``spec`` names: a path, or the name of a shipped model (:data:`BUILTIN_MODELS`) when no
    such file exists.

    >>> model_path("register_populist").name
    'register_populist.skops'
    """
    text = os.fspath(spec)
    path = Path(text)
    if text in BUILTIN_MODELS and not path.is_file():
        return model_dir() / f"{text}.skops"
    return path


def _split_spec(spec: str | os.PathLike[str]) -> tuple[str | None, Path]:
    """``FILE`` or ``NAME=FILE`` (a file whose own name contains '=' is taken as a file); FILE may be
    the name of a shipped model (:data:`BUILTIN_MODELS`)."""
    text = os.fspath(spec)
    if "=" in text and not Path(text).is_file():
        name, _, path = text.partition("=")
        if not name.strip():
            raise FramingError(f"--model NAME=FILE needs a name before '='; got {text!r}")
        return name.strip(), model_path(path)
    return None, model_path(text)


def card_summary(model: Classifier, *, name: str, file: str = "", sha256: str = "") -> dict[str, Any]:
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
    model: Classifier
    summary: dict[str, Any]

    def predict(self, text: str) -> dict[str, Any]:
        """The prediction for one article text (the format of ``articles.jsonl``'s ``predictions``)."""
        row = article_rows(self.model.pipeline, self.model.level, [text])[0]
        return _as_prediction(row, self.model.classes, self.model.level)


def _as_prediction(row: Mapping[str, Any], classes: Sequence[str], level: str) -> dict[str, Any]:
    if level == "article":
        return {"label": row["label"], "proba": {c: row[f"p_{c}"] for c in classes}}
    return {"label": row["label"], "share": {c: row[f"share_{c}"] for c in classes}, "n_sentences": row["n_sentences"]}


_CACHE: dict[tuple[str, str], Classifier] = {}


def _load(path: Path, sha: str) -> Classifier:
    """The model at ``path`` (safe skops loading), loaded once per process for a given content."""
    key = (str(path), sha)
    if key not in _CACHE:
        _CACHE[key] = load_classifier(path)
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


def as_predictor(model: Any, name: str | None = None) -> Predictor:
    """A Predictor from a model file spec (``FILE`` or ``NAME=FILE``), a :class:`Classifier` or a Predictor."""
    if isinstance(model, Predictor):
        return model if name is None else replace(model, name=name, summary={**model.summary, "name": name})
    if isinstance(model, (str, os.PathLike)):
        spec = model_specs([model if name is None else f"{name}={os.fspath(model)}"])[0]
        return load_predictors([spec])[0]
    if hasattr(model, "pipeline") and hasattr(model, "level"):  # a Classifier, or anything shaped like one
        name = name or getattr(model, "name", "") or "model"
        return Predictor(name, model, card_summary(model, name=name))
    raise FramingError(f"expected a model file, a Classifier or a Predictor; got {type(model).__name__}")


def predict_text(predictors: Sequence[Predictor], text: str) -> dict[str, dict[str, Any]]:
    """``{model name: prediction}`` for one article text."""
    return {p.name: p.predict(text) for p in predictors}
