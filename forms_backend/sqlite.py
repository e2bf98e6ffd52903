"""The embedded outbox: one SQLite file in WAL mode, fsynced before a submission is acknowledged."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from forms_backend.database import Cursor, OutboxError


class SqliteDatabase:
    """A SQLite connection whose write transactions queue instead of failing."""

    dialect = "sqlite"
    skip_locked = ""  # a write transaction holds the whole file: nobody else leases meanwhile

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")  # acknowledgements rely on it
            conn.execute("PRAGMA busy_timeout=30000")
            # Deleted rows are overwritten, so a purged submission leaves no trace in the file.
            conn.execute("PRAGMA secure_delete=ON")
        except (sqlite3.Error, OSError) as error:
            raise OutboxError(str(error)) from error
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as error:
            raise OutboxError(str(error)) from error

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row."""
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as error:
            raise OutboxError(str(error)) from error

    @contextmanager
    def transaction(self) -> Iterator[SqliteDatabase]:
        """One write transaction, taken eagerly so concurrent writers queue instead of failing."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield self
            self.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.rollback()
            raise

    def lock_schema(self) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` already keeps other writers out."""

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
