"""One reader per format: a file's articles, or a :class:`~framing.types.LoadError` per bad record.

A problem with the whole file raises :class:`~framing.errors.InputError`; a problem with one record
(a JSONL line, a CSV row, an element of a JSON list) is yielded as a ``LoadError`` naming the
record, and the reader goes on with the next one.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from framing.errors import FramingError, InputError
from framing.inputs.clean import Cleaned, clean_html, clean_text
from framing.inputs.decoding import check_binary, decode
from framing.inputs.discovery import FORMATS, format_of, path_text
from framing.inputs.options import LoadOptions
from framing.inputs.records import TEXT_FIELDS, page_article, read_sidecar, record_article
from framing.inputs.source import Source, read_head, read_limited
from framing.types import Article, LoadError

__all__ = ["read_file", "read_source"]

_SKIP = 1 << 20  # the rest of an over-long line is skipped this many bytes (characters) at a time


class _RecordTooLarge(InputError):
    """A line or row longer than :attr:`LoadOptions.max_record_bytes`; it was skipped unread."""

    def __init__(self, opts: LoadOptions) -> None:
        super().__init__(
            f"record is larger than {opts.max_record_bytes / 1048576:.2f} MB, the limit for one line or row "
            f"(twice --max-article-mb {opts.max_article_mb:g}, plus 64 kB); it was skipped without being read "
            "whole. Raise --max-article-mb if it really is one article"
        )


def _bounded_lines(fh: BinaryIO, opts: LoadOptions) -> Iterator[bytes | None]:
    """The lines of ``fh``, none held longer than ``opts.max_record_bytes``: an over-long line is read
    and dropped in bounded chunks up to its end, and yielded as ``None``."""
    limit = opts.max_record_bytes
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(_SKIP)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


class _BoundedText:
    """Lines of a text stream for :mod:`csv`, none longer than ``opts.max_record_bytes``
    characters: an over-long line is skipped to its end in bounded chunks and raises
    :class:`_RecordTooLarge` (the csv reader passes it on and reads on after it)."""

    def __init__(self, fh: TextIO, opts: LoadOptions) -> None:
        self._fh = fh
        self._opts = opts

    def __iter__(self) -> _BoundedText:
        return self

    def __next__(self) -> str:
        limit = self._opts.max_record_bytes
        line = self._fh.readline(limit + 1)
        if not line:
            raise StopIteration
        if len(line) > limit and not line.endswith(("\n", "\r")):
            while (rest := self._fh.readline(_SKIP)) and not rest.endswith(("\n", "\r")):
                pass
            raise _RecordTooLarge(self._opts)
        return line


def _read_single(source: Source, fmt: str, opts: LoadOptions) -> Iterator[Article | LoadError]:
    # a page is mostly markup: its file may be ten times the limit, the text it holds may not
    text, encoding = decode(read_limited(source, opts.max_bytes * (10 if fmt == "html" else 1)))
    if not text.strip():
        raise InputError("empty file")
    sidecar = read_sidecar(source.path)
    if fmt == "html" or (fmt == "text" and re.match(r"\s*(?:<!doctype html|<html\b)", text, re.IGNORECASE)):
        cleaned = clean_html(text, url=sidecar.get("url"))
    elif opts.clean:
        cleaned = clean_text(text)
    else:
        cleaned = Cleaned(text=text.strip())
    if len(cleaned.text) > opts.max_bytes:
        raise InputError(f"text is longer than the {opts.max_article_mb:g} MB limit for one article; raise the limit with --max-article-mb")
    yield page_article(cleaned, source.path, sidecar, encoding=encoding, opts=opts)


def _read_json(source: Source, opts: LoadOptions) -> Iterator[Article | LoadError]:
    path = source.path
    limit = max(opts.max_bytes * 20, 200 * 1048576)
    text, _ = decode(read_limited(source, limit))
    if not text.strip():
        raise InputError("empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    if isinstance(data, dict) and not any(k in data for k in TEXT_FIELDS) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield record_article(data, path, 0, opts)
        return
    if not isinstance(data, list):
        raise InputError(f"expected a JSON object or a list of objects, got {type(data).__name__}")
    if not data:
        raise InputError("empty list: no articles in this file")
    for n, rec in enumerate(data):
        try:
            yield record_article(rec, path, n, opts)
        except FramingError as exc:
            yield LoadError(path_text(path), str(exc), record=n)


def _read_jsonl(source: Source, opts: LoadOptions) -> Iterator[Article | LoadError]:
    path = source.path
    any_line = False
    with source.open() as fh:
        check_binary(read_head(fh, 8192))
        fh.seek(0)
        for lineno, raw in enumerate(_bounded_lines(fh, opts), start=1):
            if raw is None:
                any_line = True
                yield LoadError(path_text(path), str(_RecordTooLarge(opts)), record=lineno)
                continue
            if not raw.strip():
                continue
            any_line = True
            try:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(f"undecodable bytes on this line (not UTF-8 at byte {exc.start})") from exc
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
                yield record_article(rec, path, lineno, opts)
            except FramingError as exc:
                yield LoadError(path_text(path), str(exc), record=lineno)
    if not any_line:
        raise InputError("empty file")


def _read_csv(source: Source, opts: LoadOptions, delimiter: str) -> Iterator[Article | LoadError]:
    path = source.path
    with source.open() as raw:
        sample = read_head(raw, 1 << 16)
        if not sample.strip():
            raise InputError("empty file")
        check_binary(sample[:8192])
        encoding = "utf-8-sig"
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(sample) - 4:  # not merely a character cut at the sample's end
                _, encoding = decode(sample)
        csv.field_size_limit(max(opts.max_bytes * 2, 1 << 20))
        raw.seek(0)
        fh = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.DictReader(_BoundedText(fh, opts), delimiter=delimiter)
        try:
            header = reader.fieldnames
        except csv.Error as exc:
            raise InputError(f"not a readable CSV file: {exc}") from exc
        if not header:
            raise InputError("empty file")
        lowered = {h.strip().lower(): h for h in header if h}
        text_key: str | None
        if opts.text_col:
            if opts.text_col not in header:
                raise InputError(f"no column {opts.text_col!r}; columns are: {', '.join(header)}")
            text_key = opts.text_col
        else:
            text_key = next((lowered[k] for k in TEXT_FIELDS if k in lowered), None)
            if text_key is None:
                raise InputError(
                    f"CSV has no text column: expected one of {', '.join(TEXT_FIELDS)} (or --text-col); "
                    f"columns are: {', '.join(h for h in header if h)}"
                )
        rowno = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except _RecordTooLarge as exc:
                rowno += 1
                yield LoadError(path_text(path), str(exc), record=rowno)
                continue
            except csv.Error as exc:
                yield LoadError(path_text(path), f"malformed CSV row: {exc}", record=reader.line_num)
                continue
            rowno += 1
            record = {(k.strip() if isinstance(k, str) else k): v for k, v in row.items() if k is not None}
            try:
                yield record_article(record, path, rowno, opts, text_key=text_key.strip())
            except FramingError as exc:
                yield LoadError(path_text(path), str(exc), record=rowno)


def read_source(source: Source, opts: LoadOptions) -> Iterator[Article | LoadError]:
    """Articles (or per-record errors) from one input file; a whole-file problem raises InputError."""
    fmt = format_of(source.path)
    if fmt is None:
        # an unknown extension: accept it only if it decodes as text
        fmt = "text"
        with source.open() as fh:
            head = read_head(fh, 8192)
        try:
            check_binary(head)
        except InputError as exc:
            raise InputError(
                f"unsupported file type {source.path.suffix or '(no extension)'!r}: {exc}; supported: "
                + ", ".join(sorted(FORMATS))
            ) from None
    if fmt in ("text", "markdown", "html"):
        yield from _read_single(source, fmt, opts)
    elif fmt == "json":
        yield from _read_json(source, opts)
    elif fmt == "jsonl":
        yield from _read_jsonl(source, opts)
    else:
        yield from _read_csv(source, opts, "\t" if fmt == "tsv" else ",")


def read_file(path: str | os.PathLike[str], opts: LoadOptions | None = None) -> Iterator[Article | LoadError]:
    """Articles (or per-record errors) from one file; a whole-file problem raises InputError."""
    return read_source(Source(Path(path)), opts or LoadOptions())
