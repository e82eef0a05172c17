"""The run engine: identical results across workers and engines, resumption, bounded memory."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

import framing.run.engine as engine
from framing.errors import FramingError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
WORDS = ["trade", "tariff", "canola", "minister", "talks", "deal", "market", "border", "ports", "officials", "said", "warned", "reckless", "bold"]


def make_corpus(path: Path, n: int, seed: int = 3) -> Path:
    """A JSONL corpus of n short invented articles from three fictional outlets."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6))
            fh.write(json.dumps({"id": f"a{i}", "text": text, "outlet": f"Outlet {i % 3}", "date": "2026-03-12"}) + "\n")
    return path


def test_workers_and_dask_give_identical_results(tmp_path: Path) -> None:
    """One worker, two worker processes and a local two-worker Dask cluster write the same bytes."""
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed (pip install 'framing[dask]')")
    one = engine.run([str(EXAMPLES)], tmp_path / "one", progress=False)
    two = engine.run([str(EXAMPLES)], tmp_path / "two", workers=2, progress=False)
    dsk = engine.run([str(EXAMPLES)], tmp_path / "dask", engine="dask", workers=2, progress=False)
    assert one.analysed == two.analysed == dsk.analysed == 6
    ref = (tmp_path / "one" / "articles.jsonl").read_bytes()
    assert (tmp_path / "two" / "articles.jsonl").read_bytes() == ref
    assert (tmp_path / "dask" / "articles.jsonl").read_bytes() == ref


def test_resume_after_crash_keeps_finished_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed after two batches keeps them; restarted, it analyses only the rest and the output
    equals an uninterrupted run."""
    corpus = make_corpus(tmp_path / "c.jsonl", 100)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, batch_size=10, parquet=False)
    engine.run([str(corpus)], tmp_path / "clean", **opts)
    real = engine._analyse_batch
    calls = {"n": 0}

    def dying(batch, settings):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 2:
            raise KeyboardInterrupt  # the process is killed mid-run
        return real(batch, settings)

    monkeypatch.setattr(engine, "_analyse_batch", dying)
    with pytest.raises(KeyboardInterrupt):
        engine.run([str(corpus)], tmp_path / "crashy", **opts)
    partial = (tmp_path / "crashy" / "articles.jsonl").read_text().splitlines()
    assert len(partial) == 20
    with open(tmp_path / "crashy" / "articles.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "a20", "text": "half a li')  # a line cut off by the crash
    monkeypatch.setattr(engine, "_analyse_batch", real)
    summary = engine.run([str(corpus)], tmp_path / "crashy", **opts)
    assert (summary.resumed, summary.analysed) == (20, 80)
    assert (tmp_path / "crashy" / "articles.jsonl").read_bytes() == (tmp_path / "clean" / "articles.jsonl").read_bytes()
    manifest = json.loads((tmp_path / "crashy" / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["inputs"][0]["sha256"]


def test_changed_inputs_or_settings_are_refused_unless_restart(tmp_path: Path) -> None:
    """Another run's folder is not silently mixed with this one."""
    corpus = make_corpus(tmp_path / "c.jsonl", 5)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False)
    engine.run([str(corpus)], tmp_path / "out", **opts)
    with pytest.raises(FramingError, match="different settings"):
        engine.run([str(corpus)], tmp_path / "out", no_actors=True, progress=False, parquet=False)
    make_corpus(corpus, 6)
    with pytest.raises(FramingError, match="different inputs"):
        engine.run([str(corpus)], tmp_path / "out", **opts)
    assert engine.run([str(corpus)], tmp_path / "out", restart=True, **opts).analysed == 6


def test_memory_stays_bounded_as_the_corpus_grows(tmp_path: Path) -> None:
    """Peak traced memory grows by under 1 KB per extra article (a result is ~20 KB): results stream
    to disk and the duplicate index keeps a fixed window (here 200 articles); what remains is the
    set of article ids that keeps them unique."""
    small = make_corpus(tmp_path / "small.jsonl", 300)
    large = make_corpus(tmp_path / "large.jsonl", 1500)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False, dedupe_window=200)
    peaks = []
    for corpus, out in ((small, "s"), (large, "l")):
        tracemalloc.start()
        engine.run([str(corpus)], tmp_path / out, **opts)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert sum(1 for _ in open(tmp_path / "l" / "articles.jsonl")) == 1500
    result_size = (tmp_path / "l" / "articles.jsonl").stat().st_size / 1500
    per_article = (peaks[1] - peaks[0]) / 1200
    assert per_article < 1024 < result_size, (peaks, per_article, result_size)


