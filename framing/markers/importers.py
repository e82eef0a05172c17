"""Importers for dictionaries in other tools' formats, and a writer for our TOML format.

Many framing and sentiment dictionaries (LIWC, Lexicoder, the extended Moral Foundations
Dictionary, WordStat dictionaries) are licensed so that ``framing`` may never ship them. These
importers read a copy the user owns and turn it into a :class:`~framing.markers.lexicons.Lexicon`:

* :func:`import_liwc` - LIWC ``.dic`` files (header of numbered categories between ``%`` lines);
* :func:`import_yaml` - quanteda-style YAML dictionaries (nested mappings of term lists);
* :func:`import_wordstat` - WordStat ``.cat`` files (indented categories and entries);
* :func:`import_csv` - a plain CSV with the columns ``term,category[,weight][,note]``;
* :func:`import_dictionary` - any of the above, chosen by the file extension.

Every importer builds the same document the TOML loader reads and validates it with
:func:`framing.markers.lexicons.parse_lexicon`, so names, weights and duplicates are checked in one place.
Category names become lower-case ``[a-z0-9_]`` names (the original name is kept as the label);
nested categories are joined with ``_``. :func:`write_toml` saves an imported dictionary in our own
format so it can be edited and versioned, but remember that the file is still derived from the
restricted dictionary: keep it out of anything you publish.

Example::

    lex = import_dictionary("my_dictionary.dic", name="mydict")
    write_toml(lex, "mydict.toml")
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import math
import os
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from framing.errors import LexiconError, MissingResourceError
from framing.markers.lexicons import Lexicon, parse_lexicon, term_tokens

__all__ = [
    "import_csv",
    "import_dictionary",
    "import_liwc",
    "import_wordstat",
    "import_yaml",
    "to_toml",
    "write_toml",
]

PathLike = str | os.PathLike[str]

_DIGITS = re.compile(r"[0-9]+")


# ---------------------------------------------------------------------------------------------
# Shared helpers


def _slug(text: str) -> str:
    """A ``[a-z0-9_]`` name for a category: accents dropped, other characters become ``_``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def _read_text(path: Path, encoding: str) -> tuple[str, bytes]:
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


def _where(path: str, line: int | None, unit: str = "line") -> str:
    return f"{path}, {unit} {line}" if line else path


