"""Model cards: the features that drive each class."""

from __future__ import annotations

from framing.ml.cards import top_features


def test_top_features_ranks_within_each_block(toy_model):
    """Weights compare only within a block, so each block gets its own top n: dense marker
    features with large weights cannot push every word off the list."""
    top = top_features(toy_model.pipeline, n=3)
    for c, feats in top.items():
        kinds = [f["kind"] for f in feats]
        assert {"words", "lexicon"} <= set(kinds), c
        for kind in set(kinds):
            ws = [f["weight"] for f in feats if f["kind"] == kind]
            assert len(ws) <= 3 and ws == sorted(ws, reverse=True) and all(w > 0 for w in ws)
        # blocks keep their pipeline order: all words first
        assert kinds[: kinds.count("words")] == ["words"] * kinds.count("words")
