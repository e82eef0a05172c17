"""Lexicon valence around a target (VADER words, by side and quotation): the model's evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import (
    InputError,
    OptionError,
    check_option,
)
from framing.resources import vader_lexicon_path
from framing.sentiment.features import (
    CompactState,
    RecordInput,
)
from framing.sentiment.records import (
    LEXICON_GROUPS,
    CheckedRecords,
    ParsedRecord,
    SentenceRecord,
    distance_weight,
    is_negation,
    parse_records,
    token_distance,
)

__all__ = ["LexiconContextFeatures"]


def read_vader_lexicon(path: Path) -> dict[str, float]:
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


def inflect_word(word: str) -> list[str]:
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


class LexiconContextFeatures(CompactState, RecordInput, TransformerMixin, BaseEstimator):
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
        lex = {w: v / 4.0 for w, v in read_vader_lexicon(path).items()}
        if self.inflections:
            lex = {**{f: v for w, v in lex.items() for f in inflect_word(w)}, **lex}
        self.lexicon_ = lex
        return self

    def _groups(self) -> list[str]:
        names = [""]
        for dim in self.groups:
            names = [f"{n}_{v}" if n else v for n in names for v in LEXICON_GROUPS[dim]]
        return names if names != [""] else ["all"]

    def _bins(self) -> list[str]:
        edges = list(self.distance_bins)
        return [f"{a}-{b - 1}" if b - 1 > a else str(a) for a, b in pairwise(edges)] + ([f"{edges[-1]}+"] if edges else [])

    def _group_of(self, p: ParsedRecord, i: int) -> str:
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

    def _hits(self, sent: SentenceRecord) -> list[tuple[int, float, bool]]:
        """``(token index, valence after negation, negated)`` of the sentence's lexicon words
        (cached on the sentence: they do not depend on the target)."""
        lex = self.lexicon_
        key = ("lexicon", id(lex), self.negation_window, self.negation_scalar)
        hit = sent.grams.get(key)
        if hit is not None and hit[0] is lex:
            return hit[1]
        out = []
        nw = self.negation_window
        toks = sent.tokens
        for i, tok in enumerate(toks):
            v = lex.get(tok)
            if v is None:
                continue
            negated = any(is_negation(t) for t in toks[max(0, i - nw) : i])
            if negated:
                v *= self.negation_scalar
            out.append((i, v, negated))
        sent.grams[key] = (lex, out)
        return out

    def _words(self, p: ParsedRecord) -> list[tuple[int, float, float, bool]]:
        """``(token index, valence after negation, distance weight, negated)`` of the lexicon words."""
        out = []
        for i, v, negated in self._hits(p.sentence):
            if p.first <= i < p.last:
                continue  # the target's own words are not evidence about it
            d = token_distance(p, i)
            if self.window is not None and d > self.window:
                continue
            out.append((i, v, distance_weight(d, self.decay), negated))
        return out

    def transform(self, X: Iterable[Any]) -> np.ndarray:
        """Dense (n_records, n_features) array (see :meth:`get_feature_names_out`)."""
        check_is_fitted(self, "lexicon_")
        parsed = parse_records(X)
        groups = self._groups()
        gidx = {g: i for i, g in enumerate(groups)}
        ng = 2 * len(groups)
        edges = list(self.distance_bins)
        nb = len(edges)
        width = ng + 5 + 4 * nb
        out = np.zeros((len(parsed), width))
        for r, p in enumerate(parsed):
            words = self._words(p)
            if not words:
                continue
            row = [0.0] * width  # summed in Python floats (the same doubles): array elements one by one are slow
            near_l = near_r = None
            for i, v, w, negated in words:
                left = i < p.first
                g = gidx[self._group_of(p, i)]
                if v > 0:
                    row[2 * g] += w * v
                    row[ng] += v
                else:
                    row[2 * g + 1] -= w * v
                    row[ng + 1] -= v
                if left:
                    near_l = v  # the last one on the left is the nearest
                elif near_r is None:
                    near_r = v
                row[ng + 4] += negated
                if nb:
                    d = token_distance(p, i)
                    b = sum(d >= e for e in edges) - 1
                    if b >= 0:
                        row[ng + 5 + 2 * (b + (0 if left else nb)) + (v < 0)] += abs(v)
            row[ng + 2] = near_l or 0.0
            row[ng + 3] = near_r or 0.0
            out[r] = row
        return out

    def evidence(self, X: Iterable[Any]) -> list[list[tuple[str, int, int, float]]]:
        """Per record, the lexicon words that fed the features: ``(word, start, end, valence)``.

        ``valence`` is the VADER valence (-4..4) after negation; words are ordered by their
        weighted influence, strongest first.
        """
        check_is_fitted(self, "lexicon_")
        recs = X if isinstance(X, CheckedRecords) else CheckedRecords(X)  # checked once, by the model already
        out = []
        for (sentence, _, _), p in zip(recs, recs.parsed, strict=True):
            words = sorted(self._words(p), key=lambda t: -abs(t[1] * t[2]))
            out.append([(sentence[p.starts[i] : p.ends[i]], p.starts[i], p.ends[i], round(4.0 * v, 3)) for i, v, _, _ in words])
        return out