class _Builder:
    """Collects categories and entries of one imported file, then builds the Lexicon."""

    def __init__(self, path: Path, fmt: str, *, name: str | None, version: str, license: str, language: str, unit: str = "line") -> None:
        self.path = path
        self.where = str(path)
        self.fmt = fmt
        self.unit = unit
        self.name = name if name is not None else (_slug(path.stem) or "imported")
        self.version = version
        self.license = license
        self.language = language
        self.labels: dict[str, str] = {}
        self.cat_lines: dict[str, int | None] = {}
        # category -> normalised term -> (TOML entry, line, weight, note)
        self.entries: dict[str, dict[str, tuple[Any, int | None, float, str | None]]] = {}
        self.digest = "unknown"

    def read(self, encoding: str) -> str:
        """The file's text (see :func:`_read_text`); remembers the file's hash for the description."""
        text, data = _read_text(self.path, encoding)
        self.digest = hashlib.sha256(data).hexdigest()[:12]
        return text

    def fail(self, line: int | None, msg: str) -> LexiconError:
        return LexiconError(f"{_where(self.where, line, self.unit)}: {msg}")

    def declare(self, label: str, line: int | None, *, fallback: str | None = None) -> str:
        """Add a category; two categories that map to the same name are an error."""
        slug = _slug(label) or fallback or f"category_{len(self.labels) + 1}"
        if slug in self.labels:
            first = self.cat_lines[slug]
            raise self.fail(
                line,
                f"category {label!r} gets the name {slug!r}, which category {self.labels[slug]!r}"
                + (f" ({self.unit} {first})" if first else "")
                + " already has; rename one of them",
            )
        self.labels[slug] = label
        self.cat_lines[slug] = line
        self.entries[slug] = {}
        return slug

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
            "version": self.version,
            "language": self.language,
            "license": self.license,
            "description": f"Imported from {fname} ({self.fmt}; file sha256 {self.digest}).",
            "curators": ["user-supplied"],
            "case_sensitive": False,
        }
        cats: dict[str, Any] = {}
        for slug, label in self.labels.items():
            if only is not None and slug != only[0]:
                continue
            found = self.entries[slug].values()
            cats[slug] = {
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
        for slug, found in self.entries.items():
            for item, line, _, _ in found.values():
                parse_lexicon(self._document((slug, item)), path=_where(self.where, line, self.unit))


# ---------------------------------------------------------------------------------------------
# LIWC .dic


def import_liwc(
    path: PathLike,
    *,
    name: str | None = None,
    version: str = "imported",
    license: str = "user-supplied",
    language: str = "und",
    encoding: str = "utf-8",
) -> Lexicon:
    """Import a LIWC dictionary (``.dic``).

    The file starts with a header between two lines containing only ``%``; each header line is
    ``<number> <category name>``. Every later line is a term followed by the numbers of its
    categories. Terms may contain spaces when the term is separated from the numbers by a tab
    (LIWC-22 exports); a final ``*`` is a prefix glob. A term listed twice has the union of its
    categories. LIWC2007 conditional codes such as ``(02 134)125/464`` are refused.

    Parameters
    ----------
    path : path
        The ``.dic`` file (UTF-8, with or without a BOM; see ``encoding``).
    name : str, optional
        Lexicon name (lower-case ``[a-z0-9_]``); by default derived from the file name.
    version, license : str
        Recorded in the Lexicon and in provenance.
    language : str
        Language code of the dictionary (``"und"``, undetermined, unless given).
    encoding : str
        Text encoding of the file; old LIWC files are often ``"cp1252"``.
    """
    path = Path(path)
    b = _Builder(path, "LIWC .dic format", name=name, version=version, license=license, language=language)
    lines = b.read(encoding).split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines) or lines[i].strip() != "%":
        raise b.fail(i + 1 if i < len(lines) else None, "a LIWC .dic file starts with a line containing only '%' (the start of the category header)")
    open_line = i + 1
    numbers: dict[int, tuple[str, int]] = {}
    i += 1
    while True:
        if i == len(lines):
            raise b.fail(open_line, "the category header that starts here is never closed by a second line containing only '%'")
        ln, s = i + 1, lines[i].strip()
        i += 1
        if s == "%":
            break
        if not s:
            continue
        m = re.fullmatch(r"([0-9]+)\s+(\S.*)", s)
        if not m:
            hint = f" (is the '%' line that ends the header, opened on line {open_line}, missing?)" if numbers else ""
            raise b.fail(ln, f"expected '<number> <category name>' in the category header; got {s!r}{hint}")
        num = int(m.group(1))
        if num in numbers:
            raise b.fail(ln, f"category number {num} is declared twice (first on line {numbers[num][1]})")
        numbers[num] = (b.declare(m.group(2).strip(), ln, fallback=f"category_{num}"), ln)
    close_line = i
    for ln, raw in enumerate(lines[i:], start=i + 1):
        s = raw.strip()
        if not s:
            continue
        if s == "%":
            raise b.fail(ln, "a third line containing only '%'; the header has already been closed on line " + str(close_line))
        tabbed = "\t" in s
        if tabbed:
            term, _, rest = s.partition("\t")
            term, codes = term.strip(), rest.split()
        else:
            term, *codes = s.split()
        if not codes:
            raise b.fail(ln, f"term {term!r} has no category numbers")
        cats: list[str] = []
        for code in codes:
            if not _DIGITS.fullmatch(code):
                if any(c in code for c in "()/"):
                    raise b.fail(
                        ln,
                        f"conditional category code {code!r} (LIWC2007 style) is not supported; "
                        "replace it with plain category numbers",
                    )
                hint = (
                    "" if tabbed else f"; if {term + ' ' + code!r}... is a multi-word term, separate it from the numbers with a tab"
                )
                raise b.fail(ln, f"{code!r} after term {term!r} is not a category number{hint}")
            num = int(code)
            if num not in numbers:
                raise b.fail(
                    ln,
                    f"term {term!r} refers to category number {num}, which the header (lines {open_line}-{close_line}) does not declare",
                )
            cats.append(numbers[num][0])
        for slug in dict.fromkeys(cats):
            b.add(slug, term, ln)
    return b.build()


