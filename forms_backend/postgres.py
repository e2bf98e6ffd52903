"""The outbox on PostgreSQL (psycopg 3): several app instances and workers share one database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from forms_backend.database import Cursor, OutboxError

# Taken by whoever migrates the schema, so instances starting together migrate one at a time.
SCHEMA_LOCK = 0x666F726D73  # "forms"


class PostgresDatabase:
    """A connection that reconnects after the server restarted or the network dropped it."""

    dialect = "postgresql"
    skip_locked = " FOR UPDATE SKIP LOCKED"

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: psycopg.Connection | None = None
        self._live()

    def _live(self) -> psycopg.Connection:
        """The open connection, or a new one when the last one broke."""
        if self._conn is None or self._conn.closed or self._conn.broken:
            try:
                self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            except psycopg.Error as error:
                raise OutboxError(str(error)) from error
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement (``?`` placeholders become psycopg's ``%s``)."""
        try:
            return self._live().execute(sql.replace("?", "%s"), params or None)
        except psycopg.Error as error:
            raise OutboxError(str(error)) from error

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row, pipelined."""
        try:
            with self._live().cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), rows)
        except psycopg.Error as error:
            raise OutboxError(str(error)) from error

    @contextmanager
    def transaction(self) -> Iterator[PostgresDatabase]:
        """One transaction; begun on a fresh connection if the idle one died meanwhile."""
        conn = self._live()
        try:
            conn.execute("BEGIN")
        except psycopg.OperationalError:  # nothing was done yet: safe to reconnect once
            conn = self._live()
            self.execute("BEGIN")
        try:
            yield self
            self.execute("COMMIT")
        except BaseException:
            if not conn.broken and conn.info.transaction_status != TransactionStatus.IDLE:
                conn.execute("ROLLBACK")
            raise

    def lock_schema(self) -> None:
        """Wait for any other instance migrating the schema, until this transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))

    def close(self) -> None:
        """Close the connection."""
        if self._conn is not None:
            self._conn.close()
