"""Same-story coverage: which articles report the same event, and what each group includes and omits.

:func:`same_story_groups` links two articles when their similarity (names and content words,
:mod:`framing.comparison.story_text`) is high enough and their dates are close, and forms stories
by average linkage: an article joins a story when it is similar to the story's articles on average,
not merely to one of them, and is linked to at least half of them, so one broad piece (a roundup
of the week's news) cannot chain two events into one story. Pairs are
only ever compared within ``window_days`` of each other (a sparse product one block of dates at a
time), so thousands of articles take seconds.

The threshold was chosen on the dev part of the stories ``bench/validate_stories.py`` builds from
Article-Bias-Prediction and is reported on the other part (docs/validation.md, "Same-story
grouping"), beside the whole-text TF-IDF grouping framing used before (``method="tfidf"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

from framing.comparison.story_text import story_vectors
from framing.errors import check_option
from framing.types import ArticleResult

__all__ = ["DATE_DECAY", "MAX_LINKAGE", "MIN_LINKED", "STORY_THRESHOLD", "TFIDF_THRESHOLD", "StoryMethod", "group_vectors", "same_story_groups", "story_coverage", "story_links"]

StoryMethod = Literal["names", "tfidf"]

#: Default threshold of ``method="names"``: the average similarity an article needs with a story
#: (chosen on the dev part of the evaluation set)
STORY_THRESHOLD = 0.12
#: Default threshold of ``method="tfidf"`` (whole-text cosine, single linkage: the grouping before)
TFIDF_THRESHOLD = 0.2
#: A pair's similarity falls linearly by this share over ``window_days`` (a day apart counts a
#: little less than the same day; beyond the window nothing is compared)
DATE_DECAY = 0.5
#: Two stories merge only if at least this share of their pairs of articles are linked
MIN_LINKED = 0.5
#: Largest set of linked articles clustered at once; a larger one is first split by raising the
#: similarity it takes to stay linked (time grows with the cube of this)
MAX_LINKAGE = 500


# ---------------------------------------------------------------------------------------------
# Same-story grouping


def same_story_groups(
    results: Sequence[ArticleResult], *, threshold: float | None = None, window_days: int = 7, method: StoryMethod = "names"
) -> list[int]:
    """A story number for each article (numbered in order of first appearance).

    ``method="names"`` (default): the similarity of two articles is that of their strongest names
    and content words (:func:`framing.comparison.story_text.story_vectors`), reduced by
    ``DATE_DECAY`` over ``window_days``; articles more than ``window_days`` apart are never one
    story (undated articles match any date); stories are formed by average linkage at
    ``threshold`` (default ``STORY_THRESHOLD``), two stories merging only when at least
    ``MIN_LINKED`` of their pairs are linked.

    ``method="tfidf"``: the grouping framing used before: whole-text TF-IDF cosine of at least
    ``threshold`` (default ``TFIDF_THRESHOLD``) within ``window_days``, single linkage.
    """
    check_option("method", method, ("names", "tfidf"))
    if not results:
        return []
    if method == "tfidf":
        return _tfidf_groups(results, threshold=TFIDF_THRESHOLD if threshold is None else threshold, window_days=window_days)
    X = story_vectors([r.article.title for r in results], [r.article.text for r in results])
    return group_vectors(X, [_date(r.article.published) for r in results], threshold=STORY_THRESHOLD if threshold is None else threshold, window_days=window_days)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def story_links(X: Any, dates: Sequence[dt.date | None], *, floor: float, window_days: int = 7, decay: float = DATE_DECAY) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (i < j) of rows of ``X`` (L2-normalised, sparse) whose similarity, reduced by
    ``decay`` over ``window_days``, is at least ``floor``, as arrays ``(i, j, similarity)``. Rows
    are compared one block of dates at a time, only with rows within ``window_days`` (and undated
    rows, which match any date)."""
    n = X.shape[0]
    days = np.array([d.toordinal() if d else -1 for d in dates], dtype=np.int64)
    dated = np.flatnonzero(days >= 0)
    dated = dated[np.argsort(days[dated], kind="stable")]
    undated = np.flatnonzero(days < 0)
    sorted_days = days[dated]
    block = 512
    # (rows, the rows they are compared with)
    spans = []
    for b in range(0, len(dated), block):
        rows = dated[b : b + block]
        lo = np.searchsorted(sorted_days, sorted_days[b] - window_days, side="left")
        hi = np.searchsorted(sorted_days, sorted_days[b + len(rows) - 1] + window_days, side="right")
        spans.append((rows, dated[lo:hi]))
    for b in range(0, len(undated), block):  # undated rows against every row
        spans.append((undated[b : b + block], np.arange(n)))
    out_i, out_j, out_s = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for rows, cols in spans:
        S = (X[rows] @ X[cols].T).tocoo()
        i, j, s = rows[S.row], cols[S.col], S.data
        both_dated = (days[i] >= 0) & (days[j] >= 0)
        gap = np.abs(days[i] - days[j])
        if window_days > 0:
            s = np.where(both_dated, s * (1.0 - decay * gap / window_days), s)
        # each unordered pair once: a pair of dated rows, or of undated rows, from its smaller index;
        # a pair of an undated and a dated row from the undated one (dated rows skip undated ones)
        keep = (s >= floor) & np.where(both_dated, (i < j) & (gap <= window_days), (i < j) | (days[j] >= 0))
        i, j, s = i[keep], j[keep], s[keep]
        out_i.append(np.minimum(i, j))
        out_j.append(np.maximum(i, j))
        out_s.append(s)
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s)


