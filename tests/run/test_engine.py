"""The run engine: identical results across workers and engines, resumption, bounded memory, classifiers."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from conftest import EXAMPLES, interrupt_after, make_corpus

import framing.run.workers as workers
from framing.errors import FramingError
from framing.run.engine import run


def test_workers_and_dask_give_identical_results(tmp_path: Path) -> None:
    """One worker, two worker processes and a local two-worker Dask cluster write the same bytes."""
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed (pip install 'framing[dask]')")
    one = run([str(EXAMPLES)], tmp_path / "one", progress=False)
    two = run([str(EXAMPLES)], tmp_path / "two", workers=2, progress=False)
    dsk = run([str(EXAMPLES)], tmp_path / "dask", engine="dask", workers=2, progress=False)
    assert one.analysed == two.analysed == dsk.analysed == 6
    ref = (tmp_path / "one" / "articles.jsonl").read_bytes()
    assert (tmp_path / "two" / "articles.jsonl").read_bytes() == ref
    assert (tmp_path / "dask" / "articles.jsonl").read_bytes() == ref


def test_resume_after_crash_keeps_finished_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed after two batches keeps them; restarted, it analyses only the rest and the output
    equals an uninterrupted run."""
    corpus = make_corpus(tmp_path / "c.jsonl", 100)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, batch_size=10, parquet=False)
    run([str(corpus)], tmp_path / "clean", **opts)
    restore = interrupt_after(monkeypatch, 2)  # the process is killed mid-run
    with pytest.raises(KeyboardInterrupt):
        run([str(corpus)], tmp_path / "crashy", **opts)
    partial = (tmp_path / "crashy" / "articles.jsonl").read_text().splitlines()
    assert len(partial) == 20
    with open(tmp_path / "crashy" / "articles.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"id": "a20", "text": "half a li')  # a line cut off by the crash
    restore()
    summary = run([str(corpus)], tmp_path / "crashy", **opts)
    assert (summary.resumed, summary.analysed) == (20, 80)
    assert (tmp_path / "crashy" / "articles.jsonl").read_bytes() == (tmp_path / "clean" / "articles.jsonl").read_bytes()
    manifest = json.loads((tmp_path / "crashy" / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["inputs"][0]["sha256"]


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
        run([str(corpus)], tmp_path / out, **opts)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert len((tmp_path / "l" / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 1500
    result_size = (tmp_path / "l" / "articles.jsonl").stat().st_size / 1500
    per_article = (peaks[1] - peaks[0]) / 1200
    assert per_article < 1024 < result_size, (peaks, per_article, result_size)


def test_load_errors_are_reported_once_across_resume(tmp_path: Path) -> None:
    """A broken input is listed in errors.jsonl; resuming does not list it twice."""
    corpus = make_corpus(tmp_path / "c.jsonl", 4)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False)
    s = run([str(corpus), str(tmp_path / "broken.txt")], tmp_path / "out", **opts)
    assert s.failed == 1
    run([str(corpus), str(tmp_path / "broken.txt")], tmp_path / "out", **opts)
    lines = (tmp_path / "out" / "errors.jsonl").read_text().splitlines()
    assert len(lines) == 1 and "binary" in lines[0]


def test_predictions_identical_across_workers_dask_and_resume(tmp_path: Path, tiny_models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """With classifiers applied during the run, one worker, two worker processes, a local Dask
    cluster and a run resumed after a crash write the same bytes, each record with both predictions."""
    corpus = make_corpus(tmp_path / "c.jsonl", 60)
    models = [str(tiny_models["article"]), f"tone={tiny_models['sentence']}"]
    opts = dict(no_actors=True, progress=False, batch_size=10, models=models)
    run([str(corpus)], tmp_path / "one", **opts)
    ref = (tmp_path / "one" / "articles.jsonl").read_bytes()
    records = [json.loads(line) for line in ref.decode().splitlines()]
    assert len(records) == 60 and all(set(r["predictions"]) == {"frames", "tone"} for r in records)
    assert set(records[0]["provenance"]["classifiers"]) == {"frames", "tone"}
    run([str(corpus)], tmp_path / "two", workers=2, **opts)
    assert (tmp_path / "two" / "articles.jsonl").read_bytes() == ref
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        pass
    else:
        run([str(corpus)], tmp_path / "dask", engine="dask", workers=2, **opts)
        assert (tmp_path / "dask" / "articles.jsonl").read_bytes() == ref
    restore = interrupt_after(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        run([str(corpus)], tmp_path / "crashy", **opts)
    restore()
    summary = run([str(corpus)], tmp_path / "crashy", **opts)
    assert (summary.resumed, summary.analysed) == (20, 40)
    assert (tmp_path / "crashy" / "articles.jsonl").read_bytes() == ref
    # a resumed run must use the same models: another model is another run
    with pytest.raises(FramingError, match="different settings"):
        run([str(corpus)], tmp_path / "crashy", **{**opts, "models": models[:1]})


def test_models_load_once_per_worker_process(tmp_path: Path, tiny_models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A model is loaded once for the whole run in one process, not once per article or batch."""
    import framing.ml.predict as predict

    corpus = make_corpus(tmp_path / "c.jsonl", 30)
    loads = []
    real = predict.load_classifier
    monkeypatch.setattr(predict, "load_classifier", lambda path, **kw: loads.append(path) or real(path, **kw))
    monkeypatch.setattr(predict, "_CACHE", {})
    workers._STATE.clear()
    run([str(corpus)], tmp_path / "out", no_actors=True, no_lexicons=True, progress=False, batch_size=5, parquet=False, models=[str(tiny_models["article"])])
    assert len(loads) == 1


def test_results_read_back_equal_and_share_repeated_strings(tmp_path: Path) -> None:
    """Reading articles.jsonl back rebuilds the same records, and the lexicon names, categories and
    mention words repeated across articles are one object each (a report holds every article)."""
    from framing.analysis.results import Results

    run([str(EXAMPLES)], tmp_path / "out", progress=False, parquet=False)
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


def test_progress_bar_counts_to_the_records_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The progress bar's total is estimated while the inputs are read (no counting pass) and ends at
    the number of articles analysed."""
    corpus = make_corpus(tmp_path / "c.jsonl", 100)
    run([str(corpus)], tmp_path / "out", no_actors=True, no_lexicons=True, progress=True, batch_size=10, parquet=False)
    assert "100/100" in capsys.readouterr().err


def test_error_lines_with_unicode_line_separators_are_read_back_whole(tmp_path: Path) -> None:
    """errors.jsonl is split on newlines only: a failed file named with U+2028 and U+0085 (which
    str.splitlines also splits on) is reported in the summary and found again when resuming,
    instead of breaking the JSON of its line (found by the fuzz test)."""
    (tmp_path / "in").mkdir()
    make_corpus(tmp_path / "in" / "c.jsonl", 2)
    bad = tmp_path / "in" / "odd\u2028name\x85.txt"
    bad.write_text("", encoding="utf-8")
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False)
    summary = run([str(tmp_path / "in")], tmp_path / "out", **opts)
    assert [(e["path"], e["reason"]) for e in summary.errors] == [(str(bad), "empty file")]
    again = run([str(tmp_path / "in")], tmp_path / "out", **opts)
    assert again.failed == 1 and len((tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").split("\n")) == 2


def test_load_errors_are_written_as_they_come_not_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Load errors reach errors.jsonl while the inputs are read, before any analysis result: a
    corpus of many broken files is not held in memory to the end."""
    import framing.run.engine as engine

    folder = tmp_path / "c"
    folder.mkdir()
    for k in range(300):
        (folder / f"broken{k:03}.json").write_text("{ not json", encoding="utf-8")
    (folder / "zz-good.txt").write_text("Canada and China signed a trade deal on Monday, officials said.", encoding="utf-8")
    seen = {}
    real = engine.local_results

    def watching(batches, settings, workers):  # type: ignore[no-untyped-def]
        consumed = list(batches)  # every input read, nothing analysed or written yet
        seen["bytes"] = (tmp_path / "out" / "errors.jsonl").stat().st_size
        yield from real(iter(consumed), settings, workers)

    monkeypatch.setattr(engine, "local_results", watching)
    summary = run([str(folder)], tmp_path / "out", no_actors=True, no_lexicons=True, progress=False, parquet=False)
    assert (summary.analysed, summary.failed) == (1, 300)
    assert seen["bytes"] > 8192  # past the write buffer: already on disk while reading
    assert len((tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()) == 300
