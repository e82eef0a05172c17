"""The worksheet and answer-key HTML pages: self-contained, printable, rendered by a browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (run scripts/install-test-tools)")
def test_html_renders_in_chromium(plain_files: dict[str, Path], tmp_path: Path) -> None:
    """Chromium renders the worksheet and the key: a non-blank screenshot and no console errors."""
    assert CHROMIUM is not None  # (the test is skipped without it)
    from matplotlib.image import imread

    for name in ("worksheet.html", "answer_key.html"):
        shot = tmp_path / f"{name}.png"
        proc = subprocess.run(
            [
                CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                "--window-size=1200,1600", f"--screenshot={shot}", plain_files[name].as_uri(),
            ],
            capture_output=True, text=True, timeout=120,
        )
        assert shot.exists(), proc.stderr[-2000:]
        console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line and ("error" in line.lower() or "uncaught" in line.lower())]
        assert not console, console
        img = imread(shot)
        assert img.shape[0] >= 1000
        assert img[..., :3].std() > 0.05


def test_html_is_self_contained_and_printable(plain_files: dict[str, Path]) -> None:
    """No scripts or external resources; print CSS puts each exercise on a new page."""
    for name in ("worksheet.html", "answer_key.html"):
        html = plain_files[name].read_text(encoding="utf-8")
        for needle in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
            assert needle not in html, (name, needle)
        assert "@media print" in html and "break-before: page" in html
