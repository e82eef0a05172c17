"""WordStat categorization dictionaries (``.cat``): indented categories and entries."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Unpack

from framing.markers.importers.builder import DictionaryBuilder, ImportKeywords, ImportOptions, PathLike
from framing.markers.lexicons import Lexicon

__all__ = ["import_wordstat"]

_WEIGHT_RE = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def import_wordstat(path: PathLike, **options: Unpack[ImportKeywords]) -> Lexicon:
    """Import a WordStat categorization dictionary (``.cat``).

    Category names start at the beginning of a line; entries are indented (tabs or spaces) and may
    end with a weight in parentheses (``ECONOM* (1)``). A line followed by more deeply indented
    lines is a subcategory; nested names are joined with ``_``. Entries are lower-cased (WordStat
    is case-insensitive); ``*`` globs are kept.

    ``options`` (``name``, ``version``, ``license``, ``language``, ``encoding``) are those of
    :class:`~framing.markers.importers.builder.ImportOptions`.
    """
    b = DictionaryBuilder(Path(path), "WordStat .cat format", options=ImportOptions(**options))
    rows: list[tuple[int, int, str]] = []
    for ln, raw in enumerate(b.read().split("\n"), start=1):
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
        if (indent == 0 or deeper_next) and weight is not None:
            # A category line, whose name is kept whole, parentheses included, may not end in a weight.
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

