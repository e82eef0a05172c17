"""Active learning: which uncoded items to code next (uncertainty sampling)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import FramingError, check_option
from framing.ml.coding import coding_items, excerpt
from framing.ml.model import Classifier

__all__ = ["STRATEGIES", "next_to_code"]

#: How :func:`next_to_code` ranks the pool.
STRATEGIES = ("uncertainty", "margin", "entropy")


def next_to_code(
    model: Any,
    pool: Any,
    n: int,
    *,
    strategy: str = "uncertainty",
    exclude: Iterable[Any] = (),
    excerpt_chars: int = 600,
) -> pd.DataFrame:
    """The ``n`` pool items the model is least sure about: code these next (uncertainty sampling).

    Parameters
    ----------
    model : Classifier or fitted pipeline with ``predict_proba``
        Applied to each pool text as it is (give sentences to a sentence-level model).
    pool : Results, articles, records, DataFrame with ``text``, or texts
        Uncoded items.
    n : int
        How many to choose.
    strategy : {"uncertainty", "margin", "entropy"}
        ``uncertainty``: lowest top probability (least-confidence sampling); ``margin``: smallest
        gap between the two most probable classes (Scheffer et al. 2001); ``entropy``: highest
        entropy of the predicted distribution (Settles 2009, "Active Learning Literature Survey").
    exclude : ids
        Items already coded (skipped).

    Returns
    -------
    DataFrame
        ``rank``, ``id``, ``outlet``, ``title``, ``excerpt``, ``label`` (the current guess),
        ``confidence`` (top probability), ``margin``, ``entropy``; most informative first, ties
        in pool order.
    """
    check_option("strategy", strategy, STRATEGIES)
    pipe = model.pipeline if isinstance(model, Classifier) else model
    if not hasattr(pipe, "predict_proba"):
        raise FramingError(f"next_to_code needs a model with probabilities; got {type(model).__name__}")
    skip = {str(x) for x in exclude}
    items = [it for it in coding_items(pool) if it["id"] not in skip]
    if not items:
        return pd.DataFrame(columns=["rank", "id", "outlet", "title", "excerpt", "label", "confidence", "margin", "entropy"])
    proba = np.asarray(pipe.predict_proba([it["text"] for it in items]), dtype=float)
    srt = np.sort(proba, axis=1)[:, ::-1]
    conf = srt[:, 0]
    margin = srt[:, 0] - (srt[:, 1] if srt.shape[1] > 1 else 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = -np.nansum(np.where(proba > 0, proba * np.log(proba), 0.0), axis=1)
    key = {"uncertainty": conf, "margin": margin, "entropy": -ent}[strategy]
    order = np.argsort(key, kind="stable")[: max(0, int(n))]
    classes = [str(c) for c in pipe.classes_]
    rows = []
    for rank, i in enumerate(order, start=1):
        it = items[i]
        rows.append(
            {
                "rank": rank,
                "id": it["id"],
                "outlet": it.get("outlet"),
                "title": it.get("title"),
                "excerpt": excerpt(it["text"], excerpt_chars),
                "label": classes[int(np.argmax(proba[i]))],
                "confidence": round(float(conf[i]), 4),
                "margin": round(float(margin[i]), 4),
                "entropy": round(float(ent[i]), 4),
            }
        )
    return pd.DataFrame(rows)
