"""Same-story coverage: which articles report the same event, and what each group includes and omits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    pass


__all__ = ["same_story_groups", "story_coverage"]


# ---------------------------------------------------------------------------------------------
# Same-story grouping


def same_story_groups(results: Sequence[ArticleResult], *, threshold: float = 0.2, window_days: int = 7) -> list[int]:
    """A story number for each article: articles whose TF-IDF cosine similarity is at least
    ``threshold`` and whose dates lie within ``window_days`` (undated articles match any date)
    are linked, and linked articles form one story (single linkage)."""
    import datetime as dt

    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(results)
    if n == 0:
        return []
    texts = [((r.article.title or "") + "\n" + r.article.text) for r in results]
    try:
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    except ValueError:  # no words at all
        X = None
    dates: list[dt.date | None] = []
    for r in results:
        try:
            dates.append(dt.date.fromisoformat(r.article.published) if r.article.published else None)
        except ValueError:
            dates.append(None)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # similarities a block of rows at a time, so memory stays bounded on large corpora
    block = 512
    for b0 in range(0, n if X is not None else 0, block):
        sims = (X[b0 : b0 + block] @ X.T).toarray()
        rows, cols = np.nonzero(sims >= threshold)
        for i, j in zip((rows + b0).tolist(), cols.tolist()):
            if j <= i:
                continue
            if (di := dates[i]) and (dj := dates[j]) and abs((di - dj).days) > window_days:
                continue
            parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(n)]


def story_coverage(rs: Sequence[ArticleResult], groups_of: Sequence[str], story_ids: Sequence[int]) -> list[dict[str, Any]]:
    """For each story covered by two or more groups: what each group includes and omits."""
    out = []
    by_story: dict[int, list[tuple[ArticleResult, str]]] = {}
    for r, g, sid in zip(rs, groups_of, story_ids):
        by_story.setdefault(sid, []).append((r, g))
    for sid in sorted(by_story):
        members = by_story[sid]
        groups = list(dict.fromkeys(g for _, g in members))
        if len(groups) < 2:
            continue
        per_group: dict[str, dict[str, set[str]]] = {}
        for r, g in members:
            slot = per_group.setdefault(g, {"actors": set(), "frames": set(), "sources": set()})
            slot["actors"].update(a["name"] for a in r.actors if not a.get("candidate"))
            slot["frames"].update(k.split(".", 1)[1] for k, v in r.markers.items() if k.startswith("news_frames.") and v.get("count"))
            slot["sources"].update(q["speaker_name"] for q in r.quotes if q.get("speaker_name"))
        union = {key: set().union(*(s[key] for s in per_group.values())) for key in ("actors", "frames", "sources")}
        coverage = []
        for g, s in per_group.items():
            coverage.append(
                {
                    "group": g,
                    **{f"{key}_included": sorted(s[key]) for key in ("actors", "frames", "sources")},
                    **{f"{key}_omitted": sorted(union[key] - s[key]) for key in ("actors", "frames", "sources")},
                }
            )
        out.append(
            {
                "story": sid,
                "titles": [r.article.title or r.article.id for r, _ in members],
                "articles": [r.article.id for r, _ in members],
                "groups": groups,
                "coverage": coverage,
            }
        )
    return out


