"""Train, validate and apply text classifiers on human-labelled articles or sentences.

The workflow, each step a plain function::

    data = read_labelled("coded.csv", text_col="text", label_col="frame", group_col="outlet")
    model = train(data.text, data.label, groups=data.group)   # grouped CV, then a final fit
    model.cv["macro_f1"], model.top_features                   # honest numbers, and why
    save_model(model, "frames.skops")                          # + frames.card.md / .card.json
    apply(load_model("frames.skops"), framing.load("corpus/")) # predictions per article

Models are scikit-learn pipelines: a ``FeatureUnion`` of TF-IDF and the toolkit's own measures
(:mod:`framing.ml.features`) feeding a logistic regression (:func:`make_pipeline`).

Honest validation: when ``groups`` (outlets, say) are given, cross-validation keeps each group
inside one fold (``GroupKFold``), so a model that merely recognises outlets is caught; the report
gives per-class precision, recall and F1, macro-F1 (mean over folds and on the pooled
out-of-fold predictions), the confusion matrix and calibration (Brier score and reliability
bins).

Model files are skops files (no pickle: loading never runs code from the file). Only the types in
:data:`TRUSTED_TYPES` (beyond those skops trusts by default) may be in a file; anything else is
refused with :class:`UntrustedModelError` before it is constructed.

:func:`fingerprint_outlets` needs no labels: how well the outlet can be told from the text alone,
and which words give each outlet away.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import platform
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.pipeline import FeatureUnion, Pipeline

from framing.errors import (
    FramingError,
    InputError,
    OptionError,
    UntrustedModelError,
    check_option,
)
from framing.ml.features import (
    LexiconVectorizer,
    ReadabilityFeatures,
    RhetoricFeatures,
    TextTransformer,
)
from framing.persist import dump_bytes, load_trusted, untrusted_types

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "COMPONENTS",
    "TRUSTED_TYPES",
    "TrainedModel",
    "UntrustedModelError",
    "apply",
    "brier_score",
    "classification_metrics",
    "cross_validate",
    "evaluate",
    "fingerprint_outlets",
    "load_model",
    "make_pipeline",
    "read_labelled",
    "reliability_bins",
    "save_model",
    "top_features",
    "train",
]

#: Feature blocks a model can combine with "+" (``"tfidf+lexicon+rhetoric"``).
COMPONENTS = ("tfidf", "chars", "lexicon", "rhetoric", "readability")
LEVELS = ("article", "sentence")
FORMAT = "framing-classifier"
FORMAT_VERSION = 1

#: Types a framing model file may contain beyond those skops trusts by default. The list is
#: explicit (a reviewer can read it) and a test checks it equals what every pipeline that
#: :func:`make_pipeline` builds needs: our three transformers (their state is plain data: str,
#: list, dict, numpy arrays) and ``numpy.dtype``, which ``SimpleImputer`` records (a dtype is
#: rebuilt from its name; nothing is called).
TRUSTED_TYPES = (
    "framing.ml.features.LexiconVectorizer",
    "framing.ml.features.ReadabilityFeatures",
    "framing.ml.features.RhetoricFeatures",
    "numpy.dtype",
)


# ---------------------------------------------------------------------------------------------
# Pipelines


def _components(model: str) -> list[str]:
    if not isinstance(model, str) or not model.strip():
        raise OptionError(f"model must be components joined by '+' ({', '.join(COMPONENTS)}); got {model!r}")
    parts = [p.strip() for p in model.split("+")]
    for p in parts:
        check_option("model component", p, COMPONENTS)
    if len(set(parts)) != len(parts):
        raise OptionError(f"model lists a component twice: {model!r}")
    return parts


def make_pipeline(
    model: str = "tfidf+lexicon",
    *,
    level: str = "article",
    C: float = 1.0,
    feature_weight: float = 0.3,
    lexicons: Any = "default",
    seed: int = 0,
    n_jobs: int | None = None,
) -> Pipeline:
    """An unfitted pipeline: ``FeatureUnion`` of the chosen blocks, then logistic regression.

    Parameters
    ----------
    model : str
        Blocks joined by ``+``: ``tfidf`` (words; word pairs too for sentences), ``chars`` (character 2-5-grams
        inside words), ``lexicon`` (:class:`~framing.ml.features.LexiconVectorizer`), ``rhetoric``
        (:class:`~framing.ml.features.RhetoricFeatures`), ``readability``
        (:class:`~framing.ml.features.ReadabilityFeatures`).
    level : {"article", "sentence"}
        The unit of the texts. Sentences get raw counts of lexicon and rhetoric markers (a rate
        per 1,000 words of one sentence is noise), word pairs and rare words; articles get rates
        and single words seen in at least 3 articles (on 20,000 news articles word pairs took
        seven times longer to fit and scored no better).
    C : float
        Inverse regularisation strength of the logistic regression (whose class weights are
        balanced: every class counts alike, as in macro-F1).
    feature_weight : float
        Weight of the standardised non-TF-IDF blocks in the union (TF-IDF blocks weigh 1).
    lexicons : see :class:`~framing.ml.features.LexiconVectorizer`
    seed : int
        Random state of the classifier.
    n_jobs : int or None
        Processes for the toolkit's feature transformers on long inputs.

    Examples
    --------
    >>> from framing.ml.classify import make_pipeline
    >>> pipe = make_pipeline("tfidf+rhetoric", level="sentence")
    >>> [name for name, _ in pipe.named_steps["features"].transformer_list]
    ['tfidf', 'rhetoric']
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    check_option("level", level, LEVELS)
    parts = _components(model)
    sentence = level == "sentence"
    scale = "count" if sentence else "rate"

    def dense(step: Any) -> Pipeline:
        # undefined values (rates of empty texts, SMOG of short ones) get the column median;
        # with_mean=False keeps "absent" at 0, so a positive value means "present"
        return Pipeline(
            [
                ("features", step),
                ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
                ("scale", StandardScaler(with_mean=False)),
            ]
        )

    blocks: list[tuple[str, Any]] = []
    weights: dict[str, float] = {}
    for p in parts:
        if p == "tfidf":
            blocks.append(
                (p, TfidfVectorizer(ngram_range=(1, 2) if sentence else (1, 1), sublinear_tf=True, min_df=1 if sentence else 3, max_df=1.0 if sentence else 0.9))
            )
        elif p == "chars":
            blocks.append((p, TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)))
        elif p == "lexicon":
            blocks.append((p, dense(LexiconVectorizer(lexicons=lexicons, scale=scale, n_jobs=n_jobs))))
        elif p == "rhetoric":
            blocks.append((p, dense(RhetoricFeatures(scale=scale, n_jobs=n_jobs))))
        else:
            blocks.append((p, dense(ReadabilityFeatures(n_jobs=n_jobs))))
        if p not in ("tfidf", "chars"):
            weights[p] = float(feature_weight)
    # balanced class weights: the scores that matter here (macro-F1) weigh every class alike, and
    # grouped folds can leave the training classes far from balanced
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=seed)
    return Pipeline([("features", FeatureUnion(blocks, transformer_weights=weights or None)), ("clf", clf)])


