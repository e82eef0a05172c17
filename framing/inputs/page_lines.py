"""Where the article is on a whole copied page: a line classifier and the region it picks.

A reader who selects a whole web page and copies it gets the site's menus, teasers, cookie notices,
comments and footer around the article, one line per block element. The named debris rules
(:mod:`framing.inputs.debris`) recognise furniture they know; this module finds the article itself,
the way boilerplate detectors such as jusText (Pomikálek 2011) and Body Text Extraction (Finn,
Kushmerick & Smyth 2001) do, but on plain lines since a copied page has no markup:

1. every line gets features of its own (length, sentence punctuation, commas, digits, capitals,
   share of English function words, call-to-action words ...) and of its neighbourhood (the length
   of the lines around it, its position relative to the longest line);
2. a logistic regression gives each line a probability of being article body; a second one reads
   the first one's probabilities around the line (stacking: a line amid body lines is likely body);
3. the article is the contiguous run of lines that maximises the sum of ``(p - threshold) * words``
   (a maximum-sum subarray) without crossing the start of the comments, and inside it lines the
   model is sure are not body are dropped.

The two models are stored as plain numbers in ``framing/models/page_lines.json`` (no pickle: loading
runs no code) and are rebuilt from the visible half of the article-extraction benchmark by
``python bench/train_page_lines.py``; the model card ``framing/models/page_lines.md`` gives the
data, its license and the scores.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = [
    "MODEL_FILE", "PageLineModel", "Region", "article_region", "context_features", "line_features", "load_model",
    "model_from_dict", "region_of", "repeated_lines", "section_ends",
]

MODEL_FILE = "page_lines.json"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENT_END = re.compile(r"[.!?…:;。！？][\"'”’)\]»」』]*$")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han: written without spaces


def _words(line: str) -> list[str]:
    """The words of a line; Chinese and Japanese, written without spaces, count as one word per two
    characters (about the length of a word there), so their prose is not taken for a menu."""
    unspaced = _UNSPACED.findall(line)
    if not unspaced:
        return _WORD.findall(line)
    return _WORD.findall(_UNSPACED.sub(" ", line)) + ["".join(unspaced[i : i + 2]) for i in range(0, len(unspaced), 2)]
_TEASER_END = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
_SECTION_END = re.compile(
    r"^(?:share this:?|share|\d+ comments?.*|\d+ responses? to .*|comments?(?: \(\d+\))?|leave a (?:reply|comment)|"
    r"related(?: articles| stories| posts| coverage.*)?|you (?:may|might) also like.*|more from .{1,40}|recommended.*|"
    r"read (?:more|next)|most (?:popular|read).*|trending.*|privacy overview|.{1,40} says:|reply)\s*:?$",
    re.IGNORECASE,
)
_SITE_NOTICE = re.compile(
    r"\bcookies?\b|\bprivacy policy\b|\bterms of (?:use|service)\b|\ball rights reserved\b|\bnewsletter\b|\bsubscribe\b|javascript",
    re.IGNORECASE,
)
_CALL = re.compile(r"\b(?:click|subscribe|sign up|newsletter|download|follow us|share)\b", re.IGNORECASE)
_BYLINE_START = re.compile(r"^(?:by|posted by|written by)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SEPARATORS = re.compile(r"[|»›]")

LINE_FEATURES = (
    "log_words", "log_chars", "ends_sentence", "commas_per_word", "digit_share", "capitalised_share",
    "function_word_share", "page_function_word_share", "function_word_share_if_english", "mean_word_length",
    "separator", "site_notice", "section_end", "relative_position", "offset_from_longest", "distance_from_longest",
    "log_words_3_before", "log_words_3_after", "log_words_21_around", "length_vs_longest", "starts_with_symbol",
    "ends_with_colon", "teaser_ellipsis", "call_to_action", "byline_start", "short_with_year",
)
CONTEXT_FEATURES = ("p", "p_3_before", "p_3_after", "p_21_around", "in_region", "log_distance_to_region", "distance_to_region")


REPEAT_MIN_WORDS = 6  # a repeated sentence this long is a copy artefact, not a refrain


def repeated_lines(lines: Sequence[str]) -> set[int]:
    """Lines of prose (at least :data:`REPEAT_MIN_WORDS` words, ending a sentence) that repeat an
    earlier line exactly: a page that carries the article twice (a print or app copy, a teaser of
    itself, a pull quote). A repeated headline is left to the headline rule."""
    seen: set[str] = set()
    repeats: set[int] = set()
    for i, line in enumerate(lines):
        key = line.strip()
        if key in seen and len(key.split()) >= REPEAT_MIN_WORDS and _SENT_END.search(key):
            repeats.add(i)
        seen.add(key)
    return repeats


def line_features(lines: Sequence[str]) -> np.ndarray:
    """One row of :data:`LINE_FEATURES` per line of a page."""
    words = [_words(line) for line in lines]
    counts = np.array([len(w) for w in words], dtype=float)
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(LINE_FEATURES)))
    logs = np.log1p(counts)
    longest = int(np.argmax(counts))
    log_max = math.log1p(counts.max()) or 1.0
    all_words = [x.lower() for w in words for x in w]
    page_fw = sum(1 for x in all_words if x in ENGLISH_STOP_WORDS) / max(1, len(all_words))
    rows = []
    for i, line in enumerate(lines):
        w = words[i]
        k = len(w)
        fw = sum(1 for x in w if x.lower() in ENGLISH_STOP_WORDS) / k if k else 0.0
        before = logs[max(0, i - 3) : i]
        after = logs[i + 1 : i + 4]
        rows.append([
            logs[i], math.log1p(len(line)), bool(_SENT_END.search(line)), line.count(",") / (k + 1),
            sum(c.isdigit() for c in line) / (len(line) + 1), sum(1 for x in w if x[:1].isupper()) / (k + 1),
            fw, page_fw, fw * (page_fw > 0.2), float(np.mean([len(x) for x in w])) if w else 0.0,
            bool(_SEPARATORS.search(line)), bool(_SITE_NOTICE.search(line)), bool(_SECTION_END.match(line.strip())),
            i / n, (i - longest) / n, abs(i - longest) / n,
            before.mean() if len(before) else 0.0, after.mean() if len(after) else 0.0,
            logs[max(0, i - 10) : i + 11].mean(), logs[i] / log_max,
            bool(re.match(r"^\W", line)), line.strip().endswith(":"),
            bool(_TEASER_END.search(line)), bool(_CALL.search(line)), bool(_BYLINE_START.match(line.strip())),
            bool(_YEAR.search(line)) and len(line.split()) < 12,
        ])
    return np.array(rows, dtype=float)


def _word_weights(lines: Sequence[str]) -> np.ndarray:
    """How much each line weighs in the region sum: its words, at least 3 (so that a run of short
    menu lines costs something)."""
    return np.array([max(len(_words(line)), 3) for line in lines], dtype=float)


_COMMENTS_START = re.compile(
    r"^(?:\d+ (?:comments?|responses?|replies|reactions)\b.*|comments?(?: \(\d+\))?|leave a (?:reply|comment)|"
    r"join the (?:conversation|discussion)|[\w.@-]{1,40}(?: [\w.@-]{1,20})? says:|reply)\s*:?$",
    re.IGNORECASE,
)


def section_ends(lines: Sequence[str]) -> frozenset[int]:
    """Lines that start a page's comments ("34 responses to ...", "reader_one says:", "Leave a
    reply"): the article's region does not run across them, since comments are written like prose."""
    return frozenset(i for i, line in enumerate(lines) if _COMMENTS_START.match(line.strip()))


