"""Human coding: samples for coders, their codes back, inter-coder reliability, active learning.

The loop::

    sample = export_sample(results, 200, stratify_by="outlet", path="to_code.csv")
    codes = import_codes(["coder_a.csv", "coder_b.csv"])    # long table: id, coder, label
    agreement(codes)                                         # Krippendorff's alpha, Cohen's kappa
    machine_vs_human(model_predictions, codes)               # does the model agree like a coder?
    next_to_code(model, pool, 50)                            # what to code next

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
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.errors import FramingError, InputError, check_option

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "agreement",
    "cohens_kappa",
    "export_sample",
    "import_codes",
    "krippendorff_alpha",
    "machine_vs_human",
    "next_to_code",
    "reliability_matrix",
]

LEVELS = ("nominal", "ordinal", "interval", "ratio")
STRATEGIES = ("uncertainty", "margin", "entropy")


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, str) and not v.strip():
        return True
    try:
        import pandas as pd

        return v is pd.NA or v is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def _norm(v: Any) -> Any:
    """Codes as comparable values: floats that are whole numbers become ints, strings stripped."""
    if _missing(v):
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        return v.strip()
    return v


# ---------------------------------------------------------------------------------------------
# Samples for coders


def _items(data: Any) -> list[dict[str, Any]]:
    """Every field of each item (results, articles, records, rows) plus its ``text``."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(data, pd.DataFrame):
        data = data.to_dict("records")
    if isinstance(data, (str, bytes)):
        raise FramingError("expected a sequence of articles, results or records, got a single string")
    out = []
    for i, item in enumerate(data):
        if hasattr(item, "article"):
            a = item.article
            d = a.metadata()
            d.update(d.pop("meta", None) or {})
            d["text"] = a.text
        elif hasattr(item, "metadata") and hasattr(item, "text"):
            d = item.metadata()
            d.update(d.pop("meta", None) or {})
            d["text"] = item.text
        elif isinstance(item, Mapping):
            d = dict(item)
            if "outlet" not in d and "source" in d:
                d["outlet"] = d["source"]
        elif isinstance(item, str):
            d = {"text": item}
        else:
            raise FramingError(f"item {i} is neither an article, a result, a record nor a text: {type(item).__name__}")
        if _missing(d.get("id")):
            d["id"] = str(i)
        d["id"] = str(d["id"])
        if not isinstance(d.get("text"), str):
            raise FramingError(f"item {i} (id {d['id']}) has no text")
        out.append(d)
    return out


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


def _allocate(sizes: Mapping[str, int], n: int, allocation: str) -> dict[str, int]:
    """How many to draw from each stratum: proportional (largest remainder) or equal; every
    stratum gets at least one when ``n`` allows, none more than it has."""
    total = sum(sizes.values())
    n = min(n, total)
    keys = sorted(sizes)
    if allocation == "equal":
        want = {k: n / len(keys) for k in keys}
    else:
        want = {k: n * sizes[k] / total for k in keys}
    take = {k: min(sizes[k], int(math.floor(want[k]))) for k in keys}
    if n >= len(keys):
        for k in keys:
            if take[k] == 0 and sizes[k] > 0:
                take[k] = 1
    # hand out what is left by largest remainder, then to any stratum with room
    while sum(take.values()) > n:
        k = max((k for k in keys if take[k] > 1), key=lambda k: (take[k] - want[k], k))
        take[k] -= 1
    order = sorted(keys, key=lambda k: (-(want[k] - math.floor(want[k])), k))
    while sum(take.values()) < n:
        moved = False
        for k in order:
            if sum(take.values()) >= n:
                break
            if take[k] < sizes[k]:
                take[k] += 1
                moved = True
        if not moved:
            break
    return take