class _Rows(TransformerMixin, BaseEstimator):
    """Rows of data computed once, looked up by index (internal to cross-validation, never saved)."""

    def __init__(self, *, data: Any = None) -> None:
        self.data = data

    def fit(self, X: Any, y: Any = None) -> _Rows:
        return self

    def transform(self, X: Any) -> Any:
        idx = np.asarray(X, dtype=int)
        if isinstance(self.data, list):
            return [self.data[i] for i in idx]
        return self.data[idx]


def _union(pipeline: Pipeline) -> FeatureUnion:
    union = pipeline.steps[0][1]
    if not isinstance(union, FeatureUnion):
        raise FramingError("expected a pipeline whose first step is a FeatureUnion (as make_pipeline builds)")
    return union


def _stateless_head(trans: Any) -> TextTransformer | None:
    first = trans.steps[0][1] if isinstance(trans, Pipeline) else trans
    return first if isinstance(first, TextTransformer) else None


def _precompute(pipeline: Pipeline, texts: list[str]) -> dict[str, np.ndarray]:
    """Outputs of the blocks that learn nothing from the texts, computed once for every fold.

    The toolkit's transformers (segmentation and matching, the costly part) give the same
    numbers whichever texts they were fitted on, so cross-validation need not redo them per fold.
    """
    out: dict[str, np.ndarray] = {}
    for name, trans in _union(pipeline).transformer_list:
        head = _stateless_head(trans)
        if head is not None:
            out[name] = clone(head).fit(texts).transform(texts)
    return out


def _fold_pipeline(pipeline: Pipeline, texts: list[str], pre: Mapping[str, np.ndarray]) -> Pipeline:
    """A fresh copy of ``pipeline`` that takes row indices and reuses precomputed blocks."""
    union = _union(pipeline)
    parts: list[tuple[str, Any]] = []
    for name, trans in union.transformer_list:
        if name in pre:
            rest = [(n, clone(s)) for n, s in trans.steps[1:]] if isinstance(trans, Pipeline) else []
            parts.append((name, Pipeline([("rows", _Rows(data=pre[name])), *rest])))
        else:
            parts.append((name, Pipeline([("rows", _Rows(data=texts)), ("block", clone(trans))])))
    return Pipeline([("features", FeatureUnion(parts, transformer_weights=union.transformer_weights)), ("clf", clone(pipeline.steps[-1][1]))])


def _fit_with(pipeline: Pipeline, texts: list[str], y: np.ndarray, pre: Mapping[str, np.ndarray]) -> Pipeline:
    """Fit ``pipeline`` on ``texts`` exactly as ``pipeline.fit`` would, reusing precomputed blocks."""
    union = _union(pipeline)
    weights = union.transformer_weights or {}
    blocks = []
    for name, trans in union.transformer_list:
        if name in pre:
            steps = trans.steps if isinstance(trans, Pipeline) else [("features", trans)]
            steps[0][1].fit(texts)
            Z = pre[name]
            for _, step in steps[1:]:
                Z = step.fit_transform(Z, y)
        else:
            Z = trans.fit_transform(texts, y)
        w = weights.get(name)
        blocks.append(Z * w if w is not None else Z)
    if any(sp.issparse(b) for b in blocks):
        X = sp.hstack(blocks).tocsr()
    else:
        X = np.hstack(blocks)
    pipeline.steps[-1][1].fit(X, y)
    return pipeline


# ---------------------------------------------------------------------------------------------
# Metrics


