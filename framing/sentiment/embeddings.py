"""Static word vectors around a target mention (an experimental feature transformer).

:class:`StaticContextEmbeddings` reads a table of static word-piece vectors (distilled from an
encoder in the Model2Vec manner by ``bench/build_static_vectors.py``: ``<name>.npy`` holds one
float row per vocabulary item, ``<name>.json`` the vocabulary and each item's word frequency) and
describes a mention by SIF-weighted averages of the vectors of the words left and right of it
(weighted by distance, as :class:`~framing.sentiment.features.TargetContextVectorizer` weights its
n-grams), of the words within a narrow window, and optionally of the whole sentence. The target's
own words never count, so the features say how the target is talked about, not who it is.

Words are split into word pieces by greedy longest-match (WordPiece, as BERT's tokenizer does
after its basic splitting); a word's vector is the mean of its pieces' vectors, its weight
``sif / (sif + p)`` where ``p`` is the word's frequency when it is one piece (0, so weight 1, for
rarer words that need several pieces); tokens without a letter or digit are skipped.

Loading reads plain ``.npy`` (``allow_pickle=False``) and JSON: no code runs from the files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import MissingResourceError, OptionError
from framing.sentiment.features import RecordInput
from framing.sentiment.records import parse_records

__all__ = ["PARTS", "StaticContextEmbeddings", "StaticVectors", "load_static_vectors"]

#: The averages a mention can be described by, in column order.
PARTS = ("left", "right", "narrow", "sentence")
_WORD_CACHE = 200_000


class StaticVectors:
    """A static vector table: word-piece vocabulary, vectors (float32) and word frequencies."""

    def __init__(self, vocab: list[str], vectors: np.ndarray, frequency: np.ndarray) -> None:
        if vectors.ndim != 2 or len(vocab) != vectors.shape[0] or len(frequency) != len(vocab):
            raise OptionError(f"a vector table needs one vector and one frequency per vocabulary item; got {len(vocab)} items, vectors {vectors.shape}, {len(frequency)} frequencies")
        self.index = {w: i for i, w in enumerate(vocab)}
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.frequency = np.asarray(frequency, dtype=np.float64)
        self.dim = self.vectors.shape[1]
        self._words: dict[str, tuple[np.ndarray, float]] = {}
        self._zero = np.zeros(self.dim, dtype=np.float32)

    def clear_cache(self) -> None:
        """Forget the word -> vector cache (benchmarks time a cold start with it)."""
        self._words.clear()

    def pieces(self, word: str) -> list[int]:
        """Vocabulary ids of ``word`` split greedily into the longest pieces (``##`` marks a
        continuation); ``[]`` when some part has no piece."""
        out: list[int] = []
        i, n = 0, len(word)
        index = self.index
        while i < n:
            j = n
            while j > i:
                piece = word[i:j] if i == 0 else "##" + word[i:j]
                k = index.get(piece)
                if k is not None:
                    out.append(k)
                    break
                j -= 1
            else:
                return []
            i = j
        return out

    def word(self, word: str, sif: float) -> tuple[np.ndarray, float]:
        """``(vector, weight)`` of a lower-case token (weight 0 when it has no vector)."""
        hit = self._words.get(word)
        if hit is not None:
            return hit
        ids: list[int] = []
        if any(c.isalnum() for c in word):
            for part in _split_punct(word):
                ids.extend(self.pieces(part))
        if not ids:
            res = (self._zero, 0.0)
        else:
            p = float(self.frequency[ids[0]]) if len(ids) == 1 else 0.0
            res = (self.vectors[ids].mean(0), sif / (sif + p))
        if len(self._words) >= _WORD_CACHE:
            self._words.clear()
        self._words[word] = res
        return res


def _split_punct(word: str) -> list[str]:
    """BERT's basic splitting of a token: every punctuation character on its own."""
    out: list[str] = []
    cur = ""
    for c in word:
        if c.isalnum():
            cur += c
        else:
            if cur:
                out.append(cur)
                cur = ""
            out.append(c)
    if cur:
        out.append(cur)
    return out


@lru_cache(maxsize=4)
def _load(npy: str, meta: str, mtime: int) -> StaticVectors:
    info = json.loads(Path(meta).read_text(encoding="utf-8"))
    vectors = np.load(npy, allow_pickle=False)
    return StaticVectors(list(info["vocab"]), vectors, np.asarray(info["frequency"], dtype=np.float64))


def load_static_vectors(path: str | Path) -> StaticVectors:
    """The table ``path`` (``x.npy`` beside ``x.json``; give either, or the stem); cached."""
    p = Path(path)
    stem = p.with_suffix("") if p.suffix in (".npy", ".json") else p
    npy, meta = stem.with_suffix(".npy"), stem.with_suffix(".json")
    if not npy.is_file() or not meta.is_file():
        raise MissingResourceError(f"static vectors not found: need {npy} and {meta} (python bench/build_static_vectors.py writes them)")
    return _load(str(npy), str(meta), npy.stat().st_mtime_ns)


