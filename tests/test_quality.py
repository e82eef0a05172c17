"""The code passes its own static checks: ruff (lint) and mypy (types), as configured in
pyproject.toml, run from the repository root like CI runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.quality


def _run(tool: str, *args: str) -> None:
    """Run ``python -m <tool> <args>`` in the repository root; fail with its output if it fails."""
    pytest.importorskip(tool, reason=f"{tool} is not installed (pip install -e '.[test]')")
    proc = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True, timeout=540, check=False)
    if proc.returncode != 0:
        pytest.fail(f"{' '.join([tool, *args])} failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}", pytrace=False)


def test_ruff_is_clean() -> None:
    """``ruff check framing tests bench`` finds nothing."""
    _run("ruff", "check", "framing", "tests", "bench")


def test_mypy_is_clean() -> None:
    """``mypy`` (the files and options of [tool.mypy]) reports no error."""
    _run("mypy")
