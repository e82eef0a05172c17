"""Writing a lexicon in our own TOML format (``lexicons/README.md``), e.g. after importing it."""

from __future__ import annotations

import datetime as _dt
import math
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from framing.errors import LexiconError
from framing.markers.importers.builder import PathLike
from framing.markers.lexicons import Lexicon, parse_lexicon

__all__ = ["to_toml", "write_toml"]

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
        for key in cat.display.__slots__:
            value = getattr(cat.display, key)
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
