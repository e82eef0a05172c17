"""The worksheet and answer-key PDFs: anonymised text, every page renders, every exercise heading."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .helpers import HEADINGS, NO_POPPLER, OUTLET_STRINGS, PDFTOPPM, PDFTOTEXT, flat, pdf_text


@pytest.mark.skipif(PDFTOTEXT is None, reason=NO_POPPLER)
def test_anonymised_pdf_hides_outlets(anon_files: dict[str, Path]) -> None:
    """The anonymised worksheet PDF's text names no outlet or domain; the key PDF reveals them."""
    ws = flat(pdf_text(anon_files["worksheet.pdf"]))
    for s in OUTLET_STRINGS:
        assert s.lower() not in ws, s
    assert "outlet a" in ws
    key = flat(pdf_text(anon_files["answer_key.pdf"]))
    assert "outlet a = " in key and "the red ledger" in key and "liberty frontline" in key


@pytest.mark.skipif(PDFTOPPM is None or PDFTOTEXT is None, reason=NO_POPPLER)
def test_pdfs_render_and_carry_the_exercises(plain_files: dict[str, Path], tmp_path: Path) -> None:
    """pdftoppm renders every page of both PDFs; pdftotext finds each exercise heading, the key's guide and its references."""
    assert PDFTOPPM is not None  # (the test is skipped without it)
    for name in ("worksheet.pdf", "answer_key.pdf"):
        prefix = tmp_path / name.split(".")[0]
        subprocess.run([PDFTOPPM, "-r", "30", "-png", str(plain_files[name]), str(prefix)], check=True, timeout=120)
        pages = sorted(tmp_path.glob(f"{prefix.name}-*.png"))
        assert len(pages) >= 6, name  # one exercise per page at least
        assert all(p.stat().st_size > 1000 for p in pages)
        text = flat(pdf_text(plain_files[name]))
        for h in HEADINGS:
            assert flat(h) in text, (name, h)
    key = flat(pdf_text(plain_files["answer_key.pdf"]))
    assert "teacher's guide" in key and "entman" in key and "glossary" in key
