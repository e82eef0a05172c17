"""The flat article table of a run's ``articles.jsonl``, written as CSV or partitioned Parquet.

Both are written streaming, one record at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from framing.analysis.predictions import label_columns
from framing.analysis.results import to_row
from framing.safe_output import safe_cell
from framing.types import ArticleResult

__all__ = ["record_keys", "write_csv", "write_parquet"]


def _flat_rows(lines: Iterable[str], text_columns: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """Flat rows of articles.jsonl; the names of text-valued prediction columns go to ``text_columns``."""
    for line in lines:
        if line.strip():
            record = json.loads(line)
            record.pop("matches", None)  # the flat table has no use for the evidence spans
            result = ArticleResult.from_dict(record)
            row = to_row(result)
            row["n_actors"] = len(result.actors)
            if text_columns is not None and result.predictions:
                text_columns.update(label_columns(result.predictions))
            yield row


def write_csv(jsonl: Path, path: Path, *, keys: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """The flat article table of ``articles.jsonl`` as CSV (the columns of ``Results.to_frame``),
    streaming: one pass collects the columns, a second writes the rows, so memory does not grow
    with the corpus. Returns, for every record in order, the values of ``keys`` (for example
    ``("id", "outlet")``), which callers use to pick a sample without reading the file again."""
    columns: dict[str, None] = {}
    picked: list[tuple[Any, ...]] = []
    with open(jsonl, encoding="utf-8") as fh:
        for row in _flat_rows(fh):
            row.pop("n_actors", None)
            columns.update(dict.fromkeys(row))
            picked.append(tuple(row.get(k) for k in keys))
    tmp = path.with_name(path.name + ".tmp")
    with open(jsonl, encoding="utf-8") as fh, open(tmp, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writerow({c: safe_cell(c) for c in columns})
        for row in _flat_rows(fh):
            writer.writerow({k: safe_cell(v) for k, v in row.items()})  # no cell from an input runs as a formula
    os.replace(tmp, path)
    return picked


def record_keys(jsonl: Path, keys: Sequence[str]) -> list[tuple[Any, ...]]:
    """The values of ``keys`` (columns of the flat table, such as ``("id", "outlet")``) for every
    record of ``articles.jsonl``, in order, reading one record at a time."""
    with open(jsonl, encoding="utf-8") as fh:
        return [tuple(row.get(k) for k in keys) for row in _flat_rows(fh)]


_STRING_COLUMNS = frozenset(
    {"id", "source_path", "outlet", "title", "published", "syndicated_from", "republished_by", "url", "author", "duplicate_of", "register_profile"}
)


def write_parquet(jsonl: Path, folder: Path, *, rows_per_part: int = 5000) -> Path | None:
    """Partitioned Parquet (``part-00000.parquet`` ...) of the flat article table, streaming."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # Parquet is optional: JSONL stays the reference output
        return None
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    part = 0
    buf: list[dict[str, Any]] = []
    columns: list[str] | None = None

    schema = None
    text_columns: set[str] = set(_STRING_COLUMNS)  # predicted labels (pred_<model>) are added as rows are read

    def flush() -> None:
        nonlocal part, columns, buf, schema
        if not buf:
            return
        if columns is None:
            columns = list(dict.fromkeys(k for row in buf for k in row))
            schema = pa.schema([(c, pa.string() if c in text_columns else pa.float64()) for c in columns])
        rows = []
        for row in buf:
            rows.append({c: (row.get(c) if c in text_columns or row.get(c) is None else float(row[c])) for c in columns})
        table = pa.Table.from_pylist(rows, schema=schema)
        tmp = folder / f".part-{part:05d}.parquet.tmp"
        pq.write_table(table, tmp)
        tmp.rename(folder / f"part-{part:05d}.parquet")
        part += 1
        buf = []

    with open(jsonl, encoding="utf-8") as fh:
        for row in _flat_rows(fh, text_columns):
            buf.append(row)
            if len(buf) >= rows_per_part:
                flush()
    flush()
    return folder
