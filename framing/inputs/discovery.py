"""Which files are inputs: the supported formats, and files, folders and glob patterns expanded.

Supported inputs (each may also be gzip-compressed, ``.gz``):

========================  ===============================================================
``.txt`` ``.text``        one article, plain text as copied from a page (Markdown allowed)
``.md`` ``.markdown``     one article in Markdown
``.html`` ``.htm``        one web page; the main content is extracted with trafilatura
``.json``                 one article object, or a list of them
``.jsonl`` ``.ndjson``    one article object per line
``.csv`` ``.tsv``         one article per row, with a ``text`` column
========================  ===============================================================
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from framing.types import LoadError

__all__ = ["FORMATS", "RECORD_FORMATS", "SIDECAR", "discover", "file_stem", "format_of", "is_compressed"]

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
#: Formats that hold any number of articles (the others hold one each)
RECORD_FORMATS = frozenset({"json", "jsonl", "csv", "tsv"})
#: The suffix of a metadata file next to an input (``page.txt.meta.json`` or ``page.meta.json``)
SIDECAR = ".meta.json"

_SKIP_IN_FOLDERS = re.compile(r"^(?:readme|license|licence|notice|changelog)(?:\..*)?$", re.IGNORECASE)


def is_compressed(path: Path) -> bool:
    """Whether ``path`` is gzip-compressed (by its name, ``*.gz``)."""
    return path.name.lower().endswith(".gz")


def format_of(path: Path) -> str | None:
    """The format of ``path`` by its extension (``.gz`` aside), or None for an unknown one."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1]) if suffixes else None


def file_stem(path: Path) -> str:
    """The file name without its extension (and without ``.gz``): ``a.b.jsonl.gz`` -> ``a.b``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name else name


def discover(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path | LoadError]:
    """Expand files, folders (recursively) and glob patterns into input files, in a stable order.

    Hidden files, sidecars (``*.meta.json``) and README/LICENSE files inside folders are passed
    over; a path that does not exist becomes a :class:`LoadError`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            candidates = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.endswith(SIDECAR)
                and not _SKIP_IN_FOLDERS.match(f.name)
            )
        elif p.exists():
            candidates = [p]
        elif glob.has_magic(str(given)):
            candidates = sorted(Path(x) for x in glob.glob(str(given), recursive=True) if Path(x).is_file())
            if not candidates:
                yield LoadError(str(given), "no file matches this pattern")
                continue
        else:
            yield LoadError(str(given), "no such file or folder")
            continue
        for f in candidates:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f
