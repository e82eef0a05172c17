"""Plain CSV dictionaries with the columns ``term,category[,weight][,note]``.

The module is not called ``csv`` so that it is never mistaken for the standard library's.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Unpack

from framing.errors import LexiconError
from framing.markers.importers.builder import DictionaryBuilder, ImportKeywords, ImportOptions, PathLike
from framing.markers.lexicons import Lexicon

__all__ = ["import_csv"]


def import_csv(path: PathLike, **options: Unpack[ImportKeywords]) -> Lexicon:
    """Import a CSV with the header ``term,category[,weight][,note]`` (``word`` may replace ``term``).

    One row per term and category; an empty weight is 1.0. Errors name the row (the header is
    row 1). A category with a negative weight is recorded as ``signed``. This reads what
    :meth:`Lexicon.to_csv` writes.

    ``options`` (``name``, ``version``, ``license``, ``language``, ``encoding``) are those of
    :class:`~framing.markers.importers.builder.ImportOptions`.
    """
    path = Path(path)
    b = DictionaryBuilder(path, "CSV", options=ImportOptions(**options), unit="row")
    reader = csv.reader(io.StringIO(b.read()))
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
            term, category, wtext, note = (_cell(row, columns, col) for col in ("term", "category", "weight", "note"))
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


def _cell(row: list[str], columns: dict[str, int], col: str) -> str:
    """The stripped cell of column ``col`` in ``row`` (empty when the column or the cell is missing)."""
    pos = columns.get(col)
    return row[pos].strip() if pos is not None and pos < len(row) else ""

