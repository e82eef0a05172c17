"""A run's ``manifest.json`` and what makes a run resumable.

The manifest records the inputs (path, size and SHA-256), the settings and the package versions.
The SHA-256 of each input is taken in the same reading that loads it
(:class:`~framing.inputs.loader.Reading` with ``digest=True``), so until a run finishes its
manifest records each input's size and modification time instead. A run is compared with the one
already in its folder: the same inputs and settings resume it (or, when it finished, run again
from scratch); anything else is refused. Comparing with a finished run needs the SHA-256 of every
input before the run starts: that is the one case where the inputs are read twice.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from framing.errors import FramingError
from framing.inputs.discovery import path_text
from framing.inputs.source import FileDigest, Source
from framing.safe_output import finite_json
from framing.types import LoadError

__all__ = ["MANIFEST", "check_previous", "done_errors", "input_entries", "mark_report", "read_done", "run_state", "stat_entries", "sync", "write_manifest"]

MANIFEST = "manifest.json"


def _missing(path: str) -> dict[str, Any]:
    return {"path": path, "missing": True}


def input_entries(inputs: Iterable[FileDigest | LoadError]) -> list[dict[str, Any]]:
    """The manifest's ``inputs``: path, size and SHA-256 of each file; a path that does not exist
    is ``missing`` and a file that cannot be read ``unreadable``."""
    out = []
    for item in inputs:
        if isinstance(item, FileDigest):
            out.append(item.to_dict())
        elif Path(item.path).exists():
            out.append({"path": item.path, "unreadable": True})
        else:
            out.append(_missing(item.path))
    return out


def stat_entries(items: Iterable[Path | LoadError]) -> list[dict[str, Any]]:
    """The manifest's ``inputs`` while a run is going: path, size and modification time of each file."""
    out = []
    for item in items:
        if isinstance(item, LoadError):
            out.append(_missing(item.path))
            continue
        try:
            st = item.stat()
        except OSError:
            out.append(_missing(path_text(item)))
        else:
            out.append({"path": path_text(item), "size": st.st_size, "mtime_ns": st.st_mtime_ns})
    return out


def _digest_entries(items: Iterable[Path | LoadError]) -> list[dict[str, Any]]:
    """:func:`input_entries` of ``items``, each file read for its SHA-256."""
    inputs: list[FileDigest | LoadError] = []
    for item in items:
        if isinstance(item, LoadError):
            inputs.append(item)
            continue
        try:
            inputs.append(Source(item, digest=True).digest())
        except OSError as exc:
            inputs.append(LoadError(path_text(item), f"cannot read file: {exc.strerror or exc}"))
        except FramingError as exc:  # not a regular file
            inputs.append(LoadError(path_text(item), str(exc)))
    return input_entries(inputs)


def check_previous(manifest_path: Path, items: list[Path | LoadError], settings: dict[str, Any]) -> tuple[list[dict[str, Any]] | None, bool]:
    """Compare the run recorded in ``manifest_path`` with this one (``items`` from discovery).

    Returns the manifest entries of this run's inputs when they had to be hashed to compare (the
    earlier run had finished), else None; and whether to resume the earlier run (it had not).
    Raises :class:`FramingError` when the earlier run had other inputs or other settings.
    """
    old = json.loads(manifest_path.read_text(encoding="utf-8"))
    old_inputs = old.get("inputs")
    inputs = None
    if isinstance(old_inputs, list) and any("mtime_ns" in e for e in old_inputs):
        same_inputs = old_inputs == stat_entries(items)  # a run that stopped: compare what it recorded
    else:
        inputs = _digest_entries(items)
        same_inputs = old_inputs == inputs
    same_settings = old.get("settings") == settings
    if not (same_inputs and same_settings):
        what = [name for name, same in (("inputs", same_inputs), ("settings", same_settings)) if not same]
        raise FramingError(
            f"{manifest_path.parent} holds a run with different {' and '.join(what)}; use another --out folder, "
            "or --restart to discard it"
        )
    return inputs, old.get("status") != "complete"


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    path.write_text(json.dumps(finite_json(manifest), indent=1, allow_nan=False), encoding="utf-8")


def read_done(out: Path) -> tuple[set[str], int]:
    """Ids already written (a partial last line from a crash is cut off), and error count."""
    done: set[str] = set()
    path = out / "articles.jsonl"
    if path.exists():
        _truncate_partial_line(path)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    done.add(json.loads(line)["id"])
    n_err = 0
    epath = out / "errors.jsonl"
    if epath.exists():
        _truncate_partial_line(epath)
        n_err = sum(1 for line in epath.read_text(encoding="utf-8").split("\n") if line.strip())
    return done, n_err


def done_errors(out: Path) -> set[tuple[str, Any]]:
    """``(path, record)`` of the errors an earlier run already wrote to ``errors.jsonl``."""
    done: set[tuple[str, Any]] = set()
    path = out / "errors.jsonl"
    if path.exists():
        for line in path.read_text(encoding="utf-8").split("\n"):  # not splitlines: U+2028 may be inside a line
            if line.strip():
                e = json.loads(line)
                done.add((e.get("path"), e.get("record")))
    return done


def _truncate_partial_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(path, "r+b") as fh:
            fh.truncate(cut)


def sync(fh: Any) -> None:
    """Flush ``fh`` to disk, so the lines written so far survive a crash."""
    fh.flush()
    with contextlib.suppress(OSError):  # some network filesystems cannot fsync
        os.fsync(fh.fileno())


def mark_report(out: Path, written: Sequence[Path]) -> None:
    """Record in ``out``'s manifest that its report was written (the files), after a run whose
    report was pending."""
    path = out / MANIFEST
    if not path.is_file():
        return
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["report"] = "written"
    manifest["report_files"] = [p.name for p in written]
    write_manifest(path, manifest)


def run_state(results: Path) -> str | None:
    """Why the results in ``results`` (a folder or its articles.jsonl) are not a finished run, or
    None when they are (or no manifest says otherwise)."""
    folder = results if results.is_dir() else results.parent
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("status") != "complete":
        n = len(manifest.get("inputs") or [])
        return (
            f"the analysis run in {folder} did not finish (it was stopped or is still running): the report covers only the articles "
            f"analysed so far, from {n} input{'s' if n != 1 else ''} listed; run the same 'framing analyze' command again to finish it"
        )
    return None
