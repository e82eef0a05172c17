"""Sentiment toward a target mention in a sentence (target-dependent sentiment classification).

Given a sentence and the character span of a mention (``"Critics slammed Smith as corrupt."``,
``16``, ``21``), say whether the sentence is negative, neutral or positive *toward that mention*.
The model is a scikit-learn :class:`~sklearn.pipeline.Pipeline` trained on NewsMTSC (Hamborg &
Donnay, EACL 2021; see ``framing/models/target_sentiment.md``) and shipped as a ``.skops`` file.
Its features come from three kinds of transformer that take *records* ``(sentence, start, end)``:

* :class:`TargetContextVectorizer` - TF-IDF n-grams of the (stemmed) words around the target,
  weighted by token distance to the target and marked by side (left/right); the target itself is
  replaced by a placeholder, so the model does not learn who is liked, only how they are talked
  about (three of them: near words weighted by distance, n-grams within 5 tokens, whole sentence);
* :class:`LexiconContextFeatures` - VADER lexicon valence (Hutto & Gilbert 2014) of the words near
  the target, weighted by distance, with negation, split by side, by whether the word is inside a
  quotation and by whether the target is; these words are the ``evidence`` of a prediction;
* :class:`TargetPositionFeatures` - where the target is and what it is (position, pronoun, quoted,
  next to a verb of saying, ...).

Public functions: :func:`score_target`, :func:`score_targets`, :func:`load_model`,
:func:`train_model`, :func:`save_model`, :func:`make_pipeline`.

>>> r = score_target("Critics slammed Smith as a corrupt failure.", 16, 21)
>>> r.label, r.score < -0.5
('negative', True)
>>> [(w, s, e, v) for w, s, e, v in r.evidence][:2]
[('slammed', 8, 15, -1.6), ('failure', 35, 42, -2.3)]
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils.validation import check_is_fitted

from .errors import FramingError, InputError, MissingResourceError, OptionError, check_option, UntrustedModelError
from .quotes import find_quote_spans
from .resources import _require, model_dir, vader_lexicon_path
from .segment import tokenize

__all__ = [
    "LABELS",
    "MODEL_FILE",
    "TRUSTED_TYPES",
    "LexiconContextFeatures",
    "TargetContextVectorizer",
    "TargetPositionFeatures",
    "TargetSentiment",
    "UntrustedModelError",
    "load_model",
    "make_pipeline",
    "save_model",
    "score_target",
    "score_targets",
    "train_model",
]

#: The classes, in the order of ``predict_proba`` columns.
LABELS = ("negative", "neutral", "positive")

#: File name of the shipped model inside :func:`framing.resources.model_dir`.
MODEL_FILE = "target_sentiment.skops"

#: Types a ``.skops`` model file may contain beyond those skops trusts by default. Each was
#: checked with ``skops.io.get_untrusted_types`` on the shipped model: our own transformers
#: (plain attributes: dicts, lists, numpy arrays) and builtins skops does not whitelist.
TRUSTED_TYPES = (
    "framing.sentiment.LexiconContextFeatures",
    "framing.sentiment.TargetContextVectorizer",
    "framing.sentiment.TargetPositionFeatures",
)

#: Words that negate a lexicon word up to ``negation_window`` tokens later ("not", "n't",
#: "never", "no" as asked, plus close relatives); tokens ending in "n't" count too (our tokenizer
#: keeps "doesn't" whole).
NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no", "cannot", "nor", "neither", "without", "nothing", "none"})

#: Pronouns: a pronoun target says little by itself, but its position and context behave differently.
PRONOUNS = frozenset(
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs "
    "himself herself itself themselves ourselves".split()
)

#: Verbs of saying after a target mark it as the speaker of what follows.
SPEECH_VERBS = frozenset(
    "said says say told tells tell added adds argued argues claimed claims stated states wrote writes "
    "warned warns insisted insists noted notes asked asks tweeted tweets declared declares explained".split()
)

#: Tokens that start a new clause (for the "clause" grouping of lexicon evidence).
CLAUSE_BREAKS = frozenset([",", ";", ":", "(", ")", "—", "–", "but", "while", "although", "though", "whereas", "because"])

#: Dimensions by which :class:`LexiconContextFeatures` can split its sums, and their values.
LEXICON_GROUPS = {
    "side": ("left", "right"),
    "word_quote": ("in", "out"),
    "target_quote": ("tin", "tout"),
    "clause": ("same", "other"),
    "speaker": ("spk", "nospk"),
}

PLACEHOLDER = "<t>"
_SIDES = ("none", "split", "both")


def _is_negation(token: str) -> bool:
    return token in NEGATIONS or token.endswith("n't") or token.endswith("n’t")


# --------------------------------------------------------------------------------------------
# records


class _Sentence:
    """What every record of one sentence shares: tokens, offsets, stems, quotation and clause
    marks, and (filled lazily by :class:`TargetContextVectorizer`) its n-gram strings.

    Several mentions often share a sentence, and one mention is read by five transformers, so
    this is computed once per sentence (cached by :func:`_sentence`).
    """

    __slots__ = ("tokens", "starts", "ends", "quotes", "in_quote", "clause", "stems", "grams")

    def __init__(self, sentence: str) -> None:
        toks = tokenize(sentence)
        self.quotes = [(q.inner_start, q.inner_end) for q in find_quote_spans(sentence)]
        self.tokens = tuple([t.lower() for t, _, _ in toks])
        self.starts = tuple([s for _, s, _ in toks])
        self.ends = tuple([e for _, _, e in toks])
        if self.quotes:
            self.in_quote = tuple(any(a <= s < b for a, b in self.quotes) for s in self.starts)
        else:
            self.in_quote = (False,) * len(toks)
        clause = []
        c = 0
        for t in self.tokens:
            if t in CLAUSE_BREAKS:
                c += 1
            clause.append(c)
        self.clause = tuple(clause)
        self.stems = tuple(map(_stem, self.tokens))
        #: n-gram strings or vocabulary columns starting at each token (see ``_gram_table``)
        self.grams: dict[tuple[bool, int, str, int], tuple[Any, list[Any]]] = {}


@lru_cache(maxsize=1024)  # a batch is usually one article: a few dozen sentences
def _sentence(sentence: str) -> _Sentence:
    return _Sentence(sentence)


class _Parsed(NamedTuple):
    """One record taken apart: lower-cased tokens, their offsets, and the target's token range."""

    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    first: int  # first target token
    last: int  # last target token + 1 (== first when the span covers no token)
    in_quote: tuple[bool, ...]
    target_in_quote: bool
    clause: tuple[int, ...]  # clause number of each token (see CLAUSE_BREAKS)
    target_clause: int
    speaker: bool  # a verb of saying right after or before the target
    stems: tuple[str, ...]
    sentence: _Sentence


