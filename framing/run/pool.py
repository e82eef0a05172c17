"""A small pool of worker processes for the analysis, with the three things ``multiprocessing.Pool``
does not give together:

* **a killed worker does not hang the run.** When the system kills a worker (out of memory, a
  signal), ``Pool`` starts a new one and waits forever for the batch it held. Here the batch is
  analysed again one article at a time in fresh workers, so the articles that did not cause the
  death are kept; an article that kills its worker on its own is reported as failed, with the
  signal, and the run goes on.
* **workers are recycled** after a number of batches: a fresh worker forked from the engine
  starts with every loaded model shared with the engine and no private memory, so memory that a
  long-lived worker would gather (pages of shared objects copied as they are touched, a
  fragmented heap) never adds up over a large corpus.
* **results come back in input order, with bounded read-ahead**: at most two batches per worker
  are read before their results are written.

Forked workers (Linux) share the engine's loaded pipeline and models; spawned workers (macOS)
load their own once and are not recycled (loading costs seconds).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["KILLED", "WorkerPool"]

#: What the results say about an article whose worker process died while analysing it alone
KILLED = "the worker process analysing it died ({how}); the system may have run out of memory"

#: A task: (batch number, article number within the batch or None for the whole batch)
_Key = tuple[int, int | None]
Analyse = Callable[[list[Any], dict[str, Any]], list[tuple[str, str]]]
Failure = Callable[[Any, str], tuple[str, str]]


def _serve(conn: Connection, analyse: Analyse, settings: dict[str, Any], max_tasks: int | None, inherited: list[Connection]) -> None:
    """A worker: analyse the batches sent on ``conn`` until told to stop, the engine goes away, or
    ``max_tasks`` batches are done."""
    for other in inherited:  # the engine's ends of the other workers' pipes: they must close with the engine
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the engine's to handle: it stops the workers
    done = 0
    while max_tasks is None or done < max_tasks:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        conn.send(analyse(msg, settings))
        done += 1


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    task: tuple[_Key, list[Any]] | None = None
    done: int = 0


@dataclass
class _Batch:
    """The results of one input batch, gathered article by article when it had to be split."""

    size: int
    parts: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    whole: list[tuple[str, str]] | None = None

    def result(self) -> list[tuple[str, str]] | None:
        if self.whole is not None:
            return self.whole
        if len(self.parts) == self.size:
            return [line for k in range(self.size) for line in self.parts[k]]
        return None


class WorkerPool:
    """``workers`` processes running ``analyse(batch, settings)``; :meth:`results` yields each
    batch's result in input order. ``failure(article, reason)`` makes the error line of an article
    whose worker died; ``max_tasks`` batches per worker before it is replaced (None: never)."""

    def __init__(self, workers: int, analyse: Analyse, settings: dict[str, Any], *, failure: Failure, method: str = "fork", max_tasks: int | None = None) -> None:
        self._n = max(1, workers)
        self._analyse = analyse
        self._settings = settings
        self._failure = failure
        self._ctx: Any = mp.get_context(method)
        self._max_tasks = max_tasks
        self._slots: list[_Slot] = []
        #: how many worker processes were started (for tests and the curious)
        self.started = 0

    def _start(self) -> _Slot:
        parent, child = self._ctx.Pipe()
        inherited = [s.conn for s in self._slots] if self._ctx.get_start_method() == "fork" else []
        proc = self._ctx.Process(target=_serve, args=(child, self._analyse, self._settings, self._max_tasks, inherited), daemon=True)
        proc.start()
        child.close()
        self.started += 1
        return _Slot(proc, parent)

    def _ready_slot(self, i: int) -> _Slot:
        """Worker ``i``, started, or replaced when it retired (``max_tasks``) or died while idle."""
        if i == len(self._slots):
            self._slots.append(self._start())
        slot = self._slots[i]
        retired = self._max_tasks is not None and slot.done >= self._max_tasks
        if retired or not slot.proc.is_alive():
            slot.proc.join()
            slot.conn.close()
            slot = self._slots[i] = self._start()
        return slot

    def results(self, batches: Iterator[list[Any]]) -> Iterator[list[tuple[str, str]]]:
        todo: deque[tuple[_Key, list[Any]]] = deque()  # batches read, and articles to try again
        gathered: dict[int, _Batch] = {}
        read = next_out = 0
        exhausted = False
        try:
            while True:
                for i in range(self._n):  # hand out work to idle workers
                    if i < len(self._slots) and self._slots[i].task is not None:
                        continue
                    # read ahead at most two batches per worker beyond the last one written
                    if not todo and not exhausted and read - next_out < 2 * self._n:
                        batch = next(batches, None)
                        if batch is None:
                            exhausted = True
                        else:
                            gathered[read] = _Batch(len(batch))
                            todo.append(((read, None), batch))
                            read += 1
                    if not todo:
                        break
                    slot = self._ready_slot(i)
                    slot.task = todo.popleft()
                    with contextlib.suppress(OSError):  # died meanwhile: its sentinel says so below
                        slot.conn.send(slot.task[1])
                busy = [s for s in self._slots if s.task is not None]
                if not busy:
                    return  # nothing in flight and nothing left to send: every batch was yielded
                ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy]))
                for slot in busy:
                    if slot.conn in ready or slot.proc.sentinel in ready:
                        self._collect(slot, gathered, todo)
                while next_out in gathered and (res := gathered[next_out].result()) is not None:
                    del gathered[next_out]
                    next_out += 1
                    yield res
        finally:
            self.close()

    def _collect(self, slot: _Slot, gathered: dict[int, _Batch], todo: deque[tuple[_Key, list[Any]]]) -> None:
        """Take a worker's result, or deal with its death: a batch is split into single articles
        to try again, a single article that killed its worker is reported as failed."""
        assert slot.task is not None
        (index, part), batch = slot.task
        try:
            if slot.conn.poll():
                lines = slot.conn.recv()  # the result of the task this worker holds
                slot.task = None
                slot.done += 1
                if part is None:
                    gathered[index].whole = lines
                else:
                    gathered[index].parts[part] = lines
                return
        except (EOFError, OSError):  # the pipe closed: the worker is gone or going
            slot.proc.join(timeout=10)
        if slot.proc.is_alive():
            return
        how = _death(slot.proc.exitcode)
        slot.task = None
        if part is None and len(batch) > 1:
            # which article killed it is unknown: each is tried again on its own, in order
            todo.extendleft(reversed([((index, k), [article]) for k, article in enumerate(batch)]))
        elif part is None:
            gathered[index].whole = [self._failure(batch[0], KILLED.format(how=how))]
        else:
            gathered[index].parts[part] = [self._failure(batch[0], KILLED.format(how=how))]

    def close(self) -> None:
        """Stop every worker: idle ones are asked to stop, busy ones (a run stopped early) are
        terminated."""
        for slot in self._slots:
            with contextlib.suppress(OSError, ValueError):
                if slot.task is None and slot.proc.is_alive():
                    slot.conn.send(None)
                else:
                    slot.proc.terminate()
            slot.conn.close()
        for slot in self._slots:
            slot.proc.join(timeout=10)
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join()
        self._slots = []


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-exitcode).name}"
        return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"
