"""From what a file holds to an :class:`~framing.types.Article`: text fields, metadata fields and
their aliases, sidecar files, and the precedence between them.

Records (JSON, JSONL, CSV rows) may carry ``title``, ``outlet`` (or ``source``, ``publisher``),
``date`` (or ``published``), ``url``, ``author`` and ``id``; other fields are kept in
``Article.meta``. A sidecar file ``NAME.meta.json`` next to an input sets or overrides its
metadata, and the load options (``outlet=``, ``published=``) override everything.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.inputs.clean import Cleaned, clean_text
from framing.inputs.dates import parse_date
from framing.inputs.discovery import SIDECAR, file_stem, path_text
from framing.inputs.options import LoadOptions
from framing.types import Article

__all__ = ["TEXT_FIELDS", "page_article", "read_sidecar", "record_article", "valid_data"]

#: Fields (columns) that hold the article text, in order of preference
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text")
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_data(value: Any) -> Any:
    """Parsed JSON made safe to write back as UTF-8 JSON: a lone surrogate (``"\\ud800"`` in the
    input, which Python decodes but no UTF-8 file can hold) becomes U+FFFD, and a non-finite
    number (``NaN``, ``Infinity``, which Python's JSON reader accepts) becomes None."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {valid_data(k): valid_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [valid_data(v) for v in value]
    return value


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata in ``NAME.meta.json`` next to ``path`` (either ``page.txt.meta.json`` or
    ``page.meta.json``), or ``{}``."""
    for cand in (path.with_name(path.name + SIDECAR), path.with_name(file_stem(path) + SIDECAR)):
        if cand.is_file():
            try:
                data = json.loads(cand.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"sidecar {cand.name} is not valid JSON: {exc}") from exc
            if not isinstance(data, dict):
                raise InputError(f"sidecar {cand.name} must hold a JSON object, not {type(data).__name__}")
            return valid_data(data)
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
    m = re.search(r"(?:^|[_\-. ])((?:19|20)\d\d-\d\d-\d\d)(?:$|[_\-. ])", file_stem(path))
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


def page_article(cleaned: Cleaned, path: Path, sidecar: dict[str, Any], *, encoding: str, opts: LoadOptions) -> Article:
    """The article of a one-article file (a page), with its sidecar's metadata; a date in the file
    name (``..._2026-03-12.txt``) is used when nothing else gives one."""
    extra = {"encoding": encoding} if encoding not in ("utf-8", "utf-8-sig") else {}
    known = {k: sidecar[k] for k in _FIELD_ALIASES if k in sidecar}
    known.update({k: sidecar[a] for k in _FIELD_ALIASES for a in _FIELD_ALIASES[k] if a in sidecar and k not in known})
    extra.update({k: v for k, v in sidecar.items() if k not in known and not any(k in al for al in _FIELD_ALIASES.values())})
    return _build_article(
        cleaned,
        article_id=str(known.get("id") or path_text(file_stem(path))),
        source_path=path_text(path),
        fields=known,
        opts=opts,
        extra_meta=extra,
        fallback_date=_filename_date(path),
    )


def record_article(record: Any, path: Path, n: int, opts: LoadOptions, text_key: str | None = None) -> Article:
    """The article of record ``n`` (a JSON object or CSV row) of the file at ``path``."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object with a text field, got {type(record).__name__}")
    record = valid_data(record)
    key = text_key or opts.text_col
    if key is None:
        key = next((k for k in TEXT_FIELDS if k in record), None)
        if key is None:
            raise InputError(
                f"no text field: expected one of {', '.join(TEXT_FIELDS)} (or --text-col); "
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
    cleaned = clean_text(text, title=title) if opts.clean else Cleaned(text=text.strip(), title=title)
    used = {key} | {a for al in _FIELD_ALIASES.values() for a in al}
    extra = {k: v for k, v in record.items() if k not in used and k.lower() not in used}
    rid = fields.get("id")
    return _build_article(
        cleaned,
        article_id=str(rid) if rid not in (None, "") else f"{path_text(file_stem(path))}:{n}",
        source_path=path_text(path),
        fields={k: v for k, v in fields.items() if k != "id"},
        opts=opts,
        extra_meta=extra,
    )