# ---------------------------------------------------------------------------------------------
# quanteda YAML


def import_yaml(
    path: PathLike,
    *,
    name: str | None = None,
    version: str = "imported",
    license: str = "user-supplied",
    language: str = "und",
    encoding: str = "utf-8",
) -> Lexicon:
    """Import a quanteda-style YAML dictionary.

    The file is a mapping whose leaves are lists of terms (or a single term)::

        weather:
          sunny: [sun, "clear sk*"]
          rainy: [rain*, drizzle]

    Nested keys are joined with ``_`` (``weather_sunny``; quanteda joins them with ``.``), and
    ``.`` and spaces in keys become ``_``. ``*`` globs are kept; quanteda's one-character wildcard
    ``?`` is not supported by our matcher and is refused. The file is read with
    ``yaml.safe_load``, so tags such as ``!!python/object`` are refused; terms are then taken as
    written (``no``, ``yes``, ``on`` and ``2020`` stay words, not booleans or numbers). Parameters
    as in :func:`import_liwc`.
    """
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - pyyaml is a declared dependency
        raise MissingResourceError("importing YAML dictionaries needs PyYAML: pip install pyyaml") from exc

    path = Path(path)
    b = _Builder(path, "quanteda YAML dictionary", name=name, version=version, license=license, language=language)
    text = b.read(encoding)
    try:
        # The safety gate: safe_load refuses tags that would construct Python objects.
        if yaml.safe_load(text) is None:
            raise b.fail(None, "the file is empty; expected a mapping of category names to lists of terms")
        # The structure is then read from the node tree, which keeps every scalar as written and
        # its line; composing builds no Python objects.
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        refused = " (only plain YAML is read: tags such as !!python/object are refused)" if isinstance(exc, yaml.constructor.ConstructorError) else ""
        raise b.fail(line, f"not a valid YAML dictionary: {problem}{refused}") from None

    def line_of(node: Any) -> int:
        return int(node.start_mark.line) + 1

    if not isinstance(root, yaml.MappingNode):
        raise b.fail(line_of(root), "expected a mapping of category names to lists of terms at the top level")

    def scalar_term(node: Any, label: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise b.fail(line_of(node), f"the terms of category {label!r} must be plain text, not a nested list or mapping")
        term = str(node.value)
        if "?" in term:
            raise b.fail(
                line_of(node),
                f"term {term!r} in category {label!r} uses '?', quanteda's one-character wildcard, which framing's "
                "matcher does not support; write the words out or use '*'",
            )
        return term

    visited: set[int] = set()

    def walk(node: Any, keys: list[str]) -> None:
        if id(node) in visited:
            raise b.fail(line_of(node), "a YAML alias repeats a mapping of categories; write the categories out")
        visited.add(id(node))
        seen: dict[str, int] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode) or knode.tag == "tag:yaml.org,2002:merge":
                raise b.fail(line_of(knode), "category names must be plain text (merge keys and complex keys are not supported)")
            key = str(knode.value).strip()
            if not key:
                raise b.fail(line_of(knode), "empty category name")
            if key in seen:
                raise b.fail(line_of(knode), f"category {key!r} appears twice in the same mapping (first on line {seen[key]})")
            seen[key] = line_of(knode)
            path_keys = [*keys, key]
            if isinstance(vnode, yaml.MappingNode):
                walk(vnode, path_keys)
                continue
            label = ".".join(path_keys)
            slug = b.declare(label, line_of(knode), fallback=None)
            if isinstance(vnode, yaml.SequenceNode):
                for item in vnode.value:
                    b.add(slug, scalar_term(item, label), line_of(item))
            elif vnode.tag != "tag:yaml.org,2002:null":
                b.add(slug, scalar_term(vnode, label), line_of(vnode))

    walk(root, [])
    return b.build()


