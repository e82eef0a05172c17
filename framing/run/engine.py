"""Run the analysis over many articles: streaming, parallel, distributed, resumable.

``run(paths, out_dir, ...)`` is what ``framing analyze`` calls. It

* **streams** the inputs: articles are read, cleaned, checked for duplicates and analysed one
  batch at a time, and each result is written to ``articles.jsonl`` as soon as it is ready, so
  memory stays bounded whatever the corpus size;
* runs the analysis in **local worker processes** (``workers=N``) or on a **Dask** cluster
  (``engine="dask"``, a scheduler address or a local cluster; :mod:`framing.run.workers`); the articles are read and
  duplicate-checked in the main process and results are written in input order, so every engine
  and worker count gives byte-identical ``articles.jsonl``;
* reads each input **once**: its SHA-256 for the manifest is taken from the bytes read to load it,
  and the progress bar's total is estimated from what has been read (:class:`~framing.inputs.loader.Reading`);
* is **resumable**: ``manifest.json`` records the inputs (size and SHA-256), the settings and the
  package versions; a run that was killed keeps every finished article (complete lines are
  flushed and fsynced per batch) and, restarted with the same command, continues where it
  stopped; a run with different inputs or settings in the same folder is refused unless
  ``restart=True`` (:mod:`framing.run.manifest`);
* writes ``articles.parquet/`` (partitioned Parquet, one row per article with metadata, counts,
  marker rates and readability; :mod:`framing.run.outputs`) from ``articles.jsonl`` at the end,
  and ``errors.jsonl``;
* applies trained classifiers (``models=["frames.skops"]``, :mod:`framing.ml.predict`) to every
  article: each is loaded once per worker process, and its prediction goes into the record's
  ``predictions`` (its card summary into ``provenance.classifiers``). Models are part of the
  settings, so a resumed run uses the same model files (checked by SHA-256).

Duplicate flags in a streaming run go to the later of two copies in input order (an earlier
republication cannot be re-labelled once written); outlet spellings are reconciled when the
report is built.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from framing.errors import FramingError, check_option
from framing.inputs.corpus import DuplicateFinder
from framing.inputs.discovery import discover
from framing.inputs.loader import Reading
from framing.inputs.options import LoadOptions
from framing.inputs.outlets import outlet_key
from framing.ml.predict import model_specs
from framing.resources import package_versions
from framing.run.lock import OUTPUTS, folder_lock
from framing.run.manifest import MANIFEST, check_previous, done_errors, input_entries, read_done, stat_entries, sync, write_manifest
from framing.run.outputs import write_csv, write_parquet
from framing.run.workers import dask_results, local_results
from framing.types import Article, LoadError

# write_csv and write_parquet moved to framing.run.outputs; they stay importable from here for
# framing.ml.predict, which imports them from framing.run.engine
__all__ = ["MANIFEST", "RunSummary", "run", "write_csv", "write_parquet"]

_BATCH = 32


@dataclass
class RunSummary:
    """What a run did: counts, time, and where the outputs are."""

    out_dir: str
    analysed: int = 0
    resumed: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped_duplicates: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    errors: list[dict[str, Any]] = field(default_factory=list)

    def line(self) -> str:
        rate = self.analysed / self.seconds if self.seconds else 0.0
        parts = [f"Analysed {self.analysed} articles in {self.seconds:.1f} s ({rate:.1f}/s, {self.engine}, {self.workers} worker{'s' if self.workers != 1 else ''})"]
        if self.resumed:
            parts.append(f"{self.resumed} already done in an earlier run")
        if self.duplicates:
            parts.append(f"{self.duplicates} flagged as duplicates" + (f", {self.skipped_duplicates} of them skipped" if self.skipped_duplicates else ""))
        parts.append(f"{self.failed} inputs failed")
        return "; ".join(parts) + "."


def run(
    paths: Sequence[str],
    out_dir: str | os.PathLike[str],
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    restart: bool = False,
    drop_duplicates: bool = False,
    load: LoadOptions | None = None,
    no_lexicons: bool = False,
    lexicon_dirs: Sequence[str] = (),
    gazetteers: Sequence[str] = (),
    no_actors: bool = False,
    no_sentiment: bool = False,
    sentiment_model: str = "default",
    progress: bool | None = None,
    batch_size: int = _BATCH,
    parquet: bool = True,
    dedupe_window: int = 50_000,
    models: Sequence[str] = (),
    spacy_model: str | None = None,
    report_follows: bool = False,
) -> RunSummary:
    """Analyse inputs into ``out_dir`` (see the module docstring); returns a :class:`RunSummary`.

    ``models`` are classifier files written by ``framing train`` (``FILE`` or ``NAME=FILE``);
    ``spacy_model`` an installed spaCy English pipeline by name or folder (default: the packaged one).
    ``report_follows``: the caller writes a report next; the manifest says ``"report": "pending"``
    until :func:`~framing.run.manifest.mark_report` records it written, so a run stopped while
    reporting is not taken for a finished one.
    """
    check_option("engine", engine, ("local", "dask"))
    if workers < 1:
        raise FramingError(f"workers must be at least 1; got {workers}")
    t0 = time.perf_counter()
    out = Path(out_dir)
    with folder_lock(out):  # one run per folder: a second one is refused, naming this one
        load = load or LoadOptions()
        settings: dict[str, Any] = {
            "load": asdict(load),
            "drop_duplicates": drop_duplicates,
            "no_lexicons": no_lexicons,
            "lexicon_dirs": [str(Path(d).resolve()) for d in lexicon_dirs],
            "gazetteers": [str(Path(g).resolve()) for g in gazetteers],
            "no_actors": no_actors,
            "no_sentiment": no_sentiment,
            "spacy_model": spacy_model,
        }
        if sentiment_model != "default":  # the key exists only then, so older runs still resume
            settings["sentiment_model"] = sentiment_model
        if models:
            settings["models"] = model_specs(models)  # loads each once here: an unsafe file stops the run before it starts
        items = list(discover(paths))
        versions = package_versions()
        manifest_path = out / MANIFEST
        inputs: list[dict[str, Any]] | None = None  # known before reading only when an earlier run had to be compared
        resumed_ids: set[str] = set()
        prior_errors = 0
        if manifest_path.exists() and not restart:
            inputs, resume = check_previous(manifest_path, items, settings)
            if resume:
                resumed_ids, prior_errors = read_done(out)
        if not resumed_ids:  # a fresh start (or --restart): nothing of an earlier run may stay
            _remove_outputs(out, earlier_run=manifest_path.exists())
        manifest = {
            "status": "running",
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "inputs": inputs if inputs is not None else stat_entries(items),
            "settings": settings,
            "versions": versions,
            "engine": engine,
            "workers": workers,
        }
        write_manifest(manifest_path, manifest)

        summary = RunSummary(out_dir=str(out), engine=engine, workers=workers, resumed=len(resumed_ids), failed=prior_errors)
        reading = Reading(items, load, digest=inputs is None)  # hashes each input as it loads it
        finder = DuplicateFinder(window=dedupe_window)
        names: dict[str, str] = {}
        earlier_errors = done_errors(out) if resumed_ids else set()

        def stream() -> Iterator[list[Article]]:
            batch: list[Article] = []
            for item in reading:
                if isinstance(item, LoadError):
                    if (item.path, item.record) not in earlier_errors:
                        # written as they come (to errors.jsonl, open while the stream is read), never
                        # held: a corpus of many broken files costs no memory
                        fe.write(json.dumps(item.to_dict(), ensure_ascii=False, allow_nan=False) + "\n")
                        summary.failed += 1
                    continue
                item = _reconcile(item, names)
                hit = finder.check(item.id, item.text)
                if hit:
                    item = replace(item, duplicate_of=hit[0], duplicate_similarity=round(hit[1], 3))
                    summary.duplicates += 1
                    if drop_duplicates:
                        summary.skipped_duplicates += 1
                        continue
                if item.id in resumed_ids:
                    continue
                batch.append(item)
                if len(batch) >= batch_size:
                    yield batch
                    batch = []
            if batch:
                yield batch

        bar = _Progress(reading, done=len(resumed_ids), enabled=progress)
        if engine == "dask":
            executor = dask_results(stream(), settings, workers, scheduler)
        else:
            executor = local_results(stream(), settings, workers)
        with open(out / "articles.jsonl", "a", encoding="utf-8") as fa, open(out / "errors.jsonl", "a", encoding="utf-8") as fe:
            for results in executor:
                for kind, line in results:
                    if kind == "ok":
                        fa.write(line + "\n")
                        summary.analysed += 1
                    else:
                        fe.write(line + "\n")
                        summary.failed += 1
                sync(fa)
                sync(fe)
                bar.update(len(results))
            sync(fe)
        bar.close()
        if parquet:
            write_parquet(out / "articles.jsonl", out / "articles.parquet")
        summary.seconds = time.perf_counter() - t0
        summary.errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").split("\n")[:50] if x.strip()]
        if report_follows:  # the caller writes the report next and marks it written (mark_report)
            manifest["report"] = "pending"
        manifest.update(
            status="complete",
            inputs=inputs if inputs is not None else input_entries(reading.inputs),
            finished=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            summary={k: v for k, v in asdict(summary).items() if k != "errors"},
        )
        write_manifest(manifest_path, manifest)
        return summary


def _remove_outputs(out: Path, *, earlier_run: bool) -> None:
    """Remove every output an earlier run (and its report or ``framing apply``) wrote in ``out``;
    without the ``manifest.json`` of an earlier run, only the two files a run appends to (a folder
    named ``tables`` in a folder that never held a run may be the user's own)."""
    for name in OUTPUTS if earlier_run else ("articles.jsonl", "errors.jsonl"):
        p = out / name
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p)
        else:
            p.unlink(missing_ok=True)