def test_parquet_matches_jsonl(tmp_path: Path) -> None:
    """The partitioned Parquet table has one row per article with the marker columns."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    corpus = make_corpus(tmp_path / "c.jsonl", 12)
    engine.run([str(corpus)], tmp_path / "out", no_actors=True, progress=False)
    df = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert list(df.id) == [f"a{i}" for i in range(12)]
    assert "rhetoric.loaded_language.rate" in df.columns


def test_load_errors_are_reported_once_across_resume(tmp_path: Path) -> None:
    """A broken input is listed in errors.jsonl; resuming does not list it twice."""
    corpus = make_corpus(tmp_path / "c.jsonl", 4)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False)
    s = engine.run([str(corpus), str(tmp_path / "broken.txt")], tmp_path / "out", **opts)
    assert s.failed == 1
    engine.run([str(corpus), str(tmp_path / "broken.txt")], tmp_path / "out", **opts)
    lines = (tmp_path / "out" / "errors.jsonl").read_text().splitlines()
    assert len(lines) == 1 and "binary" in lines[0]


def test_predictions_identical_across_workers_dask_and_resume(tmp_path: Path, tiny_models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """With classifiers applied during the run, one worker, two worker processes, a local Dask
    cluster and a run resumed after a crash write the same bytes, each record with both predictions."""
    corpus = make_corpus(tmp_path / "c.jsonl", 60)
    models = [str(tiny_models["article"]), f"tone={tiny_models['sentence']}"]
    opts = dict(no_actors=True, progress=False, batch_size=10, models=models)
    engine.run([str(corpus)], tmp_path / "one", **opts)
    ref = (tmp_path / "one" / "articles.jsonl").read_bytes()
    records = [json.loads(line) for line in ref.decode().splitlines()]
    assert len(records) == 60 and all(set(r["predictions"]) == {"frames", "tone"} for r in records)
    assert set(records[0]["provenance"]["classifiers"]) == {"frames", "tone"}
    engine.run([str(corpus)], tmp_path / "two", workers=2, **opts)
    assert (tmp_path / "two" / "articles.jsonl").read_bytes() == ref
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        pass
    else:
        engine.run([str(corpus)], tmp_path / "dask", engine="dask", workers=2, **opts)
        assert (tmp_path / "dask" / "articles.jsonl").read_bytes() == ref
    real = engine._analyse_batch
    calls = {"n": 0}

    def dying(batch, settings):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] > 2:
            raise KeyboardInterrupt
        return real(batch, settings)

    monkeypatch.setattr(engine, "_analyse_batch", dying)
    with pytest.raises(KeyboardInterrupt):
        engine.run([str(corpus)], tmp_path / "crashy", **opts)
    monkeypatch.setattr(engine, "_analyse_batch", real)
    summary = engine.run([str(corpus)], tmp_path / "crashy", **opts)
    assert (summary.resumed, summary.analysed) == (20, 40)
    assert (tmp_path / "crashy" / "articles.jsonl").read_bytes() == ref
    # a resumed run must use the same models: another model is another run
    with pytest.raises(FramingError, match="different settings"):
        engine.run([str(corpus)], tmp_path / "crashy", **{**opts, "models": models[:1]})


def test_models_load_once_per_worker_process(tmp_path: Path, tiny_models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A model is loaded once for the whole run in one process, not once per article or batch."""
    import framing.ml.predict as predict

    corpus = make_corpus(tmp_path / "c.jsonl", 30)
    loads = []
    real = predict.load_classifier
    monkeypatch.setattr(predict, "load_classifier", lambda path, **kw: loads.append(path) or real(path, **kw))
    monkeypatch.setattr(predict, "_CACHE", {})
    engine._STATE.clear()
    engine.run([str(corpus)], tmp_path / "out", no_actors=True, no_lexicons=True, progress=False, batch_size=5, parquet=False, models=[str(tiny_models["article"])])
    assert len(loads) == 1


