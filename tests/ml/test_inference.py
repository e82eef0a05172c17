"""A trained classifier on new texts: evaluate() and apply() per article and per sentence."""

from __future__ import annotations

from framing.ml.inference import apply, evaluate
from framing.ml.metrics import classification_metrics

from .toydata import toy_sentences


def test_evaluate_hand_computed(toy_model):
    """evaluate() gives macro_f1 equal to the metrics of the model's own predictions."""
    texts, labels = toy_sentences(10, seed=7)
    res = evaluate(toy_model, texts, labels)
    pred = toy_model.predict(texts)
    assert res["macro_f1"] == classification_metrics(labels, pred, classes=toy_model.classes)["macro_f1"]
    assert res["macro_f1"] >= 0.8 and "brier" in res


def test_apply_article_and_sentence_units(toy_model):
    """A sentence-level model gives one row per sentence, or per article the share of sentences in each class."""
    articles = [{"id": "x", "outlet": "O", "text": "A brutal savage plan. The council met on Tuesday."}, {"id": "y", "text": "The minister approved the budget."}]
    sents = apply(toy_model, articles, unit="sentence")
    assert list(sents["id"]) == ["x", "x", "y"] and list(sents["label"]) == ["biased", "neutral", "neutral"]
    arts = apply(toy_model, articles)
    assert list(arts["share_biased"]) == [0.5, 0.0] and list(arts["n_sentences"]) == [2, 1]
    plain = apply(toy_model.pipeline, ["The council met."])
    assert list(plain.columns) == ["id", "outlet", "title", "label", "p_biased", "p_neutral"]
