"""Classifiers: metrics against hand-computed values, grouped cross-validation, save/load and refusal of unsafe files, apply, fingerprinting, the CLI."""

from __future__ import annotations

import argparse
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.base import clone
from sklearn.metrics import brier_score_loss

from framing.cli import classify as cli_classify
from framing.errors import FramingError, InputError, OptionError
from framing.ml.classify import (
    TRUSTED_TYPES,
    UntrustedModelError,
    apply,
    brier_score,
    classification_metrics,
    cross_validate,
    evaluate,
    fingerprint_outlets,
    load_model,
    make_pipeline,
    read_labelled,
    reliability_bins,
    save_model,
    train,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

LOADED = ["brutal", "savage", "disgraceful", "shameful", "radical", "reckless", "outrageous", "vicious"]
PLAIN = ["said", "announced", "reported", "met", "approved", "scheduled", "released", "noted"]
FILLER = ["the", "council", "plan", "city", "on", "tuesday", "minister", "budget", "report", "week"]


def _toy(n_per_class=20, seed=0):
    """Sentences whose label is carried by loaded versus plain words."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for i in range(n_per_class * 2):
        lab = "biased" if i % 2 == 0 else "neutral"
        words = list(rng.choice(FILLER, 6)) + list(rng.choice(LOADED if lab == "biased" else PLAIN, 2))
        rng.shuffle(words)
        texts.append(" ".join(words).capitalize() + ".")
        labels.append(lab)
    return texts, labels


@pytest.fixture(scope="module")
def toy_model():
    """A small sentence-level model with lexicon and rhetoric blocks, trained once."""
    texts, labels = _toy()
    return train(texts, labels, level="sentence", model="tfidf+lexicon+rhetoric", cv=3, data={"name": "toy"})


# ---------------------------------------------------------------------------------------------
# metrics


def test_classification_metrics_hand_computed():
    """Per-class P/R/F1, macro-F1, accuracy and the confusion matrix of a 3-class example computed by hand."""
    y = ["a", "a", "a", "b", "b", "c"]
    p = ["a", "a", "b", "b", "c", "c"]
    m = classification_metrics(y, p, classes=["a", "b", "c"])
    assert m["per_class"]["a"] == {"precision": 1.0, "recall": round(2 / 3, 4), "f1": 0.8, "support": 3}
    assert m["per_class"]["b"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert m["per_class"]["c"] == {"precision": 0.5, "recall": 1.0, "f1": round(2 / 3, 4), "support": 1}
    assert m["macro_f1"] == round((0.8 + 0.5 + 2 / 3) / 3, 4)
    assert m["accuracy"] == round(4 / 6, 4)
    assert m["confusion_matrix"] == {"labels": ["a", "b", "c"], "matrix": [[2, 1, 0], [0, 1, 1], [0, 0, 1]]}


def test_brier_hand_computed_and_equal_to_sklearn():
    """Binary Brier of p=(0.2, 0.7, 0.4) for y=(0, 1, 1) is (0.04+0.09+0.36)/3; multi-class equals scikit-learn's halved score."""
    proba = np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    assert brier_score([0, 1, 1], proba, [0, 1]) == pytest.approx((0.04 + 0.09 + 0.36) / 3)
    assert brier_score([0, 1, 1], proba, [0, 1]) == pytest.approx(brier_score_loss([0, 1, 1], proba[:, 1]))
    p3 = np.array([[0.8, 0.1, 0.1], [0.3, 0.6, 0.1], [0.2, 0.2, 0.6], [0.1, 0.1, 0.8]])
    y3 = ["a", "b", "c", "a"]
    assert brier_score(y3, p3, ["a", "b", "c"]) == pytest.approx(brier_score_loss(y3, p3, labels=["a", "b", "c"], scale_by_half=True))


def test_reliability_bins_hand_computed():
    """Confidences 0.95, 0.95, 0.65, 0.55 with one wrong top prediction: bins and ECE = 0.425 by hand."""
    proba = np.array([[0.95, 0.05], [0.95, 0.05], [0.35, 0.65], [0.55, 0.45]])
    rel = reliability_bins(["x", "y", "y", "x"], proba, ["x", "y"])
    filled = {(b["lower"], b["upper"]): (b["n"], b["confidence"], b["accuracy"]) for b in rel["bins"] if b["n"]}
    assert filled == {(0.9, 1.0): (2, 0.95, 0.5), (0.6, 0.7): (1, 0.65, 1.0), (0.5, 0.6): (1, 0.55, 1.0)}
    assert rel["ece"] == pytest.approx(0.5 * 0.45 + 0.25 * 0.35 + 0.25 * 0.45)


# ---------------------------------------------------------------------------------------------
# training and cross-validation


def _leaky(n_groups=10, per_group=12, seed=0):
    """Texts whose label is given away only by a per-outlet signature word: each outlet has one label."""
    rng = np.random.default_rng(seed)
    texts, labels, groups = [], [], []
    for g in range(n_groups):
        lab = "left" if g % 2 == 0 else "right"
        for _ in range(per_group):
            words = [f"outletmark{g}"] + list(rng.choice(FILLER + PLAIN, 4))
            rng.shuffle(words)
            texts.append(" ".join(words))
            labels.append(lab)
            groups.append(f"outlet{g}")
    return texts, labels, groups


def test_grouped_cv_catches_a_model_that_recognises_outlets():
    """Where only the outlet gives the label away, ungrouped CV looks excellent and outlet-grouped CV falls to chance."""
    texts, labels, groups = _leaky()
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
    texts, labels = _toy()
    folds = [i % 4 for i in range(len(texts))]
    m = train(texts, labels, folds=folds, model="tfidf", level="sentence", n_examples=0)
    assert m.cv["n_splits"] == 4 and m.cv["scheme"].startswith("given folds (4")
    assert sum(f["n_test"] for f in m.cv["folds"]) == len(texts)
    assert m.cv["pooled"]["n"] == len(texts)


def test_precomputed_cv_equals_plain_refits():
    """Cross-validation that computes the lexicon/rhetoric blocks once gives exactly the predictions of refitting each fold from texts."""
    texts, labels = _toy(12)
    pipe = make_pipeline("tfidf+lexicon+rhetoric", level="sentence")
    folds = [i % 3 for i in range(len(texts))]
    report = cross_validate(pipe, texts, labels, folds=folds)
    y = np.asarray(labels, dtype=object)
    for k, fold in enumerate(report["folds"]):
        tr = [i for i in range(len(texts)) if folds[i] != k]
        te = [i for i in range(len(texts)) if folds[i] == k]
        pred = clone(pipe).fit([texts[i] for i in tr], y[tr]).predict([texts[i] for i in te])
        from sklearn.metrics import f1_score

        assert fold["macro_f1"] == round(float(f1_score(y[te], pred, average="macro")), 4)


def test_final_fit_with_precomputed_blocks_equals_pipeline_fit():
    """train()'s final fit, reusing the blocks computed for cross-validation, gives the same model as Pipeline.fit on the texts."""
    from framing.ml.classify import _fit_with, _precompute

    texts, labels = _toy(12)
    y = np.asarray(labels, dtype=object)
    fast = make_pipeline("tfidf+lexicon+rhetoric", level="sentence")
    _fit_with(fast, texts, y, _precompute(fast, texts))
    plain = make_pipeline("tfidf+lexicon+rhetoric", level="sentence").fit(texts, y)
    probe, _ = _toy(4, seed=9)
    np.testing.assert_allclose(fast.predict_proba(probe), plain.predict_proba(probe))


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


def test_evaluate_hand_computed(toy_model):
    """evaluate() gives macro_f1 equal to the metrics of the model's own predictions."""
    texts, labels = _toy(10, seed=7)
    res = evaluate(toy_model, texts, labels)
    pred = toy_model.predict(texts)
    assert res["macro_f1"] == classification_metrics(labels, pred, classes=toy_model.classes)["macro_f1"]
    assert res["macro_f1"] >= 0.8 and "brier" in res


# ---------------------------------------------------------------------------------------------
# files


def test_save_load_round_trip(toy_model, tmp_path):
    """A saved model loads with the same predictions and card, and writes a Markdown and JSON card beside it."""
    path = save_model(toy_model, tmp_path / "m.skops")
    loaded = load_model(path)
    texts, _ = _toy(5, seed=3)
    np.testing.assert_array_equal(loaded.predict_proba(texts), toy_model.predict_proba(texts))
    assert loaded.cv == json.loads(json.dumps(toy_model.cv)) and loaded.level == "sentence"
    assert loaded.top_features == json.loads(json.dumps(toy_model.top_features))
    card = json.loads((tmp_path / "m.card.json").read_text(encoding="utf-8"))
    assert card["data"] == {"name": "toy"} and card["versions"]["scikit-learn"] and card["lexicons"]
    md = (tmp_path / "m.card.md").read_text(encoding="utf-8")
    assert "## Validation" in md and "Macro-F1" in md and "Not grouped" in md


def test_trusted_types_are_exactly_what_our_pipelines_need(tmp_path):
    """Every pipeline make_pipeline can build needs exactly TRUSTED_TYPES beyond skops' defaults."""
    texts = ['A brutal “war” is here?', "A calm day in town.", "He said “the regime's crimes are many”.", "Fine weather today."] * 2
    y = ["1", "0"] * 4
    # both levels build the same step types (they differ in parameter values only)
    pipe = make_pipeline("tfidf+chars+lexicon+rhetoric+readability", level="sentence").fit(texts, y)
    assert set(sio.get_untrusted_types(data=sio.dumps({"pipeline": pipe}))) == set(TRUSTED_TYPES)


class Gadget:
    """A class no framing model contains: its presence must stop loading."""

    def __init__(self):
        self.x = 1


def test_refuses_unsafe_and_foreign_files(toy_model, tmp_path):
    """A file with an untrusted type, a non-skops file and a skops file that is not a framing model are all refused before loading."""
    evil = tmp_path / "evil.skops"
    sio.dump({"format": "framing-classifier", "format_version": 1, "pipeline": toy_model.pipeline, "card": "{}", "x": Gadget()}, evil)
    with pytest.raises(UntrustedModelError, match=r"untrusted|does not trust.*test_classify.Gadget"):
        load_model(evil)
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"\x80\x04not a zip file at all")
    with pytest.raises(UntrustedModelError, match="not a skops model file"):
        load_model(junk)
    other = tmp_path / "other.skops"
    sio.dump({"some": "dict"}, other)
    with pytest.raises(UntrustedModelError, match="not a framing classifier"):
        load_model(other)
    with pytest.raises(OptionError, match="never True"):
        load_model(evil, trusted=True)
    with pytest.raises(InputError, match="no such model file"):
        load_model(tmp_path / "missing.skops")


