"""Outlet fingerprinting: outlets with signature words are told apart, and the words found."""

from __future__ import annotations

import pytest

from framing.ml.fingerprint import fingerprint_outlets

from .toydata import leaky_sentences


def test_fingerprint_outlets_finds_the_giveaway_words():
    """Outlets with signature words are told apart far above chance, and the signature word tops each outlet's list."""
    texts, _, outlets = leaky_sentences(n_groups=3)
    fp = fingerprint_outlets(texts, outlets, cv=5)
    assert fp["n_outlets"] == 3 and fp["macro_f1"] >= 0.9 and fp["chance"] == pytest.approx(1 / 3, abs=1e-3)
    for g in range(3):
        assert fp["top_features"][f"outlet{g}"][0]["feature"] == f"outletmark{g}"
