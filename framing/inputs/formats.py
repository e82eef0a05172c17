"""Find input files, read every supported format, and turn each input into cleaned articles.

Supported inputs (each may also be gzip-compressed, ``.gz``):

========================  ===============================================================
``.txt`` ``.text``        one article, plain text as copied from a page (Markdown allowed)
``.md`` ``.markdown``     one article in Markdown
``.html`` ``.htm``        one web page; the main content is extracted with trafilatura
``.json``                 one article object, or a list of them
``.jsonl`` ``.ndjson``    one article object per line
``.csv`` ``.tsv``         one article per row, with a ``text`` column
========================  ===============================================================

Records (JSON, JSONL, CSV rows) may carry ``title``, ``outlet`` (or ``source``, ``publisher``),
``date`` (or ``published``), ``url``, ``author`` and ``id``; other fields are kept in
``Article.meta``. A sidecar file ``NAME.meta.json`` next to an input sets or overrides its
metadata, and keyword arguments (``outlet=``, ``published=``) override everything.

Nothing here raises on a bad input: :func:`iter_load` yields a :class:`~framing.types.LoadError`
naming the file (and record) and the reason, and goes on with the next input.
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from framing.errors import FramingError, InputError
from framing.inputs.clean import Cleaned, clean_html, clean_text, parse_date
from framing.types import Article, LoadError

__all__ = ["FORMATS", "LoadOptions", "discover", "iter_load", "read_file"]

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

_TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text")
_FIELD_ALIASES = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "site", "source_name", "sitename", "media", "newspaper"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "date_publish", "datetime"),
    "url": ("url", "link", "source_url_article"),
    "author": ("author", "authors", "byline"),
    "syndicated_from": ("syndicated_from",),
    "republished_by": ("republished_by",),
    "id": ("id", "article_id", "doc_id"),
}
_SKIP_IN_FOLDERS = re.compile(r"^(?:readme|license|licence|notice|changelog)(?:\..*)?$", re.IGNORECASE)
_SIDECAR = ".meta.json"
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.epub file)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "a legacy Microsoft Office document",
}


@dataclass(frozen=True)
class LoadOptions:
    """Settings for reading inputs; see :func:`iter_load` for their meaning."""

    outlet: str | None = None
    published: str | None = None
    text_col: str | None = None
    max_article_mb: float = 10.0
    clean: bool = True

    @property
    def max_bytes(self) -> int:
        return int(self.max_article_mb * 1024 * 1024)


# ---------------------------------------------------------------------------------------------
# Discovery


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FORMATS.get(suffixes[-1]) if suffixes else None


def _stem(path: Path) -> str:
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return name.rsplit(".", 1)[0] if "." in name else name


def discover(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[Path | LoadError]:
    """Expand files, folders (recursively) and glob patterns into input files, in a stable order.

    Hidden files, sidecars (``*.meta.json``) and README/LICENSE files inside folders are passed
    over; a path that does not exist becomes a :class:`LoadError`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            candidates = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and not f.name.endswith(_SIDECAR)
                and not _SKIP_IN_FOLDERS.match(f.name)
            )
        elif p.exists():
            candidates = [p]
        elif glob.has_magic(str(given)):
            candidates = sorted(Path(x) for x in glob.glob(str(given), recursive=True) if Path(x).is_file())
            if not candidates:
                yield LoadError(str(given), "no file matches this pattern")
                continue
        else:
            yield LoadError(str(given), "no such file or folder")
            continue
        for f in candidates:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


# ---------------------------------------------------------------------------------------------
# Bytes to text


def _check_binary(head: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"binary file, not text: this looks like {what}")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark: NUL bytes are expected
    if b"\x00" in head:
        raise InputError("binary file, not text (it contains NUL bytes)")


_TYPOGRAPHY = frozenset("‚„…‹›‘’“”–—«»\u00a0")


