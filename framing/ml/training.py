"""Training: cross-validation that is honest about groups (:func:`cross_validate`), then a final
fit on every text (:func:`train`).

When ``groups`` (outlets, say) are given, cross-validation keeps each group inside one fold
(``GroupKFold``), so a model that merely recognises outlets is caught; the report gives per-class
precision, recall and F1, macro-F1 (mean over folds and on the pooled out-of-fold predictions),
the confusion matrix and calibration (:func:`~framing.ml.metrics.classification_metrics`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, PredefinedSplit, StratifiedKFold
from sklearn.pipeline import Pipeline

from framing.errors import FramingError, check_option
from framing.ml.cards import add_examples, card_versions, top_features
from framing.ml.data import Labels, as_texts
from framing.ml.metrics import classification_metrics
from framing.ml.model import Classifier
from framing.ml.pipelines import LEVELS, fit_with_blocks, fold_pipeline, make_pipeline, parse_components, precompute_blocks

__all__ = ["LEVEL_DEFAULTS", "cross_validate", "train"]


def _splits(
    n: int, y: np.ndarray, groups: np.ndarray | None, folds: np.ndarray | None, cv: Any, seed: int
) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    """The (train, test) index pairs of cross-validation and a description of the scheme."""
    X = np.zeros(n)
    if folds is not None:
        values = sorted(set(folds.tolist()))
        if len(values) < 2:
            raise FramingError(f"given folds: need at least 2 different fold values; got {values}")
        codes = np.asarray([values.index(v) for v in folds])
        return list(PredefinedSplit(codes).split()), f"given folds ({len(values)}: each held out once)"
    if hasattr(cv, "split"):
        return [(np.asarray(a), np.asarray(b)) for a, b in cv.split(X, y, groups)], repr(cv)
    if isinstance(cv, bool):
        raise FramingError(f"cv must be a number of folds, a splitter or (train, test) index pairs; got {cv}")
    if not isinstance(cv, (int, np.integer)):
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
    labels: Labels,
    *,
    groups: Labels | None = None,
    folds: Labels | None = None,
    cv: Any = 5,
    seed: int = 0,
    blocks: Mapping[str, np.ndarray] | None = None,
) -> dict[str, Any]:
    """Cross-validate an unfitted pipeline from :func:`make_pipeline`; the report of ``Classifier.cv``.

    ``blocks`` are the outputs of :func:`~framing.ml.pipelines.precompute_blocks` for these texts
    when the caller has them already (computed here otherwise).
    """
    texts = as_texts(texts)
    y = np.asarray([str(v) for v in labels], dtype=object)
    g = None if groups is None else np.asarray([str(v) for v in groups], dtype=object)
    f = None if folds is None else np.asarray([str(v) for v in folds], dtype=object)
    splits, scheme = _splits(len(texts), y, g, f, cv, seed)
    classes = sorted(set(y.tolist()))
    pre = precompute_blocks(pipeline, texts) if blocks is None else blocks
    proba = np.zeros((len(texts), len(classes)))
    tested = np.zeros(len(texts), dtype=bool)
    per_fold = []
    for i, (tr, te) in enumerate(splits):
        fold_model = fold_pipeline(pipeline, texts, pre).fit(tr, y[tr])
        p = fold_model.predict_proba(te)
        cols = [classes.index(c) for c in fold_model.classes_]
        proba[np.ix_(te, np.asarray(cols))] = p
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


#: The feature blocks and C used when ``train`` is not given them, per level: the best measured.
#: Sentence level: the configuration nested cross-validation chose in each of the four BABE
#: training folds (macro-F1 0.759 against 0.727 for tfidf+lexicon+rhetoric at C=1; see
#: docs/validation.md, "BABE: biased-sentence detection").
LEVEL_DEFAULTS: dict[str, tuple[str, float]] = {"article": ("tfidf+lexicon", 1.0), "sentence": ("tfidf+chars+lexicon+rhetoric", 2.0)}


def train(
    texts: Sequence[str],
    labels: Labels,
    *,
    groups: Labels | None = None,
    level: str = "article",
    model: str | None = None,
    cv: Any = 5,
    folds: Labels | None = None,
    seed: int = 0,
    C: float | None = None,
    feature_weight: float = 0.3,
    lexicons: Any = "default",
    n_jobs: int | None = None,
    top_n: int = 15,
    n_examples: int = 3,
    data: Mapping[str, Any] | None = None,
    name: str = "",
) -> Classifier:
    """Cross-validate, then fit on every text: a :class:`~framing.ml.model.Classifier` with its report.

    Parameters
    ----------
    texts, labels : sequences of equal length
        Raw texts (articles or sentences, see ``level``) and their labels (compared as text).
    groups : sequence, optional
        A group per text (outlet, story, coder batch). Cross-validation then keeps every group in
        one fold (``GroupKFold``), so the score says how the model does on groups it never saw.
    level : {"article", "sentence"}
        The unit of the texts (see :func:`make_pipeline`); :func:`~framing.ml.inference.apply` classifies articles
        sentence by sentence with a sentence-level model.
    model : str, optional
        Feature blocks joined by ``+`` (:data:`~framing.ml.pipelines.COMPONENTS`). Default: the
        best measured for the ``level`` (:data:`LEVEL_DEFAULTS`).
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
    >>> from framing.ml.training import train
    >>> texts = ["a brutal, savage attack", "the council met on Tuesday"] * 6
    >>> m = train(texts, ["loaded", "neutral"] * 6, model="tfidf", level="sentence", cv=3)
    >>> m.cv["macro_f1"], m.predict(["a savage council"])[0]
    (1.0, 'loaded')
    """
    check_option("level", level, LEVELS)
    model = model if model is not None else LEVEL_DEFAULTS[level][0]
    C = C if C is not None else LEVEL_DEFAULTS[level][1]
    texts = as_texts(texts)
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
    pre = precompute_blocks(pipeline, texts)
    report = None
    no_cv = cv is None or cv is False or (isinstance(cv, (int, np.integer)) and cv == 0)
    if folds is not None or not no_cv:
        report = cross_validate(pipeline, texts, y, groups=groups, folds=folds, cv=5 if no_cv else cv, seed=seed, blocks=pre)
    fit_with_blocks(pipeline, texts, y, pre)
    top = top_features(pipeline, n=top_n)
    if n_examples > 0:
        add_examples(pipeline, top, texts, y, level=level, n_examples=n_examples, seed=seed)
    training = {
        "n": len(texts),
        "class_counts": dict(sorted(Counter(y.tolist()).items())),
    }
    if groups is not None:
        training["n_groups"] = len(set(map(str, groups)))
    return Classifier(
        pipeline=pipeline,
        classes=[str(c) for c in pipeline.classes_],
        level=level,
        model="+".join(parse_components(model)),
        params={"C": C, "feature_weight": feature_weight, "seed": seed},
        cv=report,
        training=training,
        top_features=top,
        data=dict(data or {}),
        versions=card_versions(),
        created=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        name=name,
    )