def test_parquet_has_prediction_columns(tmp_path: Path, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """Predicted labels are text columns and probabilities numbers in the Parquet table, as in articles.csv."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    corpus = make_corpus(tmp_path / "c.jsonl", 12)
    engine.run([str(corpus)], tmp_path / "out", no_actors=True, progress=False, models=[str(tiny_models["article"])])
    df = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert set(df["pred_frames"]) <= {"loaded", "plain"}
    assert df["pred_frames.p_loaded"].between(0, 1).all()
    assert ((df["pred_frames.p_loaded"] + df["pred_frames.p_plain"]).round(3) == 1).all()


def test_streaming_csv_equals_the_frame_and_keeps_memory_flat(tmp_path: Path) -> None:
    """write_csv gives the columns and values of Results.to_frame(), and its memory does not grow
    with the number of articles (it never holds the results)."""
    import pandas as pd

    from framing.analysis.results import Results

    small = make_corpus(tmp_path / "small.jsonl", 100)
    large = make_corpus(tmp_path / "large.jsonl", 600)
    opts = dict(no_actors=True, progress=False, parquet=False)
    peaks = []
    for corpus, out in ((small, "s"), (large, "l")):
        engine.run([str(corpus)], tmp_path / out, **opts)
        tracemalloc.start()
        keys = engine.write_csv(tmp_path / out / "articles.jsonl", tmp_path / out / "t.csv", keys=("id", "outlet"))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert keys[:2] == [("a0", "Outlet 0"), ("a1", "Outlet 1")] and len(keys) == 600
    # what grows is the list of keys returned (~200 bytes per article), not the results (~kB each)
    assert (peaks[1] - peaks[0]) / 500 < 400, peaks
    streamed = pd.read_csv(tmp_path / "l" / "t.csv")
    frame = Results.from_jsonl(tmp_path / "l" / "articles.jsonl").to_frame()
    assert list(streamed.columns) == list(frame.columns)
    pd.testing.assert_frame_equal(streamed, pd.read_csv(__import__("io").StringIO(frame.to_csv(index=False))), check_dtype=False)


def test_stratified_sample_is_proportional_deterministic_and_keeps_small_groups() -> None:
    keys = [(f"a{i}", "big") for i in range(900)] + [(f"b{i}", "mid") for i in range(98)] + [("c0", "tiny"), ("c1", "tiny")]
    chosen = engine.stratified_sample(keys, 100)
    groups = [keys[i][1] for i in chosen]
    # three each first, the other 92 in proportion to what is left (897 : 95)
    assert groups.count("big") == 3 + 83 and groups.count("mid") == 3 + 9 and groups.count("tiny") == 2
    # many small groups cannot blow the sample up: 400 outlets of 5 and one of 2,000
    many = [(f"o{g}-{i}", f"o{g}") for g in range(400) for i in range(5)] + [(f"x{i}", "x") for i in range(2000)]
    picked = engine.stratified_sample(many, 1000)
    assert 950 <= len(picked) <= 1050 and {many[i][1] for i in picked} >= {f"o{g}" for g in range(400)}
    # the same ids whatever the order of the records
    shuffled = list(reversed(keys))
    again = engine.stratified_sample(shuffled, 100)
    assert {shuffled[i][0] for i in again} == {keys[i][0] for i in chosen}


def test_cli_reports_a_sample_of_a_large_run(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Above --report-sample articles the report covers a stratified sample and says so; the table has them all."""
    import csv

    from framing.cli.app import main

    corpus = make_corpus(tmp_path / "c.jsonl", 60)
    code = main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-actors", "--report-sample", "30", "--format", "html", "--no-progress"])
    assert code == 0
    assert "sample of 30 of 60 articles" in capsys.readouterr().err
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "stratified sample of 30 of 60 articles" in html
    with open(tmp_path / "out" / "articles.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 60
    # 'framing report' re-reads the run: all articles up to the same default sample size as
    # 'framing analyze', a sample above it; --sample 0 for all, --sample N for another size
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "all"), "--format", "md"]) == 0
    assert "Compared 60 articles" in capsys.readouterr().err
    monkeypatch.setattr("framing.cli.app.REPORT_SAMPLE", 25)
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "default"), "--format", "md"]) == 0
    assert "Compared 25 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "all"), "--sample", "0", "--format", "md"]) == 0
    assert "Compared 60 articles" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "out"), "--out", str(tmp_path / "some"), "--sample", "20", "--format", "md"]) == 0
    err = capsys.readouterr().err
    assert "sample of 20 of 60 articles" in err and "Compared 20 articles" in err
    assert f"'framing report {tmp_path / 'out'} --sample 0'" in err  # the results, not where the report went
    assert "stratified sample of 20 of 60 articles" in (tmp_path / "some" / "report.md").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "nowhere"), "--sample", "20"]) == 2


def test_results_read_back_equal_and_share_repeated_strings(tmp_path: Path) -> None:
    """Reading articles.jsonl back rebuilds the same records, and the lexicon names, categories and
    mention words repeated across articles are one object each (a report holds every article)."""
    from framing.analysis.results import Results

    engine.run([str(EXAMPLES)], tmp_path / "out", progress=False, parquet=False)
    path = tmp_path / "out" / "articles.jsonl"
    res = Results.from_jsonl(path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r.to_dict() for r in res] == lines
    a, b = res[0], res[1]
    m = a.matches[0]
    same = next(n for n in b.matches if (n.lexicon, n.category) == (m.lexicon, m.category))
    assert same.lexicon is m.lexicon and same.category is m.category
    words = {}
    for r in res:
        for actor in r.actors:
            for mention in actor["mentions"]:
                first = words.setdefault(mention["text"], mention["text"])
                assert first is mention["text"]
    assert any(sum(1 for r in res for ac in r.actors for x in ac["mentions"] if x["text"] == w) > 1 for w in words)