def _check_record(rec: Any) -> tuple[str, int, int]:
    try:
        sentence, start, end = rec
    except (TypeError, ValueError):
        raise InputError(f"a record must be (sentence, start, end); got {rec!r:.80}") from None
    if not isinstance(sentence, str):
        raise InputError(f"the sentence of a record must be a str; got {type(sentence).__name__}")
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, (int, np.integer)) or not isinstance(end, (int, np.integer)):
        raise InputError(f"start and end must be integers; got {start!r} and {end!r}")
    if not 0 <= start < end <= len(sentence):
        raise InputError(f"the target span must satisfy 0 <= start < end <= len(sentence) = {len(sentence)}; got start={start}, end={end}")
    return sentence, int(start), int(end)


@lru_cache(maxsize=2048)
def _parse(sentence: str, start: int, end: int) -> _Parsed:
    sent = _sentence(sentence)
    starts, ends = sent.starts, sent.ends
    first = last = None
    for i in range(len(starts)):
        if starts[i] >= end:  # past the target
            if first is None:
                first = last = i
            break
        if ends[i] > start:  # overlaps the target
            if first is None:
                first = i
            last = i + 1
    if first is None:
        first = last = len(starts)
    target_in_quote = any(a <= start < b for a, b in sent.quotes)
    lower, clause = sent.tokens, sent.clause
    target_clause = clause[first] if first < len(clause) else (clause[-1] if clause else 0)
    speaker = any(t in SPEECH_VERBS for t in lower[last : last + 2]) or any(t in SPEECH_VERBS for t in lower[max(0, first - 2) : first])
    return _Parsed(
        lower,
        starts,
        ends,
        first,
        last,  # type: ignore[arg-type]
        sent.in_quote,
        target_in_quote,
        clause,
        target_clause,
        speaker,
        sent.stems,
        sent,
    )


def _parse_all(X: Iterable[Any]) -> list[_Parsed]:
    if isinstance(X, (str, bytes)):
        raise InputError("expected a sequence of (sentence, start, end) records; got a single string")
    return [_parse(*_check_record(rec)) for rec in X]


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=50_000)  # bounded: a worker's memory must not grow with the corpus vocabulary
def _stem(token: str) -> str:
    """Snowball (Porter 2) stem of a lower-case token; punctuation and numbers stay as they are."""
    return _stemmer().stem(token) if token[:1].isalpha() else token


