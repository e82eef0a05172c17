"""Write one section of docs/validation.md, replacing the previous run of the same script."""

from __future__ import annotations

import datetime as dt
import platform
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
DOC = DOCS / "validation.md"
PERFORMANCE = DOCS / "performance.md"
PERFORMANCE_HEADER = """# Performance

Every number here was printed by the benchmark named in its section, with the peer measured in the
same run, on this project's machine (2 cores, 24 GiB). Re-run the command to reproduce it.
"""
HEADER = """# Validation

Every number on this page was written by the script named in its section, run on the data in
`../shared/data` (never copied into this repository). Re-run the command to reproduce it; a run
replaces its own section and leaves the others alone.
"""


def write_section(name: str, command: str, body: str, *, doc: Path = DOC) -> Path:
    """Replace (or append) the section ``name`` of ``doc`` (validation.md, or PERFORMANCE)."""
    header = PERFORMANCE_HEADER if doc == PERFORMANCE else HEADER
    text = doc.read_text(encoding="utf-8") if doc.exists() else header
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    section = (
        f"<!-- section:{name} -->\n## {name}\n\nCommand: `{command}` "
        f"(run {stamp}, Python {platform.python_version()}, {platform.machine()}).\n\n{body.strip()}\n<!-- end:{name} -->\n"
    )
    pattern = re.compile(rf"<!-- section:{re.escape(name)} -->.*?<!-- end:{re.escape(name)} -->\n", re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")
    return doc
