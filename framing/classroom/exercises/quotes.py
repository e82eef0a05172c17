"""Exercise 3: who is quoted, and with which verbs.

Quotations with their attribution to fill in (speaker, verb, neutral or evaluative); the key gives
what :mod:`framing.actors.attribution` found, and why an evaluative verb judges.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from framing.classroom.articles import PreparedArticle
from framing.classroom.concepts import texts
from framing.classroom.evidence import Mark, segments
from framing.classroom.excerpts import grade, grade_ok, n_words, overlaps
from framing.classroom.levels import Level

__all__ = ["find_word", "quotes_exercise", "verb_why"]

_NAMING_KINDS = frozenset({"name", "title", "surname", "metonym", "candidate"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "such"})


def verb_why(verb: str, verb_class: str | None) -> str:
    """One line on what an attribution verb does: neutral, or evaluative and how it judges."""
    v = verb.lower()
    if verb_class != "evaluative":
        return f"“{verb}” is neutral: it reports the words without judging them."
    for rule in texts().verb_why:
        if any(v.startswith(st) for st in rule.stems):
            return f"“{verb}” is evaluative: it {rule.why}; a neutral report would use “said”."
    return f"“{verb}” is evaluative: it colours the words it reports; a neutral report would use “said”."


def find_word(text: str, word: str, near: int) -> tuple[int, int] | None:
    """The span of ``word`` (a whole word, any case) in ``text`` nearest to offset ``near``."""
    best = None
    for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE):
        d = abs(m.start() - near)
        if best is None or d < best[0]:
            best = (d, m.start(), m.end())
    return (best[1], best[2]) if best else None


def _any_within(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether one of ``spans`` lies within ``s:e``."""
    return any(s <= ms and me <= e for ms, me in spans)


def _candidates(arts: list[PreparedArticle]) -> list[dict[str, Any]]:
    """Every attributed quotation whose verb is in its passage, with what ranks it."""
    cands = []
    for ai, a in enumerate(arts):
        mentions = {}
        for actor in a.result.actors:
            mentions[actor["actor"]] = [(m["start"], m["end"], m["kind"]) for m in actor["mentions"]]
        named = {k: [(s, e) for s, e, kind in v if kind in _NAMING_KINDS] for k, v in mentions.items()}
        for qi, q in enumerate(a.result.quotes):
            if not q.get("speaker_name") or not q.get("verb"):
                continue
            i0, i1 = a.sentence_index(q["start"]), a.sentence_index(max(q["start"], q["end"] - 1))
            if i0 is None or i1 is None:
                continue
            s, e = a.sentence_span(i0)[0], a.sentence_span(i1)[1]
            para = a.paragraph_of(s)
            speaker_names = named.get(q["speaker"], [])
            # the speaker's name should be on the worksheet: reach back a sentence if it is not
            if not _any_within(speaker_names, s, e) and i0 > 0:
                ps, _ = a.sentence_span(i0 - 1)
                if para and ps >= para[0]:
                    s = ps
            verb_at = find_word(a.text[s:e], q["verb"], q["start"] - s)
            if verb_at is None:
                continue
            vs, ve = s + verb_at[0], s + verb_at[1]
            before = re.findall(r"[^\W_]+", a.text[max(s, vs - 12) : vs])
            if before and before[-1].lower() in _DETERMINERS:  # "the claim that ...": a noun, not a verb of saying
                continue
            # the speaker right next to the verb ("Raman said", "said Chen Lu", "He claimed"): the
            # attributions a student can check without doubt come first
            adjacent = any(
                (me <= vs and not a.text[me:vs].strip()) or (ve <= ms and not a.text[ve:ms].strip()) for ms, me, _ in mentions.get(q["speaker"], [])
            )
            words = n_words(a.text[s:e])
            evaluative = q.get("verb_class") == "evaluative"
            cands.append({"art": ai, "q": qi, "s": s, "e": e, "verb_at": (vs, ve), "speaker_in": _any_within(speaker_names, s, e), "adjacent": adjacent, "evaluative": evaluative, "words": words})
    return cands


def quotes_exercise(arts: list[PreparedArticle], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    """Exercise 3's passages and the key's speaker, verb and verb class for each."""
    cands = _candidates(arts)
    # the speaker named and next to the verb, evaluative verbs first (they are the point), short
    # passages; a fair share per article
    # (attribution finds the nearest actor, which a relative clause can mislead: "Carney, who met
    # Xi, told reporters"; with the speaker next to the verb there is no doubt)
    if sum(1 for c in cands if c["adjacent"] and c["speaker_in"]) >= 2:
        cands = [c for c in cands if c["adjacent"] and c["speaker_in"]]
    cands.sort(key=lambda c: (not c["speaker_in"], not c["adjacent"], not c["evaluative"], c["words"] > level.excerpt_words, c["words"]))
    chosen: list[dict[str, Any]] = []
    per_art: Counter[int] = Counter()
    spans_taken: dict[int, list[tuple[int, int]]] = {}
    for c in cands:
        if len(chosen) >= level.quotes or per_art[c["art"]] >= level.quotes_per_article:
            continue
        if overlaps(c["s"], c["e"], spans_taken.get(c["art"], [])):
            continue
        chosen.append(c)
        per_art[c["art"]] += 1
        spans_taken.setdefault(c["art"], []).append((c["s"], c["e"]))
    if chosen and all(c["evaluative"] for c in chosen):  # show at least one neutral verb to compare
        neutral = next((c for c in cands if not c["evaluative"] and c["speaker_in"] and not overlaps(c["s"], c["e"], spans_taken.get(c["art"], []))), None)
        if neutral:
            chosen[-1] = neutral
    chosen.sort(key=lambda c: (c["art"], c["s"]))
    rows, keys = [], []
    for n, c in enumerate(chosen, start=1):
        a = arts[c["art"]]
        q = a.result.quotes[c["q"]]
        a.used.append((c["s"], c["e"]))
        excerpt = a.text[c["s"] : c["e"]]
        g = grade(excerpt)
        rows.append({"n": n, "label": a.label, "text": shown(excerpt), "grade": g, "grade_ok": grade_ok(g, level)})
        marks: list[Mark] = [(c["verb_at"][0], c["verb_at"][1], "verb" if c["evaluative"] else "neutral", "attribution verb")]
        keys.append(
            {
                "n": n,
                "label": a.label,
                "speaker": shown(q["speaker_name"]),
                "verb": q["verb"],
                "verb_class": q.get("verb_class") or "neutral",
                "kind": q["kind"],
                "explanation": verb_why(q["verb"], q.get("verb_class")),
                "segments": segments(excerpt, c["s"], marks, shown),
                "id": a.result.article.id,
            }
        )
    return {"key": "quotes", "rows": rows, "answer_rows": keys}
