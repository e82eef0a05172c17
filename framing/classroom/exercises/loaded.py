"""Exercise 2: spot the loaded words.

One excerpt per article, chosen by reading level, to circle in; the key lists what the lexicons
flagged (loaded language, scare quotes, register phrases: :func:`framing.classroom.flags.spot_keys`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from framing.classroom.articles import PreparedArticle, inside
from framing.classroom.evidence import answer, flag_marks, segments
from framing.classroom.excerpts import grade, grade_ok
from framing.classroom.levels import Level

__all__ = ["best_excerpt", "loaded_exercise"]


def best_excerpt(a: PreparedArticle, level: Level) -> tuple[int, int, int, float | None, int]:
    """The article's best passage to circle in: ``(start, end, words, grade, flags)``.

    Passages with something to find first, then within the level's length and grade, then with
    more flags (up to the level's maximum), then the simplest and shortest (or the longest, for
    levels that prefer context).
    """
    best = None
    for s, e, w in a.windows(level.excerpt_words):
        n = len(inside(a.spot, s, e))
        g = grade(a.text[s:e])
        ok = grade_ok(g, level)
        within = w <= level.excerpt_words
        key = (n > 0, within, ok, min(n, level.max_flags), -(g if g is not None else 99.0) if level.prefer_short else 0.0, -w if level.prefer_short else w)
        if best is None or key > best[0]:
            best = (key, s, e, w, g, n)
    if best is None:
        return 0, 0, 0, None, 0
    _, s, e, w, g, n = best
    return s, e, w, g, n


def loaded_exercise(arts: list[PreparedArticle], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    """Exercise 2's excerpts (with how many words to find) and the key's flagged words."""
    picks = []
    for a in arts:
        s, e, w, g, n = best_excerpt(a, level)
        if e > s:
            picks.append((a, s, e, w, g, n))
    # keep the articles with most to find (fewer items at lower levels), in worksheet order
    chosen = sorted(picks, key=lambda p: -p[5])[: level.max_articles]
    chosen_ids = {id(p[0]) for p in chosen}
    items, keys = [], []
    for a, s, e, w, g, n in picks:
        if id(a) not in chosen_ids:
            continue
        a.used.append((s, e))
        flags = inside(a.spot, s, e)
        items.append({"label": a.label, "text": shown(a.text[s:e]), "grade": g, "words": w, "count": n, "grade_ok": grade_ok(g, level)})
        keys.append(
            {
                "label": a.label,
                "segments": segments(a.text[s:e], s, flag_marks(flags), shown),
                "answers": [answer(f, a.text, a, shown) for f in flags],
                "grade": g,
            }
        )
    return {"key": "loaded", "items": items, "answer_items": keys, "show_counts": level.show_counts}
