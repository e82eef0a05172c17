"""Inter-coder reliability, and how a model's labels agree with human coders.

Reliability measures, each with its direction, range and reference:

* :func:`krippendorff_alpha`: 1 is perfect agreement, 0 is what chance gives, below 0 is
  systematic disagreement; any number of coders, missing codes allowed; nominal, ordinal,
  interval and ratio data (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability",
  Annenberg School for Communication, University of Pennsylvania). A common reading: at least
  0.800 to rely on the data, 0.667 to draw tentative conclusions (Krippendorff 2004, p. 241).
* :func:`cohens_kappa`: two coders, nominal codes; 1 perfect, 0 chance (Cohen 1960,
  "A coefficient of agreement for nominal scales", Educational and Psychological Measurement 20).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from framing.errors import FramingError, check_option
from framing.ml.coding import code_value, missing_code, reliability_matrix

__all__ = ["LEVELS", "agreement", "cohens_kappa", "krippendorff_alpha", "machine_vs_human"]

#: Levels of measurement of the codes (Krippendorff's alpha).
LEVELS = ("nominal", "ordinal", "interval", "ratio")


def _matrix(data: Any) -> list[list[Any]]:
    """Coders x units as nested lists with None for missing."""
    if isinstance(data, pd.DataFrame):
        if {"id", "coder", "label"} <= set(data.columns):
            data = reliability_matrix(data)
        return [[code_value(v) for v in row] for row in data.itertuples(index=False, name=None)]
    rows = [list(r) for r in data]
    if rows and len({len(r) for r in rows}) != 1:
        raise FramingError("every coder's row must have one entry per unit (None for a missing code)")
    return [[code_value(v) for v in r] for r in rows]


def _coincidences(rows: list[list[Any]]) -> tuple[list[Any], np.ndarray]:
    """Krippendorff's coincidence matrix: values, and o[c, k] summed over pairable units."""
    values = sorted({v for r in rows for v in r if v is not None}, key=lambda v: (isinstance(v, str), v))
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for unit in zip(*rows) if rows else ():
        vs = [index[v] for v in unit if v is not None]
        m = len(vs)
        if m < 2:
            continue  # a unit coded once has nothing to agree with
        counts = Counter(vs)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                o[c, k] += pairs / (m - 1)
    return values, o


