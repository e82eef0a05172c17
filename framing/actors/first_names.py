"""Whether a first name is a man's or a woman's, for the "he" and "she" a person is referred to by.

Our own word lists (``female_first_names`` and ``male_first_names`` in
``lexicons/word_classes.toml``) hold the names news writes most and decide first. Beyond them the
reference is the name data shipped in the PyPI package ``nomquamgender`` (MIT license; Van Buskirk,
Clauset & Larremore, 2023, "An open-source cultural consensus approach to name-based gender
classification", ICWSM): for each of about 720,000 first names, how many records it was seen in
and the share of them that were women's. A name counts only when it is common enough (at least
:data:`MIN_COUNT` records) and clearly one or the other (a share of women at least
:data:`SHARE` or at most ``1 - SHARE``, stricter than the package's own 0.9: at 0.9 "Lindsey" is
a woman's name and Lindsey Graham a "she"); "Jordan", "Taylor" or "Campbell" stay unknown,
compatible with both pronouns. Between our lists and these data, what the article itself says of
a person comes first (:func:`framing.actors.mentions.gender_evidence`).

The data file is read from the installed package (nothing downloads) once per process, keeping
only the names that count (about 59,000; some 10 MB, in about 0.2 s), and never by importing the
package (which would import pandas). Without the package the lists alone decide.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from framing.markers.word_classes import word_class

#: fewest records for a name to count
MIN_COUNT = 50
#: share of women (or of men) a name needs in its records to count as a woman's (a man's)
SHARE = 0.95

#: an entry of the data file: name, records (two digits at least: fewer are never enough), share of women
_ENTRY = re.compile(r'"([a-z]+)": \[\d+, (\d{2,}), ([01]\.\d+|[01])[,\]]')


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return path if path.is_file() else None


#: fewest records for a word to count as somebody's first name at all, whatever the gender
#: (above the records of words that are names only by accident: "the", "court", "president")
KNOWN_COUNT = 500


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    path = _data_file()
    if path is None:
        return {}, frozenset()
    out: dict[str, str] = {}
    known: set[str] = set()
    for name, count, share_text in _ENTRY.findall(path.read_text(encoding="utf-8")):
        share = float(share_text)
        if int(count) >= MIN_COUNT and (share >= SHARE or share <= 1 - SHARE):
            out[name] = "she" if share >= SHARE else "he"
        if int(count) >= KNOWN_COUNT:
            known.add(name)
    return out, frozenset(known)


def name_table() -> dict[str, str]:
    """First name (lower case, ASCII) -> "he" or "she", for the names the package's data decides."""
    return _tables()[0]


def known_first_name(given: str) -> bool:
    """Whether a word is somebody's first name, man's, woman's or both ("Lesley", "Shawn"):
    in our lists, or in at least :data:`KNOWN_COUNT` records of the name data."""
    given = given.lower().strip(".")
    return listed_pronoun(given) is not None or (len(given) > 1 and given.isalpha() and _ascii(given) in _tables()[1])


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def listed_pronoun(given: str) -> str | None:
    """"he" or "she" for a first name our word lists hold, else None."""
    given = given.lower().strip(".")
    if given in word_class("female_first_names"):
        return "she"
    if given in word_class("male_first_names"):
        return "he"
    return None


def table_pronoun(given: str) -> str | None:
    """"he" or "she" for a first name the name data decides (:func:`name_table`), else None."""
    given = given.lower().strip(".")
    if len(given) < 2 or not given.isalpha():
        return None  # an initial ("J. Smith") is nobody's
    return name_table().get(_ascii(given))


def first_name_pronoun(given: str) -> str | None:
    """"he" or "she" for a first name when it is clearly a man's or a woman's (our lists first,
    then the name data), else None."""
    return listed_pronoun(given) or table_pronoun(given)