def test_read_labelled_csv_and_jsonl(tmp_path):
    """Rows without a label are dropped and counted; labels are text; a missing column is named with the columns found."""
    (tmp_path / "d.csv").write_text('text,y,src\n"one text",1,A\n"two",,B\n"three",0,B\n', encoding="utf-8")
    d = read_labelled(tmp_path / "d.csv", label_col="y", group_col="src")
    assert list(d["label"]) == ["1", "0"] and list(d["group"]) == ["A", "B"] and d.attrs["dropped"] == 1
    (tmp_path / "d.jsonl").write_text('{"text": "a", "label": 1}\n{"text": "b", "label": null}\n{"text": "c", "label": 0}\n', encoding="utf-8")
    assert list(read_labelled(tmp_path / "d.jsonl")["label"]) == ["1", "0"]
    with pytest.raises(InputError, match="no column 'label'.*columns are: text, y, src"):
        read_labelled(tmp_path / "d.csv")


# ---------------------------------------------------------------------------------------------
# apply and fingerprinting


def test_apply_article_and_sentence_units(toy_model):
    """A sentence-level model gives one row per sentence, or per article the share of sentences in each class."""
    articles = [{"id": "x", "outlet": "O", "text": "A brutal savage plan. The council met on Tuesday."}, {"id": "y", "text": "The minister approved the budget."}]
    sents = apply(toy_model, articles, unit="sentence")
    assert list(sents["id"]) == ["x", "x", "y"] and list(sents["label"]) == ["biased", "neutral", "neutral"]
    arts = apply(toy_model, articles)
    assert list(arts["share_biased"]) == [0.5, 0.0] and list(arts["n_sentences"]) == [2, 1]
    plain = apply(toy_model.pipeline, ["The council met."])
    assert list(plain.columns) == ["id", "outlet", "title", "label", "p_biased", "p_neutral"]