def _prefer_cp1252(matches: Any, chaos: float, data: bytes) -> bool:
    """Whether to read as Windows-1252 an English text that charset_normalizer cannot tell from cp1250.

    Single-byte Latin code pages fit such bytes equally well (same mess ratio) and the detector then
    lists cp1250 first, turning "São Paulo" into "Săo Paulo". Mostly-English text (at most 3% of
    letters non-ASCII) in a legacy encoding is far more likely Windows-1252, so it wins the tie,
    unless that reading puts a symbol right after a letter ("powiedzia³": Polish in cp1250).
    """
    if not any(m.chaos <= chaos and "cp1252" in m.could_be_from_charset for m in matches):
        return False
    text = data[: 1 << 20].decode("cp1252", errors="ignore")  # the detector's sample
    if any(a.isalpha() and not b.isascii() and not b.isalpha() and b not in _TYPOGRAPHY and b not in "®©°™" for a, b in zip(text, text[1:])):
        return False
    odd = sum(1 for c in text if not c.isascii() and c not in _TYPOGRAPHY)
    letters = sum(1 for c in text if c.isascii() and c.isalpha()) + odd
    return letters > 0 and odd <= 0.03 * letters


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding.

    Returns ``(text, encoding)``; raises :class:`InputError` for binary data or bytes that fit
    no encoding.
    """
    _check_binary(data[:8192])
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 1 << 20])
    best = matches.best()
    if best is not None and _prefer_cp1252(matches, best.chaos, data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if best is not None and best.encoding and best.encoding not in ("utf_8", "utf-8"):
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(
        f"undecodable bytes: not valid UTF-8 (first bad byte at offset {first_bad}) and no other "
        "text encoding fits; re-save the file as UTF-8"
    )


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _read_limited(path: Path, limit: int) -> bytes:
    if not path.name.lower().endswith(".gz"):
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"file is {size / 1048576:.0f} MB, larger than the {limit / 1048576:.0f} MB limit for one "
                "article; a corpus belongs in JSONL or CSV (one article per line or row), or raise "
                "the limit with --max-article-mb"
            )
    with _open_binary(path) as fh:
        try:
            data = fh.read(limit + 1)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise InputError(f"cannot read compressed file: {exc}") from exc
    if len(data) > limit:
        raise InputError(
            f"decompressed text is larger than the {limit / 1048576:.0f} MB limit for one article; "
            "use JSONL or CSV for corpora, or raise the limit with --max-article-mb"
        )
    return data


# ---------------------------------------------------------------------------------------------
# Metadata


def _read_sidecar(path: Path) -> dict[str, Any]:
    for cand in (path.with_name(path.name + _SIDECAR), path.with_name(_stem(path) + _SIDECAR)):
        if cand.is_file():
            try:
                data = json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"sidecar {cand.name} is not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise InputError(f"sidecar {cand.name} must hold a JSON object, not {type(data).__name__}")
            return data
    return {}


def _pick(record: dict[str, Any], field: str) -> Any:
    for name in _FIELD_ALIASES[field]:
        for key in (name, name.capitalize(), name.upper()):
            value = record.get(key)
            if value not in (None, "", []):
                if isinstance(value, list):
                    value = ", ".join(str(v) for v in value)
                return value
    return None


def _filename_date(path: Path) -> str | None:
    m = re.search(r"(?:^|[_\-. ])((?:19|20)\d\d-\d\d-\d\d)(?:$|[_\-. ])", _stem(path))
    return parse_date(m.group(1)) if m else None


def _build_article(
    cleaned: Cleaned,
    *,
    article_id: str,
    source_path: str,
    fields: dict[str, Any],
    opts: LoadOptions,
    extra_meta: dict[str, Any] | None = None,
    fallback_date: str | None = None,
) -> Article:
    """Merge metadata by precedence: options > sidecar/record fields > what the page says."""

    def choose(name: str, page_value: Any) -> Any:
        value = fields.get(name)
        return str(value).strip() if value not in (None, "") else page_value

    published_raw = opts.published or fields.get("published")
    published = parse_date(str(published_raw)) if published_raw else None
    meta = dict(cleaned.meta)
    meta.update(extra_meta or {})
    if published_raw and not published:
        # an ambiguous or broken date ("9/28/16": September or the 9th?) must not cost the
        # article: it is analysed without a date, and the value is kept for the user to fix
        meta["published_raw"] = str(published_raw)
    if not cleaned.text.strip():
        raise InputError("no article text left after removing page debris" if cleaned.debris else "empty text")
    return Article(
        id=article_id,
        text=cleaned.text,
        title=choose("title", cleaned.title),
        outlet=opts.outlet or choose("outlet", cleaned.outlet),
        published=published or cleaned.published or fallback_date,
        syndicated_from=choose("syndicated_from", cleaned.syndicated_from),
        republished_by=choose("republished_by", cleaned.republished_by),
        url=choose("url", cleaned.url),
        author=choose("author", cleaned.author),
        source_path=source_path,
        debris=tuple(cleaned.debris),
        meta=meta,
    )


def _clean_record_text(text: str, title: str | None, opts: LoadOptions) -> Cleaned:
    if opts.clean:
        return clean_text(text, title=title)
    return Cleaned(text=text.strip(), title=title)


# ---------------------------------------------------------------------------------------------
# Formats


def _read_single(path: Path, fmt: str, opts: LoadOptions) -> Iterator[Article | LoadError]:
    text, encoding = decode(_read_limited(path, opts.max_bytes))
    if not text.strip():
        raise InputError("empty file")
    fields = {k: v for k, v in _read_sidecar(path).items()}
    if fmt == "html" or (fmt == "text" and re.match(r"\s*(?:<!doctype html|<html\b)", text, re.IGNORECASE)):
        cleaned = clean_html(text, url=fields.get("url"))
    elif opts.clean:
        cleaned = clean_text(text)
    else:
        cleaned = Cleaned(text=text.strip())
    extra = {"encoding": encoding} if encoding not in ("utf-8", "utf-8-sig") else {}
    known = {k: fields[k] for k in _FIELD_ALIASES if k in fields}
    known.update({k: fields[a] for k in _FIELD_ALIASES for a in _FIELD_ALIASES[k] if a in fields and k not in known})
    extra.update({k: v for k, v in fields.items() if k not in known and not any(k in al for al in _FIELD_ALIASES.values())})
    yield _build_article(
        cleaned,
        article_id=str(known.get("id") or _stem(path)),
        source_path=str(path),
        fields=known,
        opts=opts,
        extra_meta=extra,
        fallback_date=_filename_date(path),
    )


def _record_to_article(record: Any, path: Path, n: int, opts: LoadOptions, text_key: str | None = None) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object with a text field, got {type(record).__name__}")
    key = text_key or opts.text_col
    if key is None:
        key = next((k for k in _TEXT_FIELDS if k in record), None)
        if key is None:
            raise InputError(
                f"no text field: expected one of {', '.join(_TEXT_FIELDS)} (or --text-col); "
                f"found {', '.join(map(str, list(record)[:12])) or 'no fields'}"
            )
    text = record.get(key)
    if text is None or (isinstance(text, str) and not text.strip()):
        raise InputError("empty text")
    if not isinstance(text, str):
        raise InputError(f"field {key!r} must be a string, got {type(text).__name__}")
    if len(text) > opts.max_bytes:
        raise InputError(f"text is longer than the {opts.max_article_mb:g} MB limit for one article")
    fields = {name: _pick(record, name) for name in _FIELD_ALIASES}
    title = str(fields["title"]) if fields.get("title") else None
    cleaned = _clean_record_text(text, title, opts)
    used = {key} | {a for al in _FIELD_ALIASES.values() for a in al}
    extra = {k: v for k, v in record.items() if k not in used and k.lower() not in used}
    rid = fields.get("id")
    return _build_article(
        cleaned,
        article_id=str(rid) if rid not in (None, "") else f"{_stem(path)}:{n}",
        source_path=str(path),
        fields={k: v for k, v in fields.items() if k != "id"},
        opts=opts,
        extra_meta=extra,
    )


def _read_json(path: Path, opts: LoadOptions) -> Iterator[Article | LoadError]:
    limit = max(opts.max_bytes * 20, 200 * 1048576)
    text, _ = decode(_read_limited(path, limit))
    if not text.strip():
        raise InputError("empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    if isinstance(data, dict) and not any(k in data for k in _TEXT_FIELDS) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield _record_to_article(data, path, 0, opts)
        return
    if not isinstance(data, list):
        raise InputError(f"expected a JSON object or a list of objects, got {type(data).__name__}")
    if not data:
        raise InputError("empty list: no articles in this file")
    for n, rec in enumerate(data):
        try:
            yield _record_to_article(rec, path, n, opts)
        except FramingError as exc:
            yield LoadError(str(path), str(exc), record=n)


def _read_jsonl(path: Path, opts: LoadOptions) -> Iterator[Article | LoadError]:
    with _open_binary(path) as fh:
        head = fh.read(8192)
        _check_binary(head)
    any_line = False
    with _open_binary(path) as fh:
        for lineno, raw in enumerate(fh, start=1):
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
                yield _record_to_article(rec, path, lineno, opts)
            except FramingError as exc:
                yield LoadError(str(path), str(exc), record=lineno)
    if not any_line:
        raise InputError("empty file")


def _read_csv(path: Path, opts: LoadOptions, delimiter: str) -> Iterator[Article | LoadError]:
    with _open_binary(path) as fh:
        sample = fh.read(1 << 16)
    if not sample.strip():
        raise InputError("empty file")
    _check_binary(sample[:8192])
    encoding = "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not merely a character cut at the sample's end
            _, encoding = decode(sample)
    csv.field_size_limit(max(opts.max_bytes * 2, 1 << 20))
    with _open_binary(path) as raw:
        fh = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.DictReader(fh, delimiter=delimiter)
        try:
            header = reader.fieldnames
        except csv.Error as exc:
            raise InputError(f"not a readable CSV file: {exc}") from exc
        if not header:
            raise InputError("empty file")
        lowered = {h.strip().lower(): h for h in header if h}
        if opts.text_col:
            if opts.text_col not in header:
                raise InputError(f"no column {opts.text_col!r}; columns are: {', '.join(header)}")
            text_key = opts.text_col
        else:
            text_key = next((lowered[k] for k in _TEXT_FIELDS if k in lowered), None)
            if text_key is None:
                raise InputError(
                    f"CSV has no text column: expected one of {', '.join(_TEXT_FIELDS)} (or --text-col); "
                    f"columns are: {', '.join(h for h in header if h)}"
                )
        rowno = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield LoadError(str(path), f"malformed CSV row: {exc}", record=reader.line_num)
                continue
            rowno += 1
            record = {(k.strip() if isinstance(k, str) else k): v for k, v in row.items() if k is not None}
            try:
                yield _record_to_article(record, path, rowno, opts, text_key=text_key.strip())
            except FramingError as exc:
                yield LoadError(str(path), str(exc), record=rowno)


def read_file(path: str | os.PathLike[str], opts: LoadOptions | None = None) -> Iterator[Article | LoadError]:
    """Articles (or per-record errors) from one file; a whole-file problem raises InputError."""
    path = Path(path)
    opts = opts or LoadOptions()
    fmt = _format_of(path)
    if fmt is None:
        # an unknown extension: accept it only if it decodes as text
        fmt = "text"
        with _open_binary(path) as fh:
            head = fh.read(8192)
        try:
            _check_binary(head)
        except InputError as exc:
            raise InputError(
                f"unsupported file type {path.suffix or '(no extension)'!r}: {exc}; supported: "
                + ", ".join(sorted(FORMATS))
            ) from None
    if fmt in ("text", "markdown", "html"):
        yield from _read_single(path, fmt, opts)
    elif fmt == "json":
        yield from _read_json(path, opts)
    elif fmt == "jsonl":
        yield from _read_jsonl(path, opts)
    else:
        yield from _read_csv(path, opts, "\t" if fmt == "tsv" else ",")


def iter_load(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    outlet: str | None = None,
    published: str | None = None,
    text_col: str | None = None,
    max_article_mb: float = 10.0,
    clean: bool = True,
) -> Iterator[Article | LoadError]:
    """Stream articles from files, folders and globs; a bad input yields a LoadError and the rest go on.

    Parameters
    ----------
    paths : path or iterable of paths
        Files, folders (searched recursively) or glob patterns.
    outlet, published : str, optional
        Set the outlet name or the publication date (any date :func:`~framing.inputs.clean.parse_date`
        reads) for every article, overriding what the files say.
    text_col : str, optional
        The field or column that holds the article text in JSON/JSONL/CSV inputs (default: the
        first of ``text``, ``body``, ``content``, ``article``, ``maintext``, ``full_text``).
    max_article_mb : float
        Largest article accepted; larger single-article files are reported, not read.
    clean : bool
        Remove page debris and recover metadata (default). ``False`` takes the text as it is.

    Article ids are unique within one call: a repeated id gets a ``~2``, ``~3`` suffix.
    """
    opts = LoadOptions(outlet=outlet, published=published, text_col=text_col, max_article_mb=max_article_mb, clean=clean)
    if published and not parse_date(published):
        raise InputError(f"published={published!r} is not a date this tool understands (use YYYY-MM-DD)")
    ids: dict[str, int] = {}
    for item in discover(paths):
        if isinstance(item, LoadError):
            yield item
            continue
        try:
            for result in read_file(item, opts):
                if isinstance(result, Article):
                    n = ids.get(result.id, 0) + 1
                    ids[result.id] = n
                    if n > 1:
                        result = _with_id(result, f"{result.id}~{n}")
                yield result
        except FramingError as exc:
            yield LoadError(str(item), str(exc))
        except (OSError, EOFError) as exc:
            yield LoadError(str(item), f"cannot read file: {exc.strerror or exc}")
        except RecursionError:
            yield LoadError(str(item), "document is nested too deeply to parse")


def _with_id(article: Article, new_id: str) -> Article:
    from dataclasses import replace

    return replace(article, id=new_id)
