"""Distinctive vocabulary of each group against the rest: word counts without stop words, log-odds
with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) and keyness (Dunning 1993).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.comparison.stats import chi2_sf1, keyness, log_odds_arrays
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


__all__ = ["TermCounts", "distinctive_terms", "stopwords", "term_spans", "word_counts", "words_of"]


_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words left out of distinctive-vocabulary counts: scikit-learn's English list, "said", "'s"."""
    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "s", "’s", "'s"}


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text`` (letters first; apostrophes straightened), stop words
    included: what distinctive-term counts are made of."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def word_counts(text: str, stop: frozenset[str]) -> Counter[str]:
    """Lower-cased words and two-word sequences of ``text`` without stop words, counted."""
    words = [w for w in words_of(text) if w not in stop and len(w) > 1]
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in pairwise(words))
    return counts


class TermCounts:
    """Counts of every word and two-word sequence (:func:`word_counts`) per group, over one shared
    vocabulary: ``words[j]`` is term ``j``; ``counts[g]`` maps term index to its count in group
    ``g``; ``prior`` holds the counts of all groups pooled (the log-odds prior) as a dense array."""

    def __init__(self, texts: Iterable[str], groups_of: Iterable[str], groups: Sequence[str]) -> None:
        stop = stopwords()
        vocab: dict[str, int] = {}
        self.counts: dict[str, dict[int, int]] = {g: {} for g in groups}
        for text, g in zip(texts, groups_of):
            slot = self.counts.get(g)
            if slot is None:
                continue
            for w, c in word_counts(text, stop).items():
                j = vocab.setdefault(w, len(vocab))
                slot[j] = slot.get(j, 0) + c
        self.index = vocab
        self.words = np.array(list(vocab), dtype=object)
        self.prior = np.zeros(len(vocab))
        for slot in self.counts.values():
            idx, cnt = _arrays(slot)
            self.prior[idx] += cnt
        self.prior_total = float(self.prior.sum())

    def dense(self, groups: Iterable[str]) -> np.ndarray:
        """The counts of ``groups`` pooled, as a dense array over the vocabulary."""
        out = np.zeros(len(self.words))
        for g in groups:
            idx, cnt = _arrays(self.counts[g])
            out[idx] += cnt
        return out


def _arrays(slot: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    return np.fromiter(slot.keys(), dtype=np.int64, count=len(slot)), np.fromiter(slot.values(), dtype=float, count=len(slot))


def term_spans(text: str, terms: Container[str]) -> Iterator[tuple[str, int, int]]:
    """``(term, start, end)`` of every use in ``text`` of the ``terms`` counted by
    :func:`word_counts`, in text order: a two-word term spans both words and whatever stop words
    stand between them (``"secretary state"`` covers "Secretary of State"), exactly as it was counted."""
    stop = stopwords()
    prev: tuple[str, int, int] | None = None
    for m in _WORD.finditer(text):
        w = m.group().lower().replace("’", "'")
        if w in stop or len(w) <= 1:
            continue
        if w in terms:
            yield w, m.start(), m.end()
        if prev is not None:
            pair = f"{prev[0]} {w}"
            if pair in terms:
                yield pair, prev[1], m.end()
        prev = (w, m.start(), m.end())


def distinctive_terms(rs: Sequence[ArticleResult], groups_of: Sequence[str], groups: Sequence[str], *, top_terms: int = 25) -> pd.DataFrame:
    """The ``top_terms`` most distinctive words of each group against the rest (vectorised over
    the vocabulary): log-odds with the pooled counts as prior, its z-score, and keyness."""
    import pandas as pd

    tc = TermCounts((r.article.text for r in rs), groups_of, groups)
    words, prior_arr, prior_total, group_counts = tc.words, tc.prior, tc.prior_total, tc.counts
    dist_rows = []
    for g in groups if len(groups) > 1 else []:
        idx, cnt = _arrays(group_counts[g])
        n_t = int(cnt.sum())
        n_r = int(prior_total) - n_t
        keep = cnt >= 2  # only words used at least twice by the group can be distinctive of it
        cand, yt_c = idx[keep], cnt[keep]
        if not len(cand):
            continue
        yr_c = prior_arr[cand] - yt_c
        delta_c, z_c = log_odds_arrays(yt_c, yr_c, prior_arr[cand], a0=prior_total, n_t=n_t, n_r=n_r)
        order = np.argsort(-z_c)[:top_terms]
        yt = dict(zip(cand[order].tolist(), yt_c[order].tolist()))
        delta = dict(zip(cand[order].tolist(), delta_c[order].tolist()))
        z = dict(zip(cand[order].tolist(), z_c[order].tolist()))
        top = cand[order]
        for j in top:
            a_cnt = int(yt[j])
            b_cnt = int(prior_arr[j]) - a_cnt
            chi2, ll, ratio = keyness(a_cnt, b_cnt, n_t, n_r)
            dist_rows.append(
                {
                    "group": g,
                    "term": words[j],
                    "count": a_cnt,
                    "reference_count": b_cnt,
                    "per_1k": round(1000 * a_cnt / n_t, 3) if n_t else None,
                    "reference_per_1k": round(1000 * b_cnt / n_r, 3) if n_r else None,
                    "log_odds": round(float(delta[j]), 4),
                    "z": round(float(z[j]), 3),
                    "chi2": round(chi2, 3),
                    "ll": round(ll, 3),
                    "p_ll": chi2_sf1(ll),
                    "log_ratio": round(ratio, 3),
                }
            )
    return pd.DataFrame(dist_rows)
