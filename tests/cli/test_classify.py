"""Classifier commands: train, evaluate, apply and code through framing.cli.classify."""

from __future__ import annotations

import argparse
import io
import json
from contextlib import redirect_stdout

import pandas as pd
import pytest
from ml.toydata import toy_sentences

from framing.cli import classify as cli_classify


def _run(argv):
    """Run a classifier command through a parser built with register(); (exit code, stdout)."""
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = cli_classify.main(argv)
    return code, buf.getvalue()


@pytest.fixture
def labelled_csv(tmp_path):
    """A small labelled CSV with an outlet column."""
    texts, labels = toy_sentences(15)
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
