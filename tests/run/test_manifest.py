"""manifest.json: inputs read once for their SHA-256, and runs with other inputs or settings refused."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import deny_open, interrupt_after, make_corpus

import framing.run.manifest as manifest
from framing.errors import FramingError
from framing.run.engine import run


def test_changed_inputs_or_settings_are_refused_unless_restart(tmp_path: Path) -> None:
    """Another run's folder is not silently mixed with this one."""
    corpus = make_corpus(tmp_path / "c.jsonl", 5)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False)
    run([str(corpus)], tmp_path / "out", **opts)
    with pytest.raises(FramingError, match="different settings"):
        run([str(corpus)], tmp_path / "out", no_actors=True, progress=False, parquet=False)
    make_corpus(corpus, 6)
    with pytest.raises(FramingError, match="different inputs"):
        run([str(corpus)], tmp_path / "out", **opts)
    assert run([str(corpus)], tmp_path / "out", restart=True, **opts).analysed == 6


def test_inputs_are_hashed_in_the_reading_that_loads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh run records the size and SHA-256 of every input without a separate hashing pass, and a
    path that does not exist as missing; while it runs, the manifest has sizes and modification times."""
    (tmp_path / "in").mkdir()
    corpus = make_corpus(tmp_path / "in" / "c.jsonl", 30)
    (tmp_path / "in" / "page.txt").write_text("Harbour board approves new pier\n\nThe harbour board approved plans on Tuesday.\n", encoding="utf-8")
    running = []

    def no_second_pass(items):  # type: ignore[no-untyped-def]
        raise AssertionError("a fresh run must not hash its inputs before reading them")

    real_write = manifest.write_manifest
    monkeypatch.setattr(manifest, "_digest_entries", no_second_pass)
    monkeypatch.setattr("framing.run.engine.write_manifest", lambda path, m: running.append(json.loads(json.dumps(m))) or real_write(path, m))
    run([str(tmp_path / "in"), str(tmp_path / "nope.txt")], tmp_path / "out", no_actors=True, no_lexicons=True, progress=False, parquet=False)
    recorded = json.loads((tmp_path / "out" / "manifest.json").read_text())
    files = [corpus, tmp_path / "in" / "page.txt"]
    assert recorded["inputs"] == [{"path": str(f), "size": f.stat().st_size, "sha256": hashlib.sha256(f.read_bytes()).hexdigest()} for f in files] + [
        {"path": str(tmp_path / "nope.txt"), "missing": True}
    ]
    assert running[0]["status"] == "running"
    assert [set(e) for e in running[0]["inputs"]] == [{"path", "size", "mtime_ns"}] * 2 + [{"path", "missing"}]


def test_an_input_changed_after_a_crash_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that stopped recorded its inputs' sizes and modification times: resumed with an input
    edited since, it is refused (and --restart starts it again); unchanged, it resumes."""
    corpus = make_corpus(tmp_path / "c.jsonl", 40)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, batch_size=10, parquet=False)
    restore = interrupt_after(monkeypatch, 1)
    with pytest.raises(KeyboardInterrupt):
        run([str(corpus)], tmp_path / "out", **opts)
    restore()
    make_corpus(corpus, 40, seed=4)  # other words, same ids
    with pytest.raises(FramingError, match="different inputs"):
        run([str(corpus)], tmp_path / "out", **opts)
    assert run([str(corpus)], tmp_path / "out", restart=True, **opts).analysed == 40
    restore = interrupt_after(monkeypatch, 1)
    with pytest.raises(KeyboardInterrupt):
        run([str(corpus)], tmp_path / "again", **opts)
    restore()
    summary = run([str(corpus)], tmp_path / "again", **opts)
    assert (summary.resumed, summary.analysed) == (10, 30)


@pytest.mark.timeout(120)
def test_unreadable_file_and_fifo_fail_alone_in_a_run_and_its_rerun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be opened (PermissionError, simulated so the test runs as root too) and a
    named pipe in the input folder are two failed inputs; the corpus beside them is analysed and
    the manifest marks them unreadable. Run again on the finished folder (which hashes every input
    before it starts), the same happens: no traceback, no hang."""
    (tmp_path / "in").mkdir()
    make_corpus(tmp_path / "in" / "c.jsonl", 4)
    locked = tmp_path / "in" / "locked.txt"
    locked.write_text("The harbour board approved plans for a new pier on Tuesday.", encoding="utf-8")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    deny_open(monkeypatch, locked)
    opts = dict(no_actors=True, no_lexicons=True, progress=False, parquet=False)
    for _ in range(2):
        summary = run([str(tmp_path / "in")], tmp_path / "out", **opts)
        assert (summary.analysed, summary.failed) == (4, 2)
        errors = {e["path"]: e["reason"] for e in map(json.loads, (tmp_path / "out" / "errors.jsonl").read_text().splitlines())}
        assert errors == {
            str(locked): "cannot read file: Permission denied",
            str(tmp_path / "in" / "pipe.txt"): "not a regular file but a named pipe (FIFO): only regular files are read (a pipe or a device could block the run)",
        }
        recorded = json.loads((tmp_path / "out" / "manifest.json").read_text())
        assert recorded["status"] == "complete"
        assert [e.get("unreadable", False) for e in recorded["inputs"]] == [False, True, True]
