"""The defaults of ``train`` are the best measured per level (docs/validation.md), for the Python
API and the command line alike."""

from __future__ import annotations

from framing.ml.training import LEVEL_DEFAULTS, train

TEXTS = ["a brutal, savage attack on the town", "the council met on Tuesday morning"] * 6
LABELS = ["loaded", "neutral"] * 6


def test_sentence_level_defaults_to_the_configuration_nested_cv_chose() -> None:
    m = train(TEXTS, LABELS, level="sentence", cv=None)
    assert (m.model, m.params["C"]) == ("tfidf+chars+lexicon+rhetoric", 2.0) == LEVEL_DEFAULTS["sentence"]
    a = train(TEXTS, LABELS, level="article", cv=None)
    assert (a.model, a.params["C"]) == LEVEL_DEFAULTS["article"]
    # what a user gives still wins
    given = train(TEXTS, LABELS, level="sentence", model="tfidf", C=0.5, cv=None)
    assert (given.model, given.params["C"]) == ("tfidf", 0.5)
