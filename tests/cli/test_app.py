"""The framing command line as a whole: no command, --version, the real process and the installed console script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing import __version__
from framing.cli.app import main

from .test_analyze import read_jsonl
from .test_clean import PAGE


def test_usage_error_no_command(capsys):
    """No command prints the help and returns 2."""
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


def test_version(capsys):
    """--version prints the package version and exits 0."""
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"framing {__version__}"


def test_real_command_end_to_end(tmp_path, examples_dir):
    """`python -m framing.cli.app analyze` in a fresh process analyses the example corpus and exits 0."""
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "framing.cli.app", "analyze", str(examples_dir), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Analysed 6 articles" in proc.stderr
    assert len(read_jsonl(out / "articles.jsonl")) == 6
    assert read_jsonl(out / "errors.jsonl") == []
    assert (out / "report.html").stat().st_size > 1000


def test_console_script_entry_point(tmp_path):
    """The installed `framing` console script runs `clean` and `--version`."""
    script = Path(sys.executable).parent / "framing"
    if not script.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    f = tmp_path / "pier.txt"
    f.write_text(PAGE, encoding="utf-8")
    proc = subprocess.run([str(script), "clean", str(f)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "title: Harbour board approves new ferry pier" in proc.stdout
    proc = subprocess.run([str(script), "analyze", str(f)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "--out" in proc.stderr
