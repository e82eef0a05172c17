"""Classifier pipelines: the feature blocks, :func:`make_pipeline`, and fitting with precomputed blocks.

A model is a scikit-learn ``Pipeline``: a ``FeatureUnion`` of TF-IDF and the toolkit's own measures
(:mod:`framing.ml.features`) feeding a logistic regression. The toolkit's transformers learn
nothing from the texts, so cross-validation computes their output once
(:func:`precompute_blocks`) and every fold reuses it (:func:`fold_pipeline`, :func:`fit_with_blocks`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from framing.errors import FramingError, OptionError, check_option
from framing.ml.features import LexiconVectorizer, ReadabilityFeatures, RhetoricFeatures, TextTransformer

__all__ = [
    "COMPONENTS",
    "LEVELS",
    "feature_union",
    "fit_with_blocks",
    "fold_pipeline",
    "make_pipeline",
    "parse_components",
    "precompute_blocks",
    "stateless_head",
]

#: Feature blocks a model can combine with "+" (``"tfidf+lexicon+rhetoric"``).
COMPONENTS = ("tfidf", "chars", "lexicon", "rhetoric", "readability")
#: The unit of the texts a model is trained on.
LEVELS = ("article", "sentence")


def parse_components(model: str) -> list[str]:
    """The blocks of ``model`` (``"tfidf+lexicon"`` -> ``["tfidf", "lexicon"]``), each checked against :data:`COMPONENTS`."""
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
    >>> from framing.ml.pipelines import make_pipeline
    >>> pipe = make_pipeline("tfidf+rhetoric", level="sentence")
    >>> [name for name, _ in pipe.named_steps["features"].transformer_list]
    ['tfidf', 'rhetoric']
    """
    check_option("level", level, LEVELS)
    parts = parse_components(model)
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


def feature_union(pipeline: Pipeline) -> FeatureUnion:
    """The ``FeatureUnion`` that is the first step of a pipeline from :func:`make_pipeline`."""
    union = pipeline.steps[0][1]
    if not isinstance(union, FeatureUnion):
        raise FramingError("expected a pipeline whose first step is a FeatureUnion (as make_pipeline builds)")
    return union


def stateless_head(trans: Any) -> TextTransformer | None:
    """The toolkit transformer a block starts with (it learns nothing from the texts), else None."""
    first = trans.steps[0][1] if isinstance(trans, Pipeline) else trans
    return first if isinstance(first, TextTransformer) else None


def precompute_blocks(pipeline: Pipeline, texts: list[str]) -> dict[str, np.ndarray]:
    """Outputs of the blocks that learn nothing from the texts, computed once for every fold.

    The toolkit's transformers (segmentation and matching, the costly part) give the same
    numbers whichever texts they were fitted on, so cross-validation need not redo them per fold.
    """
    out: dict[str, np.ndarray] = {}
    for name, trans in feature_union(pipeline).transformer_list:
        head = stateless_head(trans)
        if head is not None:
            out[name] = clone(head).fit(texts).transform(texts)
    return out


def fold_pipeline(pipeline: Pipeline, texts: list[str], pre: Mapping[str, np.ndarray]) -> Pipeline:
    """A fresh copy of ``pipeline`` that takes row indices and reuses precomputed blocks."""
    union = feature_union(pipeline)
    parts: list[tuple[str, Any]] = []
    for name, trans in union.transformer_list:
        if name in pre:
            rest = [(n, clone(s)) for n, s in trans.steps[1:]] if isinstance(trans, Pipeline) else []
            parts.append((name, Pipeline([("rows", _Rows(data=pre[name])), *rest])))
        else:
            parts.append((name, Pipeline([("rows", _Rows(data=texts)), ("block", clone(trans))])))
    return Pipeline([("features", FeatureUnion(parts, transformer_weights=union.transformer_weights)), ("clf", clone(pipeline.steps[-1][1]))])


def fit_with_blocks(pipeline: Pipeline, texts: list[str], y: np.ndarray, pre: Mapping[str, np.ndarray]) -> Pipeline:
    """Fit ``pipeline`` on ``texts`` exactly as ``pipeline.fit`` would, reusing precomputed blocks."""
    union = feature_union(pipeline)
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