def brier_score(y_true: Sequence[Any], proba: np.ndarray, classes: Sequence[Any]) -> float:
    """Brier score: mean over texts of half the squared distance between ``proba`` and the truth.

    Range 0 (perfect) to 1; lower is better. For two classes this is the usual binary Brier score
    ``mean((p_positive - y)^2)``; for more it is Brier's (1950) multi-class score halved, so that
    the range stays 0 to 1 (scikit-learn's ``brier_score_loss(..., scale_by_half=True)``).
    """
    proba = np.asarray(proba, dtype=float)
    index = {c: i for i, c in enumerate(classes)}
    onehot = np.zeros_like(proba)
    for row, label in enumerate(y_true):
        if label in index:
            onehot[row, index[label]] = 1.0
    if len(proba) == 0:
        return float("nan")
    return float(0.5 * np.mean(np.sum((proba - onehot) ** 2, axis=1)))


def reliability_bins(y_true: Sequence[Any], proba: np.ndarray, classes: Sequence[Any], *, n_bins: int = 10) -> dict[str, Any]:
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
    y_true: Sequence[Any], y_pred: Sequence[Any], *, classes: Sequence[Any], proba: np.ndarray | None = None
) -> dict[str, Any]:
    """Per-class precision, recall, F1 and support; macro-F1; accuracy; confusion matrix; calibration.

    Labels are compared as text. Precision of a class never predicted is 0 (scikit-learn's
    ``zero_division=0``). ``confusion_matrix.matrix[i][j]`` counts texts of class ``labels[i]``
    predicted as ``labels[j]``. With ``proba`` (columns in the order of ``classes``) the result
    also has ``brier`` and ``reliability`` (see :func:`brier_score`, :func:`reliability_bins`).
    """
    from sklearn.metrics import (
        confusion_matrix,
        f1_score,
        precision_recall_fscore_support,
    )

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


# ---------------------------------------------------------------------------------------------
# Inputs


def _as_texts(texts: Any) -> list[str]:
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


def _records(data: Any) -> list[dict[str, Any]]:
    """``id``, ``outlet``, ``title``, ``text`` of each item of Results, articles, records, or texts."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(data, pd.DataFrame):
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
                    "id": str(rid) if rid is not None and rid == rid else str(i),
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
    reads texts only (for :func:`apply`).
    """
    import pandas as pd

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


# ---------------------------------------------------------------------------------------------
# Training