class StaticContextEmbeddings(RecordInput, TransformerMixin, BaseEstimator):
    """Averages of static word vectors around a target, one block of columns per part.

    Parameters
    ----------
    vectors : str
        Path of the vector table (see :func:`load_static_vectors`).
    parts : tuple of str, default=("left", "right", "narrow")
        ``left`` / ``right``: the words on that side of the target, weighted by
        ``decay / (decay + d - 1)`` at distance ``d``; ``narrow``: the words within ``window``
        tokens on either side, unweighted; ``sentence``: every word but the target's.
    decay : float, default=3.0
        As in :class:`~framing.sentiment.features.TargetContextVectorizer`.
    window : int, default=3
        Width of the ``narrow`` part, in tokens on each side.
    sif : float, default=1e-3
        SIF coefficient ``a`` of the word weights ``a / (a + p)``.
    scale : float, default=1.0
        Each part's average is scaled to this L2 norm (0 when it has no word), so that a part
        weighs like one of the model's L2-normalised n-gram blocks under the same regularisation.
    dims : int or None, default=None
        Use only the first ``dims`` columns of the table (its leading principal components).
    """

    def __init__(self, *, vectors: str = "", parts: tuple[str, ...] = ("left", "right", "narrow"), decay: float = 3.0, window: int = 3, sif: float = 1e-3, scale: float = 1.0, dims: int | None = None) -> None:
        self.vectors = vectors
        self.parts = parts
        self.decay = decay
        self.window = window
        self.sif = sif
        self.scale = scale
        self.dims = dims

    def fit(self, X: Any = None, y: Any = None) -> StaticContextEmbeddings:
        """Check the options and load the table (nothing is learned)."""
        bad = [p for p in self.parts if p not in PARTS]
        if bad or not self.parts:
            raise OptionError(f"parts must be a non-empty subset of {PARTS}; got {self.parts!r}")
        if self.decay <= 0 or self.window < 1 or self.sif <= 0:
            raise OptionError("decay and sif must be positive and window at least 1")
        table = load_static_vectors(self.vectors)
        if self.dims is not None and not 1 <= self.dims <= table.dim:
            raise OptionError(f"dims must be between 1 and the table's {table.dim}; got {self.dims!r}")
        self.dim_ = table.dim if self.dims is None else self.dims
        self.feature_names_out_ = np.asarray([f"{p}_{i}" for p in self.parts for i in range(self.dim_)], dtype=object)
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def _sentence(self, table: StaticVectors, p: Any) -> tuple[np.ndarray, np.ndarray]:
        """The sentence's word vectors (n, dim) and SIF weights (n,), cached on the sentence."""
        key = ("static", self.vectors, self.sif)
        hit = p.sentence.grams.get(key)
        if hit is not None and hit[0] is table:
            return hit[1]
        words = [table.word(t, self.sif) for t in p.tokens]
        mat = np.vstack([v for v, _ in words]) if words else np.zeros((0, table.dim), dtype=np.float32)
        res = (mat, np.array([w for _, w in words]))
        p.sentence.grams[key] = (table, res)
        return res

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """Dense (n_records, len(parts) * dim) array."""
        check_is_fitted(self, "feature_names_out_")
        table = load_static_vectors(self.vectors)
        parsed = parse_records(X)
        k = len(self.parts)
        blocks: list[np.ndarray] = []
        offsets: dict[int, int] = {}
        total = 0
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        vals: list[np.ndarray] = []
        decay, window = self.decay, self.window
        for r, p in enumerate(parsed):
            sid = id(p.sentence)
            if sid not in offsets:
                mat, _ = self._sentence(table, p)
                offsets[sid] = total
                blocks.append(mat)
                total += len(mat)
            _, sifw = self._sentence(table, p)
            n = len(sifw)
            pos = np.arange(n)
            dist = np.where(pos < p.first, p.first - pos, pos - p.last + 1)
            outside = (pos < p.first) | (pos >= p.last)
            for j, part in enumerate(self.parts):
                if part == "left":
                    w = np.where(pos < p.first, decay / (decay + np.maximum(dist, 1) - 1), 0.0)
                elif part == "right":
                    w = np.where(pos >= p.last, decay / (decay + np.maximum(dist, 1) - 1), 0.0)
                elif part == "narrow":
                    w = (outside & (dist <= window)).astype(np.float64)
                else:
                    w = outside.astype(np.float64)
                w = w * sifw
                nz = np.flatnonzero(w)
                rows.append(np.full(len(nz), r * k + j))
                cols.append(nz + offsets[sid])
                vals.append(w[nz])
        if not parsed:
            return np.zeros((0, k * self.dim_))
        stacked = np.vstack(blocks)[:, : self.dim_] if total else np.zeros((1, self.dim_), dtype=np.float32)
        W = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(len(parsed) * k, max(total, 1)))
        out = np.asarray(W @ stacked, dtype=np.float64)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out = np.divide(out, norms, out=np.zeros_like(out), where=norms > 0) * self.scale
        return out.reshape(len(parsed), k * self.dim_)
