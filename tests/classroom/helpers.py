"""What the classroom tests share besides fixtures: the example corpus's outlet names, the exercise
headings, the PDF tools, and small helpers to read worksheet data and PDF text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
NO_POPPLER = "poppler-utils (pdftoppm, pdftotext) is not installed (run scripts/install-test-tools)"
EVIL = "<script>alert(1)</script>"
HEADINGS = [
    "Exercise 1. Compare headlines and leads",
    "Exercise 2. Spot the loaded words",
    "Exercise 3. Who is quoted, and with which verbs",
    "Exercise 4. How each actor is portrayed",
    "Exercise 5. Guess the outlet",
    "Exercise 6. Rewrite a loaded sentence neutrally",
]
#: Every way the example corpus names its outlets: names, names without "The", domains.
OUTLET_STRINGS = [
    "Meridian Wire", "Red Ledger", "Liberty Frontline", "Harmony Daily", "Commonwealth Observer", "NewsFeedHub",
    "meridianwire", "redledger", "libertyfrontline", "harmonydaily", "newsfeedhub",
]


def flat(text: str) -> str:
    """Lower-cased text with every run of whitespace as one space (pdftotext breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text).lower()


def pdf_text(path: Path) -> str:
    """The text of a PDF, by pdftotext."""
    assert PDFTOTEXT is not None
    return subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True, timeout=60).stdout


def exercise(data: dict, key: str) -> dict:
    """The exercise called ``key`` in worksheet data."""
    return next(e for e in data["exercises"] if e["key"] == key)
