"""Page debris: the named rules that recognise navigation, bylines, date lines, teaser blocks,
promotions and syndication notices in text copied from a web page, and the passes that apply them.

The rules are deliberately conservative: a line is removed only when a named rule recognises it,
and everything else stays in the body. Each removed line is kept as a :class:`~framing.types.Debris`
(``framing clean --show-debris`` lists them), and the metadata it gives away (title, date, author,
outlet, syndication) is recorded in a :class:`PageState` on the way.

Why this module is long: the rules are one list read in one order by the passes below, and the
line tests other stages share (:func:`is_link_line`, :func:`is_caption_line`) are those rules;
splitting them would put a rule and the pass that applies it in two places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.inputs.dates import MONTH, is_date_line, parse_date
from framing.inputs.outlets import outlet_from_domain
from framing.inputs.page_lines import article_region, repeated_lines
from framing.types import Debris

__all__ = ["PAGE_MIN_OUTSIDE", "PageState", "is_caption_line", "is_inline_debris", "is_link_line", "line_at", "on_link_line", "strip_debris"]

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
    r"^\(?\s*(?:read more|read also|read|more|also read|related|see also|watch|listen|click here|sign up|subscribe|"
    r"follow (?:us|[\w ]{1,30} on)|download (?:our|the) app|(?:also on|more from) (?-i:[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3})|quiz|photos?|slideshow)\b\s*:",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"^(?:click here\b|tap here\b|you can now listen to\b|listen to (?:this|the) (?:article|story)\b|"
    r"read the (?:full|original|whole) (?:article|story|report)\b|unlock (?:the |our |your )?.{0,60}\bnewsletter\b|"
    r"sign up (?:for|to)\b|subscribe (?:to|for|now)\b|download (?:the|our) .{0,40}\bapp\b|get (?:the|our) .{0,40}\b(?:app|newsletter)\b|"
    r"get (?:the latest|breaking news|our best|more) .{0,60}\b(?:inbox|email|app|newsletter)\b|"
    r"(?:follow|like) (?:us|[\w ]{1,30}) on (?:facebook|twitter|x|instagram|telegram|tiktok|youtube)\b|"
    r"(?:become|join) (?:a |our )?(?:member|subscriber|supporter)s?\b|support (?:our|independent) journalism\b)",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:[(\[](?:[^()\[\]]{0,120}?(?:\bAP Photo\b|Getty Images|\bReuters\b|\bAFP\b|\bXinhua\b|\bEPA\b|\bBloomberg\b|Photo\b|Image\b)[^()\[\]]{0,80})[)\]]\s*$|"
    r"^(?:photo|image|picture|credit|photograph)s?(?: credit)?\s*:|^(?:getty images|ap photo|reuters|afp|associated press)$|"
    r"(?-i:\bPhotographer\s*:).{0,80}$|"
    r"(?-i:\b[A-Z][A-Z.&'’ -]{1,40}/[A-Z][\w.'’ -]{1,40}$)|"
    # NPR's "Enlarge this image toggle caption Saul Loeb/AFP/Getty Images Saul Loeb/AFP/Getty Images"
    r"(?-i:\btoggle caption\b)|(?-i:\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}/(?:AP|AFP|Getty Images|Reuters|EPA|Xinhua|Bloomberg|AFP/Getty Images|AFP via Getty Images)$))",
    re.IGNORECASE,
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
    r"this (?:report|story|article) by\s+(?=[^\n]{2,80}?\s+was\s+(?:first\s+)?published\b)|"
    r"(?:courtesy of|via)\s+)"
    r"(?P<src>[^\n]{2,80}?)"
    r"(?:\s+under a creative commons.*|\s+with permission.*|\s+was\s+(?:first\s+)?published\b.*)?[.!]?\s*$",
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
    r"^(?P<place>[A-Z][A-Z.'’/ -]{1,60}),?\s+(?:(?P<mon>" + MONTH + r")\s+(?P<d>\d{1,2}),?\s+)?"
    r"\((?P<agency>[A-Z][\w .&'’-]{1,40})\)\s*[-–—]"
)
_SIGNATURE = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*(?:,|\||—|–|-)\s*(?:The )?[A-Z][\w.&'’ -]{2,40}$")
_CREDITS = re.compile(r"^\(?(?:reporting|writing|additional reporting|editing) by\b.*\)?$", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*(?:\d{4})?", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^[^|>›»]{1,40}(?:\s+[|>›»]\s+[^|>›»]{1,40}){1,5}$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•►▶▪▸◆■●]|\d{1,2}[.)])\s+")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))+\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_HRULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*$")


_TOP_LINES = 12  # how far down the page strict header rules look


def is_link_line(line: str) -> bool:
    """Whether a line of an article is a link to another story that the page set inside the text
    ("Related: Ohio lawmakers split on tax plan", "READ MORE: ...", "Read More Tear Gas Is ...",
    "( Also on POLITICO: Paul, Cruz weigh in)", "(QUIZ: Do you know ...?)"):
    not the article's own words."""
    text = line.strip()
    return _words(text) <= 30 and (bool(_INLINE_PROMO.match(text)) or text.lower().startswith(("read more ", "see also ")))


