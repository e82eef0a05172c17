"""LIWC dictionaries (``.dic``): a header of numbered categories between ``%`` lines, then terms."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Unpack

from framing.markers.importers.builder import DictionaryBuilder, ImportKeywords, ImportOptions, PathLike
from framing.markers.lexicons import Lexicon

__all__ = ["import_liwc"]

_DIGITS = re.compile(r"[0-9]+")


def import_liwc(path: PathLike, **options: Unpack[ImportKeywords]) -> Lexicon:
    """Import a LIWC dictionary (``.dic``).

    The file starts with a header between two lines containing only ``%``; each header line is
    ``<number> <category name>``. Every later line is a term followed by the numbers of its
    categories. Terms may contain spaces when the term is separated from the numbers by a tab
    (LIWC-22 exports); a final ``*`` is a prefix glob. A term listed twice has the union of its
    categories. LIWC2007 conditional codes such as ``(02 134)125/464`` are refused.

    ``options`` (``name``, ``version``, ``license``, ``language``, ``encoding``) are those of
    :class:`~framing.markers.importers.builder.ImportOptions`.
    """
    b = DictionaryBuilder(Path(path), "LIWC .dic format", options=ImportOptions(**options))
    lines = b.read().split("\n")
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
        for name in dict.fromkeys(cats):
            b.add(name, term, ln)
    return b.build()
