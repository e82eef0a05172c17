"""What the worksheet knows about the analysis's markers, in one place.

Which categories students circle (exercise 2) and which the answer key marks, how each is
labelled and explained, the colour of every kind of mark, the rule exercise 6 builds its hint on,
the concept of the teacher's guide each illustrates, and the stems of the verbs of saying that a
neutral "said" replaces. The rest of :mod:`framing.classroom` reads these facts only through the
functions below, so that they can later come from the lexicon files themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

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


_LOADED = "rhetoric.loaded_language"
_SCARE = "detectors.scare_quotes"
_REGISTERS = (
    "registers.marxist",
    "registers.state_diplomatic",
    "registers.nationalist_populist",
    "registers.liberal_internationalist",
)
#: Categories students circle in exercise 2 (wire-service style is a register too, but a neutral
#: one: it is not something to circle), in priority order where spans overlap.
_SPOT = (_SCARE, _LOADED, *_REGISTERS)
#: Everything marked in the sentences of exercise 6 (and in the key's evidence generally).
_MARK = _SPOT + ("rhetoric.attribution_evaluative", "rhetoric.boosters", "rhetoric.intensifiers")

_FLAGS = {
    f.key: f
    for f in (
        FlagInfo(_LOADED, "loaded", "loaded language", "a word that judges as well as describes: it tells the reader what to feel about what it names", "note"),
        FlagInfo(_SCARE, "scare", "scare quotes", "quotation marks with no speaker: the writer keeps a distance from the word and hints that it is not what it claims to be", "unquote"),
        FlagInfo("registers.marxist", "register", "Marxist register", "vocabulary of Marxist and anti-imperialist writing: events become class and imperial struggle"),
        FlagInfo("registers.state_diplomatic", "register", "state-diplomatic register", "a set formula of state media and foreign ministries: one side is harmony and cooperation, the other hostility"),
        FlagInfo("registers.nationalist_populist", "register", "nationalist-populist register", "vocabulary of nationalist and populist writing: the nation and its people against elites and foreigners"),
        FlagInfo("registers.liberal_internationalist", "register", "liberal-internationalist register", "vocabulary of liberal internationalism: allies, rules and democracies against autocracies"),
        FlagInfo("rhetoric.attribution_evaluative", "verb", "evaluative attribution verb", "a verb of saying that judges the words it reports (casts doubt, presumes guilt or paints the speaker's manner)", "said"),
        FlagInfo("rhetoric.boosters", "booster", "booster", "a word that claims certainty and closes down doubt", "drop"),
        FlagInfo("rhetoric.intensifiers", "intens", "intensifier", "a word that turns a quality up", "drop"),
    )
}

#: Category -> the concept of the teacher's guide (``example`` in concepts.toml) its first use illustrates.
_CONCEPTS = {
    _LOADED: "loaded",
    _SCARE: "scare",
    "rhetoric.attribution_evaluative": "verb",
    "rhetoric.hedges": "hedge",
    **dict.fromkeys(_REGISTERS, "register"),
}

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


def spot_keys() -> tuple[str, ...]:
    """Categories students circle in exercise 2, in priority order where spans overlap."""
    return _SPOT


def mark_keys() -> tuple[str, ...]:
    """Every category the key marks in the sentences it shows, in priority order."""
    return _MARK


def loaded_key() -> str:
    """The category of loaded language (what exercise 6 counts to choose its sentence)."""
    return _LOADED


def is_register(key: str) -> bool:
    """Whether ``key`` is one of the political registers students circle."""
    return key in _REGISTERS


def is_scare_quote(key: str) -> bool:
    """Whether ``key`` is the scare-quote detector (quotation marks with no speaker: not a source's quotation)."""
    return key == _SCARE


def flag_info(key: str) -> FlagInfo:
    """How the worksheet shows the category ``key`` (one of :func:`mark_keys`); KeyError otherwise."""
    return _FLAGS[key]


def concept_of(key: str) -> str | None:
    """The concept of the teacher's guide that a match of ``key`` illustrates, if any."""
    return _CONCEPTS.get(key)


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
