"""Exercise 5: guess the outlet.

Excerpts with outlet names, domains and self-references replaced by "Outlet A/B/C" (in every mode);
the key reveals the outlets and the giveaway words: distinctive terms from
:func:`framing.comparison.comparison.compare` (log-odds z-scores) and register phrases.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from framing.classroom.anonymise import Anonymiser
from framing.classroom.articles import PreparedArticle, inside
from framing.classroom.concepts import texts
from framing.classroom.evidence import answer, flag_marks, no_overlap, segments
from framing.classroom.excerpts import grade, grade_ok, overlaps
from framing.classroom.flags import is_register
from framing.classroom.levels import Level
from framing.comparison.comparison import compare
from framing.comparison.vocabulary import stopwords, word_counts

__all__ = ["MIN_Z", "distinctive_terms", "guess_exercise", "term_spans"]

#: Distinctive terms below this log-odds z-score are not offered as giveaways (with a handful of
#: articles the scores are small; 1.0 keeps the clearer contrasts without claiming significance).
MIN_Z = 1.0


def distinctive_terms(arts: list[PreparedArticle]) -> dict[str, list[dict[str, Any]]]:
    """Outlet key -> its distinctive terms (z of at least :data:`MIN_Z`) against the other outlets."""
    groups = {a.outlet_key for a in arts}
    if len(groups) < 2:
        return {}
    # group by the same key as the worksheet (unknown outlets are their own groups)
    rs = [replace(a.result, article=replace(a.result.article, outlet=a.outlet_key)) for a in arts]
    comp = compare(rs, by="outlet", n_boot=20, n_perm=20, top_terms=40)
    out: dict[str, list[dict[str, Any]]] = {}
    if comp.distinctive is None or len(comp.distinctive) == 0:
        return out
    for row in comp.distinctive.to_dict(orient="records"):
        if row["z"] >= MIN_Z:
            out.setdefault(row["group"], []).append(row)
    return out


def term_spans(text: str, term: str, base: int) -> list[tuple[int, int]]:
    """Absolute spans of a distinctive term (one word or a pair, any case or apostrophe) in ``text``."""
    words = term.split()
    pat = r"(?<![\w])" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])"
    return [(base + m.start(), base + m.end()) for m in re.finditer(pat, text.replace("’", "'"), re.IGNORECASE)]


def guess_exercise(arts: list[PreparedArticle], level: Level, anon: Anonymiser, anonymise: bool, outlet_names: list[str]) -> dict[str, Any]:
    """Exercise 5's anonymised excerpts (avoiding text shown in other exercises) and the key's giveaways."""
    stop = stopwords()
    terms = distinctive_terms(arts)
    best: dict[str, tuple[Any, ...]] = {}
    for a in arts:
        dist = {r["term"]: r for r in terms.get(a.outlet_key, []) if not anon.changes(r["term"])}
        for s, e, w in a.windows(level.excerpt_words):
            if w > level.excerpt_words:
                continue
            excerpt = a.text[s:e]
            counts = word_counts(excerpt, stop)
            hits = [dist[t] for t in counts if t in dist]
            regs = [f for f in inside(a.spot, s, e) if is_register(f.key)]
            score = sum(h["z"] for h in hits) + 1.0 * len(regs)
            g = grade(excerpt)
            # long enough to recognise a voice (15+ words), then as simple as the level asks
            key = (not overlaps(s, e, a.used), w >= max(15, level.excerpt_words // 4), grade_ok(g, level), score > 0, round(score, 6), -w if level.prefer_short else w)
            if a.outlet_key not in best or key > best[a.outlet_key][0]:
                best[a.outlet_key] = (key, a, s, e, w, g, hits, regs)
    picked = sorted(best.values(), key=lambda b: (-b[0][4],))[: level.max_articles]
    picked.sort(key=lambda b: b[1].letter)
    items, keys = [], []
    for _key, a, s, e, w, g, hits, regs in picked:
        a.used.append((s, e))
        excerpt = a.text[s:e]
        marks = flag_marks(regs)
        giveaways = []
        for h in sorted(hits, key=lambda h: -h["z"]):
            spans = term_spans(excerpt, h["term"], s)
            marks += [(x, y, "term", f"distinctive (z = {h['z']:.1f})") for x, y in spans]
            giveaways.append({"term": h["term"], "z": round(h["z"], 2), "count": int(h["count"]), "reference_count": int(h["reference_count"])})
        marks = no_overlap(marks)
        label = f"Outlet {a.letter}"
        items.append({"label": label, "text": anon(excerpt), "grade": g, "words": w, "grade_ok": grade_ok(g, level)})
        keys.append(
            {
                "label": label,
                "outlet": a.outlet_name,
                "segments": segments(excerpt, s, marks, anon),
                "giveaways": giveaways,
                "register": [answer(f, a.text, a, anon) for f in regs],
                "reads_as": reads_as(a.result.register_profile),
            }
        )
    return {
        "key": "guess",
        "items": items,
        "answer_items": keys,
        "choices": [] if anonymise else sorted(outlet_names),
        "kinds": list(texts().outlet_kinds),
        "has_terms": bool(terms),
    }


#: How the answer key names the registers of the register profile.
REGISTER_NAMES = {
    "marxist": "Marxist / anti-imperialist",
    "state_diplomatic": "Chinese or Russian state media",
    "nationalist_populist": "right-populist",
    "wire_service": "wire / mainstream news",
}


def reads_as(profile: dict[str, Any] | None) -> dict[str, Any] | None:
    """What the answer key says of the whole article's register (:mod:`framing.analysis.register_profile`):
    the most likely register with its probability and 90% interval, and whether the evidence is
    clear; None without a profile or when the article is too short for a verdict."""
    if not profile or not profile.get("proba"):
        return None
    proba = profile["proba"]
    best = max(proba, key=proba.get)
    verdicts = profile.get("verdict") or {}
    if all(v == "not enough evidence" for v in verdicts.values()):
        return None  # too short to say anything, not even that a register is absent
    return {
        "register": REGISTER_NAMES.get(best, best),
        "percent": round(100 * proba[best]),
        "low": round(100 * (profile.get("low") or {}).get(best, proba[best])),
        "high": round(100 * (profile.get("high") or {}).get(best, proba[best])),
        "is_clear": verdicts.get(best) == "clear",
    }