def is_caption_line(line: str) -> bool:
    """Whether a line is a photo caption or credit the page set inside the text ("... [Yawar
    Nazir/Getty Images]", "Ri Yong Ho Photographer: Kyodo News via Getty Images")."""
    return _words(line) <= 70 and bool(_PHOTO_CREDIT.search(line.strip()))


def is_inline_debris(line: str) -> bool:
    """Whether a line is page furniture set inside the article's text: a link to another story
    (:func:`is_link_line`, or one in capitals: "TRUMP CAMPAIGN SUES CNN OVER ..."), or a photo
    caption (:func:`is_caption_line`). Nobody speaks there."""
    return is_link_line(line) or is_caption_line(line) or _caps_teaser(line)


def line_at(text: str, char: int) -> str:
    """The line of ``text`` that holds character ``char``."""
    hi = text.find("\n", char)
    return text[text.rfind("\n", 0, char) + 1 : hi if hi >= 0 else len(text)]


def on_link_line(text: str, char: int) -> bool:
    """Whether character ``char`` of ``text`` lies on a link line (see :func:`is_link_line`)."""
    return is_link_line(line_at(text, char))


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



@dataclass
class PageState:
    """What the rules have read from a page so far, and the debris they removed."""

    title: str | None = None
    outlets: dict[str, str] = field(default_factory=dict)  # evidence kind -> outlet
    dates: dict[str, str] = field(default_factory=dict)
    url: str | None = None
    author: str | None = None
    syndicated_from: str | None = None
    debris: list[Debris] = field(default_factory=list)

    def drop(self, kind: str, text: str) -> None:
        self.debris.append(Debris(kind, text))


def _header_rule(line: str, st: PageState) -> bool:
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
    iso = is_date_line(line)
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


def _anywhere_rule(line: str, st: PageState) -> bool:
    """Rules safe to apply to any line of the page, wherever it stands."""
    low = line.lower().strip()
    if low in _NAV_LINES:
        st.drop("navigation", line)
        return True
    if _first_rule(line, st, _ANYWHERE_RULES):
        return True
    if _caps_teaser(line):
        st.drop("teaser", line)
        return True
    return False


#: (pattern, longest line in words it applies to, debris kind): a line is that debris when the
#: pattern is found in it and it is no longer than that.
_Rule = tuple[re.Pattern[str], int, str]
_ANYWHERE_RULES: tuple[_Rule, ...] = (
    (_INLINE_PROMO, 25, "promotion"),
    (_CALL_TO_ACTION, 25, "call_to_action"),
    (_PHOTO_CREDIT, 70, "photo_caption"),
)
_TRAILING_RULES: tuple[_Rule, ...] = ((_COPYRIGHT, 15, "credits"), (_PROMOTION, 30, "promotion"))


def _first_rule(line: str, st: PageState, rules: tuple[_Rule, ...]) -> bool:
    """Drop ``line`` as the kind of the first rule that recognises it; True if one did."""
    for pattern, longest, kind in rules:
        if pattern.search(line) and _words(line) <= longest:
            st.drop(kind, line)
            return True
    return False


_LOWER_ASCII = re.compile(r"[a-z]")


