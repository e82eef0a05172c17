"""Page furniture a worksheet must not show as the article: bylines, datelines, photo credits and
promotions.

Cleaning removes most of them when articles are loaded (:mod:`framing.inputs.debris`), but text
can reach a worksheet uncleaned (``clean=False``, Article objects made by hand, a line the cleaner
did not recognise), so the classroom checks again, line by line:

* :func:`furniture_kind` says whether a whole line is furniture (a byline, a dateline with nothing
  after it, a date line, a promotion); exercise 1 starts each lead at the first line that is not
  (:func:`lead_span`).
* :func:`strip_furniture` removes bylines, datelines ("WASHINGTON (AP) —", "BEIJING, Jan. 16
  (Reuters) -", "OTTAWA —"), promotions and photo credits ("(AP Photo/...)"): the anonymiser's
  first step, since each names the outlet or betrays its style
  (:class:`~framing.classroom.anonymise.Anonymiser`).
"""

from __future__ import annotations

import re

__all__ = ["BYLINE", "CREDIT", "DATELINE", "furniture_kind", "lead_span", "strip_furniture"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?"
#: A place in capitals: WASHINGTON, NEW YORK, BEIJING/OTTAWA, ST. LOUIS (three capitals in a row somewhere)
_CAPS_PLACE = r"(?=[A-Z.'’/ -]*[A-Z]{3})[A-Z][A-Z.'’-]*(?:[ /][A-Z][A-Z.'’-]*){0,4}"
#: A place as a word or a few: Washington, Hong Kong
_PLACE = r"[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,3}"
#: ", Jan. 16" or ", Calif." or ", D.C." after the place (up to two)
_AFTER_PLACE = r"(?:,\s*(?:" + _DATE + r"|[A-Z][A-Za-z.]{0,12}))" + r"{0,2}"
_SOURCE = r"\([A-Z][^()\n]{0,40}\)"
#: An em or en dash, "--", or a hyphen with space on both sides: the dash that ends a dateline,
#: then the end of the line or the sentence it opens ("NATO — the alliance said" is not a dateline)
_DASH = r"(?:\s*(?:—|–|--)|\s+-)(?:[ \t]+(?=[A-Z0-9\"“‘'])|[ \t]*$)"

#: A dateline at the start of a line, with the space after it (the space before it taken
#: possessively: giving it back would scan the rest of a long run of spaces again each time): a place in capitals with an optional
#: date and source ("OTTAWA — ", "BEIJING, Jan. 16 (Reuters) - "), or any place with a source in
#: brackets ("Washington (CNN) — "), or the source alone ("(CNN) — ").
DATELINE = re.compile(
    r"^[ \t]*+(?:" + _CAPS_PLACE + _AFTER_PLACE + r"(?:\s*" + _SOURCE + r")?|" + _PLACE + _AFTER_PLACE + r"\s*" + _SOURCE + r"|" + _SOURCE + r")" + _DASH,
    re.MULTILINE,
)

_DATELINE_ALONE = re.compile(r"(?:" + _CAPS_PLACE + r"|" + _PLACE + r")" + _AFTER_PLACE + r"\s*" + _SOURCE)

_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin))*"
_AFFILIATION = r"[A-Z][\w.&'’-]*(?:\s+[A-Z&][\w.&'’-]*){0,4}"
#: A byline as a whole line: "By Jane Doe", "By Jane Doe and John Roe, CNN", "Jane Doe | Reuters",
#: "Reporting by Jane Doe; Editing by John Roe", "Source: Harmony Daily  Editor: Liu Qingyuan".
BYLINE = re.compile(
    r"^[ \t]*+(?:"
    r"[Bb][Yy]:?\s+" + _NAME + r"(?:\s*(?:,|\band\b|&)\s*" + _NAME + r")*(?:\s*(?:,|\||•|·|[-–—])\s*" + _AFFILIATION + r")?"
    r"|" + _NAME + r"(?:\s+and\s+" + _NAME + r")?\s*\|\s*" + _AFFILIATION
    + r"|(?i:\(?(?:reporting|writing|additional reporting|editing|compiled) by\b[^\n]*)"
    r"|(?i:(?:source|editor|author|written by|story by):[^\n]*)"
    r")[ \t]*\.?[ \t]*$",
    re.MULTILINE,
)

