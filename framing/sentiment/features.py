"""Context and position features of a target mention (two of the model's transformers).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import (
    OptionError,
    check_option,
)
from framing.sentiment.records import (
    PLACEHOLDER,
    PRONOUNS,
    SIDES,
    SPEECH_VERBS,
    ParsedRecord,
    distance_weight,
    gram_table,
    parse_records,
)

__all__ = ["TargetContextVectorizer", "TargetPositionFeatures"]


# --------------------------------------------------------------------------------------------
# transformers


if TYPE_CHECKING:
    # the mixins below come before BaseEstimator in the bases of every class that uses them, so
    # their super() calls reach it; mypy is told so (at run time they derive from object)
    from sklearn.base import BaseEstimator as _EstimatorBase
else:
    _EstimatorBase = object


@lru_cache(maxsize=64)
def _weight_table(decay: float | None, size: int) -> tuple[float, ...]:
    return tuple(distance_weight(d, decay) for d in range(size))


def _distance_weights(decay: float | None, n: int) -> tuple[float, ...]:
    """``distance_weight(d, decay)`` for ``d`` in ``0 .. n - 1`` at least (a shared table)."""
    size = 64
    while size < n:
        size *= 2
    return _weight_table(decay, size)


class RecordInput(_EstimatorBase):
    """Estimator tags of the transformers here: they take records ``(sentence, start, end)``, not
    a 2-D array, and must be fitted before use."""

    def __sklearn_tags__(self) -> Any:  # sklearn.utils.Tags
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


class CompactState(_EstimatorBase):
    """Store word -> number dicts as one newline-joined string (plus an array) when saved.

    skops writes a dict entry by entry (about 1 kB per entry); a vocabulary of 50,000 n-grams
    would take 50 MB. Pickling and skops both go through ``__getstate__``/``__setstate__``, so
    the fitted attributes stay plain dicts in memory and the file stays small.
    """

    _compact_vocab: tuple[str, ...] = ()  # word -> column index
    _compact_values: tuple[str, ...] = ()  # word -> float

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())  # a copy: never touch self
        for name in self._compact_vocab:
            if isinstance(state.get(name), dict):
                words = sorted(state[name], key=state[name].__getitem__)
                state[name] = {"__compact_vocab__": "\n".join(words)}
        for name in self._compact_values:
            if isinstance(state.get(name), dict):
                words = sorted(state[name])
                state[name] = {"__compact_values__": "\n".join(words), "values": np.array([state[name][w] for w in words])}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        for name, value in state.items():
            if isinstance(value, dict) and "__compact_vocab__" in value:
                words = value["__compact_vocab__"].split("\n") if value["__compact_vocab__"] else []
                state[name] = {w: i for i, w in enumerate(words)}
            elif isinstance(value, dict) and "__compact_values__" in value:
                words = value["__compact_values__"].split("\n") if value["__compact_values__"] else []
                state[name] = dict(zip(words, (float(v) for v in value["values"])))
        super().__setstate__(state)


class TargetContextVectorizer(CompactState, RecordInput, TransformerMixin, BaseEstimator):
    """TF-IDF n-grams of the context of a target, weighted by distance to the target.

    The target's tokens become one placeholder token ``<t>``, so n-grams such as ``slammed <t>``
    or ``<t> said`` describe the target's role without naming it. Each n-gram counts
    ``decay / (decay + d - 1)`` where ``d`` is its distance in tokens to the target (1 for a
    neighbour), summed over occurrences; then (optionally) sublinear tf, idf and L2 norm as in
    :class:`~sklearn.feature_extraction.text.TfidfVectorizer`.

    Parameters
    ----------
    ngram_range : tuple (min_n, max_n), default=(1, 2)
        Lengths of the n-grams of tokens.
    window : int or None, default=None
        Ignore tokens further than this from the target (``None``: the whole sentence).
    decay : float or None, default=5.0
        Distance (in tokens, beyond the first) at which the weight halves; ``None``: no decay.
    side : {"none", "split", "both"}, default="both"
        ``"split"`` prefixes each n-gram with ``<`` or ``>`` for left or right of the target,
        ``"both"`` emits the plain and the prefixed n-gram, ``"none"`` only the plain one.
    min_df : int, default=2
        Keep n-grams seen in at least this many training records.
    max_features : int or None, default=None
        Keep the ``max_features`` n-grams with the highest document frequency.
    sublinear_tf : bool, default=True
        Use ``1 + log(tf)`` instead of ``tf``.
    use_idf : bool, default=True
        Multiply by the smoothed inverse document frequency.
    stem : bool, default=False
        Use Snowball (Porter 2) stems of the words instead of the words (NLTK's stemmer; no
        data files needed).

    Attributes
    ----------
    vocabulary_ : dict
        n-gram -> column index.
    idf_ : ndarray of shape (n_features,)
        Inverse document frequencies (ones when ``use_idf=False``).

    Examples
    --------
    >>> v = TargetContextVectorizer(min_df=1, ngram_range=(1, 1), side="split")
    >>> X = v.fit_transform([("Critics slammed Smith today.", 16, 21)])
    >>> sorted(v.get_feature_names_out())
    ['<critics', '<slammed', '>.', '>today']
    """

    _compact_vocab = ("vocabulary_",)

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 2),
        window: int | None = None,
        decay: float | None = 5.0,
        side: str = "both",
        min_df: int = 2,
        max_features: int | None = None,
        sublinear_tf: bool = True,
        use_idf: bool = True,
        stem: bool = False,
    ) -> None:
        self.ngram_range = ngram_range
        self.window = window
        self.decay = decay
        self.side = side
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf
        self.use_idf = use_idf
        self.stem = stem

    def _check_params(self) -> None:
        check_option("side", self.side, SIDES)
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi:
            raise OptionError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n; got {self.ngram_range!r}")
        if self.decay is not None and self.decay <= 0:
            raise OptionError(f"decay must be positive or None; got {self.decay!r}")

    def _ngrams(self, p: ParsedRecord, vocab: dict[str, int] | None = None) -> dict[Any, float]:
        """``n-gram -> summed distance weight`` for one parsed record (the hot path); with
        ``vocab``, ``column -> weight`` for the n-grams in ``vocab`` only.

        The sequence is the sentence with the target's tokens collapsed into one placeholder.
        An n-gram that does not contain the placeholder is an n-gram of the sentence, so with no
        window its key comes from a table of the sentence's n-grams (cached on the sentence for
        all its mentions, :meth:`_whole_sentence`); with a window the sentence's n-gram strings
        (also cached on it) near the target are looked up as used. Only n-grams containing the placeholder
        are built one by one.
        """
        window, decay, side = self.window, self.decay, self.side
        if window is None:
            if decay is None and side == "none" and vocab is not None:
                return self._counts(p, vocab)
            whole: dict[Any, float] = {}
            self._whole_sentence(p, vocab, whole)
            return whole
        stem = self.stem
        toks = p.stems if stem else p.tokens
        t = p.first  # index of the placeholder in the sequence
        shift = p.last - t - 1  # sequence index i > t is sentence token i + shift
        n = len(toks) - shift
        lo, hi = self.ngram_range
        a, b = max(0, t - window - hi + 1), min(n, t + window + 1)  # n-grams reaching within `window` of the target
        out: dict[str | int, float] = {}  # n-gram -> weight, or column -> weight with vocab
        get = out.get
        plain_side = side != "split"
        marked = side != "none"
        vget = vocab.get if vocab is not None else None
        for k in range(lo, hi + 1):
            # the sentence's n-gram strings (made once for all its mentions), looked up as used
            grams = gram_table(p.sentence, stem, k, "")
            for i in range(a, min(b, n - k + 1)):
                j = i + k
                if j <= t:  # left of the target
                    x, d, mark = i, t - j + 1, "<"
                elif i > t:  # right of the target
                    x, d, mark = i + shift, i - t, ">"
                else:  # spans the placeholder
                    if k == 1:
                        continue  # the placeholder alone says nothing
                    gram = " ".join(toks[i:t] + (PLACEHOLDER,) + toks[p.last : p.last + j - t - 1])
                    if marked:
                        key = "^" + gram if vget is None else vget("^" + gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + 1.0  # distance 0: inside any window
                    if plain_side:
                        key = gram if vget is None else vget(gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + 1.0
                    continue
                if d > window:
                    continue
                w = 1.0 if decay is None or d <= 1 else decay / (decay + d - 1)
                gram = grams[x]
                if marked:
                    key = mark + gram if vget is None else vget(mark + gram)
                    if key is not None:
                        out[key] = get(key, 0.0) + w
                if plain_side:
                    key = gram if vget is None else vget(gram)
                    if key is not None:
                        out[key] = get(key, 0.0) + w
        return out

    def _whole_sentence(self, p: ParsedRecord, vocab: dict[str, int] | None, out: dict[Any, float]) -> None:
        """:meth:`_ngrams` with no window: the n-grams left and right of the target come from the
        sentence's tables (shared by its mentions) and get the weight of their distance, in one
        pass over each side; the n-grams containing the placeholder are built one by one. Each key
        receives its weights in the same order as a token-by-token walk, so the sums are the same."""
        sent = p.sentence
        stem = self.stem
        toks = p.stems if stem else p.tokens
        t, last = p.first, p.last
        n = len(toks) - (last - t - 1)  # length of the sequence with the target collapsed
        lo, hi = self.ngram_range
        plain_side = self.side != "split"
        marked = self.side != "none"
        weights = _distance_weights(self.decay, len(toks) + 1)
        get = out.get
        vget = vocab.get if vocab is not None else None

        def add(keys: Sequence[Any], ws: Sequence[float]) -> None:
            for key, w in zip(keys, ws):
                if key is not None:
                    out[key] = get(key, 0.0) + w

        for k in range(lo, hi + 1):
            plain: Sequence[Any] = gram_table(sent, stem, k, "", vocab) if plain_side else ()
            n_left = t - k + 1  # n-grams ending before the target start at 0 .. t - k
            if n_left > 0:
                w_left = weights[n_left:0:-1]  # distance n_left down to 1
                if marked:
                    add(gram_table(sent, stem, k, "<", vocab)[:n_left], w_left)
                if plain_side:
                    add(plain[:n_left], w_left)
            if k > 1:  # n-grams containing the placeholder (distance 0)
                for i in range(max(0, t - k + 1), min(t, n - k) + 1):
                    gram = " ".join(toks[i:t] + (PLACEHOLDER,) + toks[last : last + i + k - t - 1])
                    if marked:
                        key = "^" + gram if vget is None else vget("^" + gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + 1.0
                    if plain_side:
                        key = gram if vget is None else vget(gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + 1.0
            n_right = len(toks) - k - last + 1  # n-grams starting after the target: last .. len - k
            if n_right > 0:
                w_right = weights[1 : n_right + 1]
                if marked:
                    add(gram_table(sent, stem, k, ">", vocab)[last : last + n_right], w_right)
                if plain_side:
                    add(plain[last : last + n_right], w_right)

    def _counts(self, p: ParsedRecord, vocab: dict[str, int]) -> dict[Any, float]:
        """:meth:`_ngrams` for unweighted, unmarked n-grams of the whole sentence: the counts of
        the sentence's n-grams (computed once per sentence), minus those the placeholder
        replaces, plus those containing it. Counts are whole numbers, so the sums are exact."""
        sent = p.sentence
        stem = self.stem
        toks = p.stems if stem else p.tokens
        lo, hi = self.ngram_range
        t, last = p.first, p.last
        key = ("counts", stem, lo, hi, id(vocab))
        hit = sent.grams.get(key)
        base: dict[int, float]
        if hit is not None and hit[0] is vocab:
            base = hit[1]
        else:
            base = {}
            for k in range(lo, hi + 1):
                for col in gram_table(sent, stem, k, "", vocab):
                    if col is not None:
                        base[col] = base.get(col, 0.0) + 1.0
            sent.grams[key] = (vocab, base)
        out = dict(base)
        n = len(toks)
        for k in range(lo, hi + 1):
            table = gram_table(sent, stem, k, "", vocab)
            for x in range(max(0, t - k + 1), min(last, n - k + 1)):
                col = table[x]
                if col is not None:  # a sentence n-gram overlapping the target (or cut by the placeholder)
                    c = out[col] - 1.0
                    if c:
                        out[col] = c
                    else:
                        del out[col]
            if k == 1:
                continue
            for i in range(max(0, t - k + 1), t + 1):  # n-grams containing the placeholder
                j = i + k
                if j > n - (last - t) + 1:
                    break
                col = vocab.get(" ".join(toks[i:t] + (PLACEHOLDER,) + toks[last : last + j - t - 1]))
                if col is not None:
                    out[col] = out.get(col, 0.0) + 1.0
        return out

    def fit(self, X: Iterable[Any], y: Any = None) -> TargetContextVectorizer:
        """Learn the vocabulary and idf from records ``(sentence, start, end)``."""
        self._check_params()
        parsed = parse_records(X)
        df: dict[str, int] = {}
        for p in parsed:
            for g in self._ngrams(p):
                df[g] = df.get(g, 0) + 1
        kept = [g for g, c in df.items() if c >= self.min_df]
        if self.max_features is not None:
            kept.sort(key=lambda g: (-df[g], g))
            kept = kept[: self.max_features]
        kept.sort()
        if not kept:
            raise ValueError(f"no n-gram occurs in at least min_df={self.min_df} records; lower min_df")
        self.vocabulary_ = {g: i for i, g in enumerate(kept)}
        n = len(parsed)
        dfs = np.array([df[g] for g in kept], dtype=np.float64)
        self.idf_ = np.log((1 + n) / (1 + dfs)) + 1 if self.use_idf else np.ones(len(kept))
        return self

    def transform(self, X: Iterable[Any]) -> sp.csr_matrix:
        """Sparse (n_records, n_features) matrix of weighted, L2-normalised n-gram scores."""
        check_is_fitted(self, "vocabulary_")
        vocab = self.vocabulary_
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for p in parse_records(X):
            cols = self._ngrams(p, vocab)
            indices.extend(cols)
            data.extend(cols.values())
            indptr.append(len(indices))
        vals = np.asarray(data, dtype=np.float64)
        idx = np.asarray(indices, dtype=np.int32)
        if self.sublinear_tf:
            vals = np.where(vals > 1, 1 + np.log(np.maximum(vals, 1)), vals)
        n_rows = len(indptr) - 1
        ptr = np.asarray(indptr, dtype=np.int64)
        if len(idx):
            vals = vals * self.idf_[idx]
            row = np.repeat(np.arange(n_rows), np.diff(ptr))
            norms = np.sqrt(np.bincount(row, weights=vals * vals, minlength=n_rows))
            norms[norms == 0] = 1.0
            vals = vals / norms[row]  # L2-normalise each row
        M = sp.csr_matrix((vals, idx, ptr), shape=(n_rows, len(vocab)))
        M.sort_indices()
        return M

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The n-grams, in column order (``<`` left, ``>`` right, ``^`` spanning the target)."""
        check_is_fitted(self, "vocabulary_")
        names = [""] * len(self.vocabulary_)
        for g, i in self.vocabulary_.items():
            names[i] = g
        return np.asarray(names, dtype=object)


