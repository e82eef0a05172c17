"""One run per results folder: a second run on a folder in use is refused, naming the first; the
lock goes with the process that held it, however it ended."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_corpus

from framing.cli.app import main
from framing.run.engine import run
from framing.run.lock import LOCK_FILE, FolderInUseError, folder_lock

HOLD = """
import sys, time
from framing.run.lock import folder_lock
with folder_lock(sys.argv[1], command="framing analyze big-corpus/ --out busy"):
    print("held", flush=True)
    time.sleep(120)
"""


@pytest.mark.timeout(120)
def test_second_run_on_a_folder_in_use_is_refused_then_runs_once_the_holder_is_killed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """While another process holds the folder, `framing analyze --out` on it exits 2 with a message
    naming that process (id, start time, command) and writes nothing; run() raises
    FolderInUseError. Once the holder is killed with SIGKILL (no clean-up of its own), the OS has
    dropped its lock and the same command runs."""
    corpus = make_corpus(tmp_path / "c.jsonl", 3)
    out = tmp_path / "busy"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        argv = ["analyze", str(corpus), "--out", str(out), "--no-progress", "--no-actors", "--no-lexicons", "--format", "md"]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert f"{out} is in use by another framing run (process {holder.pid}, started " in err
        assert "command: framing analyze big-corpus/ --out busy" in err and "another --out folder" in err
        assert "Traceback" not in err
        assert sorted(p.name for p in out.iterdir()) == [LOCK_FILE]
        with pytest.raises(FolderInUseError, match=f"process {holder.pid}"):
            run([str(corpus)], out, no_actors=True, no_lexicons=True, progress=False, parquet=False)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    assert main(argv) == 0
    assert len((out / "articles.jsonl").read_text().splitlines()) == 3


def test_lock_is_shared_within_a_process_and_released_after(tmp_path: Path) -> None:
    """Nested holds in one process (the command holds the folder, run() inside it too) do not block
    each other; while held, the lock file names this process; afterwards it is empty and free."""
    with folder_lock(tmp_path / "out", command="framing analyze x --out out"), folder_lock(tmp_path / "out"):
        info = json.loads((tmp_path / "out" / LOCK_FILE).read_text())
        assert info["pid"] == os.getpid() and info["command"] == "framing analyze x --out out"
    assert (tmp_path / "out" / LOCK_FILE).read_text() == ""
    with folder_lock(tmp_path / "out"):
        pass