#: A photo or video credit in brackets: "(AP Photo/Evan Vucci)", "(Photo by Jane Doe/Getty Images)".
CREDIT = re.compile(r"[ \t]{0,3}\((?:[^()\n]{0,60}?\s)?(?:Photo|Photograph|Image|Video|Illustration)s?\b[^()\n]{0,80}\)")

_DATE_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|\d{1,2}:\d{2}(?::\d{2})?|\d{1,4}(?:st|nd|rd|th)?|[^\W\d_]+\.?", re.UNICODE)
#: The words a date or time line may hold besides numbers: "Updated 10:15 AM ET, Thu March 12, 2026"
_DATE_WORDS = frozenset(
    (
        "published", "updated", "posted", "last", "modified", "on", "at", "am", "pm", "a", "p", "m", "et",
        "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "mon", "monday", "tue", "tues",
        "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun",
        "sunday", "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
    )
)
_PROMOTION = re.compile(
    r"^(?:click here|tap here|download the\b|get the\b.{0,40}\bapp\b|sign up\b|subscribe\b|follow us\b|join us\b|"
    r"read (?:the )?(?:full|whole|original|entire) (?:article|story|report)|read more\b|continue reading|"
    r"listen to (?:this|the) (?:article|story)|watch(?: the)? (?:video|live)|share this)",
    re.IGNORECASE,
)
#: promotions that need not open the line, taken only in a short line (a sentence may mention an app)
_PROMOTION_IN_SHORT_LINE = re.compile(
    r"\byou can now listen to\b|\bsign up for (?:our|the)\b[^\n]{0,60}\bnewsletters?\b|\b(?:download|get) (?:the|our)\b[^\n]{0,40}\bapp\b",
    re.IGNORECASE,
)


def furniture_kind(line: str) -> str | None:
    """What a whole line is if it is page furniture rather than the article: ``"byline"``,
    ``"dateline"`` (a dateline with nothing after it), ``"date"`` (a date or time line such as
    "Updated 10:15 AM ET, March 12, 2026"), ``"promotion"`` ("CLICK HERE TO GET THE APP", "Sign up
    for our newsletter", "Read the full article here"); None for a line of the article."""
    text = line.strip()
    if not text:
        return None
    if BYLINE.fullmatch(text):
        return "byline"
    m = DATELINE.match(text)
    if m and not text[m.end() :].strip():
        return "dateline"
    if _DATELINE_ALONE.fullmatch(text):  # "WASHINGTON (AP)" on a line of its own, without its dash
        return "dateline"
    tokens = _DATE_TOKEN.findall(text)
    if len(text) <= 80 and any(t[0].isdigit() for t in tokens) and all(t[0].isdigit() or t.lower().rstrip(".") in _DATE_WORDS for t in tokens):
        return "date"
    words = len(text.split())
    if (words <= 30 and _PROMOTION.match(text)) or (words <= 15 and _PROMOTION_IN_SHORT_LINE.search(text)):
        return "promotion"
    return None


def lead_span(text: str, paras: list[tuple[int, int]]) -> tuple[int, int]:
    """The span of the lead: from the first line (of the first paragraph that has one) that is not
    furniture (:func:`furniture_kind`) to the end of its paragraph; the first paragraph when every
    line is furniture, ``(0, 0)`` for an empty text."""
    for ps, pe in paras:
        pos = ps
        for line in text[ps:pe].split("\n"):
            if line.strip() and furniture_kind(line) is None:
                return pos + len(line) - len(line.lstrip()), pe
            pos += len(line) + 1
    return paras[0] if paras else (0, 0)


_DATELINE_AT_START = re.compile(DATELINE.pattern + r"\n?", re.MULTILINE)


def strip_furniture(text: str) -> str:
    """``text`` without the furniture that names or betrays an outlet: byline and promotion lines,
    datelines (a line's opening "WASHINGTON (AP) — ", or the whole line) and photo credits. The
    anonymiser's first step; line breaks of removed lines go with them."""
    if not text:
        return text
    lines = text.split("\n")
    kept = [line for line in lines if furniture_kind(line) not in ("byline", "dateline", "promotion")]
    if len(kept) < len(lines):
        text = "\n".join(kept)
    return CREDIT.sub("", _DATELINE_AT_START.sub("", text))
