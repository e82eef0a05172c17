"""The article table of a run as CSV and Parquet: the same columns and values as Results.to_frame, written streaming."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from conftest import make_corpus

from framing.run.engine import run
from framing.run.outputs import write_csv


def test_parquet_matches_jsonl(tmp_path: Path) -> None:
    """The partitioned Parquet table has one row per article with the marker columns."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    corpus = make_corpus(tmp_path / "c.jsonl", 12)
    run([str(corpus)], tmp_path / "out", no_actors=True, progress=False)
    df = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert list(df.id) == [f"a{i}" for i in range(12)]
    assert "rhetoric.loaded_language.rate" in df.columns


def test_parquet_has_prediction_columns(tmp_path: Path, tiny_models) -> None:  # type: ignore[no-untyped-def]
    """Predicted labels are text columns and probabilities numbers in the Parquet table, as in articles.csv."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    corpus = make_corpus(tmp_path / "c.jsonl", 12)
    run([str(corpus)], tmp_path / "out", no_actors=True, progress=False, models=[str(tiny_models["article"])])
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
        run([str(corpus)], tmp_path / out, **opts)
        tracemalloc.start()
        keys = write_csv(tmp_path / out / "articles.jsonl", tmp_path / out / "t.csv", keys=("id", "outlet"))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert keys[:2] == [("a0", "Outlet 0"), ("a1", "Outlet 1")] and len(keys) == 600
    # what grows is the list of keys returned (~200 bytes per article), not the results (~kB each)
    assert (peaks[1] - peaks[0]) / 500 < 400, peaks
    streamed = pd.read_csv(tmp_path / "l" / "t.csv")
    frame = Results.from_jsonl(tmp_path / "l" / "articles.jsonl").to_frame()
    assert list(streamed.columns) == list(frame.columns)
    pd.testing.assert_frame_equal(streamed, pd.read_csv(__import__("io").StringIO(frame.to_csv(index=False))), check_dtype=False)
