"""Calendar dates as news pages write them, read into ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["MONTH", "is_date_line", "parse_date"]

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
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DATE_PATTERNS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"),
    re.compile(r"(?P<y>(?:19|20)\d\d)/(?P<m>\d\d?)/(?P<d>\d\d?)"),
    re.compile(r"\b" + _WEEKDAY + r"(?P<mon>" + MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE),
    re.compile(_WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>" + MONTH + r"),?\s+(?P<y>(?:19|20)\d\d)", re.IGNORECASE),
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


def is_date_line(line: str) -> str | None:
    """The ISO date if the whole line is a date (with an optional prefix and time), else None."""
    for pat in _DATE_PATTERNS:
        full = re.compile(r"^" + _DATE_PREFIX + pat.pattern + _TIME_TAIL + r"\s*$", pat.flags | re.IGNORECASE)
        m = full.match(line)
        if m:
            return _date_from_match(m)
    return None
