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

:func:`candidates` lists the people with their features; :func:`rank` orders them by the model.
:func:`framing.actors.mentions.link_speakers` uses the best one for a "he"/"she" speaker when the
model file is present, else its rules.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from framing.types import ActorMention, Doc, Quote

__all__ = ["FEATURES", "candidates", "load_model", "rank"]

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


def _bucket(d: int) -> str:
    return "0" if d <= 0 else "1" if d == 1 else "2" if d == 2 else "3" if d == 3 else "4-5" if d <= 5 else "6+"


def _token_of(doc: Doc, char: int) -> int:
    from bisect import bisect_right

    return max(0, bisect_right(doc.starts, char) - 1)


def candidates(
    doc: Doc,
    q: Quote,
    before: Sequence[Quote],
    last: Quote | None,
    mentions: Sequence[ActorMention],
    pronoun_of: Any,
    quoted: Sequence[tuple[int, int]],
) -> list[tuple[ActorMention, dict[str, float]]]:
    """The people quotation ``q``'s "he"/"she" speaker may be, each with its features.

    ``before`` are the quotations resolved so far (in text order), ``last`` the last one a named
    person spoke; ``pronoun_of`` gives a mention's he/she (None when unknown); ``quoted`` are the
    character spans of the article's quotations. A candidate is a person referred to (by name, or by
    a pronoun already resolved) before the quotation and its speaker, within :data:`WINDOW` story
    sentences; it is represented by its last named mention."""
    from framing.actors.mentions import _PRONOUNS, _in_subject, _last_sentence_of, _reported_by_cue, _sentence_of, _story_sentences, _unsure_name

    if q.speaker_token is None or q.speaker_start is None:
        return []
    pron = _PRONOUNS.get(doc.lower[q.speaker_token])
    anchor = min(q.start, q.speaker_start)
    here = _sentence_of(doc, q.speaker_token) if q.speaker_start < q.start else q.sentence
    story = _story_sentences(doc)
    para_start = doc.text.rfind("\n", 0, anchor) + 1

    def inside_quote(char: int) -> bool:
        return any(a <= char < b for a, b in quoted)

    persons = [m for m in mentions if m.type == "person" and m.start < anchor and story[here] - story[m.sentence] <= WINDOW]
    named = [m for m in mentions if m.type == "person" and m.kind != "pronoun"]
    by_actor: dict[str, list[ActorMention]] = {}
    for m in persons:
        by_actor.setdefault(m.actor, []).append(m)
    speakers = [p.speaker for p in before if p.speaker]
    prev_speaker = next((p.speaker for p in reversed(before) if p.speaker), None)
    gap_last = here - _last_sentence_of(doc, last) if last is not None else 99
    asked = last is not None and bool(re.search(r"\?\W*$", doc.text[last.start : last.end])) and bool(re.search(r"\b(you|your)\b", doc.text[last.start : last.end], re.IGNORECASE))
    first_named = named[0].actor if named else None
    in_q = {m.actor for m in mentions if m.type == "person" and q.start <= m.start < q.end and m.kind != "pronoun"}
    since_last = last.end if last is not None else -1
    newcomers = {
        m.actor for m in persons
        if m.kind != "pronoun" and m.start >= since_last and m.token is not None and _in_subject(doc, m.token) and not inside_quote(m.start)
    }
    order = sorted(by_actor, key=lambda a: by_actor[a][-1].start, reverse=True)
    genders = {a: pronoun_of((([m for m in by_actor[a] if m.kind != "pronoun"] or [m for m in named if m.actor == a]) or by_actor[a])[-1]) for a in order}
    agreeing = [a for a in order if genders[a] is not None and genders[a] == pron]
    anchor_token = min(q.speaker_token, _token_of(doc, q.start))
    # who was the subject (of any clause / of the main clause) most recently, outside quotations
    latest: dict[str, str | None] = {"any": None, "main": None}
    if doc.has_syntax:
        for m in sorted(persons, key=lambda m: m.start):
            if m.token is None or inside_quote(m.start):
                continue
            if _in_subject(doc, m.token):
                latest["any"] = m.actor
            if doc.deps[m.token] in ("nsubj", "nsubjpass") and doc.deps[doc.heads[m.token]] == "ROOT":
                latest["main"] = m.actor
    out: list[tuple[ActorMention, dict[str, float]]] = []
    for rank, actor in enumerate(order):
        ms = by_actor[actor]
        own = [m for m in ms if m.kind != "pronoun"]
        rep = (own or [m for m in named if m.actor == actor] or ms)[-1]
        lm = ms[-1]
        f: dict[str, float] = {}
        f["last_any_" + _bucket(story[here] - story[lm.sentence])] = 1
        f["last_named_" + _bucket(story[here] - story[own[-1].sentence] if own else 99)] = 1
        f["rank_" + (str(rank) if rank < 3 else "3+")] = 1
        g = genders[actor]
        f["gender_agrees"] = float(g is not None and g == pron)
        f["gender_conflicts"] = float(g is not None and pron is not None and g != pron)
        t = lm.token
        if t is not None and doc.has_syntax:
            f["last_is_subject"] = float(_in_subject(doc, t))
            f["last_is_main_subject"] = float(doc.deps[t] in ("nsubj", "nsubjpass") and doc.deps[doc.heads[t]] == "ROOT")
            f["last_reported"] = float(_reported_by_cue(doc, t))
            f["last_possessive"] = float(doc.deps[t] == "poss")
            f["last_prep_object"] = float(doc.deps[t] == "pobj")
            f["last_object"] = float(doc.deps[t] in ("dobj", "dative"))
            subj = [m for m in ms if m.token is not None and _in_subject(doc, m.token) and not inside_quote(m.start)]
            f["subject_within_2"] = float(any(story[here] - story[m.sentence] <= 2 for m in subj))
            f["subject_prev_sentence"] = float(any(story[here] - story[m.sentence] == 1 for m in subj))
        f["last_in_quotation"] = float(inside_quote(lm.start))
        f["all_in_quotation"] = float(all(inside_quote(m.start) for m in ms))
        is_last = last is not None and last.speaker == actor
        f["is_last_speaker"] = float(is_last)
        if is_last:
            f["is_last_speaker_gap_0_1" if gap_last <= 1 else "is_last_speaker_gap_2_4" if gap_last <= 4 else "is_last_speaker_gap_5+"] = 1
        f["is_previous_quote_speaker"] = float(prev_speaker == actor)
        f["spoke_before"] = float(actor in speakers)
        f["asked_question_before"] = float(asked and is_last)
        f["mentions_log"] = math.log1p(len(ms))
        f["mentions_recent"] = float(sum(1 for m in ms if story[here] - story[m.sentence] <= 3))
        f["first_person_named"] = float(actor == first_named)
        f["unsure_name"] = float(_unsure_name(doc, rep))
        f["named_in_this_quote"] = float(actor in in_q)
        f["same_paragraph"] = float(lm.start >= para_start)
        f["newcomer_subject_since_last_quote"] = float(actor in newcomers and not is_last)
        f["tokens_log"] = math.log1p(max(0, anchor_token - (lm.token if lm.token is not None else anchor_token)))
        f["subject_in_this_sentence"] = float(doc.has_syntax and any(m.sentence == _sentence_of(doc, q.speaker_token) and m.token is not None and _in_subject(doc, m.token) and not inside_quote(m.start) for m in ms))
        f["last_speaker_and_most_recent"] = float(is_last and rank == 0)
        f["only_agreeing"] = float(agreeing == [actor])
        f["last_is_same_pronoun"] = float(lm.kind == "pronoun" and lm.token is not None and _PRONOUNS.get(doc.lower[lm.token]) == pron)
        f["pronoun_before_quotation"] = float(q.speaker_start < q.start)
        f["latest_subject"] = float(latest["any"] == actor)
        f["latest_main_subject"] = float(latest["main"] == actor)
        out.append((rep, f))
    return out


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
