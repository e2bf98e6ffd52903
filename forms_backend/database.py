"""What the outbox needs of a database: one small interface over SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol


class OutboxError(Exception):
    """The outbox could not be read or written (the driver's own error is the cause)."""


class Cursor(Protocol):
    """What both drivers' cursors offer and the store uses."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    """A connection in autocommit mode; ``?`` placeholders in every statement."""

    dialect: str  # "sqlite" or "postgresql": the key of dialect-specific migration steps
    skip_locked: str  # appended to a SELECT that leases rows: other workers' rows are skipped

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def transaction(self) -> AbstractContextManager[Database]: ...

    def lock_schema(self) -> None: ...

    def close(self) -> None: ...
