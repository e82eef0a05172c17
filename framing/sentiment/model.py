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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from framing.errors import (
    InputError,
    MissingResourceError,
    OptionError,
    UntrustedModelError,
    check_option,
)
from framing.persist import dump_bytes, load_trusted
from framing.resources import model_dir
from framing.sentiment.features import TargetContextVectorizer, TargetPositionFeatures
from framing.sentiment.records import LABELS, CheckedRecords, check_record
from framing.sentiment.valence import LexiconContextFeatures

__all__ = ["MODEL_FILE", "TRUSTED_TYPES", "TargetSentiment", "load_model", "make_pipeline", "model_available", "model_version", "save_model", "score_target", "score_targets", "train_model"]


#: File name of the shipped model inside :func:`framing.resources.model_dir`.
MODEL_FILE = "target_sentiment.skops"

#: Types a ``.skops`` model file may contain beyond those skops trusts by default. Each was
#: checked with ``skops.io.get_untrusted_types`` on the shipped model: our own transformers
#: (plain attributes: dicts, lists, numpy arrays) and builtins skops does not whitelist.
TRUSTED_TYPES = (
    "framing.sentiment.features.TargetContextVectorizer",
    "framing.sentiment.features.TargetPositionFeatures",
    "framing.sentiment.valence.LexiconContextFeatures",
    "framing.sentiment.syntax.SyntaxFeatures",
)

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
    * ``position``: :class:`TargetPositionFeatures`;
    * ``syntax``: ``"drop"`` by default; ``features__syntax=SyntaxFeatures()`` adds the features
      of :mod:`framing.sentiment.syntax` (what the parse ties to the target). They gained 0.004 on
      the selection criterion but lost 0.05 on dev_rw (``python bench/train_sentiment.py
      --experiment syntax``), so the shipped model goes without them. The same slot takes
      :class:`~framing.sentiment.embeddings.StaticContextEmbeddings` (static MiniLM word vectors
      around the target; ``--experiment embeddings``): at best +0.007 on the criterion, dev_rw
      unchanged, about half the speed (``bench/bench_sentiment.py --embeddings Q``), so not
      shipped either.

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
                        ("syntax", "drop"),  # SyntaxFeatures(): an experiment that did not carry over to dev_rw (see there)
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
            recs.append(check_record((r.get("sentence"), start, end)))
            if labels is None:
                if "label" not in r:
                    raise InputError(f"record without a 'label' (and no labels= given): {dict(r)!r:.80}")
                ys.append(r["label"])
        else:
            recs.append(check_record(r))
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump_bytes(model))
    return path


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int, trusted: tuple[str, ...]) -> Pipeline:
    model = load_trusted(path, trusted, what="target-sentiment model")
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


def lexicon_step(model: Pipeline) -> LexiconContextFeatures | None:
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
    if (
        not isinstance(features, FeatureUnion)
        or features.transformer_weights
        or any(isinstance(t, str) for _, t in features.transformer_list)  # "drop" / "passthrough"
    ):
        return model.predict_proba(recs)
    Xs = [t.transform(recs) for _, t in features.transformer_list]
    if any(sp.issparse(X) for X in Xs):  # stacked as CSR blocks: scipy's fast path, same matrix
        X = sp.hstack([X if sp.issparse(X) else sp.csr_matrix(X) for X in Xs], format="csr")
    else:
        X = np.hstack(Xs)
    return model.steps[-1][1].predict_proba(X)


def score_targets(items: Iterable[Any], *, model: Pipeline | None = None) -> list[TargetSentiment]:
    """Score many ``(sentence, start, end)`` records at once (vectorised; much faster per item)."""
    recs = CheckedRecords(items)  # checked and taken apart once, for every transformer
    if not recs:
        return []
    model = model if model is not None else load_model()
    proba = _predict_proba(model, recs)
    classes = [str(c) for c in model.classes_]
    pos, neg = classes.index("positive"), classes.index("negative")
    lex = lexicon_step(model)
    evidence = lex.evidence(recs) if lex is not None else [[] for _ in recs]
    best = np.argmax(proba, axis=1).tolist()  # the same first maximum as row by row
    return [
        TargetSentiment(label=classes[k], score=row[pos] - row[neg], probabilities=dict(zip(classes, row)), evidence=ev)
        for row, k, ev in zip(proba.tolist(), best, evidence)  # Python floats: the same doubles
    ]


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