# ---------------------------------------------------------------------------------------------
# WordStat .cat

_WEIGHT_RE = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def import_wordstat(
    path: PathLike,
    *,
    name: str | None = None,
    version: str = "imported",
    license: str = "user-supplied",
    language: str = "und",
    encoding: str = "utf-8",
) -> Lexicon:
    """Import a WordStat categorization dictionary (``.cat``).

    Category names start at the beginning of a line; entries are indented (tabs or spaces) and may
    end with a weight in parentheses (``ECONOM* (1)``). A line followed by more deeply indented
    lines is a subcategory; nested names are joined with ``_``. Entries are lower-cased (WordStat
    is case-insensitive); ``*`` globs are kept. Parameters as in :func:`import_liwc`.
    """
    path = Path(path)
    b = _Builder(path, "WordStat .cat format", name=name, version=version, license=license, language=language)
    rows: list[tuple[int, int, str]] = []
    for ln, raw in enumerate(b.read(encoding).split("\n"), start=1):
        if not raw.strip():
            continue
        expanded = raw.rstrip().expandtabs(8)
        content = expanded.lstrip()
        rows.append((ln, len(expanded) - len(content), content))

    # stack of open categories: [indent, slug, label, indent of its children or None]
    stack: list[list[Any]] = []
    for idx, (ln, indent, content) in enumerate(rows):
        deeper_next = idx + 1 < len(rows) and rows[idx + 1][1] > indent
        m = _WEIGHT_RE.match(content)
        weight: float | None = None
        if m:
            try:
                weight = float(m.group(2))
            except ValueError:
                weight = None
        if indent == 0 or deeper_next:
            # A category line; its name is kept whole, parentheses included.
            if weight is not None:
                where = "is not indented" if indent == 0 else "the lines after it are indented more deeply, like a subcategory"
                raise b.fail(ln, f"{content!r} ends with a weight like an entry, but {where}")
        if indent == 0:
            stack = [[0, b.declare(content, ln), content, None]]
            continue
        if not stack:
            raise b.fail(ln, f"indented entry {content!r} comes before any category line")
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1]
        if parent[3] is None:
            parent[3] = indent
        elif parent[3] != indent:
            raise b.fail(
                ln,
                f"inconsistent indentation: the lines under {parent[2]!r} are indented {parent[3]} columns, this one {indent} "
                "(a tab counts as 8); indent one level with the same tabs or spaces",
            )
        if deeper_next:
            label = f"{parent[2]}.{content}"
            stack.append([indent, b.declare(label, ln), label, None])
            continue
        if m:
            if weight is None:
                raise b.fail(ln, f"the weight in parentheses after {m.group(1)!r} must be a number; got ({m.group(2)})")
            if not math.isfinite(weight):
                raise b.fail(ln, f"the weight in parentheses after {m.group(1)!r} must be a finite number; got ({m.group(2)})")
            content = m.group(1)
        b.add(parent[1], content.lower(), ln, weight=1.0 if weight is None else weight)
    return b.build()


# ---------------------------------------------------------------------------------------------
# CSV


