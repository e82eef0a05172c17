"""Active learning: next_to_code ranks the items a model is least sure about."""

from __future__ import annotations

import numpy as np

from framing.ml.active import next_to_code
from framing.ml.training import train


class _FixedModel:
    """A stand-in model whose probabilities are known for each text."""

    classes_ = np.array(["l", "c", "r"])

    def __init__(self, table):
        self.table = table

    def predict_proba(self, texts):
        return np.array([self.table[t] for t in texts])


def test_next_to_code_picks_the_least_certain_items():
    """uncertainty takes the lowest top probability, margin the smallest gap between the top two: known answers on a toy pool."""
    table = {
        "sure": [0.9, 0.05, 0.05],
        "close call": [0.5, 0.45, 0.05],  # top 0.5, margin 0.05
        "flat": [0.4, 0.3, 0.3],  # top 0.4, margin 0.1
        "fairly sure": [0.7, 0.2, 0.1],
    }
    model = _FixedModel(table)
    pool = [{"id": t, "text": t} for t in table]
    assert list(next_to_code(model, pool, 2)["id"]) == ["flat", "close call"]
    assert list(next_to_code(model, pool, 2, strategy="margin")["id"]) == ["close call", "flat"]
    assert list(next_to_code(model, pool, 1, strategy="entropy")["id"]) == ["flat"]
    assert list(next_to_code(model, pool, 2, exclude=["flat"])["id"]) == ["close call", "fairly sure"]


def test_next_to_code_with_a_trained_model():
    """A model trained on clearly positive and negative texts asks about the mixed one first."""
    texts = ["wonderful great superb", "awful terrible horrible"] * 6
    model = train(texts, ["pos", "neg"] * 6, model="tfidf", level="sentence", cv=None, n_examples=0)
    pool = ["great superb wonderful day", "terrible awful horrible day", "great but terrible day", "superb wonderful"]
    picked = next_to_code(model, pool, 1)
    assert picked.loc[0, "id"] == "2"
    assert picked.loc[0, "confidence"] < 0.6