def _distance(p: _Parsed, i: int) -> int:
    """Tokens between token ``i`` and the target (1 for a neighbour, 0 inside the target)."""
    if i < p.first:
        return p.first - i
    if i >= p.last:
        return i - p.last + 1
    return 0


def _weight(d: int, decay: float | None) -> float:
    """Distance weight: 1 for a neighbour, ``decay / (decay + d - 1)`` further away."""
    if decay is None or d <= 1:
        return 1.0
    return decay / (decay + d - 1)


def _make_table(toks: Sequence[str], k: int, prefix: str, vocab: dict[str, int] | None) -> list[Any]:
    """``prefix + " ".join(toks[x : x + k])`` for every start ``x``, or with ``vocab`` that
    n-gram's column in ``vocab`` (None when it has none)."""
    if k == 1:
        grams: Iterable[str] = [prefix + g for g in toks] if prefix else toks
    else:
        grams = [prefix + " ".join(toks[x : x + k]) for x in range(len(toks) - k + 1)]
    if vocab is None:
        return list(grams)
    get = vocab.get
    return [get(g) for g in grams]


def _gram_table(sent: _Sentence, stem: bool, k: int, prefix: str, vocab: dict[str, int] | None = None) -> list[Any]:
    """:func:`_make_table` over the whole sentence, cached on it (for all its mentions)."""
    key = (stem, k, prefix, id(vocab))
    hit = sent.grams.get(key)
    if hit is not None and hit[0] is vocab:  # the entry holds vocab, so its id is not reused
        return hit[1]
    table = _make_table(sent.stems if stem else sent.tokens, k, prefix, vocab)
    sent.grams[key] = (vocab, table)
    return table


# --------------------------------------------------------------------------------------------
# transformers


class _RecordInput:
    """Estimator tags of the transformers here: they take records ``(sentence, start, end)``, not
    a 2-D array, and must be fitted before use."""

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()  # type: ignore[misc]
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags


class _CompactState:
    """Store word -> number dicts as one newline-joined string (plus an array) when saved.

    skops writes a dict entry by entry (about 1 kB per entry); a vocabulary of 50,000 n-grams
    would take 50 MB. Pickling and skops both go through ``__getstate__``/``__setstate__``, so
    the fitted attributes stay plain dicts in memory and the file stays small.
    """

    _compact_vocab: tuple[str, ...] = ()  # word -> column index
    _compact_values: tuple[str, ...] = ()  # word -> float

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())  # type: ignore[misc]  # a copy: never touch self
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
        super().__setstate__(state)  # type: ignore[misc]


