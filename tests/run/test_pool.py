"""The worker pool: a worker killed by the system does not hang the run or lose the other articles of
its batch; workers are recycled; results keep input order; a run stopped early leaves no process."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import sys
from typing import Any

import pytest

from framing.run import workers
from framing.run.pool import WorkerPool
from framing.types import Article

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "fork"), reason="the pool's forked workers need os.fork (Linux, macOS)")

SETTINGS: dict[str, Any] = {"no_lexicons": True, "no_actors": True, "gazetteers": [], "no_sentiment": True, "spacy_model": None, "lexicon_dirs": []}
TEXT = "Canada and China signed a trade deal on Monday, officials said."


def _pid_lines(batch: list[int], settings: dict[str, Any]) -> list[tuple[str, str]]:
    return [("ok", f"{os.getpid()}:{x}") for x in batch]


def _failed(item: Any, reason: str) -> tuple[str, str]:
    return ("error", f"{item}: {reason}")


@pytest.mark.timeout(120)  # the defect this guards against is a hang
def test_a_killed_worker_loses_only_the_article_that_killed_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = workers.analyze_article

    def deadly(article: Article, **kw: Any) -> Any:
        if article.id == "bomb":
            os.kill(os.getpid(), signal.SIGKILL)  # what the out-of-memory killer does
        return real(article, **kw)

    monkeypatch.setattr(workers, "analyze_article", deadly)  # forked workers inherit the patch
    ids = [f"a{i}" for i in range(9)]
    ids.insert(4, "bomb")
    batches = [[Article(id=i, text=TEXT, source_path="c.jsonl") for i in ids[k : k + 3]] for k in range(0, len(ids), 3)]
    out = [line for res in workers.local_results(iter(batches), SETTINGS, workers=2) for line in res]
    assert [kind for kind, _ in out] == ["ok"] * 4 + ["error"] + ["ok"] * 5
    assert [json.loads(line)["id"] for kind, line in out if kind == "ok"] == [i for i in ids if i != "bomb"]
    err = json.loads(out[4][1])
    assert err["path"] == "c.jsonl" and "article 'bomb'" in err["reason"] and "killed by SIGKILL" in err["reason"]
    # the articles that shared the dead worker's batch get the same result as in one process
    alone = workers.analyse_batch([Article(id="a3", text=TEXT, source_path="c.jsonl")], SETTINGS)
    assert out[3] == alone[0]


@pytest.mark.timeout(60)
def test_workers_are_recycled_and_results_keep_input_order() -> None:
    pool = WorkerPool(2, _pid_lines, {}, failure=_failed, max_tasks=1)
    batches = [[k * 10 + j for j in range(3)] for k in range(7)]
    out = list(pool.results(iter(batches)))
    assert [[int(line.split(":")[1]) for _, line in res] for res in out] == batches
    pids = {line.split(":")[0] for res in out for _, line in res}
    assert len(pids) == 7 and pool.started == 7  # one fresh worker per batch
    assert not mp.active_children()


@pytest.mark.timeout(60)
def test_reading_stays_at_most_two_batches_per_worker_ahead() -> None:
    read: list[int] = []

    def source() -> Any:
        for k in range(20):
            read.append(k)
            yield [k]

    results = WorkerPool(2, _pid_lines, {}, failure=_failed).results(source())
    next(results)
    assert len(read) <= 1 + 2 * 2
    results.close()  # a run stopped early: every worker is stopped
    assert not mp.active_children()
