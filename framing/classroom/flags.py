"""What the worksheet knows about the analysis's markers, in one place.

Which categories students circle (exercise 2) and which the answer key marks, how each is
labelled and explained, the colour of every kind of mark, the rule exercise 6 builds its hint on,
the concept of the teacher's guide each illustrates, and the stems of the verbs of saying that a
neutral "said" replaces. The marker facts come from the lexicon files (``classroom``,
``classroom_order``, ``classroom_class``, ``classroom_label``, ``classroom_note``,
``classroom_rewrite``, ``classroom_concept``: :mod:`framing.markers.registry`); the colours of the
kinds of marks are the worksheet's own. The rest of :mod:`framing.classroom` reads these facts
only through the functions below.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from framing.markers.registry import marker_registry

__all__ = [
    "FlagInfo",
    "MarkStyle",
    "concept_of",
    "flag_info",
    "is_register",
    "is_scare_quote",
    "legend",
    "loaded_key",
    "mark_color",
    "mark_keys",
    "mark_styles",
    "say_stems",
    "spot_keys",
]


@dataclass(frozen=True)
class FlagInfo:
    """How the worksheet shows one marker category (``lexicon.category``)."""

    key: str
    css: str  # class of its marks, which gives their colour
    label: str  # short label
    explanation: str  # one line for the answer key
    rewrite: str | None = None  # exercise 6's hint: "said", "drop", "unquote" or "note" (the lexicon's note names a neutral word)


@dataclass(frozen=True)
class MarkStyle:
    """The colours of one kind of mark in the answer key (HTML and PDF)."""

    css: str
    background: str
    border: str  # underline colour in the HTML key


#: Verbs of saying whose evaluative form a neutral "said" can replace word for word (stems).
_SAY_STEMS = (
    "claim", "insist", "admit", "assert", "contend", "maintain", "argu", "declar", "proclaim", "alleg",
    "conced", "acknowledg", "confess", "boast", "retort", "counter", "profess",
)

#: Every kind of mark in the answer key: the flags' classes, verbs of saying, actors, role verbs
#: and distinctive words (exercise 5), in the order of the stylesheet.
_STYLES = (
    MarkStyle("loaded", "#ffcccc", "#c0392b"),
    MarkStyle("scare", "#ffe066", "#b7950b"),
    MarkStyle("register", "#f7c6e3", "#8e44ad"),
    MarkStyle("verb", "#ffb347", "#b9770e"),
    MarkStyle("neutral", "#cde8c4", "#1e8449"),
    MarkStyle("booster", "#d5f5e3", "#1e8449"),
    MarkStyle("intens", "#d5f5e3", "#1e8449"),
    MarkStyle("actor", "#bfd9f2", "#2e86c1"),
    MarkStyle("role", "#e0d1f5", "#6c3483"),
    MarkStyle("term", "#fdebd0", "#ca6f1e"),
)
_COLORS = {s.css: s.background for s in _STYLES}
_LEGEND = (
    ("loaded", "loaded language"),
    ("scare", "scare quotes"),
    ("register", "register phrase"),
    ("verb", "evaluative verb"),
    ("neutral", "neutral verb"),
    ("booster", "booster or intensifier"),
    ("actor", "actor"),
    ("role", "role verb"),
    ("term", "distinctive word"),
)


@lru_cache(maxsize=1)
def _classroom() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, FlagInfo], dict[str, str]]:
    """Spot keys, mark keys, flag facts and concepts, read once from the lexicon files."""
    reg = marker_registry()
    spot = tuple(m.key for m in reg.classroom("spot"))
    mark = spot + tuple(m.key for m in reg.classroom("mark"))
    flags = {
        m.key: FlagInfo(m.key, m.classroom_class or "term", m.classroom_label or m.phrase, m.classroom_note or m.definition, m.classroom_rewrite)
        for m in reg.classroom()
    }
    concepts = {k: concept for k in reg if (concept := reg[k].classroom_concept)}
    return spot, mark, flags, concepts


def spot_keys() -> tuple[str, ...]:
    """Categories students circle in exercise 2, in priority order where spans overlap
    (``classroom = "spot"`` in the lexicon files, by ``classroom_order``)."""
    return _classroom()[0]


def mark_keys() -> tuple[str, ...]:
    """Every category the key marks in the sentences it shows, in priority order (spot, then mark)."""
    return _classroom()[1]


def loaded_key() -> str:
    """The category of loaded language (what exercise 6 counts to choose its sentence)."""
    return next(k for k in spot_keys() if flag_info(k).css == "loaded")


def is_register(key: str) -> bool:
    """Whether ``key`` is one of the political registers students circle."""
    return key in spot_keys() and flag_info(key).css == "register"


def is_scare_quote(key: str) -> bool:
    """Whether ``key`` is the scare-quote detector (quotation marks with no speaker: not a source's quotation)."""
    return key in _classroom()[2] and flag_info(key).css == "scare"


def flag_info(key: str) -> FlagInfo:
    """How the worksheet shows the category ``key`` (one of :func:`mark_keys`); KeyError otherwise."""
    return _classroom()[2][key]


def concept_of(key: str) -> str | None:
    """The concept of the teacher's guide that a match of ``key`` illustrates, if any."""
    return _classroom()[3].get(key)


def say_stems() -> tuple[str, ...]:
    """Stems of the evaluative verbs of saying that "said" replaces word for word."""
    return _SAY_STEMS


def mark_styles() -> tuple[MarkStyle, ...]:
    """The colours of every kind of mark, in stylesheet order."""
    return _STYLES


def mark_color(css: str) -> str:
    """Background colour of marks of class ``css`` (a light grey for an unknown class)."""
    return _COLORS.get(css, "#eeeeee")


def legend() -> tuple[tuple[str, str], ...]:
    """The answer key's legend: ``(css class, label)`` for each kind of mark students meet."""
    return _LEGEND