def test_top_features_ranks_within_each_block(toy_model):
    """Weights compare only within a block, so each block gets its own top n: dense marker
    features with large weights cannot push every word off the list."""
    from framing.ml.classify import top_features

    top = top_features(toy_model.pipeline, n=3)
    for c, feats in top.items():
        kinds = [f["kind"] for f in feats]
        assert {"words", "lexicon"} <= set(kinds), c
        for kind in set(kinds):
            ws = [f["weight"] for f in feats if f["kind"] == kind]
            assert len(ws) <= 3 and ws == sorted(ws, reverse=True) and all(w > 0 for w in ws)
        # blocks keep their pipeline order: all words first
        assert kinds[: kinds.count("words")] == ["words"] * kinds.count("words")


def test_fingerprint_outlets_finds_the_giveaway_words():
    """Outlets with signature words are told apart far above chance, and the signature word tops each outlet's list."""
    texts, _, outlets = _leaky(n_groups=3)
    fp = fingerprint_outlets(texts, outlets, cv=5)
    assert fp["n_outlets"] == 3 and fp["macro_f1"] >= 0.9 and fp["chance"] == pytest.approx(1 / 3, abs=1e-3)
    for g in range(3):
        assert fp["top_features"][f"outlet{g}"][0]["feature"] == f"outletmark{g}"


# ---------------------------------------------------------------------------------------------
# command line


def _run(argv):
    """Run a classifier command through a parser built with register(); (exit code, stdout)."""
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = cli_classify.main(argv)
    return code, buf.getvalue()


