"""Sentiment toward a target mention (target-dependent sentiment classification, NewsMTSC).

``score_targets([(sentence, start, end), ...])`` scores many mentions at once with the shipped
model; :mod:`framing.sentiment.model` has the pipeline, training and model files, and the feature
transformers live in :mod:`~framing.sentiment.features` and :mod:`~framing.sentiment.valence`.
"""

from framing.sentiment.features import TargetContextVectorizer, TargetPositionFeatures
from framing.sentiment.model import (
    MODEL_FILE,
    TRUSTED_TYPES,
    TargetSentiment,
    load_model,
    make_pipeline,
    model_available,
    model_version,
    save_model,
    score_target,
    score_targets,
    train_model,
)
from framing.sentiment.records import LABELS
from framing.sentiment.valence import LexiconContextFeatures

__all__ = [
    "LABELS",
    "MODEL_FILE",
    "TRUSTED_TYPES",
    "LexiconContextFeatures",
    "TargetContextVectorizer",
    "TargetPositionFeatures",
    "TargetSentiment",
    "load_model",
    "make_pipeline",
    "model_available",
    "model_version",
    "save_model",
    "score_target",
    "score_targets",
    "train_model",
]
