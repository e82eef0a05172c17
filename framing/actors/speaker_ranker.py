"""Who "he" or "she" is when a pronoun speaks: a learned ranker over the people named before.

"“We will not back down,” he said" needs the person the pronoun refers to. Hand-written rules
(the subject of the sentence before, the source quoted just before unless someone new entered,
...) were right for about 0.95 of the pronoun speakers in the gold parts they were written on and
about 0.77 in a part nobody looked at: each new article brings an order of cues the rules had not
seen. This module scores every person referred to before the quotation instead, with features of
where and how the text last referred to them, and picks the best (a conditional logit: the
candidates of one quotation compete in a softmax); the weights come from the team's gold
attributions (``bench/train_speaker_ranker.py``) and are stored as plain numbers in
``framing/models/speaker_ranker.json`` (loading them executes no code). Model card:
``framing/models/speaker_ranker.md``.

:func:`framing.actors.mentions.speaker_candidates` lists the people with their :data:`FEATURES`;
:func:`rank` orders them by the model. :func:`framing.actors.mentions.link_speakers` uses the best
one for a "he"/"she" speaker when the model file is present, else its rules.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

__all__ = ["FEATURES", "WINDOW", "load_model", "rank", "score"]

_C = TypeVar("_C")  # a candidate: a mention in framing, an index in training

MODEL_FILE = "speaker_ranker.json"
#: How far back (sentences of the story's own text) a person may have been named to be a candidate
WINDOW = 12

_DIST = ("0", "1", "2", "3", "4-5", "6+")
FEATURES: tuple[str, ...] = (
    *(f"last_any_{d}" for d in _DIST),  # sentences since the person was last referred to (name or pronoun)
    *(f"last_named_{d}" for d in _DIST),  # ... since last named
    *(f"rank_{r}" for r in ("0", "1", "2", "3+")),  # recency rank among the candidates
    "gender_agrees",
    "gender_conflicts",
    "last_is_subject",
    "last_is_main_subject",
    "subject_within_2",
    "subject_prev_sentence",
    "last_in_quotation",
    "all_in_quotation",
    "last_reported",
    "last_possessive",
    "last_prep_object",
    "last_object",
    "is_last_speaker",
    "is_last_speaker_gap_0_1",
    "is_last_speaker_gap_2_4",
    "is_last_speaker_gap_5+",
    "is_previous_quote_speaker",
    "spoke_before",
    "asked_question_before",
    "mentions_log",
    "mentions_recent",
    "first_person_named",
    "unsure_name",
    "named_in_this_quote",
    "same_paragraph",
    "newcomer_subject_since_last_quote",
    "tokens_log",
    "subject_in_this_sentence",
    "last_speaker_and_most_recent",
    "only_agreeing",
    "last_is_same_pronoun",
    "pronoun_before_quotation",
    "latest_subject",
    "latest_main_subject",
)


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    """The ranker (``{"features": [...], "weights": [...]}``: one weight per feature of a
    conditional logit), None when the model file is missing."""
    try:
        text = resources.files("framing.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    model: dict[str, Any] = json.loads(text)
    if list(model["features"]) != list(FEATURES):
        raise ValueError(f"{MODEL_FILE} was trained on other features: rebuild it with python bench/train_speaker_ranker.py")
    return model


def score(features: dict[str, float], model: dict[str, Any]) -> float:
    """A candidate's score: the weighted sum of its features (the candidates of one quotation
    compete through a softmax over these scores)."""
    return sum(w * features.get(name, 0.0) for name, w in zip(model["features"], model["weights"], strict=True))


def rank(cands: Sequence[tuple[_C, dict[str, float]]], model: dict[str, Any]) -> list[tuple[_C, float]]:
    """The candidates best first, with the probability the model gives each (softmax over the
    candidates); a person whose known gender does not fit the pronoun is left out unless nobody
    else is a candidate."""
    fitting = [c for c in cands if not c[1].get("gender_conflicts")] or list(cands)
    if not fitting:
        return []
    scores = [score(f, model) for _, f in fitting]
    top = max(scores)
    exp = [math.exp(x - top) for x in scores]
    total = sum(exp)
    return sorted(((m, e / total) for (m, _), e in zip(fitting, exp, strict=True)), key=lambda x: -x[1])
