"""Human coding: samples for coders and their codes back.

The loop (the other steps in :mod:`framing.ml.reliability` and :mod:`framing.ml.active`)::

    sample = export_sample(results, 200, stratify_by="outlet", path="to_code.csv")
    codes = import_codes(["coder_a.csv", "coder_b.csv"])    # long table: id, coder, label
    agreement(codes)                                         # Krippendorff's alpha, Cohen's kappa
    machine_vs_human(model_predictions, codes)               # does the model agree like a coder?
    next_to_code(model, pool, 50)                            # what to code next
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import FramingError, InputError, UnknownFieldError, check_option
from framing.safe_output import safe_frame, unescape_cell

__all__ = ["code_value", "coding_items", "excerpt", "export_sample", "import_codes", "missing_code", "reliability_matrix"]


def missing_code(v: Any) -> bool:
    """Whether a code is missing: None, NaN, an empty string, ``pd.NA`` or ``pd.NaT``."""
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    if isinstance(v, str) and not v.strip():
        return True
    return v is pd.NA or v is pd.NaT


def code_value(v: Any) -> Any:
    """Codes as comparable values: floats that are whole numbers become ints, strings stripped."""
    if missing_code(v):
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


def coding_items(data: Any) -> list[dict[str, Any]]:
    """Every field of each item (results, articles, records, rows) plus its ``text``; ``id`` as text."""
    if isinstance(data, pd.DataFrame):
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
        if missing_code(d.get("id")):
            d["id"] = str(i)
        d["id"] = str(d["id"])
        if not isinstance(d.get("text"), str):
            raise FramingError(f"item {i} (id {d['id']}) has no text")
        out.append(d)
    return out


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary near ``limit`` characters (with " …")."""
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
    take = {k: min(sizes[k], math.floor(want[k])) for k in keys}
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
        the stratum ``(none)``, and a field no item has raises
        :class:`~framing.errors.UnknownFieldError`. None: a simple random sample.
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
    check_option("allocation", allocation, ("proportional", "equal"))
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise FramingError(f"n must be a positive number of items; got {n!r}")
    items = coding_items(data)
    if not items:
        raise FramingError("nothing to sample from: no articles")
    if stratify_by is not None and not any(stratify_by in it for it in items):  # a typo, not one "(none)" stratum
        seen = dict.fromkeys(k for it in items for k in it if k not in ("id", "text"))
        raise UnknownFieldError(stratify_by, list(seen), doing="stratify by")
    rng = np.random.default_rng(seed)
    if stratify_by is None:
        chosen = sorted(rng.choice(len(items), size=min(n, len(items)), replace=False).tolist())
    else:
        strata: dict[str, list[int]] = {}
        for i, it in enumerate(items):
            v = it.get(stratify_by)
            strata.setdefault("(none)" if missing_code(v) else str(v), []).append(i)
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
            row[stratify_by] = None if missing_code(v) else v
        row["excerpt"] = excerpt(it["text"], excerpt_chars)
        if full_text:
            row["text"] = it["text"]
        row[label_col] = ""
        row["notes"] = ""
        rows.append(row)
    frame = pd.DataFrame(rows)
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        safe_frame(frame).to_csv(path, index=False, encoding="utf-8")  # no cell runs as a formula; ids are unescaped on import
    return frame


# ---------------------------------------------------------------------------------------------
# Codes back


def _read_table(path: Path) -> pd.DataFrame:
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
        long["id"] = [str(unescape_cell(code_value(v))) if not missing_code(v) else None for v in long["id"]]
        long["coder"] = [str(v) for v in long["coder"]]
        long["label"] = [code_value(v) for v in long["label"]]
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
    for col in ("id", "coder", "label"):
        if col not in codes.columns:
            raise FramingError(f"codes need columns id, coder, label; missing {col!r}")
    units = list(dict.fromkeys(codes["id"]))
    who = sorted(set(codes["coder"]))
    cell = {(c, uid): lab for uid, c, lab in zip(codes["id"], codes["coder"], codes["label"])}
    return pd.DataFrame([[cell.get((c, u)) for u in units] for c in who], index=who, columns=units, dtype=object)
