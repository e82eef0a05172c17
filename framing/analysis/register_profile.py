"""The register profile: how likely an article is written in each of four registers, read from
all the evidence at once, with an interval and a verdict.

The lexicon rate of one register (:mod:`framing.analysis.registers`) counts that register's
phrases and nothing else. On short real texts that ranks poorly (issue #17): most right-populist
news items hold none of the register's phrases, wire formulas are also used by populist and state
outlets, and a socialist paper's report of a strike may use one Marxist phrase or none. What tells
a reader which register a text is in is the whole picture: its register phrases *and* its loaded
words, hedges, "we" and "you", questions and exclamations, "said" against "claimed", datelines,
how much of it is quotation, and word choice of the kind a classifier learns.

The profile is a multinomial logistic regression over such features, trained on real texts of
each register's outlets (``bench/train_register_profile.py``; the card
``framing/models/register_profile.md`` gives the data, method and scores). Its four classes are
the registers the validation measures: ``marxist`` (socialist and communist papers),
``state_diplomatic`` (Chinese and Russian state media), ``nationalist_populist`` (right-populist
sites) and ``wire_service`` (wire and legacy mainstream news). The features are:

* the rate per 1,000 own words (``log1p``) of every lexicon category the default lexicons count,
  registers, rhetoric, frames and detectors alike (except the foreign-relations policy frame, which
  marks a topic, not a register), in the outlet's own voice (quotations are the speakers' words,
  not the outlet's);
* a few style rates per 1,000 words of the whole text: "said"/"says", first-person plural,
  second person, first-person singular, question marks, exclamation marks, weekdays (the wire
  dateline habit "said on Tuesday"); the share of words inside quotations; words per sentence;
* the log-odds of the shipped right-populist classifier (``register_populist``, trained on
  Article-Bias-Prediction; its card is ``framing/models/register_populist.md``).

**The probability** of each register is the model's at the article's observed features. **Its
interval** (90%) says how much a text of this length can tell: the article's sentences are
resampled with replacement (200 times, fixed seed) and the features recomputed from the resampled
counts, so a 300-word excerpt whose Marxist phrases sit in two sentences gets a wide interval and a
2,000-word polemic a narrow one (the populist classifier's log-odds is kept as observed).
**The verdict** per register: ``"clear"`` when the interval's lower end is at least 0.5 (the text
reads as that register more than as all others together), ``"none"`` when its upper end is below
0.2, ``"not enough evidence"`` otherwise and always under :data:`MIN_WORDS` own words. The
profile's ``label`` is the register with a clear verdict, or ``"unclear"``.

The profile is stored with every article (``ArticleResult.register_profile``, ``register_profile``
in ``articles.jsonl``; in ``articles.csv`` the label ``register_profile`` and the columns
``register_profile.p_<register>``, ``.low_<register>``, ``.high_<register>``) whenever the
lexicons in use hold every category the model reads (the default lexicons do); with other
lexicons it is left out rather than guessed.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from framing.resources import model_dir
from framing.text.parse import is_word, sentence_at
from framing.types import Doc, Match, Voice

__all__ = [
    "CLEAR_LOW",
    "MIN_WORDS",
    "NONE_HIGH",
    "PROFILE_FILE",
    "PROFILE_NAME",
    "STYLE_FEATURES",
    "SUPPORT",
    "SUPPORTED_REGISTERS",
    "Evidence",
    "ProfileModel",
    "SentenceEvidence",
    "is_register_evidence",
    "load_profile_model",
    "populist_logit",
    "profile_columns",
    "profile_evidence",
    "profile_prediction",
    "profile_version",
    "sentence_evidence",
    "style_counts",
]

PROFILE_FILE = "register_profile.json"
#: The right-populist classifier whose log-odds is one of the features (``--model register_populist``).
POPULIST_FILE = "register_populist.skops"
#: The profile's name: the ``articles.jsonl`` key and the prefix of its ``articles.csv`` columns.
PROFILE_NAME = "register_profile"
#: No verdict under this many own words (as for the lexicon score of :mod:`framing.analysis.registers`).
MIN_WORDS = 100
#: A register is "clear" when the lower end of its probability's interval reaches this.
CLEAR_LOW = 0.5
#: A register is "none" when the upper end of its probability's interval is below this.
NONE_HIGH = 0.2
#: The registers whose phrases are evidence of the register only where the article as a whole reads
#: as it: their words change sense with the writer's stance ("class war" in a conservative column,
#: "neocolonial" in a China hawk's report, "the mainstream media" in a media critic's). On the
#: hand-judged matches of the earlier rounds, almost every match on the registers' own pages and
#: most of those in Article-Bias-Prediction articles that were judged not to be the register fall
#: on either side of :data:`SUPPORT` (numbers in ``docs/validation.md``, "Hand-checked precision of
#: matches"). Wire formulas ("said in a statement") are the same formula in any outlet: not gated.
SUPPORTED_REGISTERS = ("marxist", "state_diplomatic", "nationalist_populist")
#: The probability of the register that the article's profile must reach for its phrases to count as
#: the register's evidence (:func:`is_register_evidence`). Half for the Marxist and state-media
#: registers (the text reads as the register more than as all others together). The populist
#: register's words are also the words of conservative commentary *about* populists, of media
#: critics and of reports on the culture war ("the mainstream media", "leftists", "globalists",
#: "open borders"), so its phrases count only where the profile is surer: at 0.5 a fresh hand-checked
#: round found 73 of 100 shown matches to be the register, at 0.7 the fresh rounds drawn after the
#: change find 0.92 (``docs/validation.md``, "Hand-checked precision of the matches shown as
#: register evidence"). 0.8 was tried first and hid every phrase of many populist texts, among
#: them the example corpus's populist article (its profile gives 0.79).
SUPPORT: Mapping[str, float] = {"marxist": 0.5, "state_diplomatic": 0.5, "nationalist_populist": 0.7}
#: Draws of the interval (fixed seed: the same text always gets the same interval).
N_DRAWS = 200

#: Style features that are counts in the whole text, as (name, pattern); rates per 1,000 words.
_COUNTED: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("said", re.compile(r"\b(?:said|says)\b", re.IGNORECASE)),
    ("we", re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)),
    ("you", re.compile(r"\b(?:you|your)\b", re.IGNORECASE)),
    ("i", re.compile(r"\b(?:I|my|me)\b")),
    ("question", re.compile(r"\?")),
    ("exclamation", re.compile(r"!")),
    ("weekday", re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
)
#: Every style feature, in the model's order.
STYLE_FEATURES = tuple(name for name, _ in _COUNTED) + ("quote_share", "words_per_sentence")


def style_counts(text: str) -> dict[str, int]:
    """The counted style features of ``text`` (raw counts)."""
    return {name: len(pattern.findall(text)) for name, pattern in _COUNTED}


@dataclass(frozen=True)
class ProfileModel:
    """The fitted profile: feature names, standardisation, coefficients (one row per class)."""

    classes: tuple[str, ...]
    categories: tuple[str, ...]
    style: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ProfileModel:
        classes = tuple(str(c) for c in d["classes"])
        categories = tuple(str(c) for c in d["categories"])
        style = tuple(str(s) for s in d["style"])
        n = len(categories) + len(style) + 1
        mean = np.asarray(d["mean"], float)
        scale = np.asarray(d["scale"], float)
        coef = np.asarray(d["coef"], float)
        intercept = np.asarray(d["intercept"], float)
        if mean.shape != (n,) or scale.shape != (n,) or coef.shape != (len(classes), n) or intercept.shape != (len(classes),):
            raise ValueError(f"register profile model: shapes do not agree with {n} features and {len(classes)} classes")
        if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(coef)) and np.all(np.isfinite(intercept)) and np.all(scale > 0)):
            raise ValueError("register profile model: numbers must be finite and scales positive")
        return cls(classes, categories, style, mean, scale, coef, intercept, dict(d.get("meta") or {}))

    def as_dict(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes), "categories": list(self.categories), "style": list(self.style),
            "mean": self.mean.tolist(), "scale": self.scale.tolist(), "coef": self.coef.tolist(),
            "intercept": self.intercept.tolist(), "meta": self.meta,
        }

    def proba(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities of feature rows ``X`` (n × features)."""
        z = ((X - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))


