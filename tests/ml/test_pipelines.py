"""Pipelines: fitting with precomputed blocks equals a plain Pipeline.fit."""

from __future__ import annotations

import numpy as np

from framing.ml.pipelines import fit_with_blocks, make_pipeline, precompute_blocks

from .toydata import toy_sentences


def test_final_fit_with_precomputed_blocks_equals_pipeline_fit():
    """train()'s final fit, reusing the blocks computed for cross-validation, gives the same model as Pipeline.fit on the texts."""
    texts, labels = toy_sentences(12)
    y = np.asarray(labels, dtype=object)
    fast = make_pipeline("tfidf+lexicon+rhetoric", level="sentence")
    fit_with_blocks(fast, texts, y, precompute_blocks(fast, texts))
    plain = make_pipeline("tfidf+lexicon+rhetoric", level="sentence").fit(texts, y)
    probe, _ = toy_sentences(4, seed=9)
    np.testing.assert_allclose(fast.predict_proba(probe), plain.predict_proba(probe))
