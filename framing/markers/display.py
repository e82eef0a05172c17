"""How a lexicon category is shown: the display fields of ``[categories.NAME]`` and the
``[profiles.NAME]`` tables, parsed and validated (read by :mod:`framing.markers.registry`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from framing.errors import LexiconError

__all__ = ["DISPLAY_KEYS", "LEXICON_USES", "Display", "lexicon_error", "parse_display", "parse_profiles"]

_NAME_RE = re.compile(r"[a-z0-9_]+")


def lexicon_error(path: str, line: int | None, msg: str) -> LexiconError:
    """A :class:`LexiconError` whose message names the file and, when known, the line."""
    where = f"{path}, line {line}" if line else path
    return LexiconError(f"{where}: {msg}")


#: How a category is shown (read by compare, report, worksheet and features; see lexicons/README.md)
DISPLAY_KEYS = {
    "phrase", "colour", "highlight", "profile",
    "classroom", "classroom_order", "classroom_class", "classroom_label", "classroom_note", "classroom_rewrite", "classroom_concept",
}
_REWRITE_RULES = ("note", "unquote", "said", "drop")
_CLASSROOM_USES = ("spot", "mark")
#: What a lexicon file is for (its ``use`` in ``[lexicon]``)
LEXICON_USES = ("markers", "detectors", "word_classes")
_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")
_PROFILE_KEYS = {"title", "order"}


@dataclass(frozen=True, slots=True)
class Display:
    """How a marker category is shown to readers, declared in its lexicon file.

    ``phrase`` names it in findings ("X uses *the conflict frame* more than ..."); ``colour``
    (``#rrggbb``) and ``highlight`` (lower wins where highlighted spans overlap) mark its words in
    article views; ``profile`` is the profile table and chart it belongs to (declared in a
    ``[profiles.NAME]`` table); ``classroom`` is its use on worksheets (``spot``: students look for
    it; ``mark``: marked in the answer key), its order among them, a CSS class, a short label, a
    one-line note, how exercise 6 hints at a neutral rewrite (``note``: the entry's note names a
    neutral word; ``unquote``; ``said``; ``drop``) and the teacher's-guide concept it illustrates.
    Every field is optional; see :mod:`framing.markers.registry` for the defaults.
    """

    phrase: str | None = None
    colour: str | None = None
    highlight: int | None = None
    profile: str | None = None
    classroom: str | None = None
    classroom_order: int | None = None
    classroom_class: str | None = None
    classroom_label: str | None = None
    classroom_note: str | None = None
    classroom_rewrite: str | None = None
    classroom_concept: str | None = None



def parse_display(c: Mapping[str, Any], cname: str, path: str, line: int | None) -> Display:
    """The display fields of a category table, validated (types, colour format, classroom use)."""
    values: dict[str, Any] = {}
    for key in sorted(DISPLAY_KEYS & set(c)):
        value = c[key]
        if key in ("highlight", "classroom_order"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise lexicon_error(path, line, f"category {cname!r}: {key} must be a non-negative integer (a priority); got {value!r}")
        elif not isinstance(value, str) or not value.strip():
            raise lexicon_error(path, line, f"category {cname!r}: {key} must be a non-empty string; got {value!r}")
        if key == "colour" and not _COLOUR_RE.fullmatch(value):
            raise lexicon_error(path, line, f"category {cname!r}: colour must look like '#a1b2c3'; got {value!r}")
        if key == "classroom_rewrite" and value not in _REWRITE_RULES:
            raise lexicon_error(path, line, f"category {cname!r}: classroom_rewrite must be one of {', '.join(_REWRITE_RULES)}; got {value!r}")
        if key == "classroom" and value not in _CLASSROOM_USES:
            raise lexicon_error(path, line, f"category {cname!r}: classroom must be one of {', '.join(_CLASSROOM_USES)}; got {value!r}")
        if key == "profile" and not _NAME_RE.fullmatch(value):
            raise lexicon_error(path, line, f"category {cname!r}: profile must be lower-case letters, digits and _; got {value!r}")
        values[key] = " ".join(value.split()) if isinstance(value, str) else value
    if "highlight" in values and "colour" not in values:
        raise lexicon_error(path, line, f"category {cname!r}: highlight needs a colour")
    return Display(**values)


def parse_profiles(raw: Any, path: str, line: int | None) -> dict[str, dict[str, Any]]:
    """``[profiles.NAME]`` tables: a title and an optional order for each profile."""
    if not isinstance(raw, Mapping):
        raise lexicon_error(path, line, "profiles must be tables: [profiles.NAME] with title = ...")
    out: dict[str, dict[str, Any]] = {}
    for name, spec in raw.items():
        if not _NAME_RE.fullmatch(name) or not isinstance(spec, Mapping):
            raise lexicon_error(path, line, f"profile {name!r}: expected a [profiles.{name}] table with a title")
        unknown = set(spec) - _PROFILE_KEYS
        if unknown:
            raise lexicon_error(path, line, f"profile {name!r} has unknown keys {sorted(unknown)}; allowed: {sorted(_PROFILE_KEYS)}")
        title, order = spec.get("title"), spec.get("order", 100)
        if not isinstance(title, str) or not title.strip():
            raise lexicon_error(path, line, f"profile {name!r} needs a title")
        if isinstance(order, bool) or not isinstance(order, int):
            raise lexicon_error(path, line, f"profile {name!r}: order must be an integer; got {order!r}")
        out[name] = {"title": " ".join(title.split()), "order": order}
    return out