def region_of(p: np.ndarray, weights: np.ndarray, threshold: float, barriers: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The run ``[start, end)`` maximising ``sum((p - threshold) * weights)`` (Kadane's algorithm)
    that contains no line of ``barriers``; ``(0, 0)`` for an empty page."""
    best, best_span = -math.inf, (0, 0)
    running, start = 0.0, 0
    for i, gain in enumerate((p - threshold) * weights):
        if i in barriers:
            running, start = 0.0, i + 1
            continue
        if running <= 0:
            running, start = 0.0, i
        running += gain
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


def context_features(lines: Sequence[str], p: np.ndarray, threshold: float) -> np.ndarray:
    """One row of :data:`CONTEXT_FEATURES` per line: the first model's probabilities around it and
    where it stands relative to the region those probabilities pick."""
    n = len(lines)
    a, b = region_of(p, _word_weights(lines), threshold)
    rows = []
    for i in range(n):
        inside = a <= i < b
        d = 0 if inside else min(abs(i - a), abs(i - (b - 1)))
        rows.append([
            p[i], p[max(0, i - 3) : i].mean() if i else 0.0, p[i + 1 : i + 4].mean() if i + 1 < n else 0.0,
            p[max(0, i - 10) : i + 11].mean(), inside, math.log1p(d), d / n,
        ])
    return np.array(rows, dtype=float).reshape(n, len(CONTEXT_FEATURES))


@dataclass(frozen=True)
class _Linear:
    """A standardised logistic regression, as numbers."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))

    @classmethod
    def from_dict(cls, d: dict[str, object], n_features: int) -> _Linear:
        arrays = {k: np.asarray(d[k], dtype=float) for k in ("mean", "scale", "coef")}
        if any(a.shape != (n_features,) for a in arrays.values()) or not all(np.isfinite(a).all() for a in arrays.values()):
            raise ValueError(f"page-line model: expected {n_features} finite numbers per array")
        intercept = float(d["intercept"])  # type: ignore[arg-type]
        return cls(arrays["mean"], np.where(arrays["scale"] == 0, 1.0, arrays["scale"]), arrays["coef"], intercept)


@dataclass(frozen=True)
class PageLineModel:
    """The two stacked line models and the thresholds of the region step."""

    lines: _Linear
    context: _Linear
    threshold: float
    drop_below: float

    def probabilities(self, lines: Sequence[str]) -> np.ndarray:
        x = line_features(lines)
        p1 = self.lines.proba(x)
        return self.context.proba(np.hstack([x, context_features(lines, p1, self.threshold)]))


def model_from_dict(d: dict[str, object]) -> PageLineModel:
    """A :class:`PageLineModel` from the JSON form the training script writes."""
    if d.get("line_features") != list(LINE_FEATURES) or d.get("context_features") != list(CONTEXT_FEATURES):
        raise ValueError("page-line model: its features are not the ones this version of framing computes")
    n = len(LINE_FEATURES)
    return PageLineModel(
        _Linear.from_dict(d["lines"], n),  # type: ignore[arg-type]
        _Linear.from_dict(d["context"], n + len(CONTEXT_FEATURES)),  # type: ignore[arg-type]
        float(d["threshold"]),  # type: ignore[arg-type]
        float(d["drop_below"]),  # type: ignore[arg-type]
    )


@lru_cache(maxsize=1)
def load_model() -> PageLineModel:
    """The shipped model (plain JSON numbers; nothing executes on load)."""
    text = resources.files("framing.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))


@dataclass(frozen=True)
class Region:
    """Where the article body is among a page's lines: ``[start, end)``, minus ``dropped`` lines
    inside it that the model is sure are not body."""

    start: int
    end: int
    dropped: frozenset[int]


def article_region(lines: Sequence[str], model: PageLineModel | None = None) -> Region:
    """The article's lines on a page of plain ``lines`` (see the module's description)."""
    if not lines:
        return Region(0, 0, frozenset())
    m = model or load_model()
    p = m.probabilities(lines)
    a, b = region_of(p, _word_weights(lines), m.threshold, section_ends(lines))
    dropped = frozenset(i for i in range(a, b) if p[i] < m.drop_below)
    return Region(a, b, dropped)
