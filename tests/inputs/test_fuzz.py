"""Property-based fuzzing of loading and analysis (Hypothesis): folders of random files (random
bytes, text in several encodings, random JSON shapes as JSON and JSONL, CSV, random file names,
some not UTF-8, plain and gzip-compressed) never raise, and every result is written as strict,
UTF-8 JSON. Small example counts keep it to seconds; raise them locally to hunt longer
(``HYPOTHESIS_EXAMPLES=500``)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (pip install -e '.[test]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import framing  # noqa: E402
from framing.types import Article, LoadError  # noqa: E402

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "12"))
FIELDS = ["text", "body", "title", "outlet", "date", "id", "url", "author", "x"]
WORDS = ["The", "council", "said", "minister", "“quoted”", "reckless", "Canada", "talks", "é", "\u200b", "\n", ".", "?"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4), inner, max_size=5),
    max_leaves=10,
)
prose = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), min_size=0, max_size=40).map(" ".join)
records = st.dictionaries(st.sampled_from(FIELDS), prose | json_values, max_size=5)


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


contents = st.one_of(
    st.binary(max_size=400),
    st.tuples(prose, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])).map(lambda te: te[0].encode(te[1], errors="replace")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(records | json_values, max_size=5).map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode()),
    st.lists(st.lists(prose, min_size=1, max_size=3), max_size=5).map(lambda rows: _csv([["text", "title", "outlet"], *rows]).encode()),
)
stems = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\."), min_size=1, max_size=10) | st.binary(
    min_size=1, max_size=8
).filter(lambda b: b"/" not in b and b"\x00" not in b and b"." not in b).map(os.fsdecode)
suffixes = st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv", ".dat", ""])
files = st.lists(st.tuples(stems, suffixes, st.booleans(), contents), min_size=1, max_size=4, unique_by=lambda f: f[0] + f[1])


def _strict(line: str) -> object:
    def refuse(token: str) -> None:
        raise ValueError(f"not JSON: {token}")

    line.encode("utf-8")  # strict: no lone surrogate
    return json.loads(line, parse_constant=refuse)


def _write(folder: Path, specs) -> None:  # type: ignore[no-untyped-def]
    for stem, suffix, packed, data in specs:
        name = os.fsencode(stem + suffix) + (b".gz" if packed else b"")
        try:
            with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
                fh.write(gzip.compress(data) if packed else data)
        except OSError:  # a name this filesystem refuses
            continue


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files)
def test_random_files_load_and_analyse_without_a_traceback(specs) -> None:  # type: ignore[no-untyped-def]
    """Whatever the folder holds, load() returns articles and errors; analyze() analyses every
    article; every result and error is strict JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write(folder, specs)
        corpus = framing.load(folder, max_article_mb=0.05)
        for item in [*corpus, *corpus.errors]:
            assert isinstance(item, (Article, LoadError))
        for error in corpus.errors:
            _strict(json.dumps(error.to_dict(), ensure_ascii=False, allow_nan=False))
        results = framing.analyze(corpus, sentiment=None, progress=False)
        assert len(results) == len(corpus)
        out = results.to_jsonl(folder / "results.out")
        for line in out.read_text(encoding="utf-8").split("\n")[:-1]:  # not splitlines: U+2028 may be inside a line
            record = _strict(line)
            assert isinstance(record, dict) and record["id"]


@settings(max_examples=max(2, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files)
def test_random_files_through_a_run_and_its_resume(specs) -> None:  # type: ignore[no-untyped-def]
    """The run engine on the same random folders, twice (the second compares with the first by
    hashing every input, then runs again whole): no traceback, the same counts, and
    articles.jsonl, errors.jsonl and manifest.json are strict UTF-8 JSON."""
    from framing.run.engine import run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        _write(folder, specs)
        first = run([str(folder)], Path(tmp) / "out", no_actors=True, progress=False, parquet=False)
        again = run([str(folder)], Path(tmp) / "out", no_actors=True, progress=False, parquet=False)
        assert (again.analysed, again.failed) == (first.analysed, first.failed)  # a finished run is run again whole
        for name in ("articles.jsonl", "errors.jsonl"):
            for line in (Path(tmp) / "out" / name).read_text(encoding="utf-8").split("\n")[:-1]:
                _strict(line)
        _strict((Path(tmp) / "out" / "manifest.json").read_text(encoding="utf-8"))