@lru_cache(maxsize=1)
def load_profile_model() -> ProfileModel | None:
    """The shipped profile model (plain JSON numbers: loading runs no code), or None if absent."""
    path = model_dir() / PROFILE_FILE
    if not path.is_file():
        return None
    return ProfileModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def profile_version() -> str:
    """Provenance of the shipped profile: file name and the first 12 hex digits of its SHA-256."""
    import hashlib

    path = model_dir() / PROFILE_FILE
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "missing"
    return f"{PROFILE_FILE} sha256:{digest}"


@lru_cache(maxsize=1)
def _populist_pipeline() -> Any:
    """The shipped ``register_populist`` classifier's scikit-learn pipeline (a skops file of plain
    scikit-learn types: loaded with no type trusted beyond skops' own, so nothing runs on load)."""
    from framing.persist import load_trusted

    obj = load_trusted(model_dir() / POPULIST_FILE, (), what="model")
    return obj["pipeline"]


@lru_cache(maxsize=1)
def _populist_scorer() -> Any:
    """The classifier as plain arithmetic (see :func:`linear_text_scorer`), or None when its
    pipeline has another shape (then scikit-learn scores it)."""
    return linear_text_scorer(_populist_pipeline(), "right_populist")


def linear_text_scorer(pipe: Any, positive: str) -> Any:
    """``text -> P(positive)`` of a fitted ``Pipeline([("features", FeatureUnion([one
    TfidfVectorizer])), ("clf", binary LogisticRegression)])``, computed as scikit-learn computes
    it (the vectorizer's own analyzer, tf or 1 + log tf, idf, L2 norm, the linear function)
    without the per-call machinery of Pipeline and FeatureUnion (validation, joblib dispatch),
    which costs several times the arithmetic for one article. None for any other shape."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion

    steps = dict(getattr(pipe, "named_steps", {}))
    union, clf = steps.get("features"), steps.get("clf")
    if len(steps) != 2 or not isinstance(union, FeatureUnion) or not isinstance(clf, LogisticRegression):
        return None
    if len(union.transformer_list) != 1 or union.transformer_weights:
        return None
    vec = union.transformer_list[0][1]
    classes = [str(c) for c in clf.classes_]
    if not isinstance(vec, TfidfVectorizer) or vec.binary or vec.norm not in ("l2", None) or len(classes) != 2 or positive not in classes:
        return None
    analyze, vocab = vec.build_analyzer(), vec.vocabulary_
    idf = vec.idf_ if vec.use_idf else None
    coef, intercept = np.asarray(clf.coef_[0], dtype=np.float64), float(clf.intercept_[0])
    sublinear, l2, sign = vec.sublinear_tf, vec.norm == "l2", 1.0 if classes[1] == positive else -1.0

    def score(text: str) -> float:
        counts: dict[int, int] = {}
        get = vocab.get
        for term in analyze(text):
            j = get(term)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        z = intercept
        if counts:
            idx = np.fromiter(counts, dtype=np.intp, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            if sublinear:
                tf = 1.0 + np.log(tf)
            if idf is not None:
                tf = tf * idf[idx]
            if l2:
                tf = tf / np.sqrt(np.dot(tf, tf))
            z += float(np.dot(tf, coef[idx]))
        return 1.0 / (1.0 + math.exp(-sign * z))

    return score


def populist_logit(text: str) -> float:
    """Log-odds that ``text`` is right-populist, by the shipped ``register_populist`` classifier."""
    scorer = _populist_scorer()
    if scorer is not None:
        p = scorer(text)
    else:
        pipe = _populist_pipeline()
        p = float(pipe.predict_proba([text])[0][list(pipe.classes_).index("right_populist")])
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Evidence:
    """The counts behind an article's features: per category its matches in the outlet's own
    words (``own`` of them), the counted style features in all ``words``, and the features that
    are not counts (quote share, words per sentence, populist log-odds)."""

    counts: np.ndarray
    own: float
    style: np.ndarray
    words: float
    fixed: np.ndarray

    def rows(self) -> np.ndarray:
        """The feature row of the observed counts (one row)."""
        return feature_rows((self.counts / self.own)[None, :], (self.style / self.words)[None, :], self.fixed[None, :])


def feature_rows(counts: np.ndarray, style: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """Feature rows in the model's order from per-word rates of the categories (n × categories)
    and of the counted style features (n × counted), and the other features (n × 3)."""
    return np.hstack([np.log1p(1000.0 * counts), 1000.0 * style, fixed])


def profile_evidence(markers: Mapping[str, Any], text: str, categories: tuple[str, ...], *, n_words: int, n_outlet_words: int | None, n_sentences: int) -> Evidence | None:
    """The :class:`Evidence` of one analysed article for the lexicon ``categories`` (keys such as
    ``"registers.marxist"``); None when ``markers`` lacks one of them."""
    if any(c not in markers for c in categories):
        return None
    own = float(n_outlet_words if n_outlet_words is not None else n_words)
    counts = np.array([float(markers[c].get("count") or 0) for c in categories])
    found = style_counts(text)
    style = np.array([float(found[name]) for name, _ in _COUNTED])
    quote_share = 1.0 - own / n_words if n_words else 0.0
    fixed = np.array([quote_share, n_words / max(n_sentences, 1), populist_logit(text)])
    return Evidence(counts, max(own, 1.0), style, max(float(n_words), 1.0), fixed)


@dataclass(frozen=True)
class SentenceEvidence:
    """The same counts sentence by sentence (one row each), for the interval: category matches
    in the outlet's own words, own words, counted style features, all words."""

    counts: np.ndarray
    own: np.ndarray
    style: np.ndarray
    words: np.ndarray