def _reconcile(article: Article, names: dict[str, str]) -> Article:
    """Online outlet-name reconciliation: the first human-written spelling of an outlet wins."""
    changed: dict[str, Any] = {}
    for fld in ("outlet", "syndicated_from", "republished_by"):
        name = getattr(article, fld)
        if not name:
            continue
        key = outlet_key(name)
        known = names.get(key)
        human = " " in name.strip() or any(c.isupper() for c in name[1:])
        if known is None or (human and not (" " in known or any(c.isupper() for c in known[1:]))):
            names[key] = name
            known = name
        if known != name:
            changed[fld] = known
    return replace(article, **changed) if changed else article


class _Progress:
    """The run's progress bar, in articles. Its total is the number of records the inputs hold,
    re-estimated as they are read (exact for one-article files, and for record files once read),
    less the articles an earlier run already analysed. ``enabled=None`` shows it on a terminal only."""

    def __init__(self, reading: Reading, *, done: int, enabled: bool | None) -> None:
        self._reading = reading
        self._done = done
        self._enabled = enabled
        self._bar: Any = None
        if enabled is not False and reading.estimated_records() is not None:
            self._start()

    def _total(self) -> int | None:
        total = self._reading.estimated_records()
        return None if total is None else max(total - self._done, 0)

    def _start(self) -> None:
        self._bar = tqdm(total=self._total(), desc="analysing", unit="article", disable=None if self._enabled is None else False, file=sys.stderr, smoothing=0.1)

    def update(self, n: int) -> None:
        if self._enabled is False:
            return
        if self._bar is None:
            self._start()
        else:
            total = self._total()
            if total is not None and total != self._bar.total:
                self._bar.total = max(total, self._bar.n + n)
        self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
