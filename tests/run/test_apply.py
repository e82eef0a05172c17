"""Classifier predictions in the analysis outputs: analyze --model, apply --into, the tables and the report."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from conftest import only_own_scripts, write_labelled_csv

import framing
import framing.ml.predict as predict
from framing import report
from framing.analysis.results import Results
from framing.cli.app import main
from framing.comparison import bootstrap_ci, compare
from framing.ml.data import read_labelled
from framing.ml.inference import apply
from framing.ml.model import load_classifier, save_classifier
from framing.ml.training import train
from framing.run.apply import apply_into, predict_results
from framing.run.engine import run
from framing.run.lock import LOCK_FILE
from framing.types import ArticleResult

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


EVIL = "<script>alert(1)</script>"


EVIL_LABEL = "<img src=x onerror=alert(2)>"


FAST = ["--no-progress", "--no-sentiment"]


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in (path / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, tiny_models):  # type: ignore[no-untyped-def]
    """The example corpus analysed with both tiny models applied during the run (CLI)."""
    out = tmp_path_factory.mktemp("analysed") / "run"
    code = main(["analyze", str(EXAMPLES), "--out", str(out), "--model", str(tiny_models["article"]), "--model", f"tone={tiny_models['sentence']}", "--format", "html,md", *FAST])
    assert code == 0
    return out


def test_every_record_has_the_prediction_apply_gives(analysed, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """Each record of articles.jsonl carries both predictions, equal to framing.ml.inference.apply on the same texts."""
    records = _records(analysed)
    corpus = framing.load(EXAMPLES)
    assert len(records) == len(corpus) == 6
    art = apply(load_classifier(tiny_models["article"]), corpus).set_index("id")
    sen = apply(load_classifier(tiny_models["sentence"]), corpus).set_index("id")
    for rec in records:
        assert set(rec["predictions"]) == {"frames", "tone"}
        p = rec["predictions"]["frames"]
        row = art.loc[rec["id"]]
        assert p["label"] == row["label"]
        assert p["proba"] == {"loaded": row["p_loaded"], "plain": row["p_plain"]}
        s = rec["predictions"]["tone"]
        row = sen.loc[rec["id"]]
        assert (s["label"], s["n_sentences"]) == (row["label"], row["n_sentences"])
        assert s["share"] == {"loaded": row["share_loaded"], "plain": row["share_plain"]}
        card = rec["provenance"]["classifiers"]["frames"]
        assert card["name"] == "frames" and card["level"] == "article" and card["macro_f1"] is not None
        assert card["training"]["n"] == 24 and card["data"]["label_col"] == "frame"


def test_csv_and_frame_have_prediction_columns(analysed) -> None:  # type: ignore[no-untyped-def]
    """articles.csv and Results.to_frame() carry pred_<model> labels and per-class columns."""
    frame = pd.read_csv(analysed / "articles.csv")
    for col in ("pred_frames", "pred_frames.p_loaded", "pred_frames.p_plain", "pred_tone", "pred_tone.share_loaded", "pred_tone.n_sentences"):
        assert col in frame.columns
    res = Results.from_jsonl(analysed)
    by_id = {r["id"]: r for r in _records(analysed)}
    table = res.to_frame().set_index("id")
    for i, rec in by_id.items():
        assert table.loc[i, "pred_frames"] == rec["predictions"]["frames"]["label"]
        assert table.loc[i, "pred_frames.p_loaded"] == rec["predictions"]["frames"]["proba"]["loaded"]


def test_article_result_round_trips_predictions(analysed) -> None:  # type: ignore[no-untyped-def]
    """to_dict(from_dict(record)) gives the record back, predictions included; without predictions there is no key."""
    for line in (analysed / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        back = ArticleResult.from_dict(rec).to_dict()
        assert json.dumps(back, ensure_ascii=False) == line
    plain = framing.analyze_article(framing.Article("x", "The council met."), gazetteer=None)
    assert "predictions" not in plain.to_dict() and ArticleResult.from_dict(plain.to_dict()).predictions == {}


def test_workers_one_and_two_give_identical_bytes(tmp_path: Path, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """analyze --model with --workers 1 and --workers 2 writes the same articles.jsonl."""
    for w in ("1", "2"):
        assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / w), "--workers", w, "--model", str(tiny_models["article"]), "--format", "md", *FAST]) == 0
    assert (tmp_path / "1" / "articles.jsonl").read_bytes() == (tmp_path / "2" / "articles.jsonl").read_bytes()


def test_report_has_the_section_with_intervals_from_bootstrap_ci(tmp_path: Path, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """The comparison gets per-outlet label shares with bootstrap intervals (compare.bootstrap_ci over
    articles) and the report a 'Classifier predictions' section with the model card summary."""
    corpus = tmp_path / "c.jsonl"
    texts = pd.read_csv(tiny_models["csv"])["text"]
    with open(corpus, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({"id": f"a{i}", "text": t, "outlet": f"Outlet {i % 3}"}) + "\n" for i, t in enumerate(texts))
    out = tmp_path / "run"
    run([str(corpus)], out, no_actors=True, progress=False, parquet=False, models=[str(tiny_models["article"])])
    res = Results.from_jsonl(out)
    comp = compare(res)
    table = comp.predictions
    assert set(table["label"]) == {"loaded", "plain"} and set(table["group"]) == {"Outlet 0", "Outlet 1", "Outlet 2"}
    row = table[(table.group == "Outlet 1") & (table.label == "loaded")].iloc[0]
    values = [1.0 if r.predictions["frames"]["label"] == "loaded" else 0.0 for r in res if r.article.outlet == "Outlet 1"]
    assert row["n"] == len(values) == 8
    assert row["share"] == pytest.approx(sum(values) / len(values))
    assert (row["ci_low"], row["ci_high"]) == bootstrap_ci(values, n_boot=1000)
    assert comp.classifiers["frames"]["macro_f1"] == load_classifier(tiny_models["article"]).cv["macro_f1"]
    html = report.html(comp)
    assert 'id="predictions"' in html and "Classifier predictions" in html and "Model frames" in html
    assert "Cross-validated macro-F1" in html and "24 labelled texts" in html
    md = report.markdown(comp)
    assert "## Classifier predictions" in md and "| Outlet 1 | 8 |" in md
    written = report.write_tables(comp, str(tmp_path / "tables"))
    assert any(p.endswith("predictions.csv") for p in written)
    pdf = tmp_path / "r.pdf"
    report.pdf(comp, str(pdf))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Classifier predictions" in text and "Model frames" in text


def test_no_section_without_predictions() -> None:
    """A comparison of articles without predictions has no predictions table and no section."""
    res = framing.analyze(framing.load(EXAMPLES), sentiment=None, progress=False)
    comp = compare(res)
    assert comp.predictions is None and "predictions" not in comp.tables()
    assert "Classifier predictions" not in report.html(comp)


def test_report_escapes_a_malicious_model_name_and_label(tmp_path: Path) -> None:
    """A model named <script> with a label that is an <img onerror> tag appears only as escaped text
    in the HTML report (and harmlessly in the Markdown one)."""
    csv = write_labelled_csv(tmp_path / "evil.csv", labels=(EVIL_LABEL, "plain"))
    data = read_labelled(csv, label_col="frame")
    model = train(list(data.text), list(data.label), model="tfidf", cv=None, n_examples=0, name=EVIL)
    path = save_classifier(model, tmp_path / "evil.skops")
    out = tmp_path / "run"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--model", str(path), "--format", "html,md", *FAST]) == 0
    records = _records(out)
    assert all(set(r["predictions"]) == {EVIL} for r in records)
    html = (out / "report.html").read_text(encoding="utf-8")
    low = html.lower()
    assert "Classifier predictions" in html
    only_own_scripts(html)
    assert "<script>alert" not in low and "<img" not in low
    assert "Model &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_apply_into_gives_the_same_bytes_as_analyze_with_model(tmp_path: Path, analysed, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """'framing apply MODEL --into DIR' on a run without models equals 'analyze --model' byte for byte
    (articles.jsonl and articles.csv), keeps writing the standalone predictions, and is idempotent."""
    out = tmp_path / "run"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--format", "md", *FAST]) == 0
    assert "predictions" not in _records(out)[0]
    assert main(["apply", str(tiny_models["article"]), "--into", str(out)]) == 0
    assert main(["apply", f"{tiny_models['sentence']}", "--into", str(out), "--name", "tone"]) == 0
    assert (out / "articles.jsonl").read_bytes() == (analysed / "articles.jsonl").read_bytes()
    assert (out / "articles.csv").read_bytes() == (analysed / "articles.csv").read_bytes()
    standalone = pd.read_csv(out / "predictions" / "frames" / "predictions.csv")
    expected = apply(load_classifier(tiny_models["article"]), framing.load(EXAMPLES))
    pd.testing.assert_frame_equal(standalone, expected, check_dtype=False)
    assert (out / "predictions" / "tone" / "sentences.csv").is_file()
    manifest = json.loads((out / "manifest.json").read_text())
    assert [a["name"] for a in manifest["predictions_added"]] == ["frames", "tone"]
    if (out / "articles.parquet").is_dir():
        assert "pred_tone" in pd.read_parquet(out / "articles.parquet").columns
    before = (out / "articles.jsonl").read_bytes()
    assert main(["apply", str(tiny_models["article"]), "--into", str(out), "--out", str(tmp_path / "preds")]) == 0
    assert (out / "articles.jsonl").read_bytes() == before  # same model again: replaced, not duplicated
    assert (tmp_path / "preds" / "predictions.jsonl").is_file()
    assert main(["report", str(out), "--format", "html"]) == 0
    assert "Classifier predictions" in (out / "report.html").read_text(encoding="utf-8")


def test_apply_into_is_atomic(tmp_path: Path, analysed, tiny_models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A failure half-way leaves articles.jsonl exactly as it was, and no temporary file behind."""
    out = tmp_path / "run"
    shutil.copytree(analysed, out)
    before = (out / "articles.jsonl").read_bytes()
    calls = {"n": 0}
    real = predict.Predictor.predict

    def flaky(self, text):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real(self, text)

    monkeypatch.setattr(predict.Predictor, "predict", flaky)
    with pytest.raises(RuntimeError):
        apply_into(out, str(tiny_models["article"]), name="again")
    assert (out / "articles.jsonl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != LOCK_FILE) == []  # the run's lock file stays


def test_usage_errors(tmp_path: Path, analysed, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """Unsafe model files, two models with one name, --into a folder without results, and
    apply without --out or --into are usage errors (exit 2)."""
    bad = tmp_path / "bad.skops"
    bad.write_bytes(b"not a model")
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / "x"), "--model", str(bad), *FAST]) == 2
    assert not (tmp_path / "x" / "articles.jsonl").exists()
    twin = tmp_path / "twin"
    twin.mkdir()
    shutil.copy(tiny_models["article"], twin / "frames.skops")
    assert main(["analyze", str(EXAMPLES), "--out", str(tmp_path / "y"), "--model", str(tiny_models["article"]), "--model", str(twin / "frames.skops"), *FAST]) == 2
    assert main(["apply", str(tiny_models["article"]), "--into", str(tmp_path)]) == 2
    assert main(["apply", str(tiny_models["article"]), str(EXAMPLES)]) == 2
    assert main(["apply", str(tiny_models["article"]), str(EXAMPLES), "--into", str(analysed)]) == 2


def test_predict_results_from_python(tiny_models) -> None:  # type: ignore[no-untyped-def]
    """framing.run.apply.predict_results adds predictions to Results in memory, as the run does."""
    res = framing.analyze(framing.load(EXAMPLES), sentiment=None, progress=False)
    model = load_classifier(tiny_models["article"])
    out = predict_results(res, {"frames": model, "tone": tiny_models["sentence"]})
    table = out.to_frame().set_index("id")
    expected = apply(model, res).set_index("id")
    assert (table["pred_frames"] == expected["label"]).all()
    assert (table["pred_frames.p_plain"] == expected["p_plain"]).all()
    assert "pred_tone.share_plain" in table.columns and "predictions" not in res[0].to_dict()