@dataclass
class TrainedModel:
    """A fitted pipeline with what is known about it: validation, drivers, data and versions.

    ``cv`` is the cross-validation report (None when trained without): ``scheme``, ``folds``
    (macro-F1 per fold), ``macro_f1`` (mean over folds), ``macro_f1_std``, and ``pooled`` (the
    full :func:`classification_metrics` of the out-of-fold predictions). ``top_features`` maps
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
        return np.asarray(self.pipeline.predict(_as_texts(texts)), dtype=object)

    def predict_proba(self, texts: Iterable[str]) -> np.ndarray:
        """Class probabilities, columns in the order of :attr:`classes`."""
        return self.pipeline.predict_proba(_as_texts(texts))

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
            "lexicons": _lexicon_provenance(self.pipeline),
            "versions": self.versions,
        }

    def card_markdown(self) -> str:
        """The model card as Markdown: data, validation, drivers, versions, intended use."""
        return _card_markdown(self.card())

    def save(self, path: str | os.PathLike[str], *, card: bool = True) -> Path:
        """See :func:`save_model`."""
        return save_model(self, path, card=card)

    def __repr__(self) -> str:
        score = f", CV macro-F1 {self.cv['macro_f1']:.3f}" if self.cv and self.cv.get("macro_f1") is not None else ""
        return f"TrainedModel({self.model!r}, {self.level}, classes={self.classes}{score})"


def _lexicon_provenance(pipeline: Pipeline) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        union = _union(pipeline)
    except FramingError:
        return out
    for _, trans in union.transformer_list:
        head = _stateless_head(trans)
        if isinstance(head, LexiconVectorizer) and hasattr(head, "lexicon_provenance_"):
            out.update(head.lexicon_provenance_)
    return out


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    from framing.resources import package_versions

    out = dict(package_versions())
    for name in ("skops", "scipy", "pandas"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    out["python"] = platform.python_version()
    return out


def _splits(
    n: int, y: np.ndarray, groups: np.ndarray | None, folds: np.ndarray | None, cv: Any, seed: int
) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    """The (train, test) index pairs of cross-validation and a description of the scheme."""
    from sklearn.model_selection import GroupKFold, PredefinedSplit, StratifiedKFold

    X = np.zeros(n)
    if folds is not None:
        values = sorted(set(folds.tolist()))
        if len(values) < 2:
            raise FramingError(f"given folds: need at least 2 different fold values; got {values}")
        codes = np.asarray([values.index(v) for v in folds])
        return list(PredefinedSplit(codes).split()), f"given folds ({len(values)}: each held out once)"
    if hasattr(cv, "split"):
        return [(np.asarray(a), np.asarray(b)) for a, b in cv.split(X, y, groups)], repr(cv)
    if not isinstance(cv, (int, np.integer)) or isinstance(cv, bool):
        pairs = [(np.asarray(a), np.asarray(b)) for a, b in cv]
        return pairs, f"given splits ({len(pairs)})"
    k = int(cv)
    if k < 2:
        raise FramingError(f"cv must be at least 2 folds (or None for no cross-validation); got {cv}")
    if groups is not None:
        n_groups = len(set(groups.tolist()))
        if n_groups < 2:
            raise FramingError(f"grouped cross-validation needs at least 2 groups; got {n_groups}")
        k = min(k, n_groups)
        return list(GroupKFold(n_splits=k).split(X, y, groups)), f"GroupKFold({k}) over {n_groups} groups: no group is in both training and test"
    smallest = min(Counter(y.tolist()).values())
    if smallest < 2:
        rare = [c for c, m in Counter(y.tolist()).items() if m < 2]
        raise FramingError(f"cross-validation needs at least 2 texts of every class; only one of {rare}")
    k = min(k, smallest)
    return list(StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(X, y)), f"StratifiedKFold({k}, shuffled, seed {seed})"


def cross_validate(
    pipeline: Pipeline,
    texts: Sequence[str],
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    folds: Sequence[Any] | None = None,
    cv: Any = 5,
    seed: int = 0,
    _pre: Mapping[str, np.ndarray] | None = None,
) -> dict[str, Any]:
    """Cross-validate an unfitted pipeline from :func:`make_pipeline`; the report of ``TrainedModel.cv``."""
    texts = _as_texts(texts)
    y = np.asarray([str(v) for v in labels], dtype=object)
    g = None if groups is None else np.asarray([str(v) for v in groups], dtype=object)
    f = None if folds is None else np.asarray([str(v) for v in folds], dtype=object)
    splits, scheme = _splits(len(texts), y, g, f, cv, seed)
    classes = sorted(set(y.tolist()))
    pre = _precompute(pipeline, texts) if _pre is None else _pre
    proba = np.zeros((len(texts), len(classes)))
    tested = np.zeros(len(texts), dtype=bool)
    per_fold = []
    from sklearn.metrics import f1_score

    for i, (tr, te) in enumerate(splits):
        fold_model = _fold_pipeline(pipeline, texts, pre).fit(tr, y[tr])
        p = fold_model.predict_proba(te)
        cols = [classes.index(c) for c in fold_model.classes_]
        proba[np.ix_(te, cols)] = p
        tested[te] = True
        pred = np.asarray(fold_model.classes_)[p.argmax(axis=1)]
        present = sorted(set(y[te].tolist()))  # as classification_metrics: classes of the test fold
        f1 = f1_score(y[te], pred, labels=present, average="macro", zero_division=0)
        entry: dict[str, Any] = {"fold": i, "n_train": len(tr), "n_test": len(te), "macro_f1": round(float(f1), 4)}
        if g is not None:
            entry["test_groups"] = len(set(g[te].tolist()))
        per_fold.append(entry)
    yt = y[tested]
    pooled = classification_metrics(yt, np.asarray(classes, dtype=object)[proba[tested].argmax(axis=1)], classes=classes, proba=proba[tested])
    scores = [e["macro_f1"] for e in per_fold]
    return {
        "scheme": scheme,
        "grouped": g is not None and folds is None and not hasattr(cv, "split"),
        "n_splits": len(splits),
        "folds": per_fold,
        "macro_f1": round(float(np.mean(scores)), 4),
        "macro_f1_std": round(float(np.std(scores)), 4),
        "pooled": pooled,
    }


def train(
    texts: Sequence[str],
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    level: str = "article",
    model: str = "tfidf+lexicon",
    cv: Any = 5,
    folds: Sequence[Any] | None = None,
    seed: int = 0,
    C: float = 1.0,
    feature_weight: float = 0.3,
    lexicons: Any = "default",
    n_jobs: int | None = None,
    top_n: int = 15,
    n_examples: int = 3,
    data: Mapping[str, Any] | None = None,
    name: str = "",
) -> TrainedModel:
    """Cross-validate, then fit on every text: a :class:`TrainedModel` with its report.

    Parameters
    ----------
    texts, labels : sequences of equal length
        Raw texts (articles or sentences, see ``level``) and their labels (compared as text).
    groups : sequence, optional
        A group per text (outlet, story, coder batch). Cross-validation then keeps every group in
        one fold (``GroupKFold``), so the score says how the model does on groups it never saw.
    level : {"article", "sentence"}
        The unit of the texts (see :func:`make_pipeline`); :func:`apply` classifies articles
        sentence by sentence with a sentence-level model.
    model : str
        Feature blocks joined by ``+`` (:data:`COMPONENTS`).
    cv : int, splitter, iterable of (train, test) index pairs, or None
        Number of folds (``StratifiedKFold``, shuffled with ``seed``, or ``GroupKFold`` with
        ``groups``), any scikit-learn splitter, or given index pairs. None skips validation.
    folds : sequence, optional
        A fold id per text (as the BABE ``cv_fold`` column): each fold is held out once.
    seed, C, feature_weight, lexicons, n_jobs
        See :func:`make_pipeline`.
    top_n, n_examples : int
        How many driving features per class, and example sentences per feature.
    data : mapping, optional
        What the texts are (source, license, columns): copied into the model card.
    name : str, optional
        A short name for the model (in the card, ``articles.jsonl`` and reports); by default
        the file name it is saved under.

    Examples
    --------
    >>> from framing.ml.classify import train
    >>> texts = ["a brutal, savage attack", "the council met on Tuesday"] * 6
    >>> m = train(texts, ["loaded", "neutral"] * 6, model="tfidf", level="sentence", cv=3)
    >>> m.cv["macro_f1"], m.predict(["a savage council"])[0]
    (1.0, 'loaded')
    """
    check_option("level", level, LEVELS)
    texts = _as_texts(texts)
    y = np.asarray([str(v) for v in labels], dtype=object)
    if len(y) != len(texts):
        raise FramingError(f"texts and labels differ in length: {len(texts)} texts, {len(y)} labels")
    if groups is not None and len(groups) != len(texts):
        raise FramingError(f"texts and groups differ in length: {len(texts)} texts, {len(groups)} groups")
    if folds is not None and len(folds) != len(texts):
        raise FramingError(f"texts and folds differ in length: {len(texts)} texts, {len(folds)} folds")
    classes = sorted(set(y.tolist()))
    if len(classes) < 2:
        raise FramingError(f"training needs at least 2 classes; every label is {classes[0]!r}" if classes else "no texts to train on")
    pipeline = make_pipeline(model, level=level, C=C, feature_weight=feature_weight, lexicons=lexicons, seed=seed, n_jobs=n_jobs)
    pre = _precompute(pipeline, texts)
    report = None
    no_cv = cv is None or cv is False or (isinstance(cv, (int, np.integer)) and cv == 0)
    if folds is not None or not no_cv:
        report = cross_validate(pipeline, texts, y, groups=groups, folds=folds, cv=5 if no_cv else cv, seed=seed, _pre=pre)
    _fit_with(pipeline, texts, y, pre)
    top = top_features(pipeline, n=top_n)
    if n_examples > 0:
        _add_examples(pipeline, top, texts, y, level=level, n_examples=n_examples, seed=seed)
    training = {
        "n": len(texts),
        "class_counts": dict(sorted(Counter(y.tolist()).items())),
    }
    if groups is not None:
        training["n_groups"] = len(set(map(str, groups)))
    return TrainedModel(
        pipeline=pipeline,
        classes=[str(c) for c in pipeline.classes_],
        level=level,
        model="+".join(_components(model)),
        params={"C": C, "feature_weight": feature_weight, "seed": seed},
        cv=report,
        training=training,
        top_features=top,
        data=dict(data or {}),
        versions=_versions(),
        created=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        name=name,
    )


def _feature_label(name: str) -> tuple[str, str]:
    block, _, feat = name.partition("__")
    kind = {"tfidf": "words", "chars": "characters"}.get(block, block)
    return kind, feat


def top_features(pipeline: Pipeline, *, n: int = 15) -> dict[str, list[dict[str, Any]]]:
    """The features with the largest positive coefficients for each class: the top ``n`` of each
    block (words, characters, lexicon, rhetoric, ...), blocks in pipeline order.

    For two classes the single coefficient vector speaks for the second class when positive and
    for the first when negative. Coefficients are in the units of each block (TF-IDF weights,
    standardised marker values times ``feature_weight``), so they compare only within a block;
    ranking all blocks together would let a few dense marker features push every word off the list.
    """
    clf = pipeline.steps[-1][1]
    names = [str(x) for x in pipeline[:-1].get_feature_names_out()]
    coef = np.asarray(clf.coef_)
    classes = [str(c) for c in clf.classes_]
    if coef.shape[0] == 1:
        rows = {classes[1]: coef[0], classes[0]: -coef[0]}
    else:
        rows = {c: coef[i] for i, c in enumerate(classes)}
    labels = [_feature_label(nm) for nm in names]
    blocks: dict[str, list[int]] = {}
    for j, (kind, _) in enumerate(labels):
        blocks.setdefault(kind, []).append(j)
    out: dict[str, list[dict[str, Any]]] = {}
    for c in classes:
        w = rows[c]
        out[c] = []
        for kind, cols in blocks.items():
            cols_a = np.asarray(cols)
            order = cols_a[np.argsort(-w[cols_a], kind="stable")[:n]]
            for j in order:
                if w[j] > 0:
                    out[c].append({"feature": labels[j][1], "kind": kind, "weight": round(float(w[j]), 4), "column": int(j)})
    return out


def _add_examples(
    pipeline: Pipeline, top: dict[str, list[dict[str, Any]]], texts: list[str], y: np.ndarray, *, level: str, n_examples: int, seed: int
) -> None:
    """Attach to each driving feature up to ``n_examples`` training sentences of its class where
    the feature is present, the ones the model finds most typical of the class first."""
    from framing.text.segment import sentence_spans

    rng = np.random.default_rng(seed)
    cand: list[str] = []
    cand_label: list[str] = []
    per_class = 1000 if level == "sentence" else 60
    for c in top:
        idx = np.flatnonzero(y == c)
        if len(idx) > per_class:
            idx = np.sort(rng.choice(idx, per_class, replace=False))
        for i in idx:
            if level == "sentence":
                sents = [texts[i]]
            else:
                sents = [texts[i][s:e] for s, e in sentence_spans(texts[i])[:40]]
            for s in sents:
                if len(s.split()) >= 4:
                    cand.append(s)
                    cand_label.append(c)
    if not cand:
        return
    Z = pipeline[:-1].transform(cand)
    Z = Z.tocsc() if sp.issparse(Z) else np.asarray(Z)
    proba = pipeline.steps[-1][1].predict_proba(Z.tocsr() if sp.issparse(Z) else Z)
    cls = [str(c) for c in pipeline.classes_]
    labels = np.asarray(cand_label, dtype=object)
    for c, feats in top.items():
        order_all = np.argsort(-proba[:, cls.index(c)], kind="stable")
        for feat in feats:
            col = Z[:, feat["column"]]
            col = np.asarray(col.todense()).ravel() if sp.issparse(col) else np.asarray(col).ravel()
            chosen: list[str] = []
            for r in order_all:
                if labels[r] == c and col[r] > 0 and cand[r] not in chosen:
                    chosen.append(cand[r])
                    if len(chosen) >= n_examples:
                        break
            feat["examples"] = [s if len(s) <= 300 else s[:297] + "..." for s in chosen]


# ---------------------------------------------------------------------------------------------
# Evaluation and application


def _pipeline_of(model: Any) -> Pipeline:
    if isinstance(model, TrainedModel):
        return model.pipeline
    if hasattr(model, "predict"):
        return model
    raise FramingError(f"expected a TrainedModel or a fitted pipeline; got {type(model).__name__}")


def evaluate(model: TrainedModel | Pipeline, texts: Sequence[str], labels: Sequence[Any]) -> dict[str, Any]:
    """Metrics of a trained model on labelled texts it has not seen (:func:`classification_metrics`).

    The result has ``macro_f1``, ``accuracy``, ``per_class``, ``confusion_matrix``, ``brier`` and
    ``reliability``; labels that the model does not know are listed in ``unknown_labels``.
    """
    pipe = _pipeline_of(model)
    texts = _as_texts(texts)
    if len(texts) != len(labels):
        raise FramingError(f"texts and labels differ in length: {len(texts)} texts, {len(labels)} labels")
    if not texts:
        raise FramingError("nothing to evaluate: no texts")
    classes = [str(c) for c in pipe.classes_]
    proba = pipe.predict_proba(texts)
    pred = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
    return classification_metrics(labels, pred, classes=classes, proba=proba)


def apply(model: TrainedModel | Pipeline, data: Any, *, unit: str = "article") -> pd.DataFrame:
    """Classify a corpus: one row per article (or per sentence) with the label and probabilities.

    ``data`` is :class:`~framing.analysis.results.Results`, a corpus or list of articles, records with a
    ``text`` field, a DataFrame with a ``text`` column, or plain texts.

    ``unit="article"`` (default) gives one row per item: an article-level model classifies the
    whole text (columns ``p_<class>``); a sentence-level model classifies every sentence and gives
    the share of sentences in each class (``share_<class>``, the measure to compare outlets on)
    and the most frequent class as ``label``. ``unit="sentence"`` gives one row per sentence
    (``id``, ``sentence``, ``start``, ``end``, ``text``, ``label``, ``p_<class>``).
    """
    import pandas as pd

    from framing.text.segment import sentence_spans

    pipe = _pipeline_of(model)
    level = model.level if isinstance(model, TrainedModel) else "article"
    check_option("unit", unit, LEVELS)
    classes = [str(c) for c in pipe.classes_]
    recs = _records(data)
    if unit == "article":
        rows = _article_rows(pipe, level, [r["text"] for r in recs])
        head = ["label", *[f"p_{c}" for c in classes]] if level == "article" else ["n_sentences", "label", *[f"share_{c}" for c in classes]]
        return pd.DataFrame(
            [{"id": r["id"], "outlet": r["outlet"], "title": r["title"], **row} for r, row in zip(recs, rows)],
            columns=["id", "outlet", "title", *head],
        )
    sents = []
    for r in recs:
        for k, (s, e) in enumerate(sentence_spans(r["text"])):
            sents.append({"id": r["id"], "outlet": r["outlet"], "title": r["title"], "sentence": k, "start": s, "end": e, "text": r["text"][s:e]})
    proba = pipe.predict_proba([s["text"] for s in sents]) if sents else np.zeros((0, len(classes)))
    for s, p in zip(sents, proba):
        s["label"] = classes[int(np.argmax(p))]
        s.update({f"p_{c}": round(float(v), 4) for c, v in zip(classes, p)})
    sent_cols = ["id", "outlet", "title", "sentence", "start", "end", "text", "label", *[f"p_{c}" for c in classes]]
    return pd.DataFrame(sents, columns=sent_cols)


def _article_rows(pipe: Any, level: str, texts: Sequence[str]) -> list[dict[str, Any]]:
    """One prediction per text, as :func:`apply` reports it for ``unit="article"``.

    An article-level model gives ``label`` (the most probable class) and ``p_<class>``; a
    sentence-level model classifies each sentence and gives ``n_sentences``, ``label`` (the most
    frequent class; ties go to the class listed first; None without sentences) and
    ``share_<class>``. Values are rounded to 4 decimals. :mod:`framing.ml.predict` calls this for one
    article at a time, so predictions stored in ``articles.jsonl`` equal those of :func:`apply`.
    """
    from framing.text.segment import sentence_spans

    classes = [str(c) for c in pipe.classes_]
    if level == "article":
        proba = pipe.predict_proba(list(texts)) if len(texts) else np.zeros((0, len(classes)))
        return [{"label": classes[int(np.argmax(p))], **{f"p_{c}": round(float(v), 4) for c, v in zip(classes, p)}} for p in proba]
    spans = [sentence_spans(t) for t in texts]
    units = [t[s:e] for t, sp_ in zip(texts, spans) for s, e in sp_]
    proba = pipe.predict_proba(units) if units else np.zeros((0, len(classes)))
    labels = [classes[int(np.argmax(p))] for p in proba]
    rows = []
    k = 0
    for sp_ in spans:
        counts = Counter(labels[k : k + len(sp_)])
        k += len(sp_)
        n = len(sp_)
        row: dict[str, Any] = {"n_sentences": n}
        row["label"] = max(classes, key=lambda c: (counts.get(c, 0), -classes.index(c))) if n else None
        row.update({f"share_{c}": round(counts.get(c, 0) / n, 4) if n else None for c in classes})
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------
# Saving and loading


def save_model(model: TrainedModel, path: str | os.PathLike[str], *, card: bool = True) -> Path:
    """Write ``model`` as a skops file (no pickle); with ``card``, ``NAME.card.md`` and ``.card.json`` beside it.

    The file holds the pipeline and the model card. A model whose pipeline contains types outside
    :data:`TRUSTED_TYPES` (say, lexicons given as objects instead of names or paths) is refused
    here, since :func:`load_model` would refuse it.
    """
    if not isinstance(model, TrainedModel):
        raise FramingError(f"save_model takes a TrainedModel (from train); got {type(model).__name__}")
    card_data = model.card()
    payload = {"format": FORMAT, "format_version": FORMAT_VERSION, "pipeline": model.pipeline, "card": json.dumps(card_data, ensure_ascii=False)}
    blob = dump_bytes(payload, compress=False)
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
        Path(f"{stem}.card.json").write_text(json.dumps(card_data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        Path(f"{stem}.card.md").write_text(_card_markdown(card_data), encoding="utf-8")
    return path


def load_model(path: str | os.PathLike[str], *, trusted: Sequence[str] | None = None) -> TrainedModel:
    """Load a model written by :func:`save_model`, refusing any file with an untrusted type.

    Only skops' default types and :data:`TRUSTED_TYPES` (or the list ``trusted``; ``True`` is
    refused) are allowed; a file with anything else raises :class:`UntrustedModelError` before
    any object in it is built. A file that is not a framing model raises it too.
    """
    if trusted is True or isinstance(trusted, str):
        raise OptionError("trusted must be a list of type names (never True); got " + repr(trusted))
    allowed = tuple(TRUSTED_TYPES if trusted is None else trusted)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such model file")
    obj = load_trusted(path, allowed, what="model")
    if not isinstance(obj, dict) or obj.get("format") != FORMAT or not isinstance(obj.get("pipeline"), Pipeline):
        raise UntrustedModelError(f"{path} is a skops file but not a framing classifier (expected format {FORMAT!r})")
    if obj.get("format_version") != FORMAT_VERSION:
        raise UntrustedModelError(f"{path}: model format version {obj.get('format_version')!r}; this framing reads version {FORMAT_VERSION}")
    try:
        card = json.loads(obj.get("card") or "{}")
    except (TypeError, json.JSONDecodeError) as exc:
        raise UntrustedModelError(f"{path}: the model card inside is not valid JSON ({exc})") from exc
    pipe = obj["pipeline"]
    return TrainedModel(
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


def _fmt(v: Any) -> str:
    return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def _card_markdown(card: Mapping[str, Any]) -> str:
    named = f"{card['name']}: " if card.get("name") else ""
    lines = [f"# Model card: {named}{card.get('model')} classifier ({card.get('level')} level)", ""]
    lines.append(f"Created {card.get('created')} with framing {card.get('versions', {}).get('framing', '?')}. Classes: {', '.join(card.get('classes', []))}.")
    lines += ["", "## Data", ""]
    data = card.get("data") or {}
    if data:
        lines += [f"- {k}: {v}" for k, v in data.items()]
    tr = card.get("training") or {}
    lines.append(f"- texts: {tr.get('n')}; per class: " + ", ".join(f"{k} {v}" for k, v in (tr.get("class_counts") or {}).items()))
    if tr.get("n_groups") is not None:
        lines.append(f"- groups: {tr['n_groups']}")
    lines += ["", "## Validation", ""]
    cv = card.get("cv")
    if not cv:
        lines.append("Not cross-validated: the model was trained without validation. Evaluate it on held-out data before use.")
    else:
        lines.append(f"Scheme: {cv['scheme']}. Macro-F1 {cv['macro_f1']:.3f} (± {cv['macro_f1_std']:.3f} over {cv['n_splits']} folds).")
        if not cv.get("grouped"):
            lines.append("")
            lines.append("Not grouped by outlet or source: if texts from one source share labels, this score overstates how the model does on new sources.")
        pooled = cv["pooled"]
        lines += ["", "| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for c, m in pooled["per_class"].items():
            lines.append(f"| {c} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
        lines.append("")
        lines.append(f"Pooled out-of-fold: macro-F1 {_fmt(pooled.get('macro_f1'))}, accuracy {_fmt(pooled.get('accuracy'))}, Brier {_fmt(pooled.get('brier'))}, expected calibration error {_fmt((pooled.get('reliability') or {}).get('ece'))}.")
        cm = pooled["confusion_matrix"]
        lines += ["", "Confusion matrix (rows: true class, columns: predicted):", "", "| | " + " | ".join(cm["labels"]) + " |", "|---" * (len(cm["labels"]) + 1) + "|"]
        for lab, row in zip(cm["labels"], cm["matrix"]):
            lines.append(f"| **{lab}** | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "## What drives each class", ""]
    for c, feats in (card.get("top_features") or {}).items():
        kinds: dict[str, list[dict[str, Any]]] = {}
        for f in feats:
            kinds.setdefault(f["kind"], []).append(f)
        lines.append(f"**{c}**")
        for kind, fs in kinds.items():
            lines.append(f"- {kind}: " + ", ".join(f"{f['feature']} ({f['weight']:+.2f})" for f in fs[:8]))
            for f in fs[:2]:
                for ex in f.get("examples", [])[:1]:
                    lines.append(f"  - {f['feature']}: “{ex}”")
        lines.append("")
    lines += ["## Versions", ""]
    lines += [f"- {k}: {v}" for k, v in (card.get("versions") or {}).items()]
    if card.get("lexicons"):
        lines += [f"- lexicon {k}: {v}" for k, v in card["lexicons"].items()]
    lines += [
        "",
        "## Intended use",
        "",
        "Classifying texts like the training data. Scores on other outlets, periods or genres can be much lower; "
        "validate on a sample of your own coded texts (framing code sample / agreement) before relying on it.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Outlet fingerprinting


def fingerprint_outlets(
    data: Any,
    outlets: Sequence[Any] | None = None,
    *,
    level: str = "article",
    cv: int = 5,
    seed: int = 0,
    top_n: int = 15,
    min_texts: int | None = None,
) -> dict[str, Any]:
    """How well the outlet can be told from the text alone, and the words that give it away.

    No labels needed: the outlet is the label. ``data`` is Results, articles, records or texts;
    ``outlets`` defaults to each article's ``outlet``. At article level the folds are stratified
    by outlet; at ``level="sentence"`` the articles are split into sentences and every sentence
    of an article stays in the same fold (stratified, grouped by article), so a sentence is never
    recognised by its neighbours. Outlets with fewer than ``min_texts`` texts (default: ``cv``)
    are left out and listed in ``dropped``.

    Returns a dict: ``macro_f1``, ``accuracy``, ``chance`` (share of the largest outlet: what
    always guessing it scores as accuracy), ``per_outlet`` (precision, recall, F1, support),
    ``confusion_matrix``, ``top_features`` (per outlet, from a model fit on everything), ``scheme``.
    """
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    from framing.text.segment import sentence_spans

    check_option("level", level, LEVELS)
    recs = _records(data)
    outs = [r["outlet"] for r in recs] if outlets is None else list(outlets)
    if len(outs) != len(recs):
        raise FramingError(f"texts and outlets differ in length: {len(recs)} texts, {len(outs)} outlets")
    texts, labels, groups = [], [], []
    for i, (r, o) in enumerate(zip(recs, outs)):
        if o is None or (isinstance(o, float) and math.isnan(o)):
            continue
        units = [r["text"]] if level == "article" else [r["text"][s:e] for s, e in sentence_spans(r["text"])]
        for u in units:
            texts.append(u)
            labels.append(str(o))
            groups.append(i)
    y = np.asarray(labels, dtype=object)
    g = np.asarray(groups)
    min_texts = cv if min_texts is None else min_texts
    counts = Counter(y.tolist())
    per_article = Counter(str(o) for o in outs if o is not None)
    dropped = sorted(o for o in counts if (per_article[o] if level == "sentence" else counts[o]) < min_texts)
    keep = ~np.isin(y, dropped) if dropped else np.ones(len(y), dtype=bool)
    texts = [t for t, k in zip(texts, keep) if k]
    y, g = y[keep], g[keep]
    classes = sorted(set(y.tolist()))
    if len(classes) < 2:
        raise FramingError(f"outlet fingerprinting needs at least 2 outlets with {min_texts}+ texts each; got {len(classes)}")
    pipeline = make_pipeline("tfidf", level=level, seed=seed)
    if level == "article":
        splitter: Any = StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed)
        scheme = f"StratifiedKFold({cv}, shuffled, seed {seed}) over articles"
    else:
        splitter = StratifiedGroupKFold(n_splits=cv, shuffle=True, random_state=seed)
        scheme = f"StratifiedGroupKFold({cv}) over sentences, grouped by article"
    report = cross_validate(pipeline, texts, y, groups=g if level == "sentence" else None, cv=splitter, seed=seed)
    _fit_with(pipeline, texts, y, {})
    pooled = report["pooled"]
    return {
        "level": level,
        "scheme": scheme,
        "n_texts": len(texts),
        "n_outlets": len(classes),
        "macro_f1": report["macro_f1"],
        "macro_f1_std": report["macro_f1_std"],
        "accuracy": pooled["accuracy"],
        "chance": round(max(Counter(y.tolist()).values()) / len(y), 4),
        "per_outlet": pooled["per_class"],
        "confusion_matrix": pooled["confusion_matrix"],
        "top_features": {o: [{"feature": f["feature"], "weight": f["weight"]} for f in feats] for o, feats in top_features(pipeline, n=top_n).items()},
        "dropped": dropped,
    }