def import_csv(
    path: PathLike,
    *,
    name: str | None = None,
    version: str = "imported",
    license: str = "user-supplied",
    language: str = "und",
    encoding: str = "utf-8",
) -> Lexicon:
    """Import a CSV with the header ``term,category[,weight][,note]`` (``word`` may replace ``term``).

    One row per term and category; an empty weight is 1.0. Errors name the row (the header is
    row 1). A category with a negative weight is recorded as ``signed``. This reads what
    :meth:`Lexicon.to_csv` writes. Parameters as in :func:`import_liwc`.
    """
    path = Path(path)
    b = _Builder(path, "CSV", name=name, version=version, license=license, language=language, unit="row")
    reader = csv.reader(io.StringIO(b.read(encoding)))
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise b.fail(1 if header is not None else None, "expected a header row 'term,category[,weight][,note]'")
        columns: dict[str, int] = {}
        for pos, h in enumerate(header):
            col = h.strip().lower()
            col = "term" if col == "word" else col
            if col not in ("term", "category", "weight", "note"):
                raise b.fail(1, f"unknown column {h!r} in the header; expected term (or word), category, weight, note")
            if col in columns:
                raise b.fail(1, f"column {col!r} appears twice in the header")
            columns[col] = pos
        missing = [c for c in ("term", "category") if c not in columns]
        if missing:
            raise b.fail(1, f"the header needs the column(s) {missing}; got {[h.strip() for h in header]}")
        slugs: dict[str, str] = {}  # case- and space-folded category -> name
        for row_no, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if any(cell.strip() for cell in row[len(header) :]):
                raise b.fail(row_no, f"the row has {len(row)} cells but the header has {len(header)} columns")

            def cell(col: str) -> str:
                pos = columns.get(col)
                return row[pos].strip() if pos is not None and pos < len(row) else ""

            term, category, wtext, note = cell("term"), cell("category"), cell("weight"), cell("note")
            if not term:
                raise b.fail(row_no, "the term is empty")
            if not category:
                raise b.fail(row_no, f"term {term!r} has no category")
            weight = 1.0
            if wtext:
                try:
                    weight = float(wtext)
                except ValueError:
                    raise b.fail(row_no, f"the weight of {term!r} must be a number; got {wtext!r}") from None
                if not math.isfinite(weight):
                    raise b.fail(row_no, f"the weight of {term!r} must be a finite number; got {wtext!r}")
            folded = " ".join(category.split()).casefold()
            if folded not in slugs:
                slugs[folded] = b.declare(" ".join(category.split()), row_no)
            b.add(slugs[folded], term, row_no, weight=weight, note=note or None)
    except csv.Error as exc:
        raise LexiconError(f"{path}, line {reader.line_num}: not valid CSV: {exc}") from None
    return b.build()


# ---------------------------------------------------------------------------------------------
# Dispatch

_IMPORTERS = {
    ".dic": import_liwc,
    ".yml": import_yaml,
    ".yaml": import_yaml,
    ".cat": import_wordstat,
    ".csv": import_csv,
}


def import_dictionary(path: PathLike, **kw: Any) -> Lexicon:
    """Import a dictionary, choosing the format by extension (``.dic``, ``.yml``/``.yaml``, ``.cat``, ``.csv``).

    Keyword arguments (``name``, ``version``, ``license``, ``language``, ``encoding``) go to the
    importer.
    """
    path = Path(path)
    importer = _IMPORTERS.get(path.suffix.lower())
    if importer is None:
        hint = "; a .toml file is already in our format: use framing.markers.lexicons.load_lexicon" if path.suffix.lower() == ".toml" else ""
        raise LexiconError(
            f"{path}: cannot tell the dictionary format from the extension {path.suffix or '(none)'!r}; expected "
            f".dic (LIWC), .yml or .yaml (quanteda YAML), .cat (WordStat) or .csv (term,category[,weight][,note]){hint}"
        )
    return importer(path, **kw)


