"""Turn text copied from a web page into an article body plus the metadata the page gives away.

Real inputs carry page debris: site navigation, a section label, the headline twice, a date line,
"2 min read", a byline, "This post appeared first on cnn.com", a "You May Also Like" block of
unrelated teasers, share buttons, promotions. The cleaner removes each of these as a
:class:`~framing.types.Debris` (kept, so ``framing clean`` can show what was taken out), and reads
metadata from it on the way: title, date, author, outlet (from a site link, a dateline such as
"OTTAWA, March 12 (Meridian Wire) -", a source line or a breadcrumb) and syndication (the
original outlet of a republished piece).

The rules are deliberately conservative: a line is removed only when a named rule recognises it,
and everything else stays in the body. Each rule is a small function or pattern with a name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from framing.types import Debris

__all__ = ["Cleaned", "clean_html", "clean_text", "outlet_from_domain", "outlet_key", "parse_date"]


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


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(r"(?P<y>(?:19|20)\d\d)/(?P<m>\d\d?)/(?P<d>\d\d?)"),
    re.compile(r"\b" + _WEEKDAY + r"(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE),
    re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>" + _MONTH + r"),?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE),
]
_TIME_TAIL = r"(?:\s*(?:[|,•·-]|at)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATE_PREFIX = r"(?:(?:published|updated|posted|last updated|date|first published)\s*(?:on|:)?\s*)?"


def _date_from_match(m: re.Match[str]) -> str | None:
    try:
        y = int(m.group("y"))
        if "mon" in m.groupdict() and m.group("mon"):
            mo = _MONTHS[m.group("mon").lower().rstrip(".")]
        else:
            mo = int(m.group("m"))
        return date(y, mo, int(m.group("d"))).isoformat()
    except (ValueError, KeyError):
        return None


def parse_date(value: str | None) -> str | None:
    """The first calendar date in ``value`` as ISO ``YYYY-MM-DD``, or ``None``.

    Accepts ISO dates and timestamps, ``2026/03/12``, ``March 12, 2026``, ``12 March 2026``,
    ``Thu, Mar. 12, 2026``. Day-first and month-first all-numeric forms (``03/12/2026``) are
    ambiguous and deliberately not accepted.

    >>> parse_date("Published: Feb. 9, 2026 10:30 AM EST")
    '2026-02-09'
    """
    if not value:
        return None
    for pat in _DATE_PATTERNS:
        m = pat.search(value)
        if m:
            iso = _date_from_match(m)
            if iso:
                return iso
    return None


def _is_date_line(line: str) -> str | None:
    """The ISO date if the whole line is a date (with an optional prefix and time), else None."""
    for pat in _DATE_PATTERNS:
        full = re.compile(r"^" + _DATE_PREFIX + pat.pattern + _TIME_TAIL + r"\s*$", pat.flags | re.IGNORECASE)
        m = full.match(line)
        if m:
            return _date_from_match(m)
    return None


# ---------------------------------------------------------------------------------------------
# Outlets

#: Domains whose outlet name is not simply the capitalised domain label. Facts, not opinions.
_KNOWN_OUTLETS = {
    "cnn": "CNN",
    "bbc": "BBC",
    "nytimes": "The New York Times",
    "washingtonpost": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "apnews": "Associated Press",
    "ap": "Associated Press",
    "reuters": "Reuters",
    "foxnews": "Fox News",
    "nbcnews": "NBC News",
    "cbsnews": "CBS News",
    "abcnews": "ABC News",
    "npr": "NPR",
    "theguardian": "The Guardian",
    "ft": "Financial Times",
    "bloomberg": "Bloomberg",
    "aljazeera": "Al Jazeera",
    "politico": "Politico",
    "thehill": "The Hill",
    "usatoday": "USA Today",
    "latimes": "Los Angeles Times",
    "nypost": "New York Post",
    "breitbart": "Breitbart",
    "dailymail": "Daily Mail",
    "xinhuanet": "Xinhua",
    "news.cn": "Xinhua",
    "chinadaily": "China Daily",
    "globaltimes": "Global Times",
    "rt": "RT",
    "cbc": "CBC",
    "theglobeandmail": "The Globe and Mail",
    "economist": "The Economist",
    "politsturm": "Politsturm",
    "washingtontimes": "The Washington Times",
    "csmonitor": "The Christian Science Monitor",
    "nationalreview": "National Review",
    "townhall": "Townhall",
    "vox": "Vox",
    "huffpost": "HuffPost",
    "huffingtonpost": "HuffPost",
    "msnbc": "MSNBC",
    "axios": "Axios",
}

_MULTI_SUFFIXES = ("co.uk", "org.uk", "ac.uk", "com.au", "net.au", "co.nz", "co.jp", "com.cn", "co.in", "co.za", "com.br", "com.mx")
_SUBDOMAINS = {"www", "us", "uk", "en", "edition", "m", "mobile", "amp", "news", "eu", "int", "global", "english"}


def _domain_label(host: str) -> str:
    host = host.lower().strip().strip(".")
    host = re.sub(r"^[a-z]+://", "", host).split("/")[0].split(":")[0]
    parts = host.split(".")
    for suf in _MULTI_SUFFIXES:
        if host.endswith("." + suf):
            parts = host[: -len(suf) - 1].split(".")
            break
    else:
        parts = parts[:-1] if len(parts) > 1 else parts
    parts = [p for p in parts if p not in _SUBDOMAINS] or parts
    return parts[-1] if parts else host


def outlet_from_domain(host: str) -> str:
    """A readable outlet name for a URL or domain.

    >>> outlet_from_domain("https://us.politsturm.com/2026/02/x")
    'Politsturm'
    >>> outlet_from_domain("edition.cnn.com")
    'CNN'
    """
    host_l = host.lower()
    for key, name in _KNOWN_OUTLETS.items():
        if "." in key and key in host_l:
            return name
    label = _domain_label(host)
    return _KNOWN_OUTLETS.get(label, label[:1].upper() + label[1:])


def outlet_key(name: str) -> str:
    """A key under which spellings of one outlet agree ("The Meridian Wire", "meridianwire.example").

    >>> outlet_key("The Meridian Wire") == outlet_key("Meridianwire")
    True
    """
    n = name.lower().strip()
    if re.fullmatch(r"(?:[a-z]+://)?[\w.-]+\.[a-z]{2,}(?:/\S*)?", n):
        n = _domain_label(n)
    n = re.sub(r"^the\s+", "", n)
    return re.sub(r"[^0-9a-z]+", "", n)


# ---------------------------------------------------------------------------------------------
# Line rules

_NAV_LINES = frozenset(
    x.strip()
    for x in """
    connect with us|hi, what are you looking for?|what are you looking for?|menu|main menu|search|
    subscribe|subscribe now|sign in|log in|login|sign up|register|my account|share|share this|
    share this article|share this story|share on facebook|share on twitter|share on x|tweet|email|
    print|copy link|advertisement|advertisment|ad|sponsored|sponsored content|skip to content|
    skip to main content|skip navigation|follow us|top stories|home|close|toggle navigation|
    listen to this article|listen|comments|leave a comment|newsletter|sign up for our newsletter|
    trending|latest news|breaking news|accept cookies|accept all cookies|cookie settings|
    back to top|scroll to top|go to top|loading...|continue reading|show more|read more|
    next article|previous article|related|tags|topics|filed under|save|bookmark|
    """.replace("\n", "").split("|")
    if x.strip()
)

_TRAILING_HEADERS = re.compile(
    r"^(?:you (?:may|might) also like|related(?: articles| news| stories| posts| content| coverage)?|"
    r"read (?:more|next)|more (?:from|on|in) .{1,40}|more stories|more news|recommended(?: for you| stories| reading)?|"
    r"most (?:popular|read|viewed)|trending(?: now| stories)?|what to read next|also read|editor'?s picks|"
    r"popular (?:now|stories)|latest (?:stories|news)|other news|around the web|from the web|"
    r"comments?(?: \(\d+\))?|\d+ comments?|join the conversation|leave a reply)\s*:?$",
    re.IGNORECASE,
)
_INLINE_PROMO = re.compile(
    r"^(?:read more|read also|also read|related|see also|watch|listen|click here|sign up|subscribe|"
    r"follow (?:us|[\w ]{1,30} on)|download (?:our|the) app)\b\s*:", re.IGNORECASE
)
_PROMOTION = re.compile(
    r"(?:\bsee our\b.{0,80}\b(?:article|analysis|coverage|report|series|piece)s?\b|"
    r"^(?:click here|subscribe|sign up|support (?:our|independent)|donate|become a (?:member|subscriber)|"
    r"follow us|join our|get our|download our)\b|"
    r"^for more (?:news|stories|updates|on this)\b)",
    re.IGNORECASE,
)
_SYNDICATION = re.compile(
    r"^(?:this (?:post|article|story|piece|report|item)\s+(?:first |originally )?(?:appeared|was (?:first |originally )?published)"
    r"(?: first| originally)?\s+(?:on|in|at|by)\s+|"
    r"(?:originally|first)\s+(?:published|posted|appeared)\s+(?:on|in|at|by)\s+|"
    r"(?:this article (?:is|was) )?re(?:published|printed|posted)(?: with permission)?\s+(?:from|by|courtesy of)\s+|"
    r"(?:courtesy of|via)\s+)"
    r"(?P<src>[^\n]{2,80}?)"
    r"(?:\s+under a creative commons.*|\s+with permission.*)?[.!]?\s*$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"^(?:(?:reading|read) time:?\s*)?(?:about\s+)?\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min|mins|minutes?)\.?(?:\s+(?:read|reading|listen))?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^[Bb][Yy]:?\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin|and|&))*?)"
    r"(?:\s*(?:,|\||•|·|-|–|—)\s*(?P<rest>.*))?$"
)
_SITE_LINK = re.compile(r"^\[(?P<label>[^\]]{2,100})\]\((?P<url>https?://[^)\s]+)\)$")
_BARE_URL = re.compile(r"^(?P<url>https?://\S+)$")
_BARE_DOMAIN = re.compile(r"^(?P<url>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?$", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^source:\s*(?P<src>.+?)(?:\s{2,}|\s+editor:|\s*\|\s*|\s*$)", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’/ -]{1,60}),?\s+(?:(?P<mon>" + _MONTH + r")\s+(?P<d>\d{1,2}),?\s+)?"
    r"\((?P<agency>[A-Z][\w .&'’-]{1,40})\)\s*[-–—]"
)
_CREDITS = re.compile(r"^\(?(?:reporting|writing|additional reporting|editing) by\b.*\)?$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*(?:\d{4})?", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^[^|>›»]{1,40}(?:\s+[|>›»]\s+[^|>›»]{1,40}){1,5}$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•►▶▪▸◆■●]|\d{1,2}[.)])\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))+\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HRULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")


_TOP_LINES = 12  # how far down the page strict header rules look


def _words(line: str) -> int:
    return len(line.split())


def _norm(line: str) -> str:
    return re.sub(r"[^0-9a-z]+", " ", line.lower()).strip()


def _strip_markdown(line: str) -> tuple[str, int]:
    """Inline Markdown to plain text; returns the text and the heading level (0 for none)."""
    level = 0
    m = _HEADING.match(line)
    if m:
        level = len(m.group("hashes"))
        line = m.group("text")
    line = _BULLET.sub("", line, count=1)
    if line.startswith(">"):
        line = line.lstrip("> ")
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EM.sub(r"\1", line)
    return line, level


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


@dataclass
class _State:
    title: str | None = None
    outlets: dict[str, str] = field(default_factory=dict)  # evidence kind -> outlet
    dates: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    author: str | None = None
    syndicated_from: str | None = None
    debris: list[Debris] = field(default_factory=list)

    def drop(self, kind: str, text: str) -> None:
        self.debris.append(Debris(kind, text))


def _header_rule(line: str, st: _State) -> bool:
    """Rules that recognise a whole line of page furniture near the top; True if consumed."""
    low = line.lower().strip()
    if low in _NAV_LINES:
        st.drop("navigation", line)
        return True
    m = re.fullmatch(r"search(?: (?P<site>[\w.' -]{1,30}))?", line.strip(), re.IGNORECASE)
    if m:
        site = (m.group("site") or "").strip()
        if site and site[:1].isupper() and _words(site) <= 3:
            st.outlets.setdefault("search_box", site)  # "Search NewsFeedHub" names the site
        st.drop("navigation", line)
        return True
    m = _SITE_LINK.match(line) or _BARE_URL.match(line) or _BARE_DOMAIN.match(line)
    if m:
        url = m.group("url")
        st.url = st.url or (url if url.startswith("http") else "https://" + url)
        st.outlets.setdefault("site", outlet_from_domain(url))
        st.drop("site_link", line)
        return True
    iso = _is_date_line(line)
    if iso:
        st.dates.setdefault("date_line", iso)
        st.drop("date_line", line)
        return True
    if _READING_TIME.match(line):
        st.drop("reading_time", line)
        return True
    m = _BYLINE.match(line)
    rest = (m.group("rest") or "") if m else ""
    if m and _words(line) <= 12 and (parse_date(rest) or not rest or (_words(rest) <= 6 and not _SENT_END.search(rest))):
        st.author = st.author or m.group("name").strip()
        iso = parse_date(rest)
        if iso:
            st.dates.setdefault("byline", iso)
        st.drop("byline", line)
        return True
    m = _SOURCE_LINE.match(line)
    if m and _words(line) <= 14:
        st.outlets.setdefault("source_line", m.group("src").strip())
        iso = parse_date(line)
        if iso:
            st.dates.setdefault("source_line", iso)
        st.drop("source_line", line)
        return True
    if _BREADCRUMB.match(line) and _words(line) <= 12:
        first = re.split(r"\s+[|>›»]\s+", line)[0].strip()
        st.outlets.setdefault("breadcrumb", first)
        st.drop("navigation", line)
        return True
    return False


def _anywhere_rule(line: str, st: _State) -> bool:
    """Rules safe to apply to any line of the page, wherever it stands."""
    low = line.lower().strip()
    if low in _NAV_LINES:
        st.drop("navigation", line)
        return True
    if _INLINE_PROMO.match(line) and _words(line) <= 25:
        st.drop("promotion", line)
        return True
    return False


def _trailing_rule(line: str, st: _State) -> bool:
    """Rules for furniture at the end of the article (checked from the last line upwards)."""
    m = _SYNDICATION.match(line)
    if m and _words(line) <= 20:
        src = m.group("src").strip().rstrip(".")
        st.syndicated_from = st.syndicated_from or (
            outlet_from_domain(src) if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(?:/\S*)?", src, re.IGNORECASE) else src
        )
        st.drop("syndication", line)
        return True
    if _CREDITS.match(line):
        st.drop("credits", line)
        return True
    if _COPYRIGHT.match(line) and _words(line) <= 15:
        st.drop("credits", line)
        return True
    if _PROMOTION.search(line) and _words(line) <= 30:
        st.drop("promotion", line)
        return True
    low = line.lower().strip()
    if low in _NAV_LINES or re.fullmatch(r"(?:share|follow)(?: (?:on|us on|this))?[\w ,]{0,40}:?", low):
        st.drop("navigation", line)
        return True
    if re.fullmatch(r"(?:tags?|topics?|filed under|categories)\s*:.*", low):
        st.drop("navigation", line)
        return True
    return False


def _title_like(line: str, level: int) -> bool:
    n = _words(line)
    if level:
        return 1 <= n <= 30
    if n < 3 or n > 25:
        return False
    return not line.rstrip().endswith((".", ":", ";", ","))


_COMMENTS_HEADER = re.compile(r"^(?:comments?(?: \(\d+\))?|\d+ comments?|join the conversation|leave a reply)\s*:?$", re.IGNORECASE)
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")


def _prose_line(line: str) -> bool:
    """A paragraph of article prose: 15+ words ending a sentence, not a teaser cut off with '...'."""
    return _words(line) >= 15 and bool(_SENT_END.search(line)) and not _ELLIPSIS_END.search(line)


def _label_like(line: str) -> bool:
    """A short line with no sentence punctuation: a section label such as "World News"."""
    return _words(line) <= 3 and not _SENT_END.search(line) and len(line) <= 40


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean plain text or Markdown copied from a web page.

    ``title`` is a headline already known (from a CSV column or HTML metadata): a line repeating
    it is removed instead of being taken as body text.
    """
    text = _normalise(raw)
    debris_front: list[Debris] = []
    fm, text = parse_front_matter(text)
    if fm:
        debris_front.append(Debris("front_matter", ", ".join(f"{k}: {v}" for k, v in fm.items())))
    text = _HTML_COMMENT.sub("", text)

    st = _State(title=title)
    lines: list[tuple[str, int]] = []  # (plain line, heading level)
    for raw_line in text.split("\n"):
        if _HRULE.match(raw_line):
            continue
        plain, level = _strip_markdown(raw_line.strip())
        plain = re.sub(r"[ \t]+", " ", plain).strip()
        if plain:
            lines.append((plain, level))

    # --- the top of the page: headline, labels and furniture before the first real paragraph.
    # Strict whole-line rules (byline, date line, site link ...) apply to the first lines even
    # after a standfirst; the looser label rule only until the first long paragraph.
    body: list[str] = []
    phase = "before_title"
    for i, (line, level) in enumerate(lines):
        if i < _TOP_LINES and _header_rule(line, st):
            continue
        if phase == "before_title":
            if st.title is None and _title_like(line, level):
                st.title = line
                phase = "after_title"
                continue
            if st.title is None and _label_like(line):
                st.drop("section_label", line)
                continue
            phase = "after_title" if st.title is not None else "body"
        if phase == "after_title":
            if _norm(line) == _norm(st.title or ""):
                st.drop("repeated_title", line)
                continue
            if _label_like(line) and not level:
                st.drop("section_label", line)
                continue
            if _words(line) >= 20:
                phase = "body"
        body.append(line)

    # --- a block of teasers or comments at the end: cut from its header to the end, when less
    # text follows the header than precedes it and (comments apart) no paragraph of prose follows
    # it (a "Read more" inside the article is not a block)
    for j in range(1, len(body)):
        if _TRAILING_HEADERS.match(body[j]):
            before = sum(_words(x) for x in body[:j])
            after = sum(_words(x) for x in body[j + 1 :])
            goes_on = not _COMMENTS_HEADER.match(body[j]) and any(_prose_line(x) for x in body[j + 1 :])
            if after < before and not goes_on:
                st.debris.append(Debris("teasers", "\n".join(body[j:])))
                body = body[:j]
                break

    # --- furniture at the end, from the last line upwards
    while body:
        last = body[-1]
        if not _trailing_rule(last, st):
            if not _label_like(last):
                break
            st.drop("section_label", last)
        body.pop()

    # --- lines anywhere that are always furniture
    kept: list[str] = []
    for line in body:
        if _anywhere_rule(line, st):
            continue
        m = _SYNDICATION.match(line)
        if m and _words(line) <= 20 and _trailing_rule(line, st):
            continue
        kept.append(line)

    # dateline of a wire story: the agency is the outlet, the line stays in the text
    for line in kept[:3]:
        m = _DATELINE.match(line)
        if m:
            st.outlets.setdefault("dateline", m.group("agency").strip())
            break

    return _finish(kept, st, fm, debris_front)


def _finish(kept: list[str], st: _State, fm: dict[str, str], debris_front: list[Debris]) -> Cleaned:
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


_FM_KEYS = {"title", "outlet", "date", "published", "url", "author", "syndicated_from", "republished_by"}


@lru_cache(maxsize=1)
def _trafilatura():
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a declared dependency
        from framing.errors import MissingResourceError

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
    from framing.errors import InputError

    traf = _trafilatura()
    doc = traf.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is None:
        raise InputError("no article text found in the HTML page")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    cleaned = clean_text(text, title=d.get("title"))
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