def krippendorff_alpha(data: Any, level: str = "nominal") -> float:
    """Krippendorff's alpha for any number of coders, with missing codes.

    Parameters
    ----------
    data : coders x units
        Nested lists or an array (rows: coders, columns: units; None or NaN for a missing code),
        a DataFrame in that shape, or the long table of :func:`import_codes`.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Metric of the differences between codes (Krippendorff 2011, section E): nominal codes
        differ or not; ordinal by the ranks between them; interval by squared difference;
        ratio by squared difference relative to their sum. All but nominal need sortable codes,
        interval and ratio numeric ones.

    Returns
    -------
    float
        ``1 - (n - 1) * sum(o_ck * d_ck) / sum(n_c * n_k * d_ck)``: 1 perfect, 0 chance, negative
        systematic disagreement. NaN when undefined (no unit coded twice, or a single value used
        throughout, so there is no variation to agree on).

    Examples
    --------
    Krippendorff's (2011) textbook example (section C: four observers, twelve units, missing data):

    >>> m = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    ...      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    ...      [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    ...      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    >>> round(krippendorff_alpha(m), 3), round(krippendorff_alpha(m, "interval"), 3)
    (0.743, 0.849)
    """
    check_option("level", level, LEVELS)
    rows = _matrix(data)
    values, o = _coincidences(rows)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n <= 1 or len(values) < 2:
        return float("nan")
    k = len(values)
    if level == "nominal":
        d = 1.0 - np.eye(k)
    elif level == "ordinal":
        cum = np.concatenate([[0.0], np.cumsum(n_c)])
        d = np.zeros((k, k))
        for a in range(k):
            for b in range(k):
                lo, hi = min(a, b), max(a, b)
                d[a, b] = (cum[hi + 1] - cum[lo] - (n_c[a] + n_c[b]) / 2.0) ** 2
    else:
        try:
            v = np.asarray(values, dtype=float)
        except (TypeError, ValueError) as exc:
            raise FramingError(f"{level} alpha needs numeric codes; got {values[:5]}") from exc
        diff = v[:, None] - v[None, :]
        if level == "interval":
            d = diff**2
        else:
            total = v[:, None] + v[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                d = np.where(total == 0, 0.0, (diff / np.where(total == 0, 1.0, total)) ** 2)
    expected = float((np.outer(n_c, n_c) * d).sum())
    if expected == 0:
        return float("nan")
    return float(1.0 - (n - 1.0) * float((o * d).sum()) / expected)


def cohens_kappa(a: Sequence[Any], b: Sequence[Any], *, labels: Sequence[Any] | None = None) -> float:
    """Cohen's kappa between two coders' nominal codes of the same units.

    ``(p_o - p_e) / (1 - p_e)``: observed agreement ``p_o`` against the agreement ``p_e`` expected
    from each coder's own label shares. Units either coder left empty are skipped. 1 is perfect
    agreement, 0 chance; NaN when undefined (both coders used one and the same label throughout).

    >>> cohens_kappa(["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15,
    ...              ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15)
    0.4
    """
    if len(a) != len(b):
        raise FramingError(f"the two coders' codes differ in length: {len(a)} and {len(b)}")
    pairs = [(code_value(x), code_value(y)) for x, y in zip(a, b) if not missing_code(x) and not missing_code(y)]
    if not pairs:
        return float("nan")
    cats = list(dict.fromkeys([*(labels or []), *(p[0] for p in pairs), *(p[1] for p in pairs)]))
    idx = {c: i for i, c in enumerate(cats)}
    table = np.zeros((len(cats), len(cats)))
    for x, y in pairs:
        table[idx[x], idx[y]] += 1
    n = table.sum()
    p_o = np.trace(table) / n
    p_e = float((table.sum(axis=1) / n) @ (table.sum(axis=0) / n))
    if p_e == 1.0:
        return float("nan")
    return round(float((p_o - p_e) / (1.0 - p_e)), 12)


def _nan_to_none(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(float(x), 4)


def agreement(codes: pd.DataFrame, *, level: str = "nominal") -> dict[str, Any]:
    """Reliability of a long table of codes: alpha over all coders, kappa for every pair of coders.

    Returns ``n_units``, ``n_coders``, ``n_codes``, ``pairable_units`` (coded by two or more),
    ``krippendorff_alpha``, ``percent_agreement`` (share of agreeing pairs among pairable
    units), and ``pairwise`` (``{"A|B": {"kappa", "n"}}``). Undefined values are None.
    """
    m = reliability_matrix(codes)
    rows = _matrix(m)
    coders = list(m.index)
    pairable = sum(1 for unit in zip(*rows) if sum(v is not None for v in unit) >= 2) if rows else 0
    agree = total = 0
    for unit in zip(*rows) if rows else ():
        vs = [v for v in unit if v is not None]
        for x, y in itertools.combinations(vs, 2):
            total += 1
            agree += x == y
    pairwise = {}
    for i, j in itertools.combinations(range(len(coders)), 2):
        both = sum(1 for x, y in zip(rows[i], rows[j]) if x is not None and y is not None)
        pairwise[f"{coders[i]}|{coders[j]}"] = {"kappa": _nan_to_none(cohens_kappa(rows[i], rows[j])), "n": both}
    return {
        "n_units": len(m.columns),
        "n_coders": len(coders),
        "n_codes": len(codes),
        "pairable_units": pairable,
        "level": level,
        "krippendorff_alpha": _nan_to_none(krippendorff_alpha(rows, level)),
        "percent_agreement": round(agree / total, 4) if total else None,
        "pairwise": pairwise,
    }


def _predictions(predictions: Any) -> dict[str, Any]:
    if isinstance(predictions, pd.DataFrame):
        if not {"id", "label"} <= set(predictions.columns):
            raise FramingError(f"predictions need columns id and label; got {', '.join(map(str, predictions.columns))}")
        return {str(i): code_value(v) for i, v in zip(predictions["id"], predictions["label"])}
    if isinstance(predictions, pd.Series):
        return {str(i): code_value(v) for i, v in predictions.items()}
    if isinstance(predictions, Mapping):
        return {str(i): code_value(v) for i, v in predictions.items()}
    raise FramingError("predictions must be a mapping id -> label, a Series indexed by id, or a table with id and label")


def machine_vs_human(predictions: Any, codes: pd.DataFrame, *, level: str = "nominal", machine: str = "machine") -> dict[str, Any]:
    """How a model's labels agree with human coders, on the units both labelled.

    Returns ``n_units``; ``kappa`` of the machine with each coder and their mean next to the mean
    kappa between human coders; Krippendorff's alpha of the humans alone and with the machine as
    one more coder (if adding it lowers alpha, the machine agrees less than the coders do among
    themselves); and, against the humans' majority label (units with a strict majority),
    ``majority`` with ``n``, ``accuracy`` and ``macro_f1``.
    """
    pred = _predictions(predictions)
    codes = codes[codes["id"].astype(str).isin(pred)]
    if codes.empty:
        raise FramingError("no unit has both a human code and a prediction (do the ids match?)")
    m = reliability_matrix(codes)
    units = list(m.columns)
    rows = _matrix(m)
    coders = list(m.index)
    mrow = [pred[str(u)] for u in units]
    per_coder = {c: _nan_to_none(cohens_kappa(rows[i], mrow)) for i, c in enumerate(coders)}
    human_pairs = [cohens_kappa(rows[i], rows[j]) for i, j in itertools.combinations(range(len(coders)), 2)]
    human_pairs = [k for k in human_pairs if not math.isnan(k)]
    truth, guess = [], []
    for u, col in zip(units, zip(*rows)):
        vs = [v for v in col if v is not None]
        if not vs:
            continue
        (top, cnt), *_ = Counter(vs).most_common() + [(None, 0)]
        if cnt * 2 > len(vs):
            truth.append(str(top))
            guess.append(str(pred[str(u)]))
    machine_kappas = [k for k in per_coder.values() if k is not None]
    return {
        "n_units": len(units),
        "coders": coders,
        "kappa": {f"{machine}|{c}": k for c, k in per_coder.items()},
        "mean_kappa_machine_human": round(float(np.mean(machine_kappas)), 4) if machine_kappas else None,
        "mean_kappa_human_human": round(float(np.mean(human_pairs)), 4) if human_pairs else None,
        "alpha_humans": _nan_to_none(krippendorff_alpha(rows, level)) if len(coders) > 1 else None,
        "alpha_with_machine": _nan_to_none(krippendorff_alpha([*rows, mrow], level)),
        "majority": {
            "n": len(truth),
            "accuracy": round(float(np.mean(np.asarray(truth) == np.asarray(guess))), 4) if truth else None,
            "macro_f1": round(float(f1_score(truth, guess, average="macro", zero_division=0)), 4) if truth else None,
        },
    }
