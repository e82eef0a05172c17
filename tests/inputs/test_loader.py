"""load and iter_load: unique ids, many files, and one reading of each input."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest
from conftest import deny_open

import framing
from framing.inputs.discovery import discover
from framing.inputs.loader import Reading
from framing.inputs.options import LoadOptions
from framing.inputs.source import FileDigest

from .samples import BRIDGE, LIBRARY, ORCHARD, write


def test_ids_unique_within_a_call(tmp_path, load_items):
    """Repeated ids (same file name in two folders, same record id) get ~2, ~3 suffixes."""
    write(tmp_path / "a" / "story.txt", LIBRARY)
    write(tmp_path / "b" / "story.txt", BRIDGE)
    write(tmp_path / "c" / "story.txt", ORCHARD)
    recs = [{"id": "dup", "text": LIBRARY}, {"id": "dup", "text": BRIDGE}]
    write(tmp_path / "d" / "recs.json", json.dumps(recs))
    articles, errors = load_items(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["story", "story~2", "story~3", "dup", "dup~2"]
    assert len({a.id for a in articles}) == len(articles)


@pytest.mark.timeout(180)
def test_ten_thousand_files_three_broken(tmp_path):
    """A folder of 10,000 small files with 3 broken ones loads 9,997 articles and reports exactly 3 errors."""
    folder = tmp_path / "many"
    folder.mkdir()
    broken = {17: b"", 5000: b"\x00\x01\x02binary", 9998: b"  \n\t\n"}
    for i in range(10_000):
        data = broken.get(i)
        if data is None:
            data = f"Brief {i}: the harbour ferry left at dawn and was back before noon, the operator said.\n".encode()
        (folder / f"brief{i:05d}.txt").write_bytes(data)
    t0 = time.perf_counter()
    corpus = framing.load(folder)
    elapsed = time.perf_counter() - t0
    assert len(corpus) == 9_997
    assert len(corpus.errors) == 3
    assert sorted(Path(e.path).name for e in corpus.errors) == ["brief00017.txt", "brief05000.txt", "brief09998.txt"]
    assert {e.reason.split(" (")[0].split(",")[0] for e in corpus.errors} == {"empty file", "binary file"}
    assert len({a.id for a in corpus}) == 9_997
    assert elapsed < 60, f"loading 10,000 small files took {elapsed:.1f} s"


def test_reading_records_each_input_once_with_its_digest(tmp_path):
    """A Reading with digest=True yields what iter_load yields and records every input in order: the
    size and SHA-256 of each file (from the same reading) and the LoadError of a missing path."""
    write(tmp_path / "a.txt", LIBRARY)
    write(tmp_path / "b.jsonl", json.dumps({"text": BRIDGE}) + "\n" + json.dumps({"text": ORCHARD}) + "\n")
    write(tmp_path / "c.txt", "")
    paths = [tmp_path, tmp_path / "missing.txt"]
    reading = Reading(discover(paths), LoadOptions(), digest=True)
    items = list(reading)
    assert [(type(x).__name__, getattr(x, "id", None)) for x in items] == [(type(x).__name__, getattr(x, "id", None)) for x in framing.iter_load(paths)]
    assert [type(x).__name__ for x in reading.inputs] == ["FileDigest", "FileDigest", "FileDigest", "LoadError"]
    for digest, name in zip(reading.inputs, ["a.txt", "b.jsonl", "c.txt"]):
        data = (tmp_path / name).read_bytes()
        assert digest == FileDigest(str(tmp_path / name), len(data), hashlib.sha256(data).hexdigest())


def test_estimated_records_exact_for_pages_and_from_bytes_for_record_files(tmp_path):
    """One-article files count one each before they are read; a JSONL file's records are estimated
    from the bytes read so far (roughly at first: the reader reads ahead), and counted exactly once
    it has been read."""
    for i in range(3):
        write(tmp_path / "pages" / f"p{i}.txt", LIBRARY)
    assert Reading(discover(tmp_path / "pages"), LoadOptions()).estimated_records() == 3
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i}. " + LIBRARY}) for i in range(2000)]
    write(tmp_path / "feed" / "a.jsonl", "\n".join(lines[:1000]) + "\n")
    write(tmp_path / "feed" / "b.jsonl", "\n".join(lines[1000:]) + "\n")
    reading = Reading(discover(tmp_path / "feed"), LoadOptions(clean=False))
    assert reading.estimated_records() is None  # nothing read yet
    stream = iter(reading)
    for _ in range(100):
        next(stream)
    assert 1000 <= (reading.estimated_records() or 0) <= 2200
    for _ in range(1000):
        next(stream)
    assert 1800 <= (reading.estimated_records() or 0) <= 2200
    assert sum(1 for _ in stream) == 900
    assert reading.estimated_records() == 2000


# ---------------------------------------------------------------------------------------------
# An unreadable file is one error, in loading and in hashing (issue #20, severe 4)


def test_unreadable_file_is_an_error_in_loading_and_in_the_digests(tmp_path, monkeypatch):
    """A file that cannot be opened is one LoadError ('Permission denied') while loading and while
    hashing for the manifest; the files beside it load and are hashed."""
    a = write(tmp_path / "a.txt", LIBRARY)
    locked = write(tmp_path / "locked.txt", BRIDGE)
    c = write(tmp_path / "c.jsonl", json.dumps({"text": ORCHARD}) + "\n")
    deny_open(monkeypatch, locked)
    reading = Reading(discover(tmp_path), LoadOptions(), digest=True)
    items = list(reading)
    assert [x.text for x in items if not isinstance(x, framing.LoadError)] == [LIBRARY, ORCHARD]
    errors = [x for x in items if isinstance(x, framing.LoadError)]
    assert [(e.path, e.reason) for e in errors] == [(str(locked), "cannot read file: Permission denied")]
    assert [x.path for x in reading.inputs] == [str(a), str(c), str(locked)]
    assert [type(x) for x in reading.inputs] == [FileDigest, FileDigest, framing.LoadError]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root, which reads a file without read permission anyway; the simulated test above covers it",
)
def test_unreadable_file_chmod_000(tmp_path):
    """The same with a real file made unreadable (chmod 000)."""
    write(tmp_path / "a.txt", LIBRARY)
    locked = write(tmp_path / "locked.txt", BRIDGE)
    locked.chmod(0)
    try:
        corpus = framing.load(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [a.text for a in corpus] == [LIBRARY]
    assert [(e.path, e.reason) for e in corpus.errors] == [(str(locked), "cannot read file: Permission denied")]
