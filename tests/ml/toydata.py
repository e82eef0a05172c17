"""Toy labelled sentences for the classifier tests: labels carried by loaded versus plain words, or given away by the outlet alone."""

from __future__ import annotations

import numpy as np

LOADED = ["brutal", "savage", "disgraceful", "shameful", "radical", "reckless", "outrageous", "vicious"]


PLAIN = ["said", "announced", "reported", "met", "approved", "scheduled", "released", "noted"]


FILLER = ["the", "council", "plan", "city", "on", "tuesday", "minister", "budget", "report", "week"]


def toy_sentences(n_per_class=20, seed=0):
    """Sentences whose label is carried by loaded versus plain words."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for i in range(n_per_class * 2):
        lab = "biased" if i % 2 == 0 else "neutral"
        words = list(rng.choice(FILLER, 6)) + list(rng.choice(LOADED if lab == "biased" else PLAIN, 2))
        rng.shuffle(words)
        texts.append(" ".join(words).capitalize() + ".")
        labels.append(lab)
    return texts, labels


def leaky_sentences(n_groups=10, per_group=12, seed=0):
    """Texts whose label is given away only by a per-outlet signature word: each outlet has one label."""
    rng = np.random.default_rng(seed)
    texts, labels, groups = [], [], []
    for g in range(n_groups):
        lab = "left" if g % 2 == 0 else "right"
        for _ in range(per_group):
            words = [f"outletmark{g}"] + list(rng.choice(FILLER + PLAIN, 4))
            rng.shuffle(words)
            texts.append(" ".join(words))
            labels.append(lab)
            groups.append(f"outlet{g}")
    return texts, labels, groups
