"""What every importer shares: the options, reading the file, category names and the builder.

An importer reads its format and feeds categories and entries to a :class:`DictionaryBuilder`,
which builds the same document the TOML loader reads and validates it with
:func:`framing.markers.lexicons.parse_lexicon`, so names, weights and duplicates are checked in one
place, and which names the line (or row) of the source file when an entry fails.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from framing.errors import LexiconError
from framing.markers.lexicons import Lexicon, parse_lexicon, term_tokens

__all__ = ["DictionaryBuilder", "ImportKeywords", "ImportOptions", "PathLike", "location", "read_text", "slug"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, kw_only=True, slots=True)
class ImportOptions:
    """The keyword options every importer takes.

    Parameters
    ----------
    name : str, optional
        Lexicon name (lower-case ``[a-z0-9_]``); by default derived from the file name.
    version, license : str
        Recorded in the Lexicon and in provenance.
    language : str
        Language code of the dictionary (``"und"``, undetermined, unless given).
    encoding : str
        Text encoding of the file (UTF-8 may start with a BOM); old LIWC files are often ``"cp1252"``.
    """

    name: str | None = None
    version: str = "imported"
    license: str = "user-supplied"
    language: str = "und"
    encoding: str = "utf-8"


class ImportKeywords(TypedDict, total=False):
    """The importers' ``**options``, for type checkers: the fields of :class:`ImportOptions`."""

    name: str | None
    version: str
    license: str
    language: str
    encoding: str


def slug(text: str) -> str:
    """A ``[a-z0-9_]`` name for a category: accents dropped, other characters become ``_``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def read_text(path: Path, encoding: str) -> tuple[str, bytes]:
    """The file's text (BOM removed, line endings normalised to ``\\n``) and its bytes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read dictionary: {exc.strerror or exc}") from exc
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(
            f"{path}, line {line}: not valid {encoding} text ({exc.reason}); if the file was saved by "
            "older Windows software, pass encoding='cp1252' (or re-save it as UTF-8)"
        ) from exc
    except LookupError as exc:
        raise LexiconError(f"{path}: unknown encoding {encoding!r}") from exc
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), data


def location(path: str, line: int | None, unit: str = "line") -> str:
    """``path, line N`` for error messages (``path`` alone without a line)."""
    return f"{path}, {unit} {line}" if line else path


class DictionaryBuilder:
    """Collects categories and entries of one imported file, then builds the Lexicon.

    ``fmt`` names the format in messages and in the description; ``unit`` is what a position in
    the file is called in messages (``"line"``, or ``"row"`` for CSV).
    """

    def __init__(self, path: Path, fmt: str, *, options: ImportOptions, unit: str = "line") -> None:
        self.path = path
        self.where = str(path)
        self.fmt = fmt
        self.unit = unit
        self.options = options
        self.name = options.name if options.name is not None else (slug(path.stem) or "imported")
        self.labels: dict[str, str] = {}
        self.cat_lines: dict[str, int | None] = {}
        # category -> normalised term -> (TOML entry, line, weight, note)
        self.entries: dict[str, dict[str, tuple[Any, int | None, float, str | None]]] = {}
        self.digest = "unknown"

    def read(self) -> str:
        """The file's text (see :func:`read_text`); remembers the file's hash for the description."""
        text, data = read_text(self.path, self.options.encoding)
        self.digest = hashlib.sha256(data).hexdigest()[:12]
        return text

    def fail(self, line: int | None, msg: str) -> LexiconError:
        """The error to raise for ``msg`` at ``line`` of the file."""
        return LexiconError(f"{location(self.where, line, self.unit)}: {msg}")

    def declare(self, label: str, line: int | None, *, fallback: str | None = None) -> str:
        """Add a category; two categories that map to the same name are an error."""
        name = slug(label) or fallback or f"category_{len(self.labels) + 1}"
        if name in self.labels:
            first = self.cat_lines[name]
            raise self.fail(
                line,
                f"category {label!r} gets the name {name!r}, which category {self.labels[name]!r}"
                + (f" ({self.unit} {first})" if first else "")
                + " already has; rename one of them",
            )
        self.labels[name] = label
        self.cat_lines[name] = line
        self.entries[name] = {}
        return name

    def add(self, category: str, term: str, line: int | None, *, weight: float = 1.0, note: str | None = None) -> None:
        """Add an entry; the same term twice in one category is kept once if nothing else differs."""
        term = " ".join(term.split())
        if not term:
            raise self.fail(line, f"an entry of category {self.labels[category]!r} has an empty term")
        key = " ".join(term_tokens(term)).lower()
        seen = self.entries[category]
        if key in seen:
            _, first_line, first_weight, first_note = seen[key]
            if (first_weight, first_note) != (weight, note):
                raise self.fail(
                    line,
                    f"term {term!r} is listed twice in category {self.labels[category]!r}"
                    + (f" (first on {self.unit} {first_line})" if first_line else "")
                    + f" with a different weight or note ({first_weight!r}, {first_note!r} vs {weight!r}, {note!r})",
                )
            return
        item: Any = term
        if weight != 1.0 or note is not None:
            item = {"term": term, "weight": weight}
            if note is not None:
                item["note"] = note
        seen[key] = (item, line, weight, note)

    def _document(self, only: tuple[str, Any] | None = None, *, no_entries: bool = False) -> dict[str, Any]:
        fname = self.path.name
        meta = {
            "name": self.name,
            "version": self.options.version,
            "language": self.options.language,
            "license": self.options.license,
            "description": f"Imported from {fname} ({self.fmt}; file sha256 {self.digest}).",
            "curators": ["user-supplied"],
            "case_sensitive": False,
        }
        cats: dict[str, Any] = {}
        for name, label in self.labels.items():
            if only is not None and name != only[0]:
                continue
            found = self.entries[name].values()
            cats[name] = {
                "label": label,
                "definition": f"Imported from {fname}; see the dictionary's own documentation.",
                "literature": [f"User-supplied dictionary: {fname}"],
                # The source formats cannot declare signed categories; a negative weight in the file
                # is the user's declaration that the category is signed.
                "signed": any(w < 0 for _, _, w, _ in found),
                "entries": [] if no_entries else ([only[1]] if only is not None else [e[0] for e in found]),
            }
        return {"lexicon": meta, "categories": cats}

    def build(self) -> Lexicon:
        """The validated Lexicon; a failing entry is reported with its line in the source file."""
        if not self.labels:
            raise self.fail(None, f"no categories found; is this really a {self.fmt} file?")
        try:
            return parse_lexicon(self._document(), path=self.where)
        except LexiconError:
            self._locate()
            raise

    def _locate(self) -> None:
        """Re-validate piece by piece to report the failing entry with its line in the source file.

        ``parse_lexicon`` finds entry lines by searching the TOML text, which an imported file does
        not have; validating one entry at a time lets us name the line of the source file.
        """
        parse_lexicon(self._document(no_entries=True), path=self.where)
        for name, found in self.entries.items():
            for item, line, _, _ in found.values():
                parse_lexicon(self._document((name, item)), path=location(self.where, line, self.unit))
