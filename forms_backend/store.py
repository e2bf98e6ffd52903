"""The durable outbox: a submission and one delivery row per channel, in SQLite or PostgreSQL."""

from __future__ import annotations

import enum
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

from forms_backend.config import Config
from forms_backend.database import Database
from forms_backend.migrations import migrate
from forms_backend.sqlite import SqliteDatabase

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix: str) -> str:
    """A short reference a resident can read over the phone, e.g. ``W-7KQ2-M9XD``."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def connect(config: Config) -> Database:
    """PostgreSQL when ``FORMS_DATABASE_URL`` is set, else the SQLite file; schema up to date."""
    if config.database_url:
        from forms_backend.postgres import PostgresDatabase  # psycopg only where it is used

        database: Database = PostgresDatabase(config.database_url)
    else:
        database = SqliteDatabase(config.database_path)
    migrate(database)
    return database


@dataclass(frozen=True)
class NewSubmission:
    """What a request hands to the outbox: the payload is already sealed."""

    form: str
    prefix: str
    idem: str | None
    payload: bytes
    fingerprint: str | None = None


class Outcome(enum.Enum):
    """What the outbox did with a submission."""

    STORED = "accepted"
    REPLAYED = "replayed"  # its idempotency key and answers were seen before
    CONFLICT = "conflict"  # its idempotency key was seen before, with other answers


@dataclass(frozen=True)
class Result:
    """The reference of a stored or replayed submission; none for a conflict."""

    outcome: Outcome
    reference: str | None = None


@dataclass(frozen=True)
class Claimed:
    """A delivery leased by a worker."""

    delivery_id: int
    reference: str
    form: str
    created_at: float
    attempts: int
    payload: bytes
    lease_until: float  # also the lease's token: only its holder may give it back


def insert_many(
    conn: Database, items: Iterable[NewSubmission], channels: tuple[str, ...]
) -> list[Result]:
    """Commit a batch in one transaction; return what happened to each item."""
    now = time.time()
    with conn.transaction():
        return [_insert_one(conn, item, channels, now) for item in items]


def _insert_one(
    conn: Database, item: NewSubmission, channels: tuple[str, ...], now: float
) -> Result:
    """Store a submission with a fresh reference and one pending delivery per channel.

    The insert itself detects a known idempotency key: another app instance may be storing
    the same key at this very moment, and the database makes one of them wait for the other.
    """
    for _attempt in range(10):
        reference = new_reference(item.prefix)
        row = conn.execute(
            "INSERT INTO submissions (reference, form, created_at, idem, payload, fingerprint)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            (reference, item.form, now, item.idem, item.payload, item.fingerprint),
        ).fetchone()
        if row is not None:
            conn.executemany(
                "INSERT INTO deliveries (submission_id, channel, next_attempt_at) VALUES (?, ?, ?)",
                [(row[0], channel, now) for channel in channels],
            )
            return Result(Outcome.STORED, reference)
        if item.idem is not None:
            seen = conn.execute(
                "SELECT reference, fingerprint FROM submissions WHERE idem = ?", (item.idem,)
            ).fetchone()
            if seen is not None:  # a fingerprint of None: stored before fingerprints existed
                if seen[1] in (None, item.fingerprint):
                    return Result(Outcome.REPLAYED, seen[0])
                return Result(Outcome.CONFLICT)
        # Otherwise the reference was taken: draw another.
    raise RuntimeError("could not find a free reference")


def claim(conn: Database, channel: str, limit: int, lease: float) -> list[Claimed]:
    """Lease due deliveries of one channel so concurrent workers never send the same one."""
    now = time.time()
    with conn.transaction():
        rows = conn.execute(
            "UPDATE deliveries SET lease_until = ?, attempts = attempts + 1 WHERE id IN ("
            " SELECT id FROM deliveries WHERE status = 'pending' AND channel = ?"
            " AND next_attempt_at <= ? AND lease_until <= ?"
            f" ORDER BY next_attempt_at, id LIMIT ?{conn.skip_locked})"
            " RETURNING id, submission_id, attempts",
            (now + lease, channel, now, now, limit),
        ).fetchall()
        claimed = []
        for delivery_id, submission_id, attempts in rows:
            ref, form, created, payload = conn.execute(
                "SELECT reference, form, created_at, payload FROM submissions WHERE id = ?",
                (submission_id,),
            ).fetchone()
            claimed.append(Claimed(delivery_id, ref, form, created, attempts, payload, now + lease))
    claimed.sort(key=lambda item: item.delivery_id)
    return claimed


def mark_delivered(conn: Database, delivery_ids: list[int]) -> None:
    """Record confirmed deliveries; the payload stays until the retention period ends."""
    now = time.time()
    with conn.transaction():
        conn.executemany(
            "UPDATE deliveries SET status = 'delivered', delivered_at = ?, ended_at = ?,"
            " lease_until = 0, last_error = NULL WHERE id = ?",
            [(now, now, delivery_id) for delivery_id in delivery_ids],
        )


def release(conn: Database, items: list[Claimed]) -> None:
    """Give back leased deliveries that were never tried, without counting an attempt.

    A lease that ran out may already be another worker's: that one is left alone."""
    with conn.transaction():
        conn.executemany(
            "UPDATE deliveries SET lease_until = 0,"
            " attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"
            " WHERE id = ? AND lease_until = ?",
            [(item.delivery_id, item.lease_until) for item in items],
        )


