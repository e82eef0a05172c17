"""The analysis step of a run, and the executors that run it: in this process, in local worker
processes, or on a Dask cluster. Every executor yields the results of each batch in input order,
so every engine and worker count writes the same bytes.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from framing.actors.gazetteer import load_gazetteer
from framing.analysis.article import analyze_article, default_gazetteer, default_sentiment, fewer_collections
from framing.analysis.provenance import build_provenance
from framing.errors import MissingResourceError
from framing.markers.lexicons import load_default_lexicons
from framing.ml.predict import load_predictors, predict_text
from framing.run.pool import WorkerPool
from framing.text.parse import load_pipeline, parse_many
from framing.types import Article, LoadError

__all__ = ["RECYCLE_AFTER", "analyse_batch", "dask_results", "failure_line", "init_worker", "local_results", "release_memory", "unload"]

#: An invented text that touches every stage of the analysis (quote, speaker, actor, readability)
_WARM_UP = "“We will answer every question,” the minister said on Monday, after Canada and China met in Beijing."

#: Batches a forked worker analyses before a fresh fork replaces it. A worker's private memory
#: grows as it touches the pages it shares with the engine and as its heap fragments (measured: 36
#: MB after its first article, 115 MB after 64); a fresh fork starts again from nothing, for the
#: cost of one fork (milliseconds). At 4 batches of 32 the analysis phase of 1,700 articles with 2
#: workers peaked at 906 MB against 963 MB at 16, in the same time.
RECYCLE_AFTER = 4

#: What a worker process loaded once: lexicons, gazetteer, sentiment model, classifiers, and the
#: settings they were loaded for
_STATE: dict[str, Any] = {}


def init_worker(settings: dict[str, Any]) -> None:
    """Load lexicons, gazetteer, parser and models once per process (a forked worker finds them
    loaded by its parent and keeps them)."""
    if _STATE.get("key") == json.dumps(settings, sort_keys=True):
        return
    lex = None if settings["no_lexicons"] else load_default_lexicons(settings["lexicon_dirs"])
    if settings["no_actors"]:
        gz = None
    elif settings["gazetteers"]:
        gz = load_gazetteer(extra=settings["gazetteers"])
    else:
        gz = default_gazetteer()
    sent = None if (settings["no_actors"] or settings["no_sentiment"]) else default_sentiment(settings.get("sentiment_model", "default"))
    nlp = load_pipeline(settings.get("spacy_model"))
    provenance = build_provenance(lex, gz, sent, pipeline=settings.get("spacy_model"))
    predictors = []
    if settings.get("models"):  # the key exists only when models are given, so older runs still resume
        predictors = load_predictors(settings["models"])
        provenance = {**provenance, "classifiers": {**(provenance.get("classifiers") or {}), **{p.name: p.summary for p in predictors}}}
    _STATE.update(lexicons=lex, gazetteer=gz, sentiment=sent, provenance=provenance, predictors=predictors, nlp=nlp, key=json.dumps(settings, sort_keys=True))
    # one tiny article loads what the analysis loads on first use (the sentiment model and the
    # libraries that read it, syllable tables, compiled matchers): done here, before workers are
    # forked, it is loaded once and shared instead of once per worker
    analyze_article(Article(id="warm-up", text=_WARM_UP), lexicons=lex, gazetteer=gz, sentiment=sent, provenance=provenance, pipeline=nlp)
    _load_first_use_tables()
    release_memory(collect=True)  # what loading freed is not inherited by every fork


def _load_first_use_tables() -> None:
    """Load the tables that only some articles reach (the warm-up's words do not): word
    frequencies (wordfreq, about 27 MB as a dict), first names, hyphenation patterns. Loaded in
    a forked worker, each fork held its own copy (measured: 35 MB of a fresh worker's 101 MB of
    private memory after its first article)."""
    from wordfreq import zipf_frequency

    from framing.actors.first_names import name_table
    from framing.text.readability import syllables

    zipf_frequency("framing", "en")
    name_table()
    syllables.__wrapped__("xylophonist")  # a word outside the CMU dictionary: the hyphenation fallback


def unload() -> None:
    """Forget what :func:`init_worker` loaded and every memoised table of the package (the
    functions' ``cache_clear``), then give the memory back: the engine calls it between a large
    run and its report, where the parser and models it kept for forking workers are no longer
    needed (about 110 MB). Anything needed later is loaded again on first use."""
    _STATE.clear()
    for name, module in list(sys.modules.items()):
        if name == "framing" or name.startswith("framing."):
            for value in list(vars(module).values()):
                if callable(value) and hasattr(value, "cache_clear"):
                    value.cache_clear()
    gc.unfreeze()  # local_results froze the loaded objects before forking
    release_memory(collect=True)


def release_memory(*, collect: bool = False) -> None:
    """Give freed heap memory back to the system (glibc keeps the high-water mark of a long
    article's parse otherwise, and a worker's memory ratchets up over a corpus). ``collect``: run
    the garbage collector first (the engine does, between a run and its report, so what the run
    freed, its duplicate index and batches, is not still counted while the report is built)."""
    if collect:
        gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc (macOS, musl): nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def analyse_batch(batch: list[Article], settings: dict[str, Any]) -> list[tuple[str, str]]:
    """Analyse a batch; returns ``("ok", json line)`` or ``("error", json line)`` per article."""
    if _STATE.get("key") != json.dumps(settings, sort_keys=True):
        init_worker(settings)
    # parsed eight at a time (the parser is faster on batches) and each parse analysed as it comes,
    # so at most eight parses are held (a parse takes about 1.5 MB per 5,000 characters: 32 held
    # at once added 47 MB to each worker)
    docs: Iterator[Any] | None = parse_many((a.text for a in batch), pipeline=_STATE["nlp"], batch_size=8)
    out = []
    with fewer_collections():
        for article in batch:
            doc = None
            if docs is not None:
                try:
                    doc = next(docs)
                except Exception:  # noqa: BLE001 - a text the parser cannot take: the rest are parsed one at a time, to find it
                    docs = None
            out.append(_analyse_one(article, doc))
    release_memory()
    return out


def _analyse_one(article: Article, doc: Any) -> tuple[str, str]:
    """``("ok", json line)`` for one article (``doc``: its parse, or None to parse it now), or the
    ``("error", json line)`` saying why it failed."""
    try:
        r = analyze_article(
            article,
            lexicons=_STATE["lexicons"],
            gazetteer=_STATE["gazetteer"],
            sentiment=_STATE["sentiment"],
            provenance=_STATE["provenance"],
            doc=doc,
            pipeline=_STATE["nlp"],
        )
        if _STATE["predictors"]:
            r = replace(r, predictions={**r.predictions, **predict_text(_STATE["predictors"], article.text)})
        return ("ok", json.dumps(r.to_dict(), ensure_ascii=False))
    except Exception as exc:  # noqa: BLE001 - one article must never sink the run: report it, go on
        return failure_line(article, f"{type(exc).__name__}: {exc}")


def failure_line(article: Article, reason: str) -> tuple[str, str]:
    """The ``("error", json line)`` of an article whose analysis failed for ``reason``."""
    # a corpus file holds many articles: the id says which one failed
    which = f"article {article.id!r}: " if article.source_path and article.source_path != article.id else ""
    err = LoadError(article.source_path or article.id, f"analysis failed: {which}{reason}")
    return ("error", json.dumps(err.to_dict(), ensure_ascii=False))


def local_results(batches: Iterator[list[Article]], settings: dict[str, Any], workers: int) -> Iterator[list[tuple[str, str]]]:
    """Results of each batch, in order, from this process (``workers=1``) or a pool of processes."""
    if workers <= 1:
        for batch in batches:
            yield analyse_batch(batch, settings)
        return
    method = "spawn" if sys.platform == "darwin" else "fork"
    if method == "fork" and _STATE.get("key") != json.dumps(settings, sort_keys=True):
        # load the parser, lexicons and models once here: forked workers share their pages (the
        # model weights are arrays nobody writes to) instead of each loading its own copy
        init_worker(settings)
        # what is loaded now is never freed: out of the garbage collector's sight, its pages stay
        # shared with the workers instead of being copied when a collection touches them
        gc.freeze()
    # a forked worker is replaced after RECYCLE_AFTER batches (a fresh fork shares everything
    # loaded and owns nothing yet); a spawned one loads everything itself, so it is kept
    pool = WorkerPool(workers, analyse_batch, settings, failure=failure_line, method=method, max_tasks=RECYCLE_AFTER if method == "fork" else None)
    yield from pool.results(batches)


def dask_results(batches: Iterator[list[Article]], settings: dict[str, Any], workers: int, scheduler: str | None) -> Iterator[list[tuple[str, str]]]:
    """Results of each batch, in order, from a Dask cluster (``scheduler``, or a local cluster of
    ``workers`` processes)."""
    try:  # dask is an optional dependency (framing[dask]), imported only for this engine
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
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
            pending.append(client.submit(analyse_batch, batch, settings, pure=False))
            if len(pending) >= limit:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
