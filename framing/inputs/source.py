"""One input file being read, and what that reading learns on the way: how far it got, and the
file's size and SHA-256 for a run's manifest.

Every reader opens its file through :meth:`Source.open`. The bytes pass through a counter (the
progress of a run) and, when the source was made with ``digest=True``, a SHA-256 hash, so a run
hashes each input in the same reading that loads it. A reader may open its file more than once (to
sniff the first bytes, say): bytes already hashed are not hashed again. What a reader leaves unread
(a file refused by its size, a whole-file error) is hashed by :meth:`Source.digest` at the end.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from framing.errors import InputError
from framing.inputs.discovery import is_compressed, not_regular, path_text

if TYPE_CHECKING:  # pragma: no cover
    from _typeshed import WriteableBuffer

__all__ = ["TRUNCATED", "FileDigest", "Source", "read_head", "read_limited"]

_CHUNK = 1 << 20

#: The reason given for a compressed file that ends before its end-of-stream marker
TRUNCATED = "compressed file is truncated: it ends before its end-of-stream marker (an interrupted download or copy?)"


@dataclass(frozen=True)
class FileDigest:
    """An input file as a run's manifest records it: path, size in bytes and SHA-256."""

    path: str
    size: int
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


class Source:
    """An input file opened by the readers; ``consumed`` is how many of its bytes (compressed bytes
    for ``.gz``) have been read so far, and ``digest=True`` hashes them as they go by."""

    def __init__(self, path: str | Path, *, digest: bool = False) -> None:
        self.path = Path(path)
        self.compressed = is_compressed(self.path)
        self.consumed = 0
        self._sha = hashlib.sha256() if digest else None
        self._gap = False  # a read started past the bytes hashed so far: digest() hashes from the start

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        """The file's bytes (decompressed for ``.gz``), read through the counter and the hash."""
        with io.BufferedReader(_Tracked(self)) as buffered:
            if self.compressed:
                with gzip.GzipFile(fileobj=buffered, mode="rb") as unzipped:
                    yield cast(BinaryIO, unzipped)  # typeshed's GzipFile is not a BinaryIO, but reads like one
            else:
                yield buffered

    def _seen(self, start: int, data: memoryview) -> None:
        end = start + len(data)
        if end <= self.consumed:
            return  # read again after a reopen or a rewind: hashed already
        if start > self.consumed:
            self._gap = True
        elif self._sha is not None:
            self._sha.update(data[self.consumed - start :])
        self.consumed = end

    def digest(self) -> FileDigest:
        """Size and SHA-256 of the whole file, reading only the bytes the readers did not read."""
        if self._sha is None or self._gap:
            self._sha, self.consumed, self._gap = hashlib.sha256(), 0, False
        with _open_regular(self.path) as fh:
            fh.seek(self.consumed)
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                self._sha.update(chunk)
                self.consumed += len(chunk)
        return FileDigest(path_text(self.path), self.consumed, self._sha.hexdigest())


def _open_regular(path: Path) -> io.FileIO:
    """``path`` opened for reading, unbuffered, if it is a regular file; a named pipe, socket or device
    raises :class:`InputError` instead of blocking (it is opened non-blocking, then checked)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        why = not_regular(os.fstat(fd).st_mode)
        if why:
            raise InputError(why)
        return io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


class _Tracked(io.RawIOBase):
    """The raw file under a :class:`Source`'s buffered reader: it tells the source every byte read."""

    def __init__(self, source: Source) -> None:
        super().__init__()
        self._source = source
        self._file = _open_regular(source.path)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        n = self._file.readinto(view) or 0
        if n:
            self._source._seen(self._pos, view[:n])
            self._pos += n
        return n

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._pos = self._file.seek(offset, whence)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def fileno(self) -> int:
        return self._file.fileno()

    def close(self) -> None:
        if not self.closed and getattr(self, "_file", None) is not None:  # None: the file could not be opened
            self._file.close()
        super().close()


def read_head(fh: BinaryIO, size: int) -> bytes:
    """Up to ``size`` first bytes of ``fh``, for sniffing; a truncated compressed file gives the bytes
    before the cut (a plain ``read`` would raise and lose them), and the readers then keep the
    records before the cut, as for a JSONL file cut short."""
    parts: list[bytes] = []
    got = 0
    read1 = cast(io.BufferedIOBase, fh).read1  # both readers Source.open gives have read1
    try:
        while got < size and (chunk := read1(size - got)):
            parts.append(chunk)
            got += len(chunk)
    except EOFError:
        pass  # the reading that follows meets the cut again and reports it
    return b"".join(parts)


def read_limited(source: Source, limit: int) -> bytes:
    """All of a one-article file's bytes (decompressed), refusing a file larger than ``limit``; an
    uncompressed file is refused by its size alone, without opening it."""
    if not source.compressed:
        size = source.path.stat().st_size
        if size > limit:
            raise InputError(
                f"file is {size / 1048576:.3g} MB, larger than the {limit / 1048576:.3g} MB limit for one "
                "article; a corpus belongs in JSONL or CSV (one article per line or row), or raise "
                "the limit with --max-article-mb"
            )
    with source.open() as fh:
        try:
            data = fh.read(limit + 1)
        except EOFError as exc:
            raise InputError(TRUNCATED) from exc
        except (OSError, gzip.BadGzipFile) as exc:
            raise InputError(f"cannot read compressed file: {exc}") from exc
    if len(data) > limit:
        raise InputError(
            f"decompressed text is larger than the {limit / 1048576:.3g} MB limit for one article; "
            "use JSONL or CSV for corpora, or raise the limit with --max-article-mb"
        )
    return data
