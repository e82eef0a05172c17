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
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from framing.types import LoadError

__all__ = ["FORMATS", "RECORD_FORMATS", "SIDECAR", "discover", "file_stem", "format_of", "is_compressed", "not_regular", "path_text"]

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


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text any UTF-8 file or JSON can hold. A file name whose bytes are not UTF-8 (Python
    keeps them as lone surrogates) has those bytes written as backslash escapes:
    ``b"caf\\xe9.txt"`` becomes ``caf\\xe9.txt``, so results name the file and stay valid UTF-8.

    >>> path_text(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    text = os.fspath(path)
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return os.fsencode(text).decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that is no undecodable byte
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


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


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (a named pipe, a socket, a device: reading one
    can block for ever or never end), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))
    kind = next((what for test, what in kinds if test(mode)), "a special file")
    return f"not a regular file but {kind}: only regular files are read (a pipe or a device could block the run)"


def _check_given(path: Path) -> LoadError | None:
    """The error for a path given or found that is not a readable regular file, else None."""
    try:
        why = not_regular(path.stat().st_mode)
    except OSError as exc:
        why = "a broken link: the file it points to does not exist" if path.is_symlink() else f"cannot read file: {exc.strerror or exc}"
    return LoadError(path_text(path), why) if why else None


def _walk(folder: Path) -> list[Path | LoadError]:
    """The input files in ``folder`` and its subfolders, sorted, with an error for each special
    file, broken link or subfolder that cannot be read (instead of passing over them silently)."""
    found: list[tuple[Path, LoadError | None]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename is not None else folder
        found.append((where, LoadError(path_text(where), f"cannot read folder: {exc.strerror or exc}; the files in it were not analysed")))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or name.endswith(SIDECAR) or _SKIP_IN_FOLDERS.match(name):
                continue
            path = Path(root) / name
            found.append((path, _check_given(path)))
    return [error or path for path, error in sorted(found, key=lambda pe: pe[0])]


def discover(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path | LoadError]:
    """Expand files, folders (recursively) and glob patterns into input files, in a stable order.

    Hidden files, sidecars (``*.meta.json``) and README/LICENSE files inside folders are passed
    over; a path that does not exist, a named pipe, socket or device, a broken link, a folder
    that cannot be read and a folder with no article files each become a :class:`LoadError`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        candidates: list[Path | LoadError]
        if p.is_dir():
            candidates = _walk(p)
            if not any(isinstance(c, Path) for c in candidates):  # an empty folder is a mistake to report, not zero articles
                yield from (c for c in candidates if isinstance(c, LoadError))
                yield LoadError(path_text(given), "the folder holds no article files (.txt, .md, .html, .json, .jsonl, .csv and the like, optionally .gz)")
                continue
        elif p.exists():
            error = _check_given(p)
            candidates = [error or p]
        elif glob.has_magic(str(given)):
            matched = sorted(Path(x) for x in glob.glob(str(given), recursive=True) if not Path(x).is_dir())
            candidates = [_check_given(f) or f for f in matched]
            if not candidates:
                yield LoadError(path_text(given), "no file matches this pattern")
                continue
        else:
            yield LoadError(path_text(given), "no such file or folder")
            continue
        for f in candidates:
            if isinstance(f, LoadError):
                yield f
                continue
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f
