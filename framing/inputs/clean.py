"""Turn text copied from a web page into an article body plus the metadata the page gives away.

Real inputs carry page debris: site navigation, a section label, the headline twice, a date line,
"2 min read", a byline, "This post appeared first on cnn.com", a "You May Also Like" block of
unrelated teasers, share buttons, promotions. The cleaner removes each of these as a
:class:`~framing.types.Debris` (the rules are in :mod:`framing.inputs.debris`), and reads
metadata from it on the way: title, date, author, outlet (from a site link, a dateline such as
"OTTAWA, March 12 (Meridian Wire) -", a source line or a breadcrumb) and syndication (the
original outlet of a republished piece). YAML-style front matter and HTML pages are read here too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from framing.errors import InputError, MissingResourceError
from framing.inputs.dates import parse_date
from framing.inputs.debris import PageState, strip_debris
from framing.inputs.outlets import outlet_from_domain, outlet_key
from framing.types import Debris

__all__ = ["Cleaned", "clean_html", "clean_text", "parse_front_matter"]


@dataclass
class Cleaned:
    """The result of cleaning one page: body text, recovered metadata and removed debris."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    syndicated_from: str | None = None
    republished_by: str | None = None
    url: str | None = None
    author: str | None = None
    debris: list[Debris] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FM_KEYS = {"title", "outlet", "date", "published", "url", "author", "syndicated_from", "republished_by"}


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u2028", "\n")
    return text


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from the text.

    Recognised keys become metadata (``title``, ``outlet``, ``date``/``published``, ``url``,
    ``author``, ``syndicated_from``, ``republished_by``); any other key is kept in ``meta``.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for raw in m.group("body").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, sep, value = raw.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            return {}, text  # not front matter after all: leave the text alone
        meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[m.end() :]


def clean_text(raw: str, *, title: str | None = None, find_article: bool = True) -> Cleaned:
    """Clean plain text or Markdown copied from a web page.

    ``title`` is a headline already known (from a CSV column or HTML metadata): a line repeating
    it is removed instead of being taken as body text. ``find_article=False`` skips the step that
    cuts a whole copied page down to its article (the named debris rules still apply).
    """
    text = _normalise(raw)
    debris_front: list[Debris] = []
    fm, text = parse_front_matter(text)
    if fm:
        debris_front.append(Debris("front_matter", ", ".join(f"{k}: {v}" for k, v in fm.items())))
    text = _HTML_COMMENT.sub("", text)
    st = PageState(title=title)
    kept = strip_debris(text, st, find_article=find_article)
    return _finish(kept, st, fm, debris_front)


def _finish(kept: list[str], st: PageState, fm: dict[str, str], debris_front: list[Debris]) -> Cleaned:
    # the outlet whose words these are: a syndication notice names the original outlet, which
    # then outranks the site that carried the copy
    outlet = None
    republished_by = None
    for kind in ("dateline", "source_line", "site", "breadcrumb"):
        if kind in st.outlets:
            outlet = st.outlets[kind]
            break
    if st.syndicated_from:
        carrier = st.outlets.get("site") or st.outlets.get("search_box") or st.outlets.get("breadcrumb")
        if carrier and outlet_key(carrier) != outlet_key(st.syndicated_from):
            republished_by = carrier
        outlet = st.syndicated_from
    published = next(iter(st.dates.values()), None)
    meta = {k: v for k, v in fm.items() if k not in _FM_KEYS}
    out = Cleaned(
        text="\n\n".join(kept),
        title=fm.get("title") or st.title,
        outlet=fm.get("outlet") or outlet,
        published=parse_date(fm.get("date") or fm.get("published")) or published,
        syndicated_from=fm.get("syndicated_from") or st.syndicated_from,
        republished_by=fm.get("republished_by") or republished_by,
        url=fm.get("url") or st.url,
        author=fm.get("author") or st.author,
        debris=debris_front + st.debris,
        meta=meta,
    )
    return out


@lru_cache(maxsize=1)
def _trafilatura() -> Any:
    """The trafilatura module, imported when the first HTML page is read: only HTML needs it, and a
    missing install then says what to install instead of failing every import of framing."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise MissingResourceError(
            "reading HTML needs the 'trafilatura' package (pip install trafilatura lxml_html_clean)"
        ) from exc
    return trafilatura


def clean_html(html: str, *, url: str | None = None) -> Cleaned:
    """Extract the main content of an HTML page with trafilatura, then clean it like text.

    Page metadata (``og:site_name``, ``article:published_time``, canonical URL, author) comes
    from trafilatura's metadata extraction; the extracted text still goes through
    :func:`clean_text` so syndication notices and teaser blocks inside the article are handled.
    """
    traf = _trafilatura()
    doc = traf.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    if doc is None:
        raise InputError("no article text found in the HTML page")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    cleaned = clean_text(text, title=d.get("title"), find_article=False)
    page_url = d.get("url") or url
    sitename = d.get("sitename")
    if sitename and re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename):
        sitename = outlet_from_domain(sitename)
    if not sitename and page_url:
        sitename = outlet_from_domain(page_url)
    if cleaned.syndicated_from:
        if sitename and outlet_key(sitename) != outlet_key(cleaned.syndicated_from):
            cleaned.republished_by = sitename
    elif sitename:
        cleaned.outlet = sitename
    cleaned.title = d.get("title") or cleaned.title
    cleaned.published = parse_date(d.get("date")) or cleaned.published
    cleaned.url = page_url or cleaned.url
    cleaned.author = d.get("author") or cleaned.author
    m = re.search(r"<!--(.*?)-->", html, re.DOTALL)
    if m and re.search(r"illustrative|invented|fictional", m.group(1), re.IGNORECASE):
        cleaned.meta.setdefault("note", m.group(1).strip())
    return cleaned
