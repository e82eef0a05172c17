"""Fixtures of the classifier tests."""

from __future__ import annotations

import pytest

from framing.ml.training import train

from .toydata import toy_sentences


@pytest.fixture(scope="session")
def toy_model():
    """A small sentence-level model with lexicon and rhetoric blocks, trained once."""
    texts, labels = toy_sentences()
    return train(texts, labels, level="sentence", model="tfidf+lexicon+rhetoric", cv=3, data={"name": "toy"})
