"""scikit-learn transformers that turn raw texts into the toolkit's framing measures.

Three transformers, each following the scikit-learn estimator contract (keyword-only
``__init__`` that only stores its arguments, work in ``fit``, learned state ending in ``_``,
``transform`` starting with ``check_is_fitted``, ``get_feature_names_out``), so ``clone``,
``Pipeline``, ``FeatureUnion``, ``GridSearchCV``, pickling and skops files just work:

* :class:`LexiconVectorizer`: lexicon category counts or rates per 1,000 words (the same numbers
  as the ``markers`` of :func:`framing.analyze`), negation-aware;
* :class:`RhetoricFeatures`: the detectors of :mod:`framing.markers.detectors` (scare quotes, rhetorical
  questions, direct quotes and the share of words inside direct quotes);
* :class:`ReadabilityFeatures`: the measures of :mod:`framing.text.readability`.

Input is an iterable of raw texts (articles or sentences), like ``TfidfVectorizer``; output is a
dense float array with one row per text. A measure that is undefined for a text (a rate of an
empty text, SMOG below three sentences) is NaN, never a fake 0: put a ``SimpleImputer`` after the
transformer when the estimator that follows cannot take NaN (the pipelines of
:mod:`framing.ml.pipelines` do).

None of them learns anything from the texts: ``fit`` resolves and records the options (for
:class:`LexiconVectorizer`, the lexicons themselves, so a fitted or saved model keeps matching with
the lexicon version it was trained with even after the lexicon files change).
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from joblib import Parallel, delayed, effective_n_jobs
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.errors import FramingError, check_option
from framing.markers.detectors import DETECTOR_VERSION, detect, quote_share
from framing.markers.lexicons import Lexicon, LexiconSet, find_lexicon_files, load_default_lexicons, load_lexicon, parse_lexicon
from framing.text.parse import is_word
from framing.text.quotes import find_quote_spans
from framing.text.readability import MEASURES, readability
from framing.text.segment import segment
from framing.types import Doc
from framing.voice.attribution import MIN_QUOTE_WORDS

__all__ = ["LexiconVectorizer", "ReadabilityFeatures", "RhetoricFeatures", "TextTransformer"]

#: Rates are per this many word tokens (the toolkit-wide marker base, see framing.analysis.article).
RATE_BASE = 1000
_SCALES = ("rate", "count")
_NEGATION = ("exclude", "include", "separate")
#: Texts per parallel task when ``n_jobs`` asks for more than one process.
_CHUNK = 256


def _texts(X: Any) -> list[str]:
    """The raw texts of ``X`` as a list; a clear error for anything else (like scikit-learn's).

    Wrong input raises ValueError, not TypeError, as scikit-learn's text vectorizers do (callers and
    scikit-learn's own tools catch ValueError for bad input), hence the ``noqa: TRY004`` below.
    """
    if isinstance(X, (str, bytes)):
        raise ValueError("Iterable over raw text documents expected, string object received.")  # noqa: TRY004
    if hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
        shape = getattr(X, "shape", (0, 0))
        if shape[1] != 1:
            raise ValueError(f"expected one text per row (a 1-D sequence of strings); got a 2-D input of shape {shape}")
        X = np.asarray(X).ravel()
    try:
        texts = list(X)
    except TypeError as exc:
        raise ValueError(f"expected an iterable of raw texts; got {type(X).__name__}") from exc
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise ValueError(f"expected raw texts (str); item {i} is {type(t).__name__}: {t!r:.60}")  # noqa: TRY004
    return texts


def _map_chunks(func: Any, texts: list[str], n_jobs: int | None, *args: Any) -> np.ndarray:
    """``func(chunk, *args)`` over chunks of texts, in parallel when ``n_jobs`` asks for it."""
    if n_jobs in (None, 1) or len(texts) < 2 * _CHUNK or effective_n_jobs(n_jobs) == 1:
        return func(texts, *args)
    chunks = [texts[i : i + _CHUNK] for i in range(0, len(texts), _CHUNK)]
    parts = Parallel(n_jobs=n_jobs)(delayed(func)(c, *args) for c in chunks)
    return np.vstack(parts)


class TextTransformer(TransformerMixin, BaseEstimator):
    """Base of the toolkit's transformers: raw texts in, a dense float matrix out; tags say so."""

    def __sklearn_tags__(self) -> Any:  # sklearn.utils.Tags
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.required = False
        return tags

    def _more_tags(self) -> dict[str, Any]:  # scikit-learn < 1.6
        return {"X_types": ["string"], "requires_y": False}

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns (``input_features`` is ignored: the input is raw text)."""
        check_is_fitted(self)
        return np.asarray(self.feature_names_, dtype=object)


# ---------------------------------------------------------------------------------------------
# Lexicons


def _resolve_lexicons(lexicons: Any) -> Any:
    """A :class:`~framing.markers.lexicons.LexiconSet` from the ``lexicons`` parameter."""
    if isinstance(lexicons, LexiconSet):
        return lexicons
    if isinstance(lexicons, Lexicon):
        return LexiconSet([lexicons])
    if isinstance(lexicons, str):
        return _default_lexicons() if lexicons == "default" else LexiconSet([load_lexicon(lexicons)])
    if isinstance(lexicons, Iterable):
        items = list(lexicons)
        out: list[Lexicon] = []
        for item in items:
            if item == "default":
                out.extend(_default_lexicons())
            elif isinstance(item, Lexicon):
                out.append(item)
            else:
                out.append(load_lexicon(item))
        return LexiconSet(out)
    raise FramingError(
        f"lexicons must be 'default', a LexiconSet, a Lexicon, or names/paths of lexicons; got {type(lexicons).__name__}"
    )


_DEFAULT_CACHE: dict[tuple[Any, ...], Any] = {}


def _default_lexicons() -> Any:
    """The default lexicon set, loaded again only when a lexicon file changed (fits are frequent)."""
    key = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in find_lexicon_files())
    if key not in _DEFAULT_CACHE:
        _DEFAULT_CACHE.clear()
        _DEFAULT_CACHE[key] = load_default_lexicons()
    return _DEFAULT_CACHE[key]


def _lexicon_spec(lexset: Any) -> str:
    """The lexicons as JSON text (the TOML structure ``parse_lexicon`` reads), for fitted state.

    Text rather than nested dicts so that a model file stores it as one string.
    """
    docs = []
    for lx in lexset:
        cats: dict[str, Any] = {}
        for name, c in lx.categories.items():
            cats[name] = {
                "label": c.label,
                "definition": c.definition,
                "literature": list(c.literature),
                "negatable": c.negatable,
                "signed": c.signed,
                "entries": [
                    {"term": e.term, "weight": e.weight, "case_sensitive": e.case_sensitive} for e in lx.entries if e.category == name
                ],
            }
        meta = {
            "name": lx.name,
            "version": lx.version,
            "language": lx.language,
            "license": lx.license,
            "description": lx.description,
            "curators": list(lx.curators),
        }
        docs.append({"lexicon": meta, "categories": cats})
    return json.dumps({"lexicons": docs, "overlap": lexset.overlap, "negation_window": int(lexset.negation_window)}, ensure_ascii=False, sort_keys=True)


_SET_CACHE: dict[str, Any] = {}


def _lexicon_set_from_spec(spec_json: str) -> Any:
    """Rebuild (and cache, by content hash) the LexiconSet a fitted vectorizer recorded."""
    if not isinstance(spec_json, str):
        raise FramingError(f"lexicon_spec_ must be JSON text; got {type(spec_json).__name__}")
    key = hashlib.sha256(spec_json.encode()).hexdigest()
    lexset = _SET_CACHE.get(key)
    if lexset is None:
        spec = json.loads(spec_json)
        lexicons = [parse_lexicon(doc, path=f"<fitted lexicon {doc['lexicon']['name']}>") for doc in spec["lexicons"]]
        lexset = LexiconSet(lexicons, overlap=spec["overlap"], negation_window=spec["negation_window"])
        if len(_SET_CACHE) >= 8:
            _SET_CACHE.pop(next(iter(_SET_CACHE)))
        _SET_CACHE[key] = lexset
    return lexset


def _quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside quotations of MIN_QUOTE_WORDS words or more (a source's words, by the marks)."""
    out: set[int] = set()
    for s in find_quote_spans(doc.text):
        a, b = bisect_left(doc.starts, s.start), bisect_left(doc.starts, s.end)
        if sum(1 for i in range(a, b) if is_word(doc.tokens[i])) >= MIN_QUOTE_WORDS:
            out.update(range(a, b))
    return out


def _lexicon_counts(texts: list[str], spec: str, keys: list[str], negation: str, scale: str, voice: str = "all") -> np.ndarray:
    lexset = _lexicon_set_from_spec(spec)
    col = {k: i for i, k in enumerate(keys)}
    n_cols = len(keys) * (2 if negation == "separate" else 1)
    out = np.zeros((len(texts), n_cols), dtype=np.float64)
    for row, text in enumerate(texts):
        doc = segment(text)
        quoted = _quoted_tokens(doc) if voice == "outlet" else set()
        for m in lexset.match(doc):
            j = col.get(f"{m.lexicon}.{m.category}")
            if j is None:
                continue
            if quoted and bisect_left(doc.starts, m.start) in quoted:
                continue
            if m.negated and negation == "exclude":
                continue
            if m.negated and negation == "separate":
                j += len(keys)
            out[row, j] += 1.0
        if scale == "rate":
            n_words = doc.n_words - sum(1 for i in quoted if is_word(doc.tokens[i]))
            out[row] = RATE_BASE * out[row] / n_words if n_words else np.nan
    return out


class LexiconVectorizer(TextTransformer):
    """Lexicon category counts or rates per 1,000 words for each text.

    One column per ``lexicon.category`` (the keys of :func:`framing.analyze`'s markers). Matching
    is the toolkit's own: tokens, multi-word phrases and globs, leftmost-longest overlaps, and
    negation for categories declared ``negatable`` ("not a threat").

    Parameters
    ----------
    lexicons : "default", LexiconSet, Lexicon, or list of names/paths, default="default"
        The lexicons to match, resolved in ``fit``: ``"default"`` is the built-in set plus any in
        ``FRAMING_LEXICON_PATH``. The fitted vectorizer keeps the lexicons' contents, so it gives
        the same numbers later even if the files change. Give names or paths (not objects) when
        the model is to be saved with :func:`framing.ml.model.save_classifier`.
    categories : list of str or None, default=None
        Keep only these ``lexicon.category`` keys (all when None).
    negation : {"exclude", "include", "separate"}, default="exclude"
        Negated matches: ``"exclude"`` does not count them (as the markers of
        :func:`framing.analyze`); ``"include"`` counts them like any match (not negation-aware);
        ``"separate"`` counts them in extra columns named ``<key>.negated``.
    scale : {"rate", "count"}, default="rate"
        ``"rate"``: per 1,000 words (NaN for a text without words); ``"count"``: raw counts
        (better for single sentences, whose rates are noisy).
    n_jobs : int or None, default=None
        Processes for long inputs (joblib convention; None means one).
    voice : {"outlet", "all"}, default="outlet"
        ``"outlet"`` counts the text's own words only: matches inside quotations of five words or
        more are left out, and rates are per 1,000 words outside them (the analysis also leaves
        out reported speech, which needs the parse; over thousands of training texts the parse
        would cost too much). ``"all"`` counts every word.

    Attributes
    ----------
    categories_ : list of str
        The ``lexicon.category`` keys counted, in column order.
    feature_names_ : list of str
        Output column names (``categories_``, then ``<key>.negated`` when ``negation="separate"``).
    lexicon_spec_ : str
        The lexicons' entries and categories as JSON text (what matching uses).
    lexicon_provenance_ : dict
        ``{name: "version sha256:..."}`` of the lexicons at fit time.

    See Also
    --------
    RhetoricFeatures, ReadabilityFeatures, framing.ml.pipelines.make_pipeline

    Examples
    --------
    >>> from framing.ml.features import LexiconVectorizer
    >>> vec = LexiconVectorizer(categories=["rhetoric.hedges"], scale="count").fit([])
    >>> vec.get_feature_names_out()
    array(['rhetoric.hedges'], dtype=object)
    >>> vec.transform(["It may perhaps rain.", "It rains."])
    array([[2.],
           [0.]])

    With TF-IDF in a pipeline:

    >>> from sklearn.feature_extraction.text import TfidfVectorizer
    >>> from sklearn.linear_model import LogisticRegression
    >>> from sklearn.pipeline import make_pipeline, make_union
    >>> model = make_pipeline(make_union(TfidfVectorizer(), LexiconVectorizer(scale="count")), LogisticRegression())
    >>> model.fit(["a brutal war", "a calm day", "the regime's crimes", "the weather was fine"], [1, 0, 1, 0]).predict(["brutal crimes"])
    array([1])
    """

    def __init__(
        self,
        *,
        lexicons: Any = "default",
        categories: Sequence[str] | None = None,
        negation: str = "exclude",
        scale: str = "rate",
        n_jobs: int | None = None,
        voice: str = "outlet",
    ) -> None:
        self.lexicons = lexicons
        self.categories = categories
        self.negation = negation
        self.scale = scale
        self.n_jobs = n_jobs
        self.voice = voice

    def fit(self, X: Any, y: Any = None) -> LexiconVectorizer:
        """Resolve the lexicons and categories (the texts themselves teach nothing)."""
        _texts(X)
        check_option("negation", self.negation, _NEGATION)
        check_option("scale", self.scale, _SCALES)
        check_option("voice", self.voice, ("outlet", "all"))
        lexset = _resolve_lexicons(self.lexicons)
        keys = lexset.category_keys()
        if self.categories is not None:
            if isinstance(self.categories, str):
                raise FramingError(f"categories must be a list of 'lexicon.category' keys; got the string {self.categories!r}")
            unknown = [c for c in self.categories if c not in keys]
            if unknown:
                raise FramingError(f"unknown categories {unknown}; available: {', '.join(keys)}")
            keys = [k for k in keys if k in set(self.categories)]
        self.lexicon_spec_ = _lexicon_spec(lexset)
        self.lexicon_provenance_ = dict(lexset.provenance())
        self.categories_ = list(keys)
        names = list(keys) + ([f"{k}.negated" for k in keys] if self.negation == "separate" else [])
        self.feature_names_ = names
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Counts or rates per 1,000 words, one row per text and one column per feature."""
        check_is_fitted(self)
        texts = _texts(X)
        if not texts:
            return np.zeros((0, len(self.feature_names_)))
        # models saved before voice existed counted every word
        return _map_chunks(_lexicon_counts, texts, self.n_jobs, self.lexicon_spec_, self.categories_, self.negation, self.scale, getattr(self, "voice", "all"))


# ---------------------------------------------------------------------------------------------
# Rhetorical markers


_RHETORIC = ("scare_quotes", "rhetorical_questions", "direct_quotes")


def _rhetoric_rows(texts: list[str], scale: str) -> np.ndarray:
    out = np.zeros((len(texts), len(_RHETORIC) + 1), dtype=np.float64)
    for row, text in enumerate(texts):
        doc = segment(text)
        found = detect(doc)
        for m in found:
            out[row, _RHETORIC.index(m.category)] += 1.0
        n_words = doc.n_words
        if scale == "rate":
            out[row, : len(_RHETORIC)] = RATE_BASE * out[row, : len(_RHETORIC)] / n_words if n_words else np.nan
        share = quote_share(doc, found)
        out[row, -1] = np.nan if share is None else share
    return out


class RhetoricFeatures(TextTransformer):
    """Scare quotes, rhetorical questions and direct quotes of each text (:mod:`framing.markers.detectors`).

    Columns: ``scare_quotes``, ``rhetorical_questions``, ``direct_quotes`` (counts, or rates per
    1,000 words) and ``direct_quote_share`` (share of the words inside direct quotations, 0 to 1;
    NaN for a text without words).

    Parameters
    ----------
    scale : {"rate", "count"}, default="rate"
        Rates per 1,000 words (NaN for a text without words) or raw counts.
    n_jobs : int or None, default=None
        Processes for long inputs (joblib convention; None means one).

    Attributes
    ----------
    feature_names_ : list of str
        Output column names.
    detector_version_ : str
        Version of the detectors at fit time.

    Examples
    --------
    >>> from framing.ml.features import RhetoricFeatures
    >>> rf = RhetoricFeatures(scale="count").fit([])
    >>> list(rf.get_feature_names_out())
    ['scare_quotes', 'rhetorical_questions', 'direct_quotes', 'direct_quote_share']
    >>> rf.transform(['Is this the “peace” we wanted?'])
    array([[1., 1., 0., 0.]])
    """

    def __init__(self, *, scale: str = "rate", n_jobs: int | None = None) -> None:
        self.scale = scale
        self.n_jobs = n_jobs

    def fit(self, X: Any, y: Any = None) -> RhetoricFeatures:
        """Check the options and record the detector version (the texts teach nothing)."""
        _texts(X)
        check_option("scale", self.scale, _SCALES)
        self.detector_version_ = DETECTOR_VERSION
        self.feature_names_ = [*_RHETORIC, "direct_quote_share"]
        return self

    def transform(self, X: Any) -> np.ndarray:
        """One row per text: the three detector counts (or rates) and the direct-quote share."""
        check_is_fitted(self)
        texts = _texts(X)
        if not texts:
            return np.zeros((0, len(self.feature_names_)))
        return _map_chunks(_rhetoric_rows, texts, self.n_jobs, self.scale)


# ---------------------------------------------------------------------------------------------
# Readability


def _readability_rows(texts: list[str], measures: list[str]) -> np.ndarray:
    out = np.empty((len(texts), len(measures)), dtype=np.float64)
    for row, text in enumerate(texts):
        r = readability(segment(text))
        out[row] = [np.nan if r[m] is None else r[m] for m in measures]
    return out


class ReadabilityFeatures(TextTransformer):
    """Readability measures of each text (:mod:`framing.text.readability`); undefined ones are NaN.

    Parameters
    ----------
    measures : list of str or None, default=None
        Which measures (names in :data:`framing.text.readability.MEASURES`); all when None.
    n_jobs : int or None, default=None
        Processes for long inputs (joblib convention; None means one).

    Attributes
    ----------
    feature_names_ : list of str
        The measures, in column order.

    Examples
    --------
    >>> from framing.ml.features import ReadabilityFeatures
    >>> rf = ReadabilityFeatures(measures=["words_per_sentence", "smog_index"]).fit([])
    >>> rf.transform(["The cat sat on the mat. It was happy."])
    array([[4.5, nan]])
    """

    def __init__(self, *, measures: Sequence[str] | None = None, n_jobs: int | None = None) -> None:
        self.measures = measures
        self.n_jobs = n_jobs

    def fit(self, X: Any, y: Any = None) -> ReadabilityFeatures:
        """Check the measures asked for (the texts teach nothing)."""
        _texts(X)
        if self.measures is None:
            measures = list(MEASURES)
        else:
            if isinstance(self.measures, str):
                raise FramingError(f"measures must be a list of names; got the string {self.measures!r}")
            measures = list(self.measures)
            for m in measures:
                check_option("measures", m, MEASURES)
        self.feature_names_ = measures
        return self

    def transform(self, X: Any) -> np.ndarray:
        """One row per text, one column per measure; NaN where a measure is undefined."""
        check_is_fitted(self)
        texts = _texts(X)
        if not texts:
            return np.zeros((0, len(self.feature_names_)))
        return _map_chunks(_readability_rows, texts, self.n_jobs, self.feature_names_)
