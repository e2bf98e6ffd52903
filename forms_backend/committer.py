"""Group commit: one thread writes concurrent submissions in shared fsynced transactions."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable

from forms_backend import store
from forms_backend.config import Config
from forms_backend.database import Database

MAX_BATCH = 256
_STOP = object()


class Committer:
    """Owns the outbox's write connection so the event loop never waits on fsync."""

    def __init__(self, config: Config, on_commit: Callable[[], None] | None = None) -> None:
        self._config = config
        self.on_commit = on_commit
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _ensure_started(self) -> None:
        """Start the writer thread on first use (also under serverless adapters)."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                conn = store.connect(self._config)
                self._thread = threading.Thread(
                    target=self._run, args=(conn,), name="forms-committer", daemon=True
                )
                self._thread.start()

    async def submit(self, item: store.NewSubmission) -> store.Result:
        """Return what the outbox did, once the submission is durably committed."""
        self._ensure_started()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[store.Result] = loop.create_future()
        self._queue.put((item, future, loop))
        return await future

    def close(self) -> None:
        """Finish the queued work and stop the thread."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(timeout=30)

    def _run(self, conn: Database) -> None:
        """Take everything queued, commit it at once, then answer every waiting request."""
        try:
            while True:
                first = self._queue.get()
                if first is _STOP:
                    return
                batch = [first]
                while len(batch) < MAX_BATCH:
                    try:
                        entry = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if entry is _STOP:
                        self._queue.put(_STOP)
                        break
                    batch.append(entry)
                self._commit(conn, batch)
        finally:
            conn.close()

    def _commit(self, conn: Database, batch: list) -> None:
        """Write one batch and resolve its futures with a result or the error."""
        try:
            results = store.insert_many(conn, [entry[0] for entry in batch], self._config.channels)
        except Exception as error:  # every waiting request must hear about it
            for _item, future, loop in batch:
                loop.call_soon_threadsafe(_settle, future, None, error)
            return
        for (_item, future, loop), result in zip(batch, results, strict=True):
            loop.call_soon_threadsafe(_settle, future, result, None)
        if self.on_commit is not None:
            self.on_commit()


def _settle(future: asyncio.Future, result: object, error: BaseException | None) -> None:
    """Resolve a future unless its request was cancelled meanwhile."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
