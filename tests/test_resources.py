"""Resources the package ships: the invented example data is found from any folder, in a source
checkout and in an installed (non-editable) package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

import framing
from framing.errors import MissingResourceError


def test_examples_path_in_a_checkout_is_the_repositorys_examples() -> None:
    assert framing.examples_path() == REPO / "examples"
    assert framing.examples_path("corpus") == REPO / "examples" / "corpus"
    assert (framing.examples_path("coding") / "sentences.csv").is_file()
    with pytest.raises(MissingResourceError, match="nothing-here"):
        framing.examples_path("nothing-here")


def test_an_installed_package_carries_the_example_data(built_package: Path, tmp_path: Path) -> None:
    """Installed without the repository (files laid out as a wheel would from pyproject.toml's
    package data) and run from an unrelated folder, framing.examples_path finds every example
    file, the example corpus loads, and the built-in lexicons are found."""
    script = (
        "import framing, json; from framing.resources import lexicon_dir; p = framing.examples_path(); "
        "c = framing.load(framing.examples_path('corpus')); "
        "print(json.dumps([str(p), sorted(str(f.relative_to(p)) for f in p.rglob('*') if f.is_file()), len(c), len(c.errors), str(lexicon_dir())]))"
    )
    env = {**os.environ, "PYTHONPATH": str(built_package)}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    where, files, n_articles, n_errors, lexicons = json.loads(proc.stdout)
    assert Path(where) == built_package / "framing" / "_examples"
    shipped = sorted(str(f.relative_to(REPO / "examples")) for f in (REPO / "examples").rglob("*") if f.is_file())
    assert files == shipped
    assert (n_articles, n_errors) == (6, 0)
    # the built-in lexicons, installed the same way, are found too (a MultiplexedPath was taken for a path)
    assert Path(lexicons) == built_package / "framing" / "_lexicons"
