"""The trained classifier (:class:`Classifier`) and its model file (:func:`save_classifier`, :func:`load_classifier`).

Model files are skops files (no pickle: loading never runs code from the file), read and written
through :mod:`framing.persist`. Only the types in :data:`TRUSTED_TYPES` (beyond those skops
trusts by default) may be in a file; anything else is refused with
:class:`~framing.errors.UntrustedModelError` before it is constructed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline

from framing.errors import FramingError, InputError, UntrustedModelError
from framing.ml.cards import card_markdown, lexicon_provenance
from framing.ml.data import as_texts
from framing.persist import dump_bytes, load_trusted, untrusted_types
from framing.safe_output import finite_json

__all__ = ["FORMAT", "FORMAT_VERSION", "TRUSTED_TYPES", "Classifier", "load_classifier", "pipeline_of", "save_classifier"]

FORMAT = "framing-classifier"
FORMAT_VERSION = 1

#: Types a framing model file may contain beyond those skops trusts by default. The list is
#: explicit (a reviewer can read it) and a test checks it equals what every pipeline that
#: :func:`~framing.ml.pipelines.make_pipeline` builds needs: our three transformers (their state
#: is plain data: str, list, dict, numpy arrays) and ``numpy.dtype``, which ``SimpleImputer``
#: records (a dtype is rebuilt from its name; nothing is called).
TRUSTED_TYPES = (
    "framing.ml.features.LexiconVectorizer",
    "framing.ml.features.ReadabilityFeatures",
    "framing.ml.features.RhetoricFeatures",
    "numpy.dtype",
)


@dataclass(frozen=True)
class Classifier:
    """A fitted pipeline with what is known about it: validation, drivers, data and versions.

    ``cv`` is the cross-validation report (None when trained without): ``scheme``, ``folds``
    (macro-F1 per fold), ``macro_f1`` (mean over folds), ``macro_f1_std``, and ``pooled`` (the
    full :func:`~framing.ml.metrics.classification_metrics` of the out-of-fold predictions). ``top_features`` maps
    each class to the features with the largest positive coefficients, each with example
    sentences from the training texts of that class.
    """

    pipeline: Pipeline
    classes: list[str]
    level: str
    model: str
    params: dict[str, Any] = field(default_factory=dict)
    cv: dict[str, Any] | None = None
    training: dict[str, Any] = field(default_factory=dict)
    top_features: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    created: str = ""
    #: a short name for reports and ``articles.jsonl`` (``framing train --name``); when empty,
    #: :mod:`framing.ml.predict` names the model after its file (``frames.skops`` -> ``frames``)
    name: str = ""

    def predict(self, texts: Iterable[str]) -> np.ndarray:
        """Predicted labels (text) for raw texts."""
        return np.asarray(self.pipeline.predict(as_texts(texts)), dtype=object)

    def predict_proba(self, texts: Iterable[str]) -> np.ndarray:
        """Class probabilities, columns in the order of :attr:`classes`."""
        return self.pipeline.predict_proba(as_texts(texts))

    def card(self) -> dict[str, Any]:
        """The model card as plain JSON-serialisable data."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": self.created,
            "name": self.name,
            "classes": list(self.classes),
            "level": self.level,
            "model": self.model,
            "params": self.params,
            "data": self.data,
            "training": self.training,
            "cv": self.cv,
            "top_features": self.top_features,
            "lexicons": lexicon_provenance(self.pipeline),
            "versions": self.versions,
        }

    def card_markdown(self) -> str:
        """The model card as Markdown: data, validation, drivers, versions, intended use."""
        return card_markdown(self.card())

    def save(self, path: str | os.PathLike[str], *, card: bool = True) -> Path:
        """See :func:`save_classifier`."""
        return save_classifier(self, path, card=card)

    def __repr__(self) -> str:
        score = f", CV macro-F1 {self.cv['macro_f1']:.3f}" if self.cv and self.cv.get("macro_f1") is not None else ""
        return f"Classifier({self.model!r}, {self.level}, classes={self.classes}{score})"


def save_classifier(model: Classifier, path: str | os.PathLike[str], *, card: bool = True, compress: bool = False) -> Path:
    """Write ``model`` as a skops file (no pickle); with ``card``, ``NAME.card.md`` and ``.card.json`` beside it.

    ``compress`` deflates the file: a TF-IDF vocabulary takes a tenth of the space (skops stores a
    dictionary entry by entry) for a slower save; a shipped model is written compressed.

    The file holds the pipeline and the model card. A model whose pipeline contains types outside
    :data:`TRUSTED_TYPES` (say, lexicons given as objects instead of names or paths) is refused
    here, since :func:`load_classifier` would refuse it.
    """
    if not isinstance(model, Classifier):
        raise FramingError(f"save_classifier takes a Classifier (from train); got {type(model).__name__}")
    card_data = model.card()
    payload = {"format": FORMAT, "format_version": FORMAT_VERSION, "pipeline": model.pipeline, "card": json.dumps(card_data, ensure_ascii=False)}
    blob = dump_bytes(payload, compress=compress)
    refused = sorted(set(untrusted_types(blob)) - set(TRUSTED_TYPES))
    if refused:
        raise FramingError(
            f"cannot save this model: it contains types a framing model file may not hold ({', '.join(refused)}); "
            "pass lexicons by name or path rather than as objects"
        )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(blob)
    if card:
        stem = path.with_suffix("")
        Path(f"{stem}.card.json").write_text(json.dumps(finite_json(card_data), indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
        Path(f"{stem}.card.md").write_text(card_markdown(card_data), encoding="utf-8")
    return path


def load_classifier(path: str | os.PathLike[str], *, trusted: Sequence[str] | None = None) -> Classifier:
    """Load a classifier written by :func:`save_classifier`, refusing any file with an untrusted type.

    Only skops' default types and :data:`TRUSTED_TYPES` (or the list ``trusted``; ``True`` is
    refused) are allowed; a file with anything else raises :class:`UntrustedModelError` before
    any object in it is built. A file that is not a framing model raises it too.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such model file")
    obj = load_trusted(path, TRUSTED_TYPES if trusted is None else trusted, what="model")
    if not isinstance(obj, dict) or obj.get("format") != FORMAT or not isinstance(obj.get("pipeline"), Pipeline):
        raise UntrustedModelError(f"{path} is a skops file but not a framing classifier (expected format {FORMAT!r})")
    if obj.get("format_version") != FORMAT_VERSION:
        raise UntrustedModelError(f"{path}: model format version {obj.get('format_version')!r}; this framing reads version {FORMAT_VERSION}")
    try:
        card = json.loads(obj.get("card") or "{}")
    except (TypeError, json.JSONDecodeError) as exc:
        raise UntrustedModelError(f"{path}: the model card inside is not valid JSON ({exc})") from exc
    pipe = obj["pipeline"]
    return Classifier(
        pipeline=pipe,
        classes=[str(c) for c in pipe.classes_],
        level=card.get("level", "article"),
        model=card.get("model", "?"),
        params=card.get("params", {}),
        cv=card.get("cv"),
        training=card.get("training", {}),
        top_features=card.get("top_features", {}),
        data=card.get("data", {}),
        versions=card.get("versions", {}),
        created=card.get("created", ""),
        name=str(card.get("name") or ""),
    )


def pipeline_of(model: Any) -> Pipeline:
    """The fitted pipeline of a :class:`Classifier`, or ``model`` itself if it can predict."""
    if isinstance(model, Classifier):
        return model.pipeline
    if hasattr(model, "predict"):
        return model
    raise FramingError(f"expected a Classifier or a fitted pipeline; got {type(model).__name__}")
