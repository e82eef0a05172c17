"""Matching semantics: tokens, phrases, globs, overlaps, negation, case, offsets."""

from __future__ import annotations

from typing import Any

from framing.markers.lexicons import Lexicon, LexiconSet, parse_lexicon
from framing.text.segment import segment


def lexicon(categories: dict[str, list[Any]], name: str = "toy", negatable: tuple[str, ...] = ()) -> Lexicon:
    data = {
        "lexicon": {"name": name, "version": "1.0", "language": "en", "license": "CC0", "description": "d", "curators": ["t"]},
        "categories": {
            c: {"label": c, "definition": "d", "literature": ["l"], "negatable": c in negatable, "entries": entries}
            for c, entries in categories.items()
        },
    }
    return parse_lexicon(data)


def found(lexes: Lexicon | list[Lexicon], text: str, overlap: str = "longest") -> list[tuple[str, str, bool]]:
    if not isinstance(lexes, list):
        lexes = [lexes]
    return [(m.category, text[m.start : m.end], m.negated) for m in LexiconSet(lexes, overlap=overlap).match(segment(text))]


def test_tokens_not_substrings() -> None:
    """'war' does not match inside 'software' or 'warning'."""
    lx = lexicon({"w": ["war"]})
    assert found(lx, "Software warnings about war.") == [("w", "war", False)]


def test_phrase_and_glob() -> None:
    """Multi-word phrases match in sequence; a glob matches inflections within one token."""
    lx = lexicon({"m": ["ruling class", "imperialis*", "inter-imperialist contradiction*"]})
    text = "The ruling class fears imperialism and inter-imperialist contradictions."
    assert found(lx, text) == [
        ("m", "ruling class", False),
        ("m", "imperialism", False),
        ("m", "inter-imperialist contradictions", False),
    ]


def test_glob_matches_the_bare_stem_and_not_across_tokens() -> None:
    """'thug*' matches 'thug' and 'thuggery' but a glob never spans two tokens."""
    lx = lexicon({"l": ["thug*"]})
    assert [t for _, t, _ in found(lx, "A thug, thuggery, thug life.")] == ["thug", "thuggery", "thug"]


def test_longest_match_wins_within_a_lexicon() -> None:
    """'New York Times' beats 'New York'; with overlap='all' both are kept."""
    lx = lexicon({"place": ["New York"], "paper": ["New York Times"]})
    text = "The New York Times reported it."
    assert found(lx, text) == [("paper", "New York Times", False)]
    assert sorted(found(lx, text, overlap="all")) == [("paper", "New York Times", False), ("place", "New York", False)]


def test_term_in_two_categories_counts_in_both() -> None:
    """A term listed in two categories of a lexicon matches in each."""
    lx = lexicon({"loaded": ["slammed"], "attribution": ["slammed"]})
    assert sorted(found(lx, "She slammed the plan.")) == [("attribution", "slammed", False), ("loaded", "slammed", False)]


def test_lexicons_do_not_suppress_each_other() -> None:
    """Overlapping matches from two lexicons are both kept."""
    a = lexicon({"war": ["trade war"]}, name="a")
    b = lexicon({"conflict": ["war"]}, name="b")
    assert sorted(found([a, b], "A trade war began.")) == [("conflict", "war", False), ("war", "trade war", False)]


def test_negation_in_negatable_categories_only() -> None:
    """'not a threat' is negated in a negatable category; the clause break stops the scope."""
    lx = lexicon({"loaded": ["threat"], "plain": ["tariff"]}, negatable=("loaded",))
    assert found(lx, "It is not a threat.") == [("loaded", "threat", True)]
    assert found(lx, "It isn't really a threat.") == [("loaded", "threat", True)]
    assert found(lx, "Not now, but a threat.") == [("loaded", "threat", False)]
    assert found(lx, "No tariff.") == [("plain", "tariff", False)]


def test_case_rules() -> None:
    """Case-insensitive by default; a case-sensitive entry matches its exact form only."""
    lx = lexicon({"c": [{"term": "US", "case_sensitive": True}, "hegemony"]})
    assert found(lx, "Hegemony worries us; the US disagrees.") == [("c", "Hegemony", False), ("c", "US", False)]