def sentence_evidence(doc: Doc, voice: Voice, matches: Sequence[Match], categories: Sequence[str]) -> SentenceEvidence:
    """Per-sentence counts of an analysed article (its parse, voice labels and matches), counted
    as :func:`framing.analysis.article.marker_profile` counts them: a match outside quotations and
    not negated, words that are not inside a quotation."""
    n = len(doc.sentences)
    column = {c: k for k, c in enumerate(categories)}
    counts = np.zeros((n, len(categories)))
    for m in matches:
        k = column.get(f"{m.lexicon}.{m.category}")
        if k is not None and m.voice != "quote" and not m.negated and 0 <= m.sentence < n:
            counts[m.sentence, k] += 1
    style = np.zeros((n, len(_COUNTED)))
    labels, lower = voice.labels, doc.lower
    n_own, n_words = [0] * n, [0] * n  # counted in Python ints: an array element per token is slow
    for s in doc.sentences:
        for i in range(s.token_start, s.token_end):
            if is_word(lower[i]):
                n_words[s.index] += 1
                n_own[s.index] += labels[i] != "quote"
    own, words = np.array(n_own, dtype=np.float64), np.array(n_words, dtype=np.float64)
    # each style pattern scanned once over the article, its matches counted in their sentence
    # (the same counts as scanning each sentence: the patterns are words or single characters)
    sents = doc.sentences
    for col, (_, pattern) in enumerate(_COUNTED):
        for found in pattern.finditer(doc.text):
            k = sentence_at(doc, found.start())
            if k >= 0 and found.end() <= sents[k].end:
                style[sents[k].index, col] += 1
    return SentenceEvidence(counts, own, style, words)


