"""The durable outbox: SQLite in WAL mode, a submission and one delivery row per channel."""

from __future__ import annotations

import enum
import secrets
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    form TEXT NOT NULL,
    created_at REAL NOT NULL,
    idem TEXT UNIQUE,
    payload BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    channel TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    lease_until REAL NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at REAL,
    UNIQUE (submission_id, channel)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, channel, next_attempt_at);
"""
# Each entry brings an older outbox up to the next version (PRAGMA user_version).
MIGRATIONS = (
    # When a delivery ended (delivered or dead): the retention period counts from there.
    """
    ALTER TABLE deliveries ADD COLUMN ended_at REAL;
    UPDATE deliveries SET ended_at = delivered_at WHERE status = 'delivered';
    UPDATE deliveries SET ended_at = CAST(strftime('%s', 'now') AS REAL) WHERE status = 'dead';
    """,
    # A keyed hash of the cleaned answers: an idempotency key is bound to one payload.
    "ALTER TABLE submissions ADD COLUMN fingerprint TEXT",
)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference(prefix: str) -> str:
    """A short reference a resident can read over the phone, e.g. ``W-7KQ2-M9XD``."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def connect(path: Path, *, synchronous: str = "FULL") -> sqlite3.Connection:
    """Open the outbox; acknowledgements rely on WAL with ``synchronous=FULL``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA synchronous={synchronous}")
    conn.execute("PRAGMA busy_timeout=30000")
    # Deleted rows are overwritten, so a purged submission leaves no trace in the file.
    conn.execute("PRAGMA secure_delete=ON")
    conn.executescript(SCHEMA)
    _migrate(conn)
    return conn


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations an outbox written by an older version has not seen yet."""
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in filter(str.strip, script.split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={number}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken eagerly so concurrent writers queue instead of failing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


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


def insert_many(
    conn: sqlite3.Connection, items: Iterable[NewSubmission], channels: tuple[str, ...]
) -> list[Result]:
    """Commit a batch in one transaction; return what happened to each item."""
    now = time.time()
    results: list[Result] = []
    with transaction(conn):
        for item in items:
            row = None
            if item.idem is not None:
                row = conn.execute(
                    "SELECT reference, fingerprint FROM submissions WHERE idem = ?", (item.idem,)
                ).fetchone()
            if row is None:
                results.append(Result(Outcome.STORED, _insert_one(conn, item, channels, now)))
            elif row[1] in (None, item.fingerprint):  # None: stored before fingerprints
                results.append(Result(Outcome.REPLAYED, row[0]))
            else:
                results.append(Result(Outcome.CONFLICT))
    return results


def _insert_one(
    conn: sqlite3.Connection, item: NewSubmission, channels: tuple[str, ...], now: float
) -> str:
    """Insert a submission with a fresh reference and one pending delivery per channel."""
    for _attempt in range(10):
        reference = new_reference(item.prefix)
        try:
            cursor = conn.execute(
                "INSERT INTO submissions (reference, form, created_at, idem, payload, fingerprint)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (reference, item.form, now, item.idem, item.payload, item.fingerprint),
            )
        except sqlite3.IntegrityError as error:
            if "submissions.reference" not in str(error):
                raise  # not a taken reference: another constraint or trigger refused it
            continue
        conn.executemany(
            "INSERT INTO deliveries (submission_id, channel, next_attempt_at) VALUES (?, ?, ?)",
            [(cursor.lastrowid, channel, now) for channel in channels],
        )
        return reference
    raise RuntimeError("could not find a free reference")


def claim(conn: sqlite3.Connection, channel: str, limit: int, lease: float) -> list[Claimed]:
    """Lease due deliveries of one channel so concurrent workers never send the same one."""
    now = time.time()
    with transaction(conn):
        rows = conn.execute(
            "UPDATE deliveries SET lease_until = ?, attempts = attempts + 1 WHERE id IN ("
            " SELECT id FROM deliveries WHERE status = 'pending' AND channel = ?"
            " AND next_attempt_at <= ? AND lease_until <= ?"
            " ORDER BY next_attempt_at, id LIMIT ?)"
            " RETURNING id, submission_id, attempts",
            (now + lease, channel, now, now, limit),
        ).fetchall()
        claimed = []
        for delivery_id, submission_id, attempts in rows:
            ref, form, created, payload = conn.execute(
                "SELECT reference, form, created_at, payload FROM submissions WHERE id = ?",
                (submission_id,),
            ).fetchone()
            claimed.append(Claimed(delivery_id, ref, form, created, attempts, payload))
    claimed.sort(key=lambda item: item.delivery_id)
    return claimed


def mark_delivered(conn: sqlite3.Connection, delivery_ids: list[int]) -> None:
    """Record confirmed deliveries; the payload stays until the retention period ends."""
    now = time.time()
    with transaction(conn):
        conn.executemany(
            "UPDATE deliveries SET status = 'delivered', delivered_at = ?, ended_at = ?,"
            " lease_until = 0, last_error = NULL WHERE id = ?",
            [(now, now, delivery_id) for delivery_id in delivery_ids],
        )


def release(conn: sqlite3.Connection, delivery_ids: list[int]) -> None:
    """Give back leased deliveries that were never tried, without counting an attempt."""
    with transaction(conn):
        conn.executemany(
            "UPDATE deliveries SET lease_until = 0, attempts = MAX(attempts - 1, 0) WHERE id = ?",
            [(delivery_id,) for delivery_id in delivery_ids],
        )


def mark_failed(
    conn: sqlite3.Connection, delivery_id: int, error: str, retry_at: float, dead: bool
) -> None:
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


def purge(conn: sqlite3.Connection, ended_before: float) -> Purged:
    """Delete submissions whose every delivery ended (delivered or dead) before the given time."""
    with transaction(conn):
        rows = conn.execute(
            "SELECT s.id, s.reference, SUM(d.status = 'dead') FROM submissions s"
            " JOIN deliveries d ON d.submission_id = s.id GROUP BY s.id"
            " HAVING SUM(d.status = 'pending') = 0 AND MAX(d.ended_at) < ?",
            (ended_before,),
        ).fetchall()
        ids = [(row[0],) for row in rows]
        conn.executemany("DELETE FROM deliveries WHERE submission_id = ?", ids)
        conn.executemany("DELETE FROM submissions WHERE id = ?", ids)
    return Purged(tuple(row[1] for row in rows), sum(row[2] > 0 for row in rows))


def known_references(conn: sqlite3.Connection) -> set[str]:
    """Every reference the outbox still holds."""
    return {row[0] for row in conn.execute("SELECT reference FROM submissions")}


def requeue_dead(conn: sqlite3.Connection) -> int:
    """Give dead letters a fresh set of attempts, once the cause has been fixed."""
    cursor = conn.execute(
        "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?,"
        " lease_until = 0, ended_at = NULL WHERE status = 'dead'",
        (time.time(),),
    )
    return cursor.rowcount


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Deliveries by status, for health checks and the worker's summary."""
    rows = conn.execute("SELECT status, COUNT(*) FROM deliveries GROUP BY status").fetchall()
    return {"pending": 0, "delivered": 0, "dead": 0} | dict(rows)


def next_due(conn: sqlite3.Connection, channel: str) -> float | None:
    """When the next pending delivery of a channel becomes due."""
    row = conn.execute(
        "SELECT MIN(MAX(next_attempt_at, lease_until)) FROM deliveries"
        " WHERE status = 'pending' AND channel = ?",
        (channel,),
    ).fetchone()
    return row[0]
