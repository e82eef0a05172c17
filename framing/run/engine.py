"""Run the analysis over many articles: streaming, parallel, distributed, resumable.

``run(paths, out_dir, ...)`` is what ``framing analyze`` calls. It

* **streams** the inputs: articles are read, cleaned, checked for duplicates and analysed one
  batch at a time, and each result is written to ``articles.jsonl`` as soon as it is ready, so
  memory stays bounded whatever the corpus size;
* runs the analysis in **local worker processes** (``workers=N``) or on a **Dask** cluster
  (``engine="dask"``, a scheduler address or a local cluster); the articles are read and
  duplicate-checked in the main process and results are written in input order, so every engine
  and worker count gives byte-identical ``articles.jsonl``;
* is **resumable**: ``manifest.json`` records the inputs (size and SHA-256), the settings and the
  package versions; a run that was killed keeps every finished article (complete lines are
  flushed and fsynced per batch) and, restarted with the same command, continues where it
  stopped; a run with different inputs or settings in the same folder is refused unless
  ``restart=True``;
* writes ``articles.parquet/`` (partitioned Parquet, one row per article with metadata, counts,
  marker rates and readability) from ``articles.jsonl`` at the end, and ``errors.jsonl``;
* applies trained classifiers (``models=["frames.skops"]``, :mod:`framing.ml.predict`) to every
  article: each is loaded once per worker process, and its prediction goes into the record's
  ``predictions`` (its card summary into ``provenance.classifiers``). Models are part of the
  settings, so a resumed run uses the same model files (checked by SHA-256).

Duplicate flags in a streaming run go to the later of two copies in input order (an earlier
republication cannot be re-labelled once written); outlet spellings are reconciled when the
report is built.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from framing.errors import FramingError, check_option
from framing.inputs.corpus import DuplicateFinder
from framing.inputs.discovery import discover
from framing.inputs.loader import iter_load
from framing.inputs.options import LoadOptions
from framing.inputs.outlets import outlet_key
from framing.resources import package_versions
from framing.types import Article, ArticleResult, LoadError

__all__ = ["RunSummary", "run", "write_parquet"]

MANIFEST = "manifest.json"
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


# ---------------------------------------------------------------------------------------------
# The analysis step, run in the main process or in workers

_STATE: dict[str, Any] = {}


def _init_worker(settings: dict[str, Any]) -> None:
    """Load lexicons, gazetteer and model once per process."""
    from framing.actors.gazetteer import load_gazetteer
    from framing.analysis.article import default_gazetteer, default_sentiment
    from framing.analysis.provenance import build_provenance
    from framing.markers.lexicons import load_default_lexicons

    lex = None if settings["no_lexicons"] else load_default_lexicons(settings["lexicon_dirs"])
    if settings["no_actors"]:
        gz = None
    elif settings["gazetteers"]:
        gz = load_gazetteer(extra=settings["gazetteers"])
    else:
        gz = default_gazetteer()
    sent = None if (settings["no_actors"] or settings["no_sentiment"]) else default_sentiment()
    provenance = build_provenance(lex, gz, sent)
    predictors = []
    if settings.get("models"):  # the key exists only when models are given, so older runs still resume
        from framing.ml.predict import load_predictors

        predictors = load_predictors(settings["models"])
        provenance = {**provenance, "classifiers": {p.name: p.summary for p in predictors}}
    _STATE.update(lexicons=lex, gazetteer=gz, sentiment=sent, provenance=provenance, predictors=predictors, key=json.dumps(settings, sort_keys=True))


def _analyse_batch(batch: list[Article], settings: dict[str, Any]) -> list[tuple[str, str]]:
    """Analyse a batch; returns ``("ok", json line)`` or ``("error", json line)`` per article."""
    from framing.analysis.article import analyze_article

    if _STATE.get("key") != json.dumps(settings, sort_keys=True):
        _init_worker(settings)
    out = []
    for article in batch:
        try:
            r = analyze_article(
                article,
                lexicons=_STATE["lexicons"],
                gazetteer=_STATE["gazetteer"],
                sentiment=_STATE["sentiment"],
                provenance=_STATE["provenance"],
            )
            if _STATE["predictors"]:
                from framing.ml.predict import predict_text

                r = replace(r, predictions=predict_text(_STATE["predictors"], article.text))
            out.append(("ok", json.dumps(r.to_dict(), ensure_ascii=False)))
        except Exception as exc:  # one article must never sink the run: report it, go on
            err = LoadError(article.source_path or article.id, f"analysis failed: {type(exc).__name__}: {exc}")
            out.append(("error", json.dumps(err.to_dict(), ensure_ascii=False)))
    return out


# ---------------------------------------------------------------------------------------------
# Inputs, manifest, resume


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _inputs(paths: Sequence[str]) -> list[dict[str, Any]]:
    out = []
    for item in discover(paths):
        if isinstance(item, LoadError):
            out.append({"path": item.path, "missing": True})
        else:
            st = item.stat()
            out.append({"path": str(item), "size": st.st_size, "sha256": _sha256(item)})
    return out


def _count_records(inputs: list[dict[str, Any]]) -> int | None:
    """A quick count of the records to analyse (for the progress bar's ETA)."""
    import gzip

    total = 0
    for inp in inputs:
        if inp.get("missing"):
            continue
        p = Path(inp["path"])
        name = p.name.lower().removesuffix(".gz")
        if name.endswith((".jsonl", ".ndjson", ".csv", ".tsv")):
            opener = gzip.open if p.name.lower().endswith(".gz") else open
            try:
                with opener(p, "rb") as fh:
                    n = sum(buf.count(b"\n") for buf in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                n = 1
            total += max(n - (1 if name.endswith((".csv", ".tsv")) else 0), 0)
        else:
            total += 1
    return total


def _read_done(out: Path) -> tuple[set[str], int]:
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
        n_err = sum(1 for line in epath.read_text(encoding="utf-8").splitlines() if line.strip())
    return done, n_err


def _truncate_partial_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(path, "r+b") as fh:
            fh.truncate(cut)


def _fsync(fh: Any) -> None:
    fh.flush()
    try:
        os.fsync(fh.fileno())
    except OSError:  # pragma: no cover - e.g. some network filesystems
        pass


# ---------------------------------------------------------------------------------------------
# Executors: all yield batches of results in input order


def _local_results(batches: Iterator[list[Article]], settings: dict[str, Any], workers: int) -> Iterator[list[tuple[str, str]]]:
    if workers <= 1:
        for batch in batches:
            yield _analyse_batch(batch, settings)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn" if sys.platform == "darwin" else "fork")
    from collections import deque

    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        # results come back in input order; at most two batches per worker are in flight, so
        # the reader never runs ahead of the analysis (Pool.imap would read the whole corpus)
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(pool.apply_async(_analyse_batch, (batch, settings)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _dask_results(batches: Iterator[list[Article]], settings: dict[str, Any], workers: int, scheduler: str | None) -> Iterator[list[tuple[str, str]]]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        from framing.errors import MissingResourceError

        raise MissingResourceError("engine='dask' needs dask.distributed: pip install 'framing[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        pending: list[Any] = []
        limit = max(2, 2 * max(workers, 1))
        for batch in batches:
            pending.append(client.submit(_analyse_batch, batch, settings, pure=False))
            if len(pending) >= limit:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------------------------------------
# The run


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
    progress: bool | None = None,
    batch_size: int = _BATCH,
    parquet: bool = True,
    dedupe_window: int = 50_000,
    models: Sequence[str] = (),
) -> RunSummary:
    """Analyse inputs into ``out_dir`` (see the module docstring); returns a :class:`RunSummary`.

    ``models`` are classifier files written by ``framing train`` (``FILE`` or ``NAME=FILE``).
    """
    check_option("engine", engine, ("local", "dask"))
    if workers < 1:
        raise FramingError(f"workers must be at least 1; got {workers}")
    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    load = load or LoadOptions()
    settings = {
        "load": asdict(load),
        "drop_duplicates": drop_duplicates,
        "no_lexicons": no_lexicons,
        "lexicon_dirs": [str(Path(d).resolve()) for d in lexicon_dirs],
        "gazetteers": [str(Path(g).resolve()) for g in gazetteers],
        "no_actors": no_actors,
        "no_sentiment": no_sentiment,
    }
    if models:
        from framing.ml.predict import model_specs

        settings["models"] = model_specs(models)  # loads each once here: an unsafe file stops the run before it starts
    inputs = _inputs(paths)
    versions = package_versions()
    manifest_path = out / MANIFEST
    resumed_ids: set[str] = set()
    prior_errors = 0
    if manifest_path.exists() and not restart:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
        if old.get("status") == "complete" and old.get("inputs") == inputs and old.get("settings") == settings:
            pass  # the same run again: recompute from scratch below, cheaply overwriting
        elif old.get("inputs") != inputs or old.get("settings") != settings:
            what = [k for k in ("inputs", "settings") if old.get(k) != {"inputs": inputs, "settings": settings}[k]]
            raise FramingError(
                f"{out} holds a run with different {' and '.join(what)}; use another --out folder, "
                "or --restart to discard it"
            )
        else:
            resumed_ids, prior_errors = _read_done(out)
    if not resumed_ids:
        for name in ("articles.jsonl", "errors.jsonl"):
            (out / name).unlink(missing_ok=True)
    manifest = {
        "status": "running",
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "inputs": inputs,
        "settings": settings,
        "versions": versions,
        "engine": engine,
        "workers": workers,
    }
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")

    summary = RunSummary(out_dir=str(out), engine=engine, workers=workers, resumed=len(resumed_ids), failed=prior_errors)
    finder = DuplicateFinder(window=dedupe_window)
    names: dict[str, str] = {}
    error_lines: list[str] = []

    def stream() -> Iterator[list[Article]]:
        batch: list[Article] = []
        for item in iter_load(paths, **_load_kwargs(load)):
            if isinstance(item, LoadError):
                if not resumed_ids or not _error_done(item):
                    error_lines.append(json.dumps(item.to_dict(), ensure_ascii=False))
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

    done_errors: set[tuple[str, Any]] = set()
    if resumed_ids and (out / "errors.jsonl").exists():
        for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                e = json.loads(line)
                done_errors.add((e.get("path"), e.get("record")))

    def _error_done(e: LoadError) -> bool:
        return (e.path, e.record) in done_errors

    total = _count_records(inputs)
    bar = _bar(total - len(resumed_ids) if total is not None else None, progress)
    executor = _dask_results(stream(), settings, workers, scheduler) if engine == "dask" else _local_results(stream(), settings, workers)
    with open(out / "articles.jsonl", "a", encoding="utf-8") as fa, open(out / "errors.jsonl", "a", encoding="utf-8") as fe:
        for results in executor:
            for kind, line in results:
                if kind == "ok":
                    fa.write(line + "\n")
                    summary.analysed += 1
                else:
                    fe.write(line + "\n")
                    summary.failed += 1
            while error_lines:
                fe.write(error_lines.pop(0) + "\n")
                summary.failed += 1
            _fsync(fa)
            _fsync(fe)
            if bar is not None:
                bar.update(len(results))
        while error_lines:  # load errors after the last batch
            fe.write(error_lines.pop(0) + "\n")
            summary.failed += 1
        _fsync(fe)
    if bar is not None:
        bar.close()
    if parquet:
        write_parquet(out / "articles.jsonl", out / "articles.parquet")
    summary.seconds = time.perf_counter() - t0
    summary.errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()[:50] if x.strip()]
    manifest.update(status="complete", finished=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), summary={k: v for k, v in asdict(summary).items() if k != "errors"})
    manifest_path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return summary


def _load_kwargs(load: LoadOptions) -> dict[str, Any]:
    return {"outlet": load.outlet, "published": load.published, "text_col": load.text_col, "max_article_mb": load.max_article_mb, "clean": load.clean}


def _reconcile(article: Article, names: dict[str, str]) -> Article:
    """Online outlet-name reconciliation: the first human-written spelling of an outlet wins."""
    changed = {}
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


def _bar(total: int | None, progress: bool | None):  # type: ignore[no-untyped-def]
    if progress is False:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="analysing", unit="article", disable=None if progress is None else False, file=sys.stderr, smoothing=0.1)


def _flat_rows(lines: Iterable[str], text_columns: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """Flat rows of articles.jsonl; the names of text-valued prediction columns go to ``text_columns``."""
    from framing.analysis.predictions import label_columns
    from framing.analysis.results import to_row

    for line in lines:
        if line.strip():
            record = json.loads(line)
            record.pop("matches", None)  # the flat table has no use for the evidence spans
            result = ArticleResult.from_dict(record)
            row = to_row(result)
            row["n_actors"] = len(result.actors)
            if text_columns is not None and result.predictions:
                text_columns.update(label_columns(result.predictions))
            yield row


def write_csv(jsonl: Path, path: Path, *, keys: Sequence[str] = ()) -> list[tuple[Any, ...]]:
    """The flat article table of ``articles.jsonl`` as CSV (the columns of ``Results.to_frame``),
    streaming: one pass collects the columns, a second writes the rows, so memory does not grow
    with the corpus. Returns, for every record in order, the values of ``keys`` (for example
    ``("id", "outlet")``), which callers use to pick a sample without reading the file again."""
    import csv

    columns: dict[str, None] = {}
    picked: list[tuple[Any, ...]] = []
    with open(jsonl, encoding="utf-8") as fh:
        for row in _flat_rows(fh):
            row.pop("n_actors", None)
            columns.update(dict.fromkeys(row))
            picked.append(tuple(row.get(k) for k in keys))
    tmp = path.with_name(path.name + ".tmp")
    with open(jsonl, encoding="utf-8") as fh, open(tmp, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in _flat_rows(fh):
            writer.writerow(row)
    os.replace(tmp, path)
    return picked


def record_keys(jsonl: Path, keys: Sequence[str]) -> list[tuple[Any, ...]]:
    """The values of ``keys`` (columns of the flat table, such as ``("id", "outlet")``) for every
    record of ``articles.jsonl``, in order, reading one record at a time."""
    with open(jsonl, encoding="utf-8") as fh:
        return [tuple(row.get(k) for k in keys) for row in _flat_rows(fh)]


def stratified_sample(keys: Sequence[tuple[Any, Any]], size: int, *, min_per_group: int = 3) -> set[int]:
    """Indices of a deterministic sample of about ``size`` records, stratified by group.

    ``keys`` are ``(id, group)`` per record. Every group first gets ``min_per_group`` records (all
    of a smaller group; fewer when there are so many groups that the minimums would fill more than
    half the sample), then the rest of the sample is shared in proportion to group sizes. Within a
    group, records are taken in the order of a hash of their id, so the sample does not depend on
    the order of the input.
    """
    import hashlib

    by_group: dict[Any, list[int]] = {}
    for i, (_, group) in enumerate(keys):
        by_group.setdefault(group, []).append(i)
    base = max(1, min(min_per_group, size // (2 * max(len(by_group), 1))))
    floor = {g: min(len(m), base) for g, m in by_group.items()}
    rest = max(0, size - sum(floor.values()))
    spare = sum(len(m) - floor[g] for g, m in by_group.items())
    # the rest in proportion, by largest remainders, so the total is exact
    share = {g: min(rest, spare) * (len(m) - floor[g]) / spare if spare else 0.0 for g, m in by_group.items()}
    extra = {g: int(v) for g, v in share.items()}
    left = min(rest, spare) - sum(extra.values())
    for g in sorted(share, key=lambda g: (-(share[g] - extra[g]), str(g)))[:left]:
        extra[g] += 1
    chosen: set[int] = set()
    for g, members in by_group.items():
        quota = min(len(members), floor[g] + extra[g])
        members = sorted(members, key=lambda i: hashlib.sha1(str(keys[i][0]).encode()).hexdigest())
        chosen.update(members[:quota])
    return chosen


_STRING_COLUMNS = frozenset(
    {"id", "source_path", "outlet", "title", "published", "syndicated_from", "republished_by", "url", "author", "duplicate_of"}
)


def write_parquet(jsonl: Path, folder: Path, *, rows_per_part: int = 5000) -> Path | None:
    """Partitioned Parquet (``part-00000.parquet`` ...) of the flat article table, streaming."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # Parquet is optional: JSONL stays the reference output
        return None
    import shutil

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    part = 0
    buf: list[dict[str, Any]] = []
    columns: list[str] | None = None

    schema = None
    text_columns: set[str] = set(_STRING_COLUMNS)  # predicted labels (pred_<model>) are added as rows are read

    def flush() -> None:
        nonlocal part, columns, buf, schema
        if not buf:
            return
        if columns is None:
            columns = list(dict.fromkeys(k for row in buf for k in row))
            schema = pa.schema([(c, pa.string() if c in text_columns else pa.float64()) for c in columns])
        rows = []
        for row in buf:
            rows.append({c: (row.get(c) if c in text_columns or row.get(c) is None else float(row[c])) for c in columns})
        table = pa.Table.from_pylist(rows, schema=schema)
        tmp = folder / f".part-{part:05d}.parquet.tmp"
        pq.write_table(table, tmp)
        tmp.rename(folder / f"part-{part:05d}.parquet")
        part += 1
        buf = []

    with open(jsonl, encoding="utf-8") as fh:
        for row in _flat_rows(fh, text_columns):
            buf.append(row)
            if len(buf) >= rows_per_part:
                flush()
    flush()
    return folder
