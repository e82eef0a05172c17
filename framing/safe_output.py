"""Values made safe for the formats framing writes: CSV cells a spreadsheet will not run, and JSON
any parser reads.

**CSV.** A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
by Excel, LibreOffice and Google Sheets ("CSV injection"): a hostile article title such as
``=HYPERLINK("http://...")`` would act in the reader's spreadsheet. Every text cell framing writes
from its inputs goes through :func:`safe_cell`, which puts an apostrophe before such a text (the
spreadsheet then shows it as text, without the apostrophe). Numbers are left alone, and so is a
text that is only a number (``-2.5``), which a spreadsheet reads as that number.
:func:`unescape_cell` takes the apostrophe off again where framing reads its own CSV back (the
ids of a coding sheet).

**JSON.** Python writes a non-finite float as ``NaN`` or ``Infinity``, which is not JSON: most
readers (browsers, jq, Arrow, R) refuse the file. :func:`finite_json` turns every non-finite
number in a structure into None (``null``), where results are made; the writers then use
``allow_nan=False``, so a non-finite number that slipped through stops the write loudly instead of
writing a file no one can read.

**JSON inside HTML.** Data an HTML page's script reads sits in ``<script type="application/json">``;
a text holding ``</script>`` would end that element and run what follows. :func:`script_json`
writes ``<``, ``>``, ``&`` and the two JavaScript line separators as ``\\u`` escapes, so no input
text can leave the element, and the page's script puts texts on screen only as text (never as markup).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FORMULA_START", "finite_json", "safe_cell", "safe_frame", "script_json", "unescape_cell"]

#: The first characters that make a spreadsheet read a cell as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def safe_cell(value: Any) -> Any:
    """``value`` with an apostrophe before it when it is a text a spreadsheet would run as a formula.

    >>> safe_cell('=HYPERLINK("http://example.invalid")'), safe_cell("-2.5"), safe_cell(-2.5), safe_cell("plain")
    ('\\'=HYPERLINK("http://example.invalid")', '-2.5', -2.5, 'plain')
    """
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def unescape_cell(value: Any) -> Any:
    """The text :func:`safe_cell` was given, from what it wrote (other values unchanged)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell (and column name) passed through :func:`safe_cell`."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or str(out[col].dtype) in ("string", "str"):
            out[col] = out[col].map(safe_cell)
    out.columns = [safe_cell(c) for c in out.columns]
    return out


def finite_json(value: Any) -> Any:
    """``value`` (dicts, lists, tuples, numbers, numpy scalars) with every NaN or infinity as None.

    >>> finite_json({"a": float("nan"), "b": [1.5, float("inf")], "c": "text"})
    {'a': None, 'b': [1.5, None], 'c': 'text'}
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite_json(v) for v in value]
    if hasattr(value, "dtype") and getattr(value, "shape", None) == ():  # a numpy scalar
        item = value.item()
        return finite_json(item) if isinstance(item, float) else item
    return value


_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_json(value: Any) -> str:
    """``value`` as compact JSON safe to put inside an HTML ``<script type="application/json">``
    element: non-finite numbers as null, and no ``<``, ``>`` or ``&`` left to close the element.

    >>> script_json({"title": "</script><b>x</b>", "n": float("nan")})
    '{"title":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003ex\\\\u003c/b\\\\u003e","n":null}'
    """
    import json

    return json.dumps(finite_json(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_SCRIPT_ESCAPES)
