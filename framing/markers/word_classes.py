"""Word classes several stages share, read from ``lexicons/word_classes.toml`` (one list, not one per
stage): verbs of saying, nouns of unnamed sources, verbs of making someone act, nouns of a relation to
another party, prepositions of the other party. And the neutral/evaluative class of a verb of saying, read from the rhetoric lexicon's
attribution categories, so the quote tables and the marker counts classify a verb the same way.

>>> "say" in word_class("speech_verbs"), "believe" in word_class("speech_verbs")
(True, False)
>>> attribution_class("claimed", "claim"), attribution_class("said", "say"), attribution_class("ate", "eat")
('evaluative', 'neutral', None)
"""

from __future__ import annotations

from functools import cache, lru_cache

from framing.markers.lexicons import Lexicon, load_lexicon
from framing.resources import lexicon_dir

__all__ = ["WORD_CLASSES", "attribution_class", "word_class"]

#: The classes declared in ``lexicons/word_classes.toml``.
WORD_CLASSES = (
    "speech_verbs", "phrasal_speech_verbs", "claim_nouns", "source_nouns", "object_control_verbs", "relational_nouns", "partner_prepositions",
    "female_first_names", "male_first_names",
)


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    return load_lexicon(lexicon_dir() / "word_classes.toml")


@cache  # a few dozen classes, read in the parse loops
def word_class(name: str) -> frozenset[str]:
    """The lower-case entries (lemmas) of one word class; KeyError naming the classes otherwise."""
    lex = _lexicon()
    if name not in lex.categories:
        raise KeyError(f"no word class {name!r}; classes: {', '.join(lex.categories)}")
    return frozenset(e.term.lower() for e in lex.entries_for(name))


@lru_cache(maxsize=1)
def _attribution_forms() -> dict[str, str]:
    """Single-word attribution entries of the rhetoric lexicon -> ``neutral`` / ``evaluative``."""
    rhetoric = load_lexicon(lexicon_dir() / "rhetoric.toml")
    out: dict[str, str] = {}
    for cat, cls in (("attribution_neutral", "neutral"), ("attribution_evaluative", "evaluative")):
        for e in rhetoric.entries_for(cat):
            if " " not in e.term and "*" not in e.term:
                out.setdefault(e.term.lower(), cls)
    return out


def attribution_class(form: str, lemma: str | None = None) -> str | None:
    """``neutral`` (said, told), ``evaluative`` (claimed, insisted, warned) or None (not listed), by
    the word's form, else its lemma or the lemma's regular inflections."""
    forms = _attribution_forms()
    found = forms.get(form.lower())
    if found is None and lemma:
        lem = lemma.lower()
        for cand in (lem, lem + "ed", lem + "d", lem + "s", lem + "es", lem[:-1] + "ied" if lem.endswith("y") else ""):
            if cand and cand in forms:
                return forms[cand]
    return found
