"""What the webmaster sees while a long build runs: a bar on a terminal, plain lines elsewhere.

Nothing is shown for the first seconds, so small builds (and tests) stay quiet.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

from .i18n import gettext as _

T = TypeVar("T")
QUIET_SECONDS = 3.0
LINE_EVERY_SECONDS = 5.0


class Progress:
    """Reports steps of one build; ``track`` wraps the long loops."""

    def __init__(self, stream: IO[str] | None = None, interactive: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.started = time.monotonic()

    def elapsed(self) -> float:
        """Seconds since the build started."""
        return time.monotonic() - self.started

    def track(self, items: Iterable[T], label: str, total: int) -> Iterator[T]:
        """Yield ``items``, showing ``label: done of total`` once the build runs long."""
        if total < 2:
            yield from items
            return
        if self.interactive:
            yield from self._bar(items, label, total)
            return
        last = time.monotonic()
        for done, item in enumerate(items, start=1):
            yield item
            now = time.monotonic()
            if now - last >= LINE_EVERY_SECONDS and self.elapsed() >= QUIET_SECONDS:
                last = now
                self.line(
                    _("{label}: {done} of {total}").format(label=label, done=done, total=total)
                )

    def _bar(self, items: Iterable[T], label: str, total: int) -> Iterator[T]:
        """A rich progress bar that appears only when the step is slow, and then disappears."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        bar = Bar(
            *columns, TimeRemainingColumn(), console=Console(file=self.stream), transient=True
        )
        task = None
        try:
            for done, item in enumerate(items, start=1):
                yield item
                if task is None and self.elapsed() >= QUIET_SECONDS:
                    bar.start()
                    task = bar.add_task(label, total=total)
                if task is not None:
                    bar.update(task, completed=done)
        finally:
            bar.stop()

    @contextlib.contextmanager
    def step(self, label: str) -> Iterator[None]:
        """A step without a count: said when it starts, once the build runs long."""
        if self.elapsed() >= QUIET_SECONDS:
            self.line(_("{label}…").format(label=label))
        yield

    def line(self, message: str) -> None:
        """One plain line on the progress stream."""
        print(message, file=self.stream, flush=True)