@pytest.fixture
def labelled_csv(tmp_path):
    """A small labelled CSV with an outlet column."""
    texts, labels = _toy(15)
    path = tmp_path / "coded.csv"
    pd.DataFrame({"text": texts, "frame": labels, "outlet": [f"o{(i // 2) % 4}" for i in range(len(texts))]}).to_csv(path, index=False)
    return path


def test_cli_train_then_evaluate(labelled_csv, tmp_path):
    """'framing train' writes a model and prints CV metrics; 'framing evaluate' prints JSON with macro_f1."""
    model = tmp_path / "m.skops"
    code, out = _run(["train", str(labelled_csv), "--label-col", "frame", "--group-col", "outlet", "--model", "tfidf", "--level", "sentence", "--cv", "4", "--out", str(model)])
    assert code == 0, out
    summary = json.loads(out)
    assert summary["macro_f1"] >= 0.8 and "GroupKFold(4)" in summary["scheme"]
    assert model.is_file() and (tmp_path / "m.card.md").is_file()
    code, out = _run(["evaluate", str(model), str(labelled_csv), "--label-col", "frame"])
    assert code == 0
    assert json.loads(out)["macro_f1"] >= 0.9


def test_cli_usage_errors_exit_2(labelled_csv, tmp_path):
    """A missing column, a bad model file and a bad option exit with status 2."""
    assert _run(["train", str(labelled_csv), "--out", str(tmp_path / "m.skops")])[0] == 2  # no 'label' column
    bad = tmp_path / "bad.skops"
    bad.write_bytes(b"nope")
    assert _run(["evaluate", str(bad), str(labelled_csv), "--label-col", "frame"])[0] == 2
    assert _run(["train", str(labelled_csv), "--label-col", "frame", "--level", "paragraph", "--out", "x"])[0] == 2


def test_cli_apply_and_code_commands(labelled_csv, tmp_path):
    """register() wires apply and code into any parser: predictions, a coding sample, imported codes and agreement."""
    parser = argparse.ArgumentParser(prog="framing")
    register_target = parser.add_subparsers(dest="command")
    cli_classify.register(register_target, argparse.ArgumentParser)
    model = tmp_path / "m.skops"
    assert _run(["train", str(labelled_csv), "--label-col", "frame", "--model", "tfidf", "--level", "sentence", "--cv", "0", "--out", str(model)])[0] == 0
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "outlet": f"O{i % 2}", "title": f"T{i}", "text": f"A brutal savage plan number {i}. The council met on Tuesday."}) + "\n" for i in range(6)), encoding="utf-8")
    out = tmp_path / "pred"
    args = parser.parse_args(["apply", str(model), str(corpus), "--out", str(out)])
    assert args.func(args) == 0
    preds = [json.loads(line) for line in (out / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(preds) == 6 and all(p["share_biased"] == 0.5 for p in preds)
    assert len(pd.read_csv(out / "sentences.csv")) == 12
    sample = tmp_path / "sample.csv"
    args = parser.parse_args(["code", "sample", str(corpus), "--n", "4", "--out", str(sample)])
    assert args.func(args) == 0
    frame = pd.read_csv(sample, dtype=str, keep_default_na=False)
    assert len(frame) == 4 and frame["outlet"].value_counts().to_dict() == {"O0": 2, "O1": 2}
    for coder, lab in (("ann", "biased"), ("bob", "neutral")):
        frame.assign(label=lab).to_csv(tmp_path / f"{coder}.csv", index=False)
    codes = tmp_path / "codes.csv"
    args = parser.parse_args(["code", "import", str(tmp_path / "ann.csv"), str(tmp_path / "bob.csv"), "--out", str(codes)])
    assert args.func(args) == 0
    code, text = _run(["code", "agreement", str(codes), "--predictions", str(out / "predictions.csv")])
    assert code == 0
    rep = json.loads(text)
    assert rep["n_coders"] == 2 and rep["percent_agreement"] == 0.0 and rep["machine"]["n_units"] == 4


@pytest.mark.skipif(not (DATA / "babe" / "babe.jsonl").is_file(), reason=f"evaluation data not available: {DATA / 'babe'} does not exist (it lives outside the repository)")
def test_babe_fold_beats_chance_quickly():
    """On one BABE fold (train on 3, test on 1), the TF-IDF baseline scores well above chance (about 0.7 macro-F1)."""
    rows = [json.loads(line) for line in (DATA / "babe" / "babe.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["subset"] == "BABE_SG2" and r["label"] is not None]
    tr = [r for r in rows if r["cv_fold"] != 0]
    te = [r for r in rows if r["cv_fold"] == 0]
    m = train([r["text"] for r in tr], [r["label"] for r in tr], model="tfidf", level="sentence", cv=None, n_examples=0)
    assert evaluate(m, [r["text"] for r in te], [r["label"] for r in te])["macro_f1"] > 0.65