class TargetPositionFeatures(RecordInput, TransformerMixin, BaseEstimator):
    """Where the target is and what it looks like, as a few numbers in [0, 1].

    Features: relative position, at sentence start, token length (``/5``, capped at 1), pronoun,
    inside a quotation, number of quotations (capped at 2, ``/2``), followed or preceded (within
    two tokens) by a verb of saying, possessive ``'s`` after it, sentence length (``log/log 100``).

    Examples
    --------
    >>> f = TargetPositionFeatures().fit(None)
    >>> x = f.transform([("He said it was fine.", 0, 2)])
    >>> float(x[0, list(f.get_feature_names_out()).index("speaker_after")])
    1.0
    """

    _NAMES = (
        "rel_position",
        "at_start",
        "target_length",
        "pronoun",
        "target_in_quote",
        "n_quotes",
        "speaker_after",
        "speaker_before",
        "possessive",
        "sentence_length",
    )

    def __init__(self) -> None:
        pass

    def fit(self, X: Any = None, y: Any = None) -> TargetPositionFeatures:
        """Nothing to learn; records the feature names."""
        self.feature_names_out_ = np.asarray(self._NAMES, dtype=object)
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The feature names, in column order."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """Dense (n_records, 10) array."""
        check_is_fitted(self, "feature_names_out_")
        parsed = parse_records(X)
        out = np.zeros((len(parsed), len(self._NAMES)))
        for r, p in enumerate(parsed):
            n = max(len(p.tokens), 1)
            toks = p.tokens
            nq = 0
            prev = False
            for q in p.in_quote:
                nq += q and not prev
                prev = q
            out[r] = (
                p.first / n,
                float(p.first == 0),
                min((p.last - p.first) / 5.0, 1.0),
                float(p.last - p.first == 1 and toks[p.first] in PRONOUNS),
                float(p.target_in_quote),
                min(nq, 2) / 2.0,
                float(any(t in SPEECH_VERBS for t in toks[p.last : p.last + 2])),
                float(any(t in SPEECH_VERBS for t in toks[max(0, p.first - 2) : p.first])),
                float(p.last < len(toks) and toks[p.last] in ("'s", "’s")),
                min(math.log(n) / math.log(100), 1.0),
            )
        return out