def mark_failed(conn: Database, delivery_id: int, error: str, retry_at: float, dead: bool) -> None:
    """Schedule a retry, or move the delivery to the dead letters."""
    conn.execute(
        "UPDATE deliveries SET status = ?, next_attempt_at = ?, lease_until = 0, last_error = ?,"
        " ended_at = ? WHERE id = ?",
        (
            "dead" if dead else "pending",
            retry_at,
            error[:200],
            time.time() if dead else None,
            delivery_id,
        ),
    )


@dataclass(frozen=True)
class Purged:
    """What one purge deleted: the references (to delete their files) and counts for the log."""

    references: tuple[str, ...]
    dead: int

    @property
    def submissions(self) -> int:
        """How many submissions were deleted."""
        return len(self.references)


def purge(conn: Database, ended_before: float) -> Purged:
    """Delete submissions whose every delivery ended (delivered or dead) before the given time."""
    with conn.transaction():
        rows = conn.execute(
            "SELECT s.id, s.reference, SUM(CASE WHEN d.status = 'dead' THEN 1 ELSE 0 END)"
            " FROM submissions s"
            " JOIN deliveries d ON d.submission_id = s.id GROUP BY s.id"
            " HAVING SUM(CASE WHEN d.status = 'pending' THEN 1 ELSE 0 END) = 0"
            " AND MAX(d.ended_at) < ?",
            (ended_before,),
        ).fetchall()
        ids = [(row[0],) for row in rows]
        conn.executemany("DELETE FROM deliveries WHERE submission_id = ?", ids)
        conn.executemany("DELETE FROM submissions WHERE id = ?", ids)
    return Purged(tuple(row[1] for row in rows), sum(row[2] > 0 for row in rows))


def known_references(conn: Database) -> set[str]:
    """Every reference the outbox still holds."""
    return {row[0] for row in conn.execute("SELECT reference FROM submissions")}


def requeue_dead(conn: Database) -> int:
    """Give dead letters a fresh set of attempts, once the cause has been fixed."""
    cursor = conn.execute(
        "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?,"
        " lease_until = 0, ended_at = NULL WHERE status = 'dead'",
        (time.time(),),
    )
    return cursor.rowcount


def counts(conn: Database) -> dict[str, int]:
    """Deliveries by status, for health checks and the worker's summary."""
    rows = conn.execute("SELECT status, COUNT(*) FROM deliveries GROUP BY status").fetchall()
    return {"pending": 0, "delivered": 0, "dead": 0} | dict(rows)


def next_due(conn: Database, channel: str) -> float | None:
    """When the next pending delivery of a channel becomes due."""
    row = conn.execute(
        "SELECT MIN(CASE WHEN next_attempt_at > lease_until THEN next_attempt_at"
        " ELSE lease_until END) FROM deliveries"
        " WHERE status = 'pending' AND channel = ?",
        (channel,),
    ).fetchone()
    return row[0]