def export_sample(
    data: Any,
    n: int,
    *,
    stratify_by: str | None = "outlet",
    allocation: str = "proportional",
    seed: int = 0,
    excerpt_chars: int = 1200,
    full_text: bool = False,
    label_col: str = "label",
    path: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """A stratified random sample for human coders, with the context they need.

    Parameters
    ----------
    data : Results, corpus, articles, records or DataFrame
        What to sample from (each item needs a text; ``id`` defaults to its position).
    n : int
        Sample size (at most the number of items).
    stratify_by : str or None
        Field to stratify by (``outlet``, ``published``, any metadata field); items lacking it form
        the stratum ``(none)``. None: a simple random sample.
    allocation : {"proportional", "equal"}
        Draw from each stratum in proportion to its size, or the same number from each; every
        stratum gets at least one item when ``n`` is at least the number of strata.
    seed : int
        Random seed (the same seed gives the same sample).
    excerpt_chars : int
        Length of the text excerpt shown to coders; ``full_text=True`` adds a ``text`` column.
    label_col : str
        Name of the empty column coders fill in.
    path : path, optional
        Also write the sample as CSV (UTF-8) there.

    Returns
    -------
    DataFrame
        Columns ``id``, ``outlet``, ``title``, ``published``, the stratum (when not outlet),
        ``excerpt`` (and ``text``), then empty ``label_col`` and ``notes``; rows in random order
        so coders do not see the strata as blocks.
    """
    import pandas as pd

    check_option("allocation", allocation, ("proportional", "equal"))
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise FramingError(f"n must be a positive number of items; got {n!r}")
    items = _items(data)
    if not items:
        raise FramingError("nothing to sample from: no articles")
    rng = np.random.default_rng(seed)
    if stratify_by is None:
        chosen = sorted(rng.choice(len(items), size=min(n, len(items)), replace=False).tolist())
    else:
        strata: dict[str, list[int]] = {}
        for i, it in enumerate(items):
            v = it.get(stratify_by)
            strata.setdefault("(none)" if _missing(v) else str(v), []).append(i)
        take = _allocate({k: len(v) for k, v in strata.items()}, int(n), allocation)
        chosen = []
        for k in sorted(strata):
            if take[k]:
                chosen.extend(rng.choice(strata[k], size=take[k], replace=False).tolist())
    order = rng.permutation(len(chosen))
    rows = []
    for j in order:
        it = items[chosen[j]]
        row = {"id": it["id"], "outlet": it.get("outlet"), "title": it.get("title"), "published": it.get("published")}
        if stratify_by not in (None, "outlet"):
            v = it.get(stratify_by)
            row[stratify_by] = None if _missing(v) else v
        row["excerpt"] = _excerpt(it["text"], excerpt_chars)
        if full_text:
            row["text"] = it["text"]
        row[label_col] = ""
        row["notes"] = ""
        rows.append(row)
    frame = pd.DataFrame(rows)
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        frame.to_csv(path, index=False, encoding="utf-8")
    return frame


# ---------------------------------------------------------------------------------------------
# Codes back


def _read_table(path: Path) -> pd.DataFrame:
    import pandas as pd

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    name = path.name.lower().removesuffix(".gz")
    try:
        if name.endswith((".jsonl", ".ndjson")):
            return pd.read_json(path, lines=True, dtype=False, convert_dates=False)
        sep = "\t" if name.endswith((".tsv", ".tab")) else ","
        return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, na_values=[""])
    except (ValueError, OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as a table: {exc}") from exc


def import_codes(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    id_col: str = "id",
    label_col: str = "label",
    coder_col: str = "coder",
    coders: Sequence[str] | None = None,
    coder: str | None = None,
) -> pd.DataFrame:
    """Read coders' files into one long table with columns ``id``, ``coder``, ``label``.

    Each file is one of:

    * long: a row per code, with ``coder_col``;
    * one coder's filled-in sample (from :func:`export_sample`): ``id_col`` and ``label_col``;
      the coder is ``coder`` or else the file name without extension;
    * wide: ``id_col`` plus one column per coder, named in ``coders``.

    Empty codes are left out (a coder may skip a unit). The same coder giving one unit two
    different codes is an error.
    """
    import pandas as pd

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    frames = []
    for p in map(Path, paths):
        df = _read_table(p)
        if id_col not in df.columns:
            raise InputError(f"{p}: no column {id_col!r} (the unit id); columns are: {', '.join(map(str, df.columns))}")
        if coders:
            missing = [c for c in coders if c not in df.columns]
            if missing:
                raise InputError(f"{p}: no coder column(s) {missing}; columns are: {', '.join(map(str, df.columns))}")
            long = df.melt(id_vars=[id_col], value_vars=list(coders), var_name="coder", value_name="label")
            long = long.rename(columns={id_col: "id"})
        elif label_col in df.columns:
            if coder_col in df.columns:
                long = pd.DataFrame({"id": df[id_col], "coder": df[coder_col], "label": df[label_col]})
            else:
                long = pd.DataFrame({"id": df[id_col], "coder": coder or p.name.split(".")[0], "label": df[label_col]})
        else:
            raise InputError(f"{p}: no column {label_col!r} with codes (or name the coder columns with coders=); columns are: {', '.join(map(str, df.columns))}")
        long["id"] = [str(_norm(v)) if not _missing(v) else None for v in long["id"]]
        long["coder"] = [str(v) for v in long["coder"]]
        long["label"] = [_norm(v) for v in long["label"]]
        long = long[long["id"].notna() & long["label"].notna()]
        long["source"] = str(p)
        frames.append(long)
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["id", "coder", "label", "source"])
    clash = out.groupby(["id", "coder"])["label"].nunique()
    clash = clash[clash > 1]
    if len(clash):
        (uid, who) = clash.index[0]
        raise InputError(f"coder {who!r} gave unit {uid!r} different codes ({len(clash)} such units); keep one code per unit and coder")
    out = out.drop_duplicates(["id", "coder"]).reset_index(drop=True)
    return out[["id", "coder", "label", "source"]]


