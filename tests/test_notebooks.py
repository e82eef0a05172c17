"""Every notebook executes from a fresh kernel without error, wherever it is copied."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
#: The notebooks that read ../shared/data when it is there: run in place too, where they find it.
READ_SHARED = [p for p in NOTEBOOKS if "SHARED /" in p.read_text(encoding="utf-8")]


def _execute(path: Path, env: dict[str, str] | None = None) -> None:
    """Run the notebook at ``path`` top to bottom in a new kernel started in its folder, within the
    time limit; fail on an error or on a chart shown as text."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute(**({"env": env} if env else {}))
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    # a chart must reach the reader as an image, not as "<Figure size 600x400 with 1 Axes>"
    text_only = [
        c.source.splitlines()[0]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "execute_result"
        and "image/png" not in o.get("data", {})
        and str(o.get("data", {}).get("text/plain", "")).startswith("<Figure size")
    ]
    assert not text_only, f"charts shown as text, not images, in cells starting: {text_only}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_copied_elsewhere(path: Path, tmp_path: Path, built_package: Path) -> None:
    """The notebook copied on its own to an unrelated folder runs with framing installed as a wheel
    installs it (no repository beside it: no examples/ one folder up, no ../shared/data): the
    example data comes with the package (framing.examples_path)."""
    copy = tmp_path / "my-notebooks" / path.name
    copy.parent.mkdir()
    shutil.copy(path, copy)
    _execute(copy, env={**os.environ, "PYTHONPATH": str(built_package)})


@pytest.mark.slow
@pytest.mark.parametrize("path", READ_SHARED, ids=[p.stem for p in READ_SHARED])
def test_notebook_runs_in_place_with_the_shared_data(path: Path) -> None:
    """In the repository's notebooks/ folder the notebook also takes the larger data sets from
    ../shared/data when they are there (and carries on without them otherwise)."""
    _execute(path)