def _caps_teaser(line: str) -> bool:
    """A link to another story set in capitals inside the article ("TRUMP IMPOSES TARIFFS ON
    IMPORTS FROM CANADA"), as some outlets print them: five or more words, nearly every letter a
    capital, no sentence end (an all-capitals subhead is usually shorter)."""
    if len(_LOWER_ASCII.findall(line)) > 0.1 * len(line):
        return False  # (a quick no: over a tenth of the line's characters are small letters)
    letters = [c for c in line if c.isalpha()]
    return _words(line) >= 5 and len(letters) >= 20 and sum(c.isupper() for c in letters) >= 0.9 * len(letters) and not line.rstrip().endswith((".", "?", "!"))


def _trailing_rule(line: str, st: PageState) -> bool:
    """Rules for furniture at the end of the article (checked from the last line upwards)."""
    m = _SYNDICATION.match(line)
    if m and _words(line) <= 20:
        src = m.group("src").strip().rstrip(".")
        st.syndicated_from = st.syndicated_from or (
            outlet_from_domain(src) if re.fullmatch(r"[\w.-]+\.[a-z]{2,}(?:/\S*)?", src, re.IGNORECASE) else src
        )
        st.drop("syndication", line)
        return True
    if _CREDITS.match(line) or (_SIGNATURE.match(line) and _words(line) <= 8):
        st.drop("credits", line)
        return True
    if _first_rule(line, st, _TRAILING_RULES):
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



def strip_debris(text: str, st: PageState, *, find_article: bool = True) -> list[str]:
    """The article's paragraphs: ``text`` (normalised, without front matter) with the page debris
    removed into ``st.debris`` and the metadata it gave away recorded in ``st``.

    With ``find_article`` (the default), a whole copied page is first cut down to the article's
    lines (:func:`_find_article`); the named rules then apply to what is left.
    """
    lines = _page_lines(text)
    if find_article:
        lines = _find_article(lines, st)
    body = _strip_top(lines, st)
    body = _cut_trailing_block(body, st)
    body = _strip_end(body, st)
    kept = _strip_anywhere(body, st)
    _read_dateline(kept, st)
    return kept


def _page_lines(text: str) -> list[tuple[str, int]]:
    """Plain lines with their heading level, Markdown markup and horizontal rules removed."""
    lines: list[tuple[str, int]] = []  # (plain line, heading level)
    for raw_line in text.split("\n"):
        if _HRULE.match(raw_line):
            continue
        plain, level = _strip_markdown(raw_line.strip())
        plain = re.sub(r"[ \t]+", " ", plain).strip()
        if plain:
            lines.append((plain, level))
    return lines


PAGE_MIN_OUTSIDE = 8
"""Lines outside the article region before a text counts as a whole copied page and is cut to the
region. A pasted article has a headline, a byline and a date line or two around it, which the named
rules read; a copied page has menus, teasers and a footer, dozens of lines."""
_HEADER_LOOKBACK = 12  # lines above the article searched for its headline, byline and date


def _find_article(lines: list[tuple[str, int]], st: PageState) -> list[tuple[str, int]]:
    """The article's lines of a whole copied page (see :mod:`framing.inputs.page_lines`); a text
    that is already (nearly) just an article comes back without its repeated lines only.

    Every line cut is kept as debris: a repeated line as ``repeated_text``, the page around the
    article as ``outside_article`` blocks, lines inside it the model is sure are not body as
    ``not_article``. The headline, byline and date above the article are still read into ``st``.
    """
    repeats = repeated_lines([line for line, _ in lines])
    for i in sorted(repeats):
        st.drop("repeated_text", lines[i][0])
    lines = [x for i, x in enumerate(lines) if i not in repeats]
    region = article_region([line for line, _ in lines])
    outside = region.start + len(lines) - region.end
    if outside < PAGE_MIN_OUTSIDE or region.end <= region.start:
        return lines
    inside_words = sum(_words(lines[i][0]) for i in range(region.start, region.end))
    prose_outside = sum(_words(line) for i, (line, _) in enumerate(lines) if not region.start <= i < region.end and _prose_line(line))
    if region.end - region.start <= 2 and prose_outside > 3 * inside_words:
        # a region of a line or two and several times its prose outside it ("March 2016" / a
        # paragraph / "April 2016" / ...: a timeline the region model cut to one entry): no copied
        # page, keep it all
        return lines
    before, after = lines[: region.start], lines[region.end :]
    _read_header(before, st)
    _read_trailer(after, st)
    if before:
        st.drop("outside_article", "\n".join(line for line, _ in before))
    kept: list[tuple[str, int]] = []
    for i in range(region.start, region.end):
        if i in region.dropped:
            st.drop("not_article", lines[i][0])
        else:
            kept.append(lines[i])
    if after:
        st.drop("outside_article", "\n".join(line for line, _ in after))
    return kept


