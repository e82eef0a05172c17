"""Outlet fingerprinting: how well the outlet can be told from the text alone, and which words
give each outlet away. No labels needed: the outlet is the label."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from framing.errors import FramingError, check_option
from framing.ml.cards import top_features
from framing.ml.data import text_records
from framing.ml.pipelines import LEVELS, fit_with_blocks, make_pipeline
from framing.ml.training import cross_validate
from framing.text.segment import sentence_spans

__all__ = ["fingerprint_outlets"]


def fingerprint_outlets(
    data: Any,
    outlets: Sequence[Any] | None = None,
    *,
    level: str = "article",
    cv: int = 5,
    seed: int = 0,
    top_n: int = 15,
    min_texts: int | None = None,
) -> dict[str, Any]:
    """How well the outlet can be told from the text alone, and the words that give it away.

    No labels needed: the outlet is the label. ``data`` is Results, articles, records or texts;
    ``outlets`` defaults to each article's ``outlet``. At article level the folds are stratified
    by outlet; at ``level="sentence"`` the articles are split into sentences and every sentence
    of an article stays in the same fold (stratified, grouped by article), so a sentence is never
    recognised by its neighbours. Outlets with fewer than ``min_texts`` texts (default: ``cv``)
    are left out and listed in ``dropped``.

    Returns a dict: ``macro_f1``, ``accuracy``, ``chance`` (share of the largest outlet: what
    always guessing it scores as accuracy), ``per_outlet`` (precision, recall, F1, support),
    ``confusion_matrix``, ``top_features`` (per outlet, from a model fit on everything), ``scheme``.
    """
    check_option("level", level, LEVELS)
    recs = text_records(data)
    outs = [r["outlet"] for r in recs] if outlets is None else list(outlets)
    if len(outs) != len(recs):
        raise FramingError(f"texts and outlets differ in length: {len(recs)} texts, {len(outs)} outlets")
    texts, labels, groups = [], [], []
    for i, (r, o) in enumerate(zip(recs, outs)):
        if o is None or (isinstance(o, float) and math.isnan(o)):
            continue
        units = [r["text"]] if level == "article" else [r["text"][s:e] for s, e in sentence_spans(r["text"])]
        for u in units:
            texts.append(u)
            labels.append(str(o))
            groups.append(i)
    y = np.asarray(labels, dtype=object)
    g = np.asarray(groups)
    min_texts = cv if min_texts is None else min_texts
    counts = Counter(y.tolist())
    per_article = Counter(str(o) for o in outs if o is not None)
    dropped = sorted(o for o in counts if (per_article[o] if level == "sentence" else counts[o]) < min_texts)
    keep = ~np.isin(y, dropped) if dropped else np.ones(len(y), dtype=bool)
    texts = [t for t, k in zip(texts, keep) if k]
    y, g = y[keep], g[keep]
    classes = sorted(set(y.tolist()))
    if len(classes) < 2:
        raise FramingError(f"outlet fingerprinting needs at least 2 outlets with {min_texts}+ texts each; got {len(classes)}")
    pipeline = make_pipeline("tfidf", level=level, seed=seed)
    if level == "article":
        splitter: Any = StratifiedKFold(n_splits=cv, shuffle=True, random_state=seed)
        scheme = f"StratifiedKFold({cv}, shuffled, seed {seed}) over articles"
    else:
        splitter = StratifiedGroupKFold(n_splits=cv, shuffle=True, random_state=seed)
        scheme = f"StratifiedGroupKFold({cv}) over sentences, grouped by article"
    report = cross_validate(pipeline, texts, y, groups=g if level == "sentence" else None, cv=splitter, seed=seed)
    fit_with_blocks(pipeline, texts, y, {})
    pooled = report["pooled"]
    return {
        "level": level,
        "scheme": scheme,
        "n_texts": len(texts),
        "n_outlets": len(classes),
        "macro_f1": report["macro_f1"],
        "macro_f1_std": report["macro_f1_std"],
        "accuracy": pooled["accuracy"],
        "chance": round(max(Counter(y.tolist()).values()) / len(y), 4),
        "per_outlet": pooled["per_class"],
        "confusion_matrix": pooled["confusion_matrix"],
        "top_features": {o: [{"feature": f["feature"], "weight": f["weight"]} for f in feats] for o, feats in top_features(pipeline, n=top_n).items()},
        "dropped": dropped,
    }