class TargetContextVectorizer(_CompactState, _RecordInput, TransformerMixin, BaseEstimator):
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
        check_option("side", self.side, _SIDES)
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi:
            raise OptionError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n; got {self.ngram_range!r}")
        if self.decay is not None and self.decay <= 0:
            raise OptionError(f"decay must be positive or None; got {self.decay!r}")

    def _ngrams(self, p: _Parsed, vocab: dict[str, int] | None = None) -> dict[Any, float]:
        """``n-gram -> summed distance weight`` for one parsed record (the hot path); with
        ``vocab``, ``column -> weight`` for the n-grams in ``vocab`` only.

        The sequence is the sentence with the target's tokens collapsed into one placeholder.
        An n-gram that does not contain the placeholder is an n-gram of the sentence, so its key
        comes from a table of the sentence's n-grams (cached on the sentence for all its
        mentions when the whole sentence counts, built for the tokens near the target when a
        window limits it); only n-grams containing the placeholder are built one by one.
        """
        sent = p.sentence
        stem = self.stem
        toks = p.stems if stem else p.tokens
        t = p.first  # index of the placeholder in the sequence
        shift = p.last - t - 1  # sequence index i > t is sentence token i + shift
        n = len(toks) - shift
        lo, hi = self.ngram_range
        window, decay, side = self.window, self.decay, self.side
        if window is None:
            a, b = 0, n
        else:  # only n-grams that reach within `window` tokens of the target
            a, b = max(0, t - window - hi + 1), min(n, t + window + 1)
        if window is None and decay is None and side == "none" and vocab is not None:
            return self._counts(p, vocab)
        out: dict[str, float] = {}
        get = out.get
        plain_side = side != "split"
        marked = side != "none"
        vget = vocab.get if vocab is not None else None
        for k in range(lo, hi + 1):
            if window is None:  # whole-sentence tables, shared by the sentence's mentions
                off = 0
                plain = _gram_table(sent, stem, k, "", vocab) if plain_side else None
                left = _gram_table(sent, stem, k, "<", vocab) if marked else None
                right = _gram_table(sent, stem, k, ">", vocab) if marked else None
                near = None
            else:  # a few tokens around this target: their n-gram strings, looked up as used
                off = a
                near = _make_table(toks[a : min(len(toks), b + shift + hi - 1)], k, "", None)
                plain = left = right = None
            for i in range(a, min(b, n - k + 1)):
                j = i + k
                if j <= t:  # left of the target
                    x, d, table, mark = i - off, t - j + 1, left, "<"
                elif i > t:  # right of the target
                    x, d, table, mark = i + shift - off, i - t, right, ">"
                else:  # spans the placeholder
                    if k == 1:
                        continue  # the placeholder alone says nothing
                    w = 1.0  # distance 0: inside any window
                    gram = " ".join(toks[i:t] + (PLACEHOLDER,) + toks[p.last : p.last + j - t - 1])
                    if marked:
                        key = "^" + gram if vget is None else vget("^" + gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + w
                    if plain_side:
                        key = gram if vget is None else vget(gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + w
                    continue
                if window is not None and d > window:
                    continue
                w = 1.0 if decay is None or d <= 1 else decay / (decay + d - 1)
                if near is not None:
                    gram = near[x]
                    if marked:
                        key = mark + gram if vget is None else vget(mark + gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + w
                    if plain_side:
                        key = gram if vget is None else vget(gram)
                        if key is not None:
                            out[key] = get(key, 0.0) + w
                    continue
                if marked:
                    key = table[x]  # type: ignore[index]
                    if key is not None:
                        out[key] = get(key, 0.0) + w
                if plain_side:
                    key = plain[x]  # type: ignore[index]
                    if key is not None:
                        out[key] = get(key, 0.0) + w
        return out

    def _counts(self, p: _Parsed, vocab: dict[str, int]) -> dict[Any, float]:
        """:meth:`_ngrams` for unweighted, unmarked n-grams of the whole sentence: the counts of
        the sentence's n-grams (computed once per sentence), minus those the placeholder
        replaces, plus those containing it. Counts are whole numbers, so the sums are exact."""
        sent = p.sentence
        stem = self.stem
        toks = p.stems if stem else p.tokens
        lo, hi = self.ngram_range
        t, last = p.first, p.last
        key = ("counts", stem, lo, hi, id(vocab))
        hit = sent.grams.get(key)  # type: ignore[call-overload]
        if hit is not None and hit[0] is vocab:
            base = hit[1]
        else:
            base = {}
            for k in range(lo, hi + 1):
                for col in _gram_table(sent, stem, k, "", vocab):
                    if col is not None:
                        base[col] = base.get(col, 0.0) + 1.0
            sent.grams[key] = (vocab, base)  # type: ignore[index]
        out = dict(base)
        n = len(toks)
        for k in range(lo, hi + 1):
            table = _gram_table(sent, stem, k, "", vocab)
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
        parsed = _parse_all(X)
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
        for p in _parse_all(X):
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


def _read_vader_lexicon(path: Path) -> dict[str, float]:
    """``token -> mean valence`` from a VADER-format file; duplicate entries are averaged.

    (VADER itself lets the last duplicate win silently; the 14 duplicates in vader_lexicon.txt
    are all emoticons or chat slang, so this choice does not matter for news text.)
    """
    values: dict[str, list[float]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            try:
                values.setdefault(parts[0].lower(), []).append(float(parts[1]))
            except (IndexError, ValueError):
                raise InputError(f"{path}:{n}: expected 'token<TAB>valence<TAB>...'; got {line.strip()!r:.60}") from None
    return {w: sum(v) / len(v) for w, v in values.items()}


def _inflect(word: str) -> list[str]:
    """Regular inflections of a lexicon word (``slam`` -> ``slams``, ``slammed``, ``slamming``)."""
    if not word.isalpha() or len(word) < 3:
        return []
    forms = [word + "s", word + "ed", word + "ing", word + "ly"]
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    if word.endswith("y") and word[-2] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied", word[:-1] + "ily"]
    if word[-1] in "bdglmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(word + "es")
    return forms


class LexiconContextFeatures(_CompactState, _RecordInput, TransformerMixin, BaseEstimator):
    """Lexicon valence of the words around a target, by side and quotation status.

    Every context word found in the VADER lexicon (valence -4..4, scaled here to -1..1) counts
    with weight ``decay / (decay + d - 1)`` at token distance ``d`` from the target. A negation
    ("not", "n't", "never", "no", ...) up to ``negation_window`` tokens before a word multiplies
    its valence by ``negation_scalar`` (VADER's -0.74: flipped and dampened). Positive and
    negative parts are summed separately in groups (by default: left/right of the target x word
    inside/outside a quotation x target inside/outside a quotation), plus unweighted
    whole-sentence totals, the valence of the nearest lexicon word on each side and the number of
    negated words. The target's own words are never counted.

    Parameters
    ----------
    lexicon : str or Path or None, default=None
        A VADER-format lexicon file; ``None``: the one in the ``vaderSentiment`` package. Read
        by ``fit`` and stored in ``lexicon_``, so a fitted model does not depend on the file.
    window : int or None, default=None
        Ignore words further than this from the target.
    decay : float or None, default=3.0
        Distance weight parameter (see :class:`TargetContextVectorizer`).
    negation_window : int, default=3
        How many tokens before a lexicon word a negation reaches.
    negation_scalar : float, default=-0.74
        Factor applied to a negated word's valence (VADER's ``N_SCALAR``).
    groups : tuple of str, default=("side", "word_quote", "target_quote")
        Dimensions by which the positive and negative sums are split: ``"side"`` (left/right of
        the target), ``"word_quote"`` (word inside/outside a quotation), ``"target_quote"``
        (target inside/outside one), ``"clause"`` (same clause as the target or not, clauses
        being delimited by punctuation and "but", "while", ...), ``"speaker"`` (target followed
        or preceded by a verb of saying). ``()``: one positive and one negative sum.
    inflections : bool, default=False
        Also match regular inflections of the lexicon words (``slam`` -> ``slammed``,
        ``slams``, ``slamming``), unless the inflected form has its own entry.
    distance_bins : tuple of int, default=()
        Lower edges of token-distance bins (e.g. ``(1, 2, 3, 5)``); adds unweighted positive and
        negative sums per side and bin. ``()``: none.

    Attributes
    ----------
    lexicon_ : dict
        ``word -> valence in [-1, 1]``.

    Examples
    --------
    >>> f = LexiconContextFeatures().fit(None)
    >>> x = f.transform([("Smith is not good.", 0, 5)])
    >>> names = list(f.get_feature_names_out())
    >>> # "good" (VADER 1.9, /4) negated (x -0.74), 3 tokens to the right (weight 3 / (3 + 2))
    >>> round(float(x[0, names.index("right_out_tout_neg")]), 3)
    0.211
    """

    _compact_values = ("lexicon_",)

    def __init__(
        self,
        *,
        lexicon: str | Path | None = None,
        window: int | None = None,
        decay: float | None = 3.0,
        negation_window: int = 3,
        negation_scalar: float = -0.74,
        groups: tuple[str, ...] = ("side", "word_quote", "target_quote"),
        inflections: bool = False,
        distance_bins: tuple[int, ...] = (),
    ) -> None:
        self.lexicon = lexicon
        self.window = window
        self.decay = decay
        self.negation_window = negation_window
        self.negation_scalar = negation_scalar
        self.groups = groups
        self.inflections = inflections
        self.distance_bins = distance_bins

    def fit(self, X: Any = None, y: Any = None) -> LexiconContextFeatures:
        """Read the lexicon (``X`` is not used: the lexicon is fixed, not learned)."""
        for dim in self.groups:
            check_option("groups", dim, LEXICON_GROUPS)
        if self.decay is not None and self.decay <= 0:
            raise OptionError(f"decay must be positive or None; got {self.decay!r}")
        path = Path(self.lexicon) if self.lexicon is not None else vader_lexicon_path()
        lex = {w: v / 4.0 for w, v in _read_vader_lexicon(path).items()}
        if self.inflections:
            lex = {**{f: v for w, v in lex.items() for f in _inflect(w)}, **lex}
        self.lexicon_ = lex
        return self

    def _groups(self) -> list[str]:
        names = [""]
        for dim in self.groups:
            names = [f"{n}_{v}" if n else v for n in names for v in LEXICON_GROUPS[dim]]
        return names if names != [""] else ["all"]

    def _bins(self) -> list[str]:
        edges = list(self.distance_bins)
        return [f"{a}-{b - 1}" if b - 1 > a else str(a) for a, b in zip(edges, edges[1:])] + ([f"{edges[-1]}+"] if edges else [])

    def _group_of(self, p: _Parsed, i: int) -> str:
        parts = []
        for dim in self.groups:
            if dim == "side":
                parts.append("left" if i < p.first else "right")
            elif dim == "word_quote":
                parts.append("in" if p.in_quote[i] else "out")
            elif dim == "target_quote":
                parts.append("tin" if p.target_in_quote else "tout")
            elif dim == "clause":
                parts.append("same" if p.clause[i] == p.target_clause else "other")
            else:
                parts.append("spk" if p.speaker else "nospk")
        return "_".join(parts) or "all"

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Feature names: ``<group>_pos``/``<group>_neg`` sums, then the sentence-level ones."""
        check_is_fitted(self, "lexicon_")
        names = [f"{g}_{s}" for g in self._groups() for s in ("pos", "neg")]
        names += ["sent_pos", "sent_neg", "nearest_left", "nearest_right", "n_negated"]
        names += [f"{s}{b}_{pol}" for s in ("left", "right") for b in self._bins() for pol in ("pos", "neg")]
        return np.asarray(names, dtype=object)

    def _hits(self, sent: _Sentence) -> list[tuple[int, float, bool]]:
        """``(token index, valence after negation, negated)`` of the sentence's lexicon words
        (cached on the sentence: they do not depend on the target)."""
        lex = self.lexicon_
        key = ("lexicon", id(lex), self.negation_window, self.negation_scalar)
        hit = sent.grams.get(key)  # type: ignore[call-overload]
        if hit is not None and hit[0] is lex:
            return hit[1]
        out = []
        nw = self.negation_window
        toks = sent.tokens
        for i, tok in enumerate(toks):
            v = lex.get(tok)
            if v is None:
                continue
            negated = any(_is_negation(t) for t in toks[max(0, i - nw) : i])
            if negated:
                v *= self.negation_scalar
            out.append((i, v, negated))
        sent.grams[key] = (lex, out)  # type: ignore[index]
        return out

    def _words(self, p: _Parsed) -> list[tuple[int, float, float, bool]]:
        """``(token index, valence after negation, distance weight, negated)`` of the lexicon words."""
        out = []
        for i, v, negated in self._hits(p.sentence):
            if p.first <= i < p.last:
                continue  # the target's own words are not evidence about it
            d = _distance(p, i)
            if self.window is not None and d > self.window:
                continue
            out.append((i, v, _weight(d, self.decay), negated))
        return out

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """Dense (n_records, n_features) array (see :meth:`get_feature_names_out`)."""
        check_is_fitted(self, "lexicon_")
        parsed = _parse_all(X)
        groups = self._groups()
        gidx = {g: i for i, g in enumerate(groups)}
        ng = 2 * len(groups)
        edges = list(self.distance_bins)
        nb = len(edges)
        out = np.zeros((len(parsed), ng + 5 + 4 * nb))
        for r, p in enumerate(parsed):
            near_l = near_r = None
            for i, v, w, negated in self._words(p):
                left = i < p.first
                g = gidx[self._group_of(p, i)]
                if v > 0:
                    out[r, 2 * g] += w * v
                    out[r, ng] += v
                else:
                    out[r, 2 * g + 1] -= w * v
                    out[r, ng + 1] -= v
                if left:
                    near_l = v  # the last one on the left is the nearest
                elif near_r is None:
                    near_r = v
                out[r, ng + 4] += negated
                if nb:
                    d = _distance(p, i)
                    b = sum(d >= e for e in edges) - 1
                    if b >= 0:
                        out[r, ng + 5 + 2 * (b + (0 if left else nb)) + (v < 0)] += abs(v)
            out[r, ng + 2] = near_l or 0.0
            out[r, ng + 3] = near_r or 0.0
        return out

    def evidence(self, X: Iterable[Any]) -> list[list[tuple[str, int, int, float]]]:
        """Per record, the lexicon words that fed the features: ``(word, start, end, valence)``.

        ``valence`` is the VADER valence (-4..4) after negation; words are ordered by their
        weighted influence, strongest first.
        """
        check_is_fitted(self, "lexicon_")
        out = []
        for rec in X:
            sentence, start, end = _check_record(rec)
            p = _parse(sentence, start, end)
            words = sorted(self._words(p), key=lambda t: -abs(t[1] * t[2]))
            out.append([(sentence[p.starts[i] : p.ends[i]], p.starts[i], p.ends[i], round(4.0 * v, 3)) for i, v, _, _ in words])
        return out


class TargetPositionFeatures(_RecordInput, TransformerMixin, BaseEstimator):
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
        parsed = _parse_all(X)
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


# --------------------------------------------------------------------------------------------
# the pipeline

def make_pipeline(**params: Any) -> Pipeline:
    """An unfitted pipeline: five feature transformers, then logistic regression.

    The configuration is the one chosen on NewsMTSC dev_mt (with 5-fold cross-validation on the
    training set as a second opinion; see ``bench/train_sentiment.py`` and the model card):

    * ``context``: stemmed words around the target, weighted by distance (``decay=3``),
      plain and marked by side;
    * ``narrow``: stemmed 1-3-grams within 5 tokens of the target, marked by side, unweighted;
    * ``broad``: stemmed 1-2-grams of the whole sentence (target replaced by a placeholder);
    * ``lexicon``: VADER valence around the target (:class:`LexiconContextFeatures`), with
      regular inflections of the lexicon words;
    * ``position``: :class:`TargetPositionFeatures`.

    ``params`` are ``Pipeline.set_params`` overrides, for example ``clf__C=2`` or
    ``features__narrow="drop"``.

    >>> make_pipeline(clf__C=2).named_steps["clf"].C
    2
    """
    pipe = Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        ("context", TargetContextVectorizer(ngram_range=(1, 1), decay=3.0, side="both", stem=True)),
                        ("narrow", TargetContextVectorizer(ngram_range=(1, 3), window=5, decay=None, side="split", stem=True)),
                        ("broad", TargetContextVectorizer(ngram_range=(1, 2), decay=None, side="none", stem=True)),
                        ("lexicon", LexiconContextFeatures(inflections=True)),
                        ("position", TargetPositionFeatures()),
                    ]
                ),
            ),
            ("clf", LogisticRegression(C=1.0, max_iter=3000)),
        ]
    )
    if params:
        pipe.set_params(**params)
    return pipe


def _records_and_labels(records: Iterable[Any], labels: Iterable[str] | None) -> tuple[list[tuple[str, int, int]], list[str]]:
    recs: list[tuple[str, int, int]] = []
    ys: list[str] = []
    for r in records:
        if isinstance(r, Mapping):
            start = r.get("target_start", r.get("start"))
            end = r.get("target_end", r.get("end"))
            recs.append(_check_record((r.get("sentence"), start, end)))
            if labels is None:
                if "label" not in r:
                    raise InputError(f"record without a 'label' (and no labels= given): {dict(r)!r:.80}")
                ys.append(r["label"])
        else:
            recs.append(_check_record(r))
    if labels is not None:
        ys = list(labels)
    elif len(ys) != len(recs):
        raise InputError("labels= is required when records are (sentence, start, end) tuples")
    if len(ys) != len(recs):
        raise InputError(f"got {len(recs)} records but {len(ys)} labels")
    for y in set(ys):
        check_option("label", y, LABELS)
    return recs, ys


def train_model(records: Iterable[Any], *, labels: Iterable[str] | None = None, params: Mapping[str, Any] | None = None) -> Pipeline:
    """Fit :func:`make_pipeline` on ``records``.

    ``records`` are mappings with ``sentence``, ``target_start``/``target_end`` (or
    ``start``/``end``) and ``label`` (NewsMTSC lines as read by ``json.loads``), or
    ``(sentence, start, end)`` tuples together with ``labels=``.
    """
    recs, ys = _records_and_labels(records, labels)
    return make_pipeline(**dict(params or {})).fit(recs, ys)


def save_model(model: Pipeline, path: str | Path) -> Path:
    """Write ``model`` to ``path`` in skops format, compressed (no pickle: loading runs no code)."""
    sio = _require("skops.io", "skops", "saving the target-sentiment model")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    return path


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int, trusted: tuple[str, ...]) -> Pipeline:
    sio = _require("skops.io", "skops", "loading the target-sentiment model")
    untrusted = sio.get_untrusted_types(file=path)
    refused = sorted(set(untrusted) - set(trusted))
    if refused:
        raise UntrustedModelError(
            f"refusing to load {path}: it contains types framing does not trust: {', '.join(refused)} "
            f"(trusted: {', '.join(trusted)}). Nothing in the file was executed. Load it yourself with "
            "skops.io.load only if you know where it comes from."
        )
    model = sio.load(path, trusted=list(trusted))
    if not isinstance(model, Pipeline) or list(getattr(model, "classes_", [])) != list(LABELS):
        raise UntrustedModelError(f"{path} is not a target-sentiment pipeline with classes {LABELS}")
    return model


def load_model(path: str | Path | None = None, *, trusted: Sequence[str] | None = None) -> Pipeline:
    """Load a model saved with :func:`save_model` (default: the shipped one); cached.

    Only the skops default types and :data:`TRUSTED_TYPES` are allowed (``trusted`` replaces
    that list; ``True`` is refused). A file with any other type raises
    :class:`UntrustedModelError` before anything in it is constructed.
    """
    if trusted is True or isinstance(trusted, str):
        raise OptionError("trusted must be a list of type names (never True); got " + repr(trusted))
    trusted_t = tuple(sorted(TRUSTED_TYPES if trusted is None else trusted))
    p = Path(path) if path is not None else model_dir() / MODEL_FILE
    if not p.is_file():
        raise MissingResourceError(
            f"target-sentiment model not found at {p}; "
            + ("reinstall framing" if path is None else "train one with bench/train_sentiment.py")
        )
    p = p.resolve()
    return _load_cached(str(p), p.stat().st_mtime_ns, trusted_t)


# --------------------------------------------------------------------------------------------
# scoring


@dataclass(frozen=True, slots=True)
class TargetSentiment:
    """Sentiment toward one target mention.

    ``score`` is P(positive) - P(negative), in [-1, 1]. ``evidence`` lists the lexicon words that
    fed the model, ``(word, char_start, char_end, valence)`` with VADER valence (-4..4) after
    negation, strongest influence first.
    """

    label: str
    score: float
    probabilities: dict[str, float] = field(hash=False)
    evidence: list[tuple[str, int, int, float]] = field(hash=False)


def _lexicon_step(model: Pipeline) -> LexiconContextFeatures | None:
    for _, step in getattr(model.named_steps.get("features"), "transformer_list", []):
        if isinstance(step, LexiconContextFeatures):
            return step
    return None


def _predict_proba(model: Pipeline, recs: list[tuple[str, int, int]]) -> np.ndarray:
    """``model.predict_proba(recs)`` without the per-call machinery of Pipeline and FeatureUnion
    (parameter validation, joblib dispatch, output wrappers), which cost more than the features of
    a 50-mention article. Same arithmetic: each block's ``transform``, ``hstack``, the classifier.
    Any other pipeline shape goes through scikit-learn."""
    features = model.named_steps.get("features") if len(model.steps) == 2 else None
    blocks = getattr(features, "transformer_list", None)
    if (
        not isinstance(features, FeatureUnion)
        or features.transformer_weights
        or any(isinstance(t, str) for _, t in blocks)  # "drop" / "passthrough"
    ):
        return model.predict_proba(recs)
    Xs = [t.transform(recs) for _, t in blocks]
    if any(sp.issparse(X) for X in Xs):
        X = sp.hstack(Xs).tocsr()
    else:
        X = np.hstack(Xs)
    return model.steps[-1][1].predict_proba(X)


def score_targets(items: Iterable[Any], *, model: Pipeline | None = None) -> list[TargetSentiment]:
    """Score many ``(sentence, start, end)`` records at once (vectorised; much faster per item)."""
    recs = [_check_record(r) for r in items]
    if not recs:
        return []
    model = model if model is not None else load_model()
    proba = _predict_proba(model, recs)
    classes = [str(c) for c in model.classes_]
    pos, neg = classes.index("positive"), classes.index("negative")
    lex = _lexicon_step(model)
    evidence = lex.evidence(recs) if lex is not None else [[] for _ in recs]
    out = []
    for row, ev in zip(proba, evidence):
        k = int(np.argmax(row))
        out.append(
            TargetSentiment(
                label=classes[k],
                score=float(row[pos] - row[neg]),
                probabilities={c: float(v) for c, v in zip(classes, row)},
                evidence=ev,
            )
        )
    return out


def score_target(sentence: str, start: int, end: int, *, model: Pipeline | None = None) -> TargetSentiment:
    """Sentiment toward ``sentence[start:end]`` (see :class:`TargetSentiment`)."""
    return score_targets([(sentence, start, end)], model=model)[0]


def model_available() -> bool:
    """Whether the shipped target-sentiment model and its dependencies are installed."""
    try:
        import skops  # noqa: F401
    except ImportError:
        return False
    return (model_dir() / MODEL_FILE).is_file()


def model_version() -> str:
    """Provenance of the shipped model: file name and the first 12 hex digits of its SHA-256."""
    import hashlib

    p = model_dir() / MODEL_FILE
    digest = hashlib.sha256(p.read_bytes()).hexdigest()[:12] if p.is_file() else "missing"
    return f"{MODEL_FILE} sha256:{digest}"