def group_vectors(X: Any, dates: Sequence[dt.date | None], *, threshold: float = STORY_THRESHOLD, window_days: int = 7, decay: float = DATE_DECAY) -> list[int]:
    """Stories from any L2-normalised sparse rows: :func:`story_links`, then average linkage at
    ``threshold`` within each set of linked rows. A story number per row, in order of first
    appearance."""
    n = X.shape[0]
    i, j, s = story_links(X, dates, floor=threshold, window_days=window_days, decay=decay)
    labels = np.full(n, -1, dtype=np.int64)
    _cluster(np.arange(n), i, j, s, threshold, threshold, labels)
    roots: dict[int, int] = {}
    out = []
    for k, lab in enumerate(labels.tolist()):
        out.append(roots.setdefault(lab if lab >= 0 else -1 - k, len(roots)))
    return out


def _cluster(members: np.ndarray, i: np.ndarray, j: np.ndarray, s: np.ndarray, floor: float, threshold: float, labels: np.ndarray) -> None:
    """Label ``members`` (global ids, ascending; ``i, j, s`` their links): each set of rows linked
    at ``floor`` or more is clustered by average linkage when small enough, else split again with
    a higher floor."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    keep = s >= floor
    i, j, s = i[keep], j[keep], s[keep]
    li, lj = np.searchsorted(members, i), np.searchsorted(members, j)
    m = len(members)
    _, comp = connected_components(csr_matrix((np.ones(len(li)), (li, lj)), shape=(m, m)), directed=False)
    # rows and links of each connected set, in one sort each
    order = np.argsort(comp, kind="stable")
    edge_order = np.argsort(comp[li], kind="stable")
    edge_comp = comp[li][edge_order]
    for part in np.split(order, np.flatnonzero(np.diff(comp[order])) + 1):
        if len(part) < 2:
            continue
        c = comp[part[0]]
        lo, hi = np.searchsorted(edge_comp, c, side="left"), np.searchsorted(edge_comp, c, side="right")
        links = edge_order[lo:hi]
        ids = members[part]
        if len(part) > MAX_LINKAGE and floor < 0.99:
            _cluster(ids, i[links], j[links], s[links], min(floor + 0.05, 0.99), threshold, labels)
            continue
        groups = [ids] if len(part) > MAX_LINKAGE else _average_linkage(ids, i[links], j[links], s[links], threshold)
        for group in groups:  # (more than MAX_LINKAGE near-copies beyond any split: one story)
            labels[group] = group[0]  # groups are disjoint: their first ids tell them apart


def _average_linkage(ids: np.ndarray, i: np.ndarray, j: np.ndarray, s: np.ndarray, threshold: float) -> list[np.ndarray]:
    """Groups of ``ids`` by average linkage: the two groups whose pairs of articles are the most
    similar on average (unlinked pairs count 0) merge, while that average is at least
    ``threshold`` and at least ``MIN_LINKED`` of their pairs are linked. The second rule keeps a
    roundup of two events from pulling one event's report into the other's story: the report is
    linked to the roundup alone, not to the other event's articles."""
    m = len(ids)
    if m == 2:
        return [ids]
    a, b = np.searchsorted(ids, i), np.searchsorted(ids, j)
    total = np.zeros((m, m))  # sum of similarities between two groups
    total[a, b] = total[b, a] = s
    linked = (total > 0).astype(np.float64)  # number of linked pairs between two groups
    size = np.ones(m)
    members = [[k] for k in range(m)]
    alive = np.ones(m, dtype=bool)
    upper = np.triu(np.ones((m, m), dtype=bool), 1)
    while True:
        pairs = np.outer(size, size)
        ok = upper & alive[:, None] & alive[None, :] & (total >= (threshold - 1e-12) * pairs) & (linked >= MIN_LINKED * pairs)
        if not ok.any():
            break
        x, y = np.unravel_index(np.argmax(np.where(ok, total / pairs, -1.0)), ok.shape)
        for M in (total, linked):
            M[x, :] += M[y, :]
            M[:, x] += M[:, y]
            M[x, x] = 0.0
            M[y, :] = 0.0
            M[:, y] = 0.0
        size[x] += size[y]
        alive[y] = False
        members[x] += members[y]
    return [ids[np.array(sorted(members[k]))] for k in np.flatnonzero(alive)]


def _tfidf_groups(results: Sequence[ArticleResult], *, threshold: float, window_days: int) -> list[int]:
    """The grouping before ``method="names"``: articles whose whole-text TF-IDF cosine similarity
    is at least ``threshold`` and whose dates lie within ``window_days`` (undated articles match
    any date) are linked, and linked articles form one story (single linkage)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(results)
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


