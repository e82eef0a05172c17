"""Load articles: :func:`load` into a :class:`~framing.inputs.corpus.Corpus`, :func:`iter_load` as a
stream, and :class:`Reading`, the one pass over the input files that both are made of.

Nothing here raises on a bad input: a file or record that cannot be read becomes a
:class:`~framing.types.LoadError` naming it and the reason, and loading goes on with the next one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from framing.errors import FramingError
from framing.inputs.corpus import Corpus
from framing.inputs.discovery import RECORD_FORMATS, discover, format_of, path_text
from framing.inputs.options import LoadOptions
from framing.inputs.readers import read_source
from framing.inputs.source import TRUNCATED, FileDigest, Source
from framing.types import Article, LoadError

__all__ = ["Reading", "iter_load", "load"]

Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


class Reading:
    """One pass over input files, each read once: iterating yields their articles and errors in order.

    ``items`` are what :func:`~framing.inputs.discovery.discover` gives. Article ids are made
    unique (a repeated id gets a ``~2``, ``~3`` suffix). As files are read, ``inputs`` collects
    what a run's manifest records of each: with ``digest=True`` a
    :class:`~framing.inputs.source.FileDigest` (size and SHA-256, from the same reading), and the
    :class:`~framing.types.LoadError` of a path that does not exist or cannot be read.
    :meth:`estimated_records` says how many records the inputs hold, for a progress bar.
    """

    def __init__(self, items: Iterable[Path | LoadError], options: LoadOptions, *, digest: bool = False) -> None:
        self.items = list(items)
        self.options = options
        self.digest = digest
        self.inputs: list[FileDigest | LoadError] = []
        # for estimated_records: records and bytes of the record files read, the file being read,
        # and the sizes of the record files not read yet (taken when first asked)
        self._done_records = 0
        self._done_bytes = 0
        self._current: tuple[int, Source] | None = None
        self._current_records = 0
        self._next = 0
        self._pending: dict[int, int] | None = None
        self._pending_bytes = 0
        self._singles = 0

    def __iter__(self) -> Iterator[Article | LoadError]:
        ids: dict[str, int] = {}
        for index, item in enumerate(self.items):
            if isinstance(item, LoadError):
                self.inputs.append(item)
                self._next = index + 1
                yield item
                continue
            source = Source(item, digest=self.digest)
            self._current, self._current_records = (index, source), 0
            failed = False
            try:
                for result in read_source(source, self.options):
                    self._current_records += 1
                    if isinstance(result, Article):
                        n = ids.get(result.id, 0) + 1
                        ids[result.id] = n
                        if n > 1:
                            result = replace(result, id=f"{result.id}~{n}")
                    yield result
            except FramingError as exc:
                failed = True
                yield LoadError(path_text(item), str(exc))
            except EOFError:  # a .gz cut short: the records before the cut were yielded above
                failed = True
                kept = f"; the {self._current_records} records before the cut were read" if self._current_records else ""
                yield LoadError(path_text(item), TRUNCATED + kept)
            except OSError as exc:
                failed = True
                yield LoadError(path_text(item), f"cannot read file: {exc.strerror or exc}")
            except RecursionError:
                failed = True
                yield LoadError(path_text(item), "document is nested too deeply to parse")
            self._finish(index, source, failed=failed)

    def _finish(self, index: int, source: Source, *, failed: bool) -> None:
        if format_of(source.path) in RECORD_FORMATS and not failed:
            self._done_records += self._current_records
            self._done_bytes += source.consumed
        if self._pending is not None and index in self._pending:
            self._pending_bytes -= self._pending.pop(index)
        self._current, self._next = None, index + 1
        if self.digest:
            try:
                self.inputs.append(source.digest())
            except OSError as exc:
                self.inputs.append(LoadError(path_text(source.path), f"cannot read file: {exc.strerror or exc}"))
            except FramingError as exc:  # not a regular file
                self.inputs.append(LoadError(path_text(source.path), str(exc)))

    def estimated_records(self) -> int | None:
        """How many records (articles and bad records) the inputs hold: exact for one-article files
        and for the files read so far; for the other JSON, JSONL and CSV files, their sizes times
        the records per byte of the files read (of the file being read, while it is the first);
        None until there is something to estimate from."""
        if self._pending is None:
            paths = [(i, item) for i, item in enumerate(self.items) if isinstance(item, Path)]
            self._singles = sum(1 for _, p in paths if format_of(p) not in RECORD_FORMATS)
            self._pending = {i: _size(p) for i, p in paths if i >= self._next and format_of(p) in RECORD_FORMATS}
            self._pending_bytes = sum(self._pending.values())
        known = self._singles + self._done_records
        if not self._pending_bytes:
            return known
        records, consumed = self._done_records, self._done_bytes
        current = 0
        if self._current is not None and self._current[0] in self._pending:
            current = self._current_records
            if not consumed:  # the reader reads ahead, so this ratio runs low at first
                records, consumed = current, self._current[1].consumed
        if not consumed:
            return None
        return max(known + round(self._pending_bytes * records / consumed), known + current)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_load(paths: Paths, **options: Any) -> Iterator[Article | LoadError]:
    """Stream articles from files, folders and globs; a bad input yields a LoadError and the rest go on.

    ``paths`` are files, folders (searched recursively) or glob patterns. ``options`` are the
    fields of :class:`~framing.inputs.options.LoadOptions` (``outlet``, ``published``,
    ``text_col``, ``max_article_mb``, ``clean``); an unknown one raises
    :class:`~framing.errors.OptionError`, a ``published`` date that cannot be read
    :class:`~framing.errors.InputError`. Article ids are unique within one call: a repeated id gets
    a ``~2``, ``~3`` suffix.
    """
    return iter(Reading(discover(paths), LoadOptions.from_kwargs(options)))


def load(paths: Paths, **options: Any) -> Corpus:
    """Load articles from files, folders or globs into a :class:`~framing.inputs.corpus.Corpus`.

    Accepts plain text, Markdown, HTML, JSON, JSONL and CSV (optionally gzip-compressed). Page
    debris is removed and metadata recovered; exact and near-duplicate articles are flagged
    (``duplicate_of``). Inputs that cannot be read are listed in ``corpus.errors`` with the
    reason; everything else is loaded. Options are those of :func:`iter_load`
    (``outlet``, ``published``, ``text_col``, ``max_article_mb``, ``clean``).

    Example::

        corpus = framing.load("examples/corpus")
        corpus[0].outlet, corpus[0].title
    """
    return Corpus.from_stream(iter_load(paths, **options))