# ---------------------------------------------------------------------------------------------
# Writing TOML

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            raise LexiconError(f"cannot write {s!r} as TOML: it contains an unpaired surrogate (U+{code:04X})")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_str(key)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return _toml_str(v)
    if isinstance(v, (_dt.date, _dt.time)):  # datetime is a date
        return v.isoformat()
    if isinstance(v, Mapping):
        return "{ " + ", ".join(f"{_toml_key(str(k))} = {_toml_value(x)}" for k, x in v.items()) + " }" if v else "{}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    raise LexiconError(f"cannot write a value of type {type(v).__name__} as TOML: {v!r}")


def to_toml(lexicon: Lexicon) -> str:
    """The lexicon as text in our TOML lexicon format (``lexicons/README.md``).

    The text loads back with :func:`framing.markers.lexicons.load_lexicon` into the same categories and
    entries (term, category, weight, note, case rule).
    """
    out: list[str] = [
        f"# Lexicon {lexicon.name!r} version {lexicon.version}, written by framing.markers.importers.to_toml.",
    ]
    if lexicon.license == "user-supplied":
        out.append("# Derived from a user-supplied dictionary: do not redistribute it unless its license allows.")
    out += [
        "",
        "[lexicon]",
        f"name = {_toml_str(lexicon.name)}",
        f"version = {_toml_str(lexicon.version)}",
        f"language = {_toml_str(lexicon.language)}",
        f"license = {_toml_str(lexicon.license)}",
        f"description = {_toml_str(lexicon.description)}",
        f"curators = {_toml_value(list(lexicon.curators))}",
        "case_sensitive = false",
    ]
    if lexicon.use != "markers":
        out.append(f"use = {_toml_str(lexicon.use)}")
    for change in lexicon.changelog:
        out += ["", "[[changelog]]"]
        out += [f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in change.items()]
    for pname, spec in lexicon.profiles.items():
        out += ["", f"[profiles.{_toml_key(pname)}]", f"title = {_toml_str(spec['title'])}", f"order = {int(spec['order'])}"]
    by_category: dict[str, list[Any]] = {c: [] for c in lexicon.categories}
    for e in lexicon.entries:
        if e.category not in by_category:
            raise LexiconError(f"lexicon {lexicon.name!r}: entry {e.term!r} is in category {e.category!r}, which is not declared")
        by_category[e.category].append(e)
    for cname, cat in lexicon.categories.items():
        out += [
            "",
            f"[categories.{_toml_key(cname)}]",
            f"label = {_toml_str(cat.label)}",
            f"definition = {_toml_str(cat.definition)}",
            "literature = [",
            *(f"  {_toml_str(ref)}," for ref in cat.literature),
            "]",
        ]
        if cat.negatable:
            out.append("negatable = true")
        if cat.signed:
            out.append("signed = true")
        for key, value in ((k, getattr(cat.display, k)) for k in cat.display.__slots__):
            if value is not None:
                out.append(f"{key} = {_toml_value(value)}")
        entries = by_category[cname]
        if not entries:
            out.append("entries = []")
            continue
        out.append("entries = [")
        for e in entries:
            if e.weight == 1.0 and e.note is None and not e.case_sensitive:
                out.append(f"  {_toml_str(e.term)},")
                continue
            fields = [f"term = {_toml_str(e.term)}"]
            if e.weight != 1.0:
                fields.append(f"weight = {_toml_value(float(e.weight))}")
            if e.note is not None:
                fields.append(f"note = {_toml_str(e.note)}")
            if e.case_sensitive:
                fields.append("case_sensitive = true")
            out.append("  { " + ", ".join(fields) + " },")
        out.append("]")
    return "\n".join(out) + "\n"


def write_toml(lexicon: Lexicon, path: PathLike) -> Path:
    """Write the lexicon to ``path`` in our TOML format (see :func:`to_toml`); returns the path.

    The text is validated with the lexicon loader before the file is written, so a file that
    would not load is never written.
    """
    path = Path(path)
    text = to_toml(lexicon)
    parse_lexicon(tomllib.loads(text), path=str(path), raw=text)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot write lexicon: {exc.strerror or exc}") from exc
    return path