def test_curly_apostrophes_and_possessives() -> None:
    """A term with 's matches curly and straight apostrophes."""
    lx = lexicon({"s": ["China's core interests"]})
    assert [t for _, t, _ in found(lx, "China’s core interests and China's core interests.")] == [
        "China’s core interests",
        "China's core interests",
    ]


def test_matches_do_not_cross_sentences() -> None:
    """A phrase split by a sentence boundary does not match."""
    lx = lexicon({"p": ["ruling class"]})
    assert found(lx, "They were ruling. Class dismissed.") == []


def test_offsets_and_sentence_index() -> None:
    """Each match carries its character span, sentence index and lexicon version."""
    lx = lexicon({"h": ["hegemony"]})
    text = "First sentence. Global hegemony erodes."
    (m,) = LexiconSet([lx]).match(segment(text))
    assert (m.start, m.end, m.sentence, m.lexicon, m.lexicon_version) == (23, 31, 1, "toy", "1.0")


# ---------------------------------------------------------------------------------------------
# Globs run in time linear in the token, whatever their form (issue #20, severe 5)


def test_glob_matches_like_a_regular_expression_would() -> None:
    """The glob matcher agrees with the full regular expression it replaces on every form: prefix,
    suffix, infix, several wildcards, repeated parts, and the empty run."""
    import random
    import re

    from framing.markers.match import Glob

    rng = random.Random(5)
    patterns = ["imperialis*", "*lateral", "inter*ist", "a*b*a", "ab*ab", "*a*", "a**b", "aa*aa*aa", "*-year-old*"]
    words = ["imperialism", "imperialis", "unilateral", "lateral", "internationalist", "interest", "aba", "ab", "abab", "abba", "aaaa", "aaaaaa", "x-year-olds", ""]
    words += ["".join(rng.choice("ab") for _ in range(rng.randint(0, 9))) for _ in range(400)]
    for pattern in patterns:
        regex = re.compile(".*".join(re.escape(p) for p in pattern.split("*")), re.DOTALL)
        glob = Glob(pattern)
        for word in words:
            assert glob.fullmatch(word) == bool(regex.fullmatch(word)), (pattern, word)


def test_many_wildcard_glob_on_a_long_word_is_fast() -> None:
    """'aaa*a*a*a*a*a*a*a*z' (8 wildcards, the most a lexicon may put in one word) against a
    20,000-letter word of a's: the backtracking regular expression this replaced did not finish
    within a minute on 120 letters; the glob takes well under a second, and still matches the
    short word it should."""
    import time

    lx = lexicon({"g": ["aaa*a*a*a*a*a*a*a*z"]})
    text = "Here is " + "a" * 20_000 + " then aaaaaaaaaaz and aaaxaz."
    t0 = time.perf_counter()
    assert found(lx, text) == [("g", "aaaaaaaaaaz", False)]
    assert time.perf_counter() - t0 < 1.0


def test_exclusions_drop_misleading_senses_only() -> None:
    """An entry's exclusion phrases remove its matches inside them (literal words, globs, a lone
    '*' for any one word, a glob term inside a phrase), and nowhere else."""
    lx = lexicon({"m": [
        {"term": "capital", "exclude": ["capital city", "capital of *", "the * capital", "capital market*"]},
        {"term": "hegemon*", "exclude": ["regional hegemon*"]},
    ]})
    text = ("Finance capital rules. Ottawa is the capital city. Paris, the capital of France. The French capital is "
            "big. Capital markets fell. A regional hegemony emerged. American hegemony endures. Capital.")
    assert found(lx, text) == [("m", "capital", False), ("m", "hegemony", False), ("m", "Capital", False)]
    assert [text[m.start - 8 : m.end] for m in LexiconSet([lx]).match(segment(text))][:2] == ["Finance capital", "merican hegemony"]


def test_exclusion_must_surround_the_term() -> None:
    """An exclusion that does not contain the term (or adds nothing to it) is a lexicon error."""
    import pytest

    from framing.errors import LexiconError

    for bad in (["city of"], ["capital"], "capital city", [""]):
        with pytest.raises(LexiconError, match="exclu"):
            lexicon({"m": [{"term": "capital", "exclude": bad}]})