def is_register_evidence(match: Match, profile: Mapping[str, Any] | None) -> bool:
    """Whether ``match`` is shown as evidence of its register: False only for a phrase of one of
    :data:`SUPPORTED_REGISTERS` in an article whose profile gives that register less than its
    :data:`SUPPORT` (the phrase is there, and still counted in the lexicon's rate, but the article
    does not read as the register, so a reader is not told it is written in it). Without a profile
    (other lexicons) every match counts."""
    if match.lexicon != "registers" or match.category not in SUPPORTED_REGISTERS or not profile:
        return True
    p = (profile.get("proba") or {}).get(match.category)
    return p is None or float(p) >= SUPPORT[match.category]


def profile_columns(profile: Mapping[str, Any]) -> dict[str, Any]:
    """A stored profile as flat table columns: ``register_profile`` (the label) and
    ``register_profile.p_<register>``, ``.low_<register>``, ``.high_<register>``."""
    row: dict[str, Any] = {PROFILE_NAME: profile.get("label")}
    for key, prefix in (("proba", "p"), ("low", "low"), ("high", "high")):
        row.update({f"{PROFILE_NAME}.{prefix}_{c}": v for c, v in (profile.get(key) or {}).items()})
    return row


def profile_prediction(
    markers: Mapping[str, Any], text: str, *, n_words: int, n_outlet_words: int | None, n_sentences: int, sentences: SentenceEvidence | None = None, model: ProfileModel | None = None
) -> dict[str, Any] | None:
    """The profile of one article, as stored in ``predictions["register_profile"]``:
    ``{"label", "proba", "low", "high", "verdict"}`` (see the module), or None when the lexicons
    in use lack a category the model reads."""
    model = model or load_profile_model()
    if model is None:
        return None
    ev = profile_evidence(markers, text, model.categories, n_words=n_words, n_outlet_words=n_outlet_words, n_sentences=n_sentences)
    if ev is None:
        return None
    p = model.proba(ev.rows())[0]
    if sentences is not None and len(sentences.own) >= 2:
        # resample the article's sentences (fixed seed): the spread of the probability over texts
        # like this one, as long as this one
        n = len(sentences.own)
        w = np.random.default_rng(0).multinomial(n, np.full(n, 1.0 / n), size=N_DRAWS).astype(float)
        own_b = np.maximum(w @ sentences.own, 1.0)
        words_b = np.maximum(w @ sentences.words, 1.0)
        fixed = np.column_stack([1.0 - own_b / words_b, words_b / n, np.full(N_DRAWS, ev.fixed[2])])
        draws = model.proba(feature_rows((w @ sentences.counts) / own_b[:, None], (w @ sentences.style) / words_b[:, None], fixed))
    else:  # one sentence (or no parse): nothing to resample
        draws = p[None, :]
    low, high = np.percentile(draws, [5, 95], axis=0)
    verdict = {}
    for k, c in enumerate(model.classes):
        if ev.own < MIN_WORDS:
            verdict[c] = "not enough evidence"
        elif low[k] >= CLEAR_LOW:
            verdict[c] = "clear"
        elif high[k] < NONE_HIGH:
            verdict[c] = "none"
        else:
            verdict[c] = "not enough evidence"
    clear = [c for c in model.classes if verdict[c] == "clear"]
    return {
        "label": clear[0] if clear else "unclear",
        "proba": {c: round(float(v), 4) for c, v in zip(model.classes, p, strict=True)},
        "low": {c: round(float(v), 4) for c, v in zip(model.classes, low, strict=True)},
        "high": {c: round(float(v), 4) for c, v in zip(model.classes, high, strict=True)},
        "verdict": verdict,
    }
