"""Model files: skops only (never pickle), an explicit list of trusted types, one refusal message.

Every model framing reads or writes (the shipped target-sentiment model, classifiers trained with
``framing train``) goes through this module, so the safety rule is written once: before anything
in a file is constructed, the types it holds are listed with ``skops.io.get_untrusted_types`` and
the file is refused (:class:`~framing.errors.UntrustedModelError`) if any is outside skops'
defaults and the caller's ``trusted`` list. Nothing in a refused file is executed.

Files written before the stage subpackages existed name our classes by their old module
(``framing.sentiment.TargetContextVectorizer``, ``framing.features.LexiconVectorizer``); their
schema is rewritten to the current module names in memory before the trust check, so old models
keep loading and the check sees the names it knows.

A trusted type can still carry a hostile value: a scikit-learn vectorizer's ``token_pattern`` is a
regular expression the model runs on every text, and one written to backtrack (``(a+)+$``) would
stall the analysis. Such patterns are compiled only when the model is used, so after loading, every
pattern parameter in the file is checked against :data:`SAFE_PATTERNS` and an unknown one refuses
the file (nothing in it has run by then).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.errors import OptionError, UntrustedModelError
from framing.resources import require

__all__ = ["MOVED_CLASSES", "SAFE_PATTERNS", "dump_bytes", "load_trusted", "untrusted_types"]

#: The regular expressions a model file may hold in a pattern parameter (``token_pattern``):
#: scikit-learn's default word pattern, the only one framing's pipelines use. None means unused.
SAFE_PATTERNS = frozenset({r"(?u)\b\w\w+\b"})

#: (old module, class) of a class saved in model files -> its module now (classes keep their names).
MOVED_CLASSES = {
    ("framing.sentiment", "TargetContextVectorizer"): "framing.sentiment.features",
    ("framing.sentiment", "TargetPositionFeatures"): "framing.sentiment.features",
    ("framing.sentiment", "LexiconContextFeatures"): "framing.sentiment.valence",
    ("framing.features", "LexiconVectorizer"): "framing.ml.features",
    ("framing.features", "ReadabilityFeatures"): "framing.ml.features",
    ("framing.features", "RhetoricFeatures"): "framing.ml.features",
}


def _skops() -> Any:
    return require("skops.io", "skops", "reading and writing model files")


def _renamed(node: Any) -> bool:
    changed = False
    if isinstance(node, dict):
        new = MOVED_CLASSES.get((node.get("__module__", ""), node.get("__class__", "")))  # "": matches nothing
        if new is not None:
            node["__module__"] = new
            changed = True
        for value in node.values():
            changed = _renamed(value) or changed
    elif isinstance(node, list):
        for value in node:
            changed = _renamed(value) or changed
    return changed


def _current_schema(blob: bytes) -> bytes:
    """``blob`` with old module names in its schema replaced by current ones (same bytes if none)."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as zin:
            schema = json.loads(zin.read("schema.json"))
            if not _renamed(schema):
                return blob
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = json.dumps(schema).encode() if item.filename == "schema.json" else zin.read(item.filename)
                    zout.writestr(item, data)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError):
        return blob  # not a skops file: get_untrusted_types reports it


def dump_bytes(obj: Any, *, compress: bool = True) -> bytes:
    """``obj`` as the bytes of a skops file (compressed by default)."""
    sio = _skops()
    if compress:
        return sio.dumps(obj, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    return sio.dumps(obj)


def untrusted_types(blob: bytes) -> list[str]:
    """The types in a skops file that skops does not trust by default (sorted)."""
    return sorted(set(_skops().get_untrusted_types(data=blob)))


def _check_trusted(trusted: Sequence[str] | None) -> tuple[str, ...]:
    if trusted is True or isinstance(trusted, str) or trusted is None:
        raise OptionError("trusted must be a list of type names (never True); got " + repr(trusted))
    return tuple(trusted)


def load_trusted(source: str | Path | bytes, trusted: Sequence[str], *, what: str = "model") -> Any:
    """Load a skops file (a path or its bytes) when every type in it is trusted.

    ``trusted`` lists the types allowed beyond skops' defaults. A file holding any other type, or
    one that is not a skops file, raises :class:`UntrustedModelError` naming the types, before
    any object in it is built.
    """
    allowed = _check_trusted(trusted)
    where = str(source) if not isinstance(source, bytes) else f"this {what}"
    blob = source if isinstance(source, bytes) else Path(source).read_bytes()
    blob = _current_schema(blob)
    sio = _skops()
    try:
        found = untrusted_types(blob)
    except Exception as exc:  # skops raises zipfile/json/key errors on files that are not its own
        raise UntrustedModelError(f"{where} is not a skops {what} file ({type(exc).__name__}: {exc})") from exc
    refused = sorted(set(found) - set(allowed))
    if refused:
        raise UntrustedModelError(
            f"refusing to load {where}: it contains types framing does not trust: {', '.join(refused)} "
            f"(trusted beyond skops' defaults: {', '.join(allowed) or 'none'}). Nothing in the file was "
            "executed. Load it yourself with skops.io.load only if you know where it comes from."
        )
    try:
        obj = sio.loads(blob, trusted=found)
    except Exception as exc:
        raise UntrustedModelError(f"{where}: cannot load ({type(exc).__name__}: {exc})") from exc
    _check_patterns(obj, where)
    return obj


def _check_patterns(obj: Any, where: str, *, depth: int = 0) -> None:
    """Refuse ``obj`` (a loaded model: estimators, their parameters, dicts and lists of them) when a
    parameter named like ``*pattern`` holds a regular expression outside :data:`SAFE_PATTERNS`."""
    if depth > 50:
        return
    if isinstance(obj, dict):
        values: list[Any] = list(obj.values())
    elif isinstance(obj, (list, tuple)):
        values = list(obj)
    elif hasattr(obj, "get_params") and not isinstance(obj, type):
        try:
            params = obj.get_params(deep=False)
        except Exception:  # noqa: BLE001 - not a scikit-learn estimator after all: nothing to check
            return
        for name, value in params.items():
            if name.endswith("pattern") and value is not None and value not in SAFE_PATTERNS:
                raise UntrustedModelError(
                    f"refusing to load {where}: {type(obj).__name__}.{name} is the regular expression {value!r}, which "
                    f"framing does not know to be safe (it could make the analysis run for ever; known: "
                    f"{', '.join(sorted(SAFE_PATTERNS))}). Nothing in the file was executed."
                )
        values = list(params.values())
    else:
        return
    for value in values:
        _check_patterns(value, where, depth=depth + 1)
