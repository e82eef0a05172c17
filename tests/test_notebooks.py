"""Every notebook executes from a fresh kernel without error."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path) -> None:
    """The notebook runs top to bottom in a new kernel, in its own folder, within the time limit."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()
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