def reliability_matrix(codes: pd.DataFrame) -> pd.DataFrame:
    """Coders by units (rows: coders, columns: unit ids) from the long table; missing is None."""
    import pandas as pd

    for col in ("id", "coder", "label"):
        if col not in codes.columns:
            raise FramingError(f"codes need columns id, coder, label; missing {col!r}")
    units = list(dict.fromkeys(codes["id"]))
    who = sorted(set(codes["coder"]))
    cell = {(c, uid): lab for uid, c, lab in zip(codes["id"], codes["coder"], codes["label"])}
    return pd.DataFrame([[cell.get((c, u)) for u in units] for c in who], index=who, columns=units, dtype=object)


# ---------------------------------------------------------------------------------------------
# Reliability


def _matrix(data: Any) -> list[list[Any]]:
    """Coders x units as nested lists with None for missing."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(data, pd.DataFrame):
        if {"id", "coder", "label"} <= set(data.columns):
            data = reliability_matrix(data)
        return [[_norm(v) for v in row] for row in data.itertuples(index=False, name=None)]
    rows = [list(r) for r in data]
    if rows and len({len(r) for r in rows}) != 1:
        raise FramingError("every coder's row must have one entry per unit (None for a missing code)")
    return [[_norm(v) for v in r] for r in rows]


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
    pairs = [(_norm(x), _norm(y)) for x, y in zip(a, b) if not _missing(x) and not _missing(y)]
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
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(predictions, pd.DataFrame):
        if not {"id", "label"} <= set(predictions.columns):
            raise FramingError(f"predictions need columns id and label; got {', '.join(map(str, predictions.columns))}")
        return {str(i): _norm(v) for i, v in zip(predictions["id"], predictions["label"])}
    if pd is not None and isinstance(predictions, pd.Series):
        return {str(i): _norm(v) for i, v in predictions.items()}
    if isinstance(predictions, Mapping):
        return {str(i): _norm(v) for i, v in predictions.items()}
    raise FramingError("predictions must be a mapping id -> label, a Series indexed by id, or a table with id and label")


def machine_vs_human(predictions: Any, codes: pd.DataFrame, *, level: str = "nominal", machine: str = "machine") -> dict[str, Any]:
    """How a model's labels agree with human coders, on the units both labelled.

    Returns ``n_units``; ``kappa`` of the machine with each coder and their mean next to the mean
    kappa between human coders; Krippendorff's alpha of the humans alone and with the machine as
    one more coder (if adding it lowers alpha, the machine agrees less than the coders do among
    themselves); and, against the humans' majority label (units with a strict majority),
    ``majority`` with ``n``, ``accuracy`` and ``macro_f1``.
    """
    from sklearn.metrics import f1_score

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
        (top, cnt), *rest = Counter(vs).most_common() + [(None, 0)]
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


# ---------------------------------------------------------------------------------------------
# Active learning


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
    model : TrainedModel or fitted pipeline with ``predict_proba``
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
    import pandas as pd

    from framing.ml.classify import TrainedModel

    check_option("strategy", strategy, STRATEGIES)
    pipe = model.pipeline if isinstance(model, TrainedModel) else model
    if not hasattr(pipe, "predict_proba"):
        raise FramingError(f"next_to_code needs a model with probabilities; got {type(model).__name__}")
    skip = {str(x) for x in exclude}
    items = [it for it in _items(pool) if it["id"] not in skip]
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
                "excerpt": _excerpt(it["text"], excerpt_chars),
                "label": classes[int(np.argmax(proba[i]))],
                "confidence": round(float(conf[i]), 4),
                "margin": round(float(margin[i]), 4),
                "entropy": round(float(ent[i]), 4),
            }
        )
    return pd.DataFrame(rows)
