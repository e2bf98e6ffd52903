"""One migration mechanism for both stores: a version table, each step applied exactly once."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from formkit import STORES

from forms_backend import migrations, store
from forms_backend.config import Config
from forms_backend.database import OutboxError

pytestmark = pytest.mark.stores(*STORES)


def versions(conn) -> list[tuple[int, str]]:
    return [tuple(row) for row in conn.execute("SELECT version, name FROM schema_version")]


def test_a_new_outbox_takes_every_step_once_and_records_it(outbox):
    config = Config(**outbox)
    expected = [(number, step.name) for number, step in enumerate(migrations.MIGRATIONS, 1)]
    assert versions(store.connect(config)) == expected
    conn = store.connect(config)  # a second start finds nothing to do
    assert versions(conn) == expected
    assert store.counts(conn) == {"pending": 0, "delivered": 0, "dead": 0}


@pytest.mark.stores("postgresql")
def test_instances_starting_together_migrate_the_schema_once(outbox):
    """Several app instances and workers start at the same moment against one new database."""
    config = Config(**outbox)
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_outbox() -> None:
        start.wait()
        try:
            store.connect(config).close()
        except BaseException as error:  # reported below, with the others
            errors.append(error)

    threads = [threading.Thread(target=open_outbox) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert [row[0] for row in versions(store.connect(config))] == [1, 2, 3]


@pytest.mark.stores("sqlite")
def test_an_sqlite_outbox_of_the_previous_release_keeps_its_rows_and_takes_no_step_twice(outbox):
    """The previous release counted its steps in PRAGMA user_version (2: ended_at, fingerprint)."""
    path = outbox["database_path"]
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as old:
        old.executescript(migrations.SQLITE_OUTBOX)
        old.execute("ALTER TABLE deliveries ADD COLUMN ended_at REAL")
        old.execute("ALTER TABLE submissions ADD COLUMN fingerprint TEXT")
        old.execute("PRAGMA user_version = 2")
        old.execute(
            "INSERT INTO submissions (reference, form, created_at, payload, fingerprint)"
            " VALUES ('W-0000-0001', 'application', 10, x'00', 'f')"
        )
    conn = store.connect(Config(**outbox))  # a step taken twice would fail: the column exists
    assert [row[0] for row in versions(conn)] == [1, 2, 3]
    assert store.known_references(conn) == {"W-0000-0001"}


def test_an_outbox_of_a_newer_release_is_not_touched(outbox):
    """Going back to an older release must not write into a schema it does not know."""
    conn = store.connect(Config(**outbox))
    conn.execute(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'from the future', 0)",
        (migrations.LATEST + 1,),
    )
    with pytest.raises(OutboxError, match="newer"):
        store.connect(Config(**outbox))
