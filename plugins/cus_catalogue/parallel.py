"""Long lists of pages rendered on every core: forked workers inherit the prepared context
(copy-on-write), render and write a share of the pages each, and send back what the parent
must keep; the parent renders one share meanwhile."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from pelican import signals

from .i18n import gettext as _
from .incremental.store import BuildCache, PageReads
from .site_settings import SiteSettings

T = TypeVar("T")


class Gathered(Protocol):
    """What pages add to as they render (a memo table, the output folder's pages): a worker
    reports its additions, the parent absorbs them."""

    def mark(self) -> Any: ...
    def added_since(self, mark: Any) -> Any: ...
    def absorb(self, added: Any) -> None: ...


class WorkerFailed(Exception):
    """A render worker stopped without saying why (killed, out of memory)."""


def render_workers(jobs: int, settings: SiteSettings) -> int:
    """How many processes render ``jobs`` pages: every core once the list is long enough,
    while no plugin listens to each written page (its receivers would run in the workers)."""
    if jobs < max(settings.parallel_pages_from, 2) or not hasattr(os, "fork"):
        return 1
    if signals.content_written.receivers:
        return 1
    return min(settings.render_processes or usable_cores(), jobs)


def usable_cores() -> int:
    """The cores this build may run on (its affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass
class ShareReport:
    """What a worker did that the parent must know: the files Pelican's writer wrote (its
    overwrite checks), the page cache's entries, reads and counts, the memo tables' additions."""

    written: set[str] = field(default_factory=set)
    cache_used: set[str] = field(default_factory=set)
    cache_reads: dict[str, PageReads | None] = field(default_factory=dict)
    cache_counts: tuple[int, int] = (0, 0)
    memos: list[Any] = field(default_factory=list)


class SharedState:
    """The parent's state pages change as they render: noted at the fork, reported by each
    worker, absorbed by the parent."""

    def __init__(self, writer: Any, cache: BuildCache | None, memos: list[Gathered]) -> None:
        self.cache, self.memos = cache, memos
        self.written: set[str] = getattr(writer, "_written_files", set())
        self.at_fork = self._now()

    def _now(self) -> tuple:
        cache = self.cache
        return (
            frozenset(self.written),
            [memo.mark() for memo in self.memos],
            (frozenset(cache.used), dict(cache.reads), cache.hits, cache.misses) if cache else (),
        )

    def report(self) -> ShareReport:
        """What this worker changed since the fork."""
        written, marks, cache_then = self.at_fork
        report = ShareReport(written=self.written - written)
        report.memos = [
            memo.added_since(mark) for memo, mark in zip(self.memos, marks, strict=True)
        ]
        if self.cache is not None:
            used, reads, hits, misses = cache_then
            now = self.cache.reads
            report.cache_used = self.cache.used - used
            report.cache_reads = {name: None for name in reads if name not in now}
            report.cache_reads |= {n: r for n, r in now.items() if reads.get(n) is not r}
            report.cache_counts = (self.cache.hits - hits, self.cache.misses - misses)
        return report

    def absorb(self, report: ShareReport) -> None:
        """Keep a worker's report as if its pages had been rendered here."""
        self.written |= report.written
        for memo, added in zip(self.memos, report.memos, strict=True):
            memo.absorb(added)
        if self.cache is not None:
            self.cache.used |= report.cache_used
            for name, read in report.cache_reads.items():
                if read is None:
                    self.cache.reads.pop(name, None)
                else:
                    self.cache.reads[name] = read
            self.cache.hits += report.cache_counts[0]
            self.cache.misses += report.cache_counts[1]


def shares(jobs: list[T], workers: int) -> list[list[T]]:
    """Jobs dealt out in turn (list pages cost more than record pages); the first share ends
    with the last job, so the parent, which renders it, ends where a serial run ends."""
    return [jobs[::-1][index::workers][::-1] for index in range(workers)]


def render_in_parallel(
    jobs: list[T],
    workers: int,
    render: Callable[[T], None],
    state: SharedState,
    track: Callable[[list[T]], Iterable[T]] = iter,
) -> None:
    """Every share but the first in a forked worker, the first here meanwhile; then each
    worker's report is kept. A worker's error is raised here, as rendering here raises it."""
    first, *others = shares(jobs, workers)
    gc.freeze()  # the collector in a worker leaves the inherited objects' pages shared
    try:
        children = [_fork(share, render, state) for share in others]
    finally:
        gc.unfreeze()
    try:
        for job in track(first):
            render(job)
    finally:
        failure = _collect(children, state)
    if failure is not None:
        raise failure


def _collect(children: list[tuple[int, int]], state: SharedState) -> BaseException | None:
    """Wait for every worker (none is left running); the first failure, if any."""
    failure: BaseException | None = None
    for read_end, pid in children:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        outcome = pickle.loads(payload) if payload else None
        if isinstance(outcome, ShareReport):
            state.absorb(outcome)
            continue
        if outcome is None:
            message = _("A process rendering pages stopped unexpectedly (status {status}).")
            outcome = WorkerFailed(message.format(status=status))
        failure = failure or outcome
    return failure


def _fork(share: list[T], render: Callable[[T], None], state: SharedState) -> tuple[int, int]:
    """Start a worker rendering ``share``: its pipe's read end and its process id."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return read_end, pid
    os.close(read_end)
    try:
        outcome: ShareReport | BaseException
        try:
            for job in share:
                render(job)
            outcome = state.report()
        except BaseException as error:  # the parent raises it, as a serial render would
            outcome = _picklable(error)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(0)  # never back into Pelican: the parent goes on with the build


def _picklable(error: BaseException) -> BaseException:
    """The error itself when it survives the pipe, else one with the same message."""
    try:
        return pickle.loads(pickle.dumps(error))
    except Exception:  # an exception class whose arguments do not round-trip
        return RuntimeError(str(error))
