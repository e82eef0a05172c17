"""Training: grouped and given-fold cross-validation, precomputed blocks, the report and drivers of train(), bad input, a BABE fold."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.metrics import f1_score

from framing.errors import FramingError, OptionError
from framing.ml.inference import evaluate
from framing.ml.pipelines import make_pipeline
from framing.ml.training import cross_validate, train

from .toydata import FILLER, LOADED, leaky_sentences, toy_sentences

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_grouped_cv_catches_a_model_that_recognises_outlets():
    """Where only the outlet gives the label away, ungrouped CV looks excellent and outlet-grouped CV falls to chance."""
    texts, labels, groups = leaky_sentences()
    plain = train(texts, labels, model="tfidf", level="sentence", cv=5, n_examples=0)
    grouped = train(texts, labels, groups=groups, model="tfidf", level="sentence", cv=5, n_examples=0)
    assert plain.cv["macro_f1"] >= 0.85
    assert grouped.cv["macro_f1"] <= 0.65
    assert plain.cv["macro_f1"] - grouped.cv["macro_f1"] >= 0.3
    assert grouped.cv["grouped"] and "GroupKFold(5) over 10 groups" in grouped.cv["scheme"]
    for fold in grouped.cv["folds"]:
        assert fold["test_groups"] == 2
    assert plain.cv["grouped"] is False


def test_given_folds_hold_each_fold_out_once():
    """folds= uses the given fold ids (as BABE's cv_fold): one split per fold value, each text tested once."""
    texts, labels = toy_sentences()
    folds = [i % 4 for i in range(len(texts))]
    m = train(texts, labels, folds=folds, model="tfidf", level="sentence", n_examples=0)
    assert m.cv["n_splits"] == 4 and m.cv["scheme"].startswith("given folds (4")
    assert sum(f["n_test"] for f in m.cv["folds"]) == len(texts)
    assert m.cv["pooled"]["n"] == len(texts)


def test_precomputed_cv_equals_plain_refits():
    """Cross-validation that computes the lexicon/rhetoric blocks once gives exactly the predictions of refitting each fold from texts."""
    texts, labels = toy_sentences(12)
    pipe = make_pipeline("tfidf+lexicon+rhetoric", level="sentence")
    folds = [i % 3 for i in range(len(texts))]
    report = cross_validate(pipe, texts, labels, folds=folds)
    y = np.asarray(labels, dtype=object)
    for k, fold in enumerate(report["folds"]):
        tr = [i for i in range(len(texts)) if folds[i] != k]
        te = [i for i in range(len(texts)) if folds[i] == k]
        pred = clone(pipe).fit([texts[i] for i in tr], y[tr]).predict([texts[i] for i in te])
        assert fold["macro_f1"] == round(float(f1_score(y[te], pred, average="macro")), 4)


def test_train_report_and_top_features(toy_model):
    """The trained model has per-class metrics, calibration, and loaded words driving 'biased' with example sentences."""
    m = toy_model
    assert m.classes == ["biased", "neutral"]
    pooled = m.cv["pooled"]
    assert set(pooled) >= {"macro_f1", "per_class", "confusion_matrix", "brier", "reliability"}
    assert m.cv["macro_f1"] >= 0.9
    top = m.top_features["biased"]
    words = [f["feature"] for f in top if f["kind"] == "words"]
    assert set(words[:5]) <= set(LOADED) | {f"{a} {b}" for a in FILLER + LOADED for b in FILLER + LOADED}
    with_examples = [f for f in top if f.get("examples")]
    assert with_examples and all(f["feature"].split()[0].lower() in ex.lower() for f in with_examples if f["kind"] == "words" for ex in f["examples"])
    assert "rhetoric.loaded_language" in [f["feature"] for f in top]


def test_train_rejects_bad_input():
    """One class only, mismatched lengths and unknown model blocks are refused with a message."""
    with pytest.raises(FramingError, match="at least 2 classes"):
        train(["a b", "c d"], ["x", "x"], cv=None)
    with pytest.raises(FramingError, match="differ in length"):
        train(["a b", "c d"], ["x"], cv=None)
    with pytest.raises(OptionError, match="model component must be one of"):
        train(["a b", "c d"], ["x", "y"], model="tfidf+bert", cv=None)


@pytest.mark.skipif(not (DATA / "babe" / "babe.jsonl").is_file(), reason=f"evaluation data not available: {DATA / 'babe'} does not exist (it lives outside the repository)")
def test_babe_fold_beats_chance_quickly():
    """On one BABE fold (train on 3, test on 1), the TF-IDF baseline scores well above chance (about 0.7 macro-F1)."""
    rows = [json.loads(line) for line in (DATA / "babe" / "babe.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["subset"] == "BABE_SG2" and r["label"] is not None]
    tr = [r for r in rows if r["cv_fold"] != 0]
    te = [r for r in rows if r["cv_fold"] == 0]
    m = train([r["text"] for r in tr], [r["label"] for r in tr], model="tfidf", level="sentence", cv=None, n_examples=0)
    assert evaluate(m, [r["text"] for r in te], [r["label"] for r in te])["macro_f1"] > 0.65


def test_cv_true_is_refused_with_a_message():
    """cv=True is neither a number of folds nor splits: refused with a FramingError that says what cv takes."""
    texts, labels = toy_sentences(6)
    with pytest.raises(FramingError, match="cv must be a number of folds, a splitter or"):
        train(texts, labels, model="tfidf", level="sentence", cv=True, n_examples=0)
