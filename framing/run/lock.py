"""One run at a time per results folder.

Two ``framing analyze`` runs writing one ``--out`` folder would both resume the same
``articles.jsonl`` and count its articles twice. :func:`folder_lock` takes an exclusive advisory
lock (``flock``) on ``.framing.lock`` in the folder for as long as a run (and its report) writes
there, and records in that file who holds it: process id, start time and command. A second run
finds the lock taken and is refused with an :class:`FolderInUseError` naming the first. The
operating system drops the lock when the process ends, however it ends (a crash, ``kill -9``), so
a stale lock never blocks a later run. The lock file itself stays (removing it would race with a
run taking it); its contents only matter while it is locked.

Where ``flock`` does not exist (Windows) or the filesystem refuses it, runs are not locked.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from framing.errors import FramingError

__all__ = ["LOCK_FILE", "OUTPUTS", "FolderInUseError", "folder_lock"]

LOCK_FILE = ".framing.lock"

#: folders this process holds locked -> how many nested folder_lock calls hold them
_HELD: dict[Path, int] = {}


class FolderInUseError(FramingError):
    """Another run holds the results folder (the message names it: process id, start time, command)."""


def _holder(fd: int) -> str:
    """Who holds the lock, as the lock file says."""
    with contextlib.suppress(OSError, ValueError):
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 65536).decode("utf-8", "replace") or "{}")
        if isinstance(info, dict) and info.get("pid"):
            started = info.get("started") or "an unknown time"
            command = f", command: {info['command']}" if info.get("command") else ""
            return f"process {info['pid']}, started {started}{command}"
    return "a process that has not recorded itself yet"


#: What a run and its report write in the results folder (the files an earlier run may have left)
OUTPUTS = ("manifest.json", "articles.jsonl", "errors.jsonl", "articles.csv", "articles.parquet", "report.html", "report.md", "report.pdf", "tables", "predictions")


def _check_writable(path: Path) -> None:
    """Create ``path`` if missing; a file in its place, a folder that cannot be made, or earlier
    results that cannot be written raise :class:`FramingError` (a usage error, no traceback)."""
    if path.exists() and not path.is_dir():
        raise FramingError(f"{path} is a file, not a folder; --out needs a folder for the results (it is created if missing)")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FramingError(f"cannot create the results folder {path}: {exc.strerror or exc}; give --out a folder you can write to") from None
    for name in OUTPUTS:
        p = path / name
        if p.is_file() and not os.access(p, os.W_OK):
            raise FramingError(f"{p} is read-only, so the earlier results in {path} cannot be updated; make them writable, or use another --out folder")


@contextlib.contextmanager
def folder_lock(folder: str | os.PathLike[str], *, command: str | None = None) -> Iterator[Path]:
    """Hold ``folder`` (created if missing) for this run; raise :class:`FolderInUseError` if another
    process holds it, and :class:`FramingError` if it cannot be a results folder (a file, not
    writable, read-only earlier results). Nested calls in one process share the lock. Yields the
    folder's path."""
    path = Path(folder)
    _check_writable(path)
    key = path.resolve()
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield path
        finally:
            _HELD[key] -= 1
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: no advisory locks, runs are not locked
        yield path
        return
    try:
        fd = os.open(path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise FramingError(f"cannot write in the results folder {path}: {exc.strerror or exc}; give --out a folder you can write to") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            locked = True
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                locked = False  # a filesystem without locks (some network mounts): run unlocked
            else:
                raise FolderInUseError(
                    f"{path} is in use by another framing run ({_holder(fd)}); wait for it to finish, "
                    "or give this run another --out folder"
                ) from None
        if locked:
            info = {
                "pid": os.getpid(),
                "started": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime()),
                "command": command or " ".join([Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python", *sys.argv[1:]]),
            }
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(info, ensure_ascii=True).encode())
        _HELD[key] = 1
        try:
            yield path
        finally:
            del _HELD[key]
            if locked:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)  # still ours: the next run finds an empty file
    finally:
        os.close(fd)  # releases the lock
