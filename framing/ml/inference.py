"""A trained classifier on new texts: :func:`evaluate` (with labels), :func:`apply` (a corpus,
per article or per sentence) and :func:`article_rows` (the per-article prediction both
:func:`apply` and the predictions in ``articles.jsonl`` are made of)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from framing.errors import FramingError, check_option
from framing.ml.data import Labels, as_texts, text_records
from framing.ml.metrics import classification_metrics
from framing.ml.model import Classifier, pipeline_of
from framing.ml.pipelines import LEVELS
from framing.text.segment import sentence_spans

__all__ = ["apply", "article_rows", "evaluate", "predictions_frame"]


def evaluate(model: Classifier | Pipeline, texts: Sequence[str], labels: Labels) -> dict[str, Any]:
    """Metrics of a trained model on labelled texts it has not seen (:func:`~framing.ml.metrics.classification_metrics`).

    The result has ``macro_f1``, ``accuracy``, ``per_class``, ``confusion_matrix``, ``brier`` and
    ``reliability``; labels that the model does not know are listed in ``unknown_labels``.
    """
    pipe = pipeline_of(model)
    texts = as_texts(texts)
    if len(texts) != len(labels):
        raise FramingError(f"texts and labels differ in length: {len(texts)} texts, {len(labels)} labels")
    if not texts:
        raise FramingError("nothing to evaluate: no texts")
    classes = [str(c) for c in pipe.classes_]
    proba = pipe.predict_proba(texts)
    pred = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
    return classification_metrics(labels, pred, classes=classes, proba=proba)


def apply(model: Classifier | Pipeline, data: Any, *, unit: str = "article") -> pd.DataFrame:
    """Classify a corpus: one row per article (or per sentence) with the label and probabilities.

    ``data`` is :class:`~framing.analysis.results.Results`, a corpus or list of articles, records with a
    ``text`` field, a DataFrame with a ``text`` column, or plain texts.

    ``unit="article"`` (default) gives one row per item: an article-level model classifies the
    whole text (columns ``p_<class>``); a sentence-level model classifies every sentence and gives
    the share of sentences in each class (``share_<class>``, the measure to compare outlets on)
    and the most frequent class as ``label``. ``unit="sentence"`` gives one row per sentence
    (``id``, ``sentence``, ``start``, ``end``, ``text``, ``label``, ``p_<class>``).
    """
    pipe = pipeline_of(model)
    level = model.level if isinstance(model, Classifier) else "article"
    check_option("unit", unit, LEVELS)
    classes = [str(c) for c in pipe.classes_]
    recs = text_records(data)
    if unit == "article":
        rows = article_rows(pipe, level, [r["text"] for r in recs])
        return predictions_frame([{"id": r["id"], "outlet": r["outlet"], "title": r["title"], **row} for r, row in zip(recs, rows)], classes, level)
    sents = []
    for r in recs:
        for k, (s, e) in enumerate(sentence_spans(r["text"])):
            sents.append({"id": r["id"], "outlet": r["outlet"], "title": r["title"], "sentence": k, "start": s, "end": e, "text": r["text"][s:e]})
    proba = pipe.predict_proba([s["text"] for s in sents]) if sents else np.zeros((0, len(classes)))
    for sent, p in zip(sents, proba):
        sent["label"] = classes[int(np.argmax(p))]
        sent.update({f"p_{c}": round(float(v), 4) for c, v in zip(classes, p)})
    sent_cols = ["id", "outlet", "title", "sentence", "start", "end", "text", "label", *[f"p_{c}" for c in classes]]
    return pd.DataFrame(sents, columns=sent_cols)


def article_rows(pipe: Any, level: str, texts: Sequence[str]) -> list[dict[str, Any]]:
    """One prediction per text, as :func:`apply` reports it for ``unit="article"``.

    An article-level model gives ``label`` (the most probable class) and ``p_<class>``; a
    sentence-level model classifies each sentence and gives ``n_sentences``, ``label`` (the most
    frequent class; ties go to the class listed first; None without sentences) and
    ``share_<class>``. Values are rounded to 4 decimals. :mod:`framing.ml.predict` calls this for one
    article at a time, so predictions stored in ``articles.jsonl`` equal those of :func:`apply`.
    """
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


def predictions_frame(rows: Sequence[Mapping[str, Any]], classes: Sequence[str], level: str) -> pd.DataFrame:
    """The table of :func:`apply` (``unit="article"``) from its rows: ``id``, ``outlet``, ``title``,
    then ``label`` and ``p_<class>`` (article-level model) or ``n_sentences``, ``label`` and
    ``share_<class>`` (sentence-level model)."""
    head = ["label", *[f"p_{c}" for c in classes]] if level == "article" else ["n_sentences", "label", *[f"share_{c}" for c in classes]]
    return pd.DataFrame(list(rows), columns=["id", "outlet", "title", *head])