def _read_header(before: list[tuple[str, int]], st: PageState) -> None:
    """Metadata from the page above the article: site link, byline, date line (the header rules on
    the page's first lines and on the lines just above the article, applied to a scratch state so
    the lines are not listed twice as debris), and the headline: the last title-like line just
    above the article that no rule claims."""
    scratch = PageState()
    title = None
    near = max(len(before) - _HEADER_LOOKBACK, 0)
    for i, (line, level) in enumerate(before):
        if i >= _TOP_LINES and i < near:
            continue
        if _header_rule(line, scratch):
            continue
        if i >= near and _title_like(line, level) and not _label_like(line):
            title = line
    st.author = st.author or scratch.author
    st.url = st.url or scratch.url
    for key, value in scratch.dates.items():
        st.dates.setdefault(key, value)
    for key, value in scratch.outlets.items():
        st.outlets.setdefault(key, value)
    if st.title is None and title is not None:
        st.title = title


def _read_trailer(after: list[tuple[str, int]], st: PageState) -> None:
    """A syndication notice among the first lines below the article ("This post appeared first on
    cnn.com") names the outlet whose words these are, even though the lines are cut."""
    scratch = PageState()
    for line, _ in after[:_HEADER_LOOKBACK]:
        _trailing_rule(line, scratch)
    st.syndicated_from = st.syndicated_from or scratch.syndicated_from


def _strip_top(lines: list[tuple[str, int]], st: PageState) -> list[str]:
    """The top of the page: headline, labels and furniture before the first real paragraph.

    Strict whole-line rules (byline, date line, site link ...) apply to the first lines even
    after a standfirst; the looser label rule only until the first long paragraph.
    """
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
    return body


def _cut_trailing_block(body: list[str], st: PageState) -> list[str]:
    """A block of teasers or comments at the end: cut from its header to the end, when less text
    follows the header than precedes it and (comments apart) no paragraph of prose follows it (a
    "Read more" inside the article is not a block)."""
    for j in range(1, len(body)):
        if _TRAILING_HEADERS.match(body[j]):
            before = sum(_words(x) for x in body[:j])
            after = sum(_words(x) for x in body[j + 1 :])
            goes_on = not _COMMENTS_HEADER.match(body[j]) and any(_prose_line(x) for x in body[j + 1 :])
            if after < before and not goes_on:
                st.debris.append(Debris("teasers", "\n".join(body[j:])))
                return body[:j]
    return body


def _strip_end(body: list[str], st: PageState) -> list[str]:
    """Furniture at the end, from the last line upwards."""
    body = list(body)
    while body:
        last = body[-1]
        if not _trailing_rule(last, st):
            if not _label_like(last):
                break
            st.drop("section_label", last)
        body.pop()
    return body


def _strip_anywhere(body: list[str], st: PageState) -> list[str]:
    """Lines anywhere that are always furniture."""
    kept: list[str] = []
    for line in body:
        if _anywhere_rule(line, st):
            continue
        m = _SYNDICATION.match(line)
        if m and _words(line) <= 20 and _trailing_rule(line, st):
            continue
        kept.append(line)
    return kept


def _read_dateline(kept: list[str], st: PageState) -> None:
    """The dateline of a wire story: the agency is the outlet, and the line stays in the text."""
    for line in kept[:3]:
        m = _DATELINE.match(line)
        if m:
            st.outlets.setdefault("dateline", m.group("agency").strip())
            break
