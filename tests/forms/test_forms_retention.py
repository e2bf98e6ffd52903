"""Retention covers every copy the backend holds: outbox rows, dead letters and mail files."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from formkit import ROOT, STORES, VALID, free_port, server_env, store_env

from forms_backend import migrations, retention, store
from forms_backend.config import Config

pytestmark = pytest.mark.stores(*STORES)


def wait_until(condition, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.05)


def delivered_file(mail: Path, reference: str) -> Path:
    return mail / "new" / f"{reference}.forms"


def test_mail_folder_files_are_readable_by_the_owner_only(make_client, tmp_path):
    """Defect (issue 10, item 12): the Maildir channel wrote personal data with mode 0644."""
    mail = tmp_path / "mail"
    old_umask = os.umask(0o022)  # the usual umask of a service account
    try:
        client = make_client(mail_dir=mail)
        reference = client.post("/api/applications", json=VALID["application"]).json()["reference"]
        wait_until(lambda: delivered_file(mail, reference).exists())
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(delivered_file(mail, reference).stat().st_mode) == 0o600


def test_purge_deletes_the_mail_file_with_its_row(make_client, make_config, tmp_path):
    """Defect (issue 10, item 12): retention never deleted the Maildir copies."""
    mail = tmp_path / "mail"
    config = make_config(mail_dir=mail)
    client = make_client(mail_dir=mail)
    reference = client.post("/api/applications", json=VALID["application"]).json()["reference"]
    wait_until(lambda: delivered_file(mail, reference).exists())
    conn = store.connect(config)
    wait_until(lambda: store.counts(conn)["delivered"] == 1)
    # A mail program that read the message moved it to cur/ with flags, as Maildir says.
    read = mail / "cur" / f"{reference}.forms:2,S"
    delivered_file(mail, reference).rename(read)
    assert retention.purge(conn, config).submissions == 0  # kept during the period
    report = retention.purge(conn, config, now=time.time() + config.retention_seconds + 1)
    assert (report.submissions, report.files) == (1, 1)
    assert not read.exists() and list((mail / "cur").iterdir()) == []
    assert conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 0


def test_dead_letters_are_purged_after_the_retention_period(make_client, make_config):
    """Defect (issue 10, item 12): dead letters were never purged."""
    client = make_client(smtp_host="127.0.0.1", smtp_port=free_port(), max_attempts=1)
    client.post("/api/applications", json=VALID["application"])
    conn = store.connect(make_config())
    wait_until(lambda: store.counts(conn)["dead"] >= 1)
    assert store.purge(conn, time.time() - 3600).submissions == 0  # kept during the period
    wait_until(lambda: store.counts(conn)["pending"] == 0)  # the alert about it, too, is dead
    assert store.purge(conn, time.time() + 1).submissions >= 1
    references = [row[0] for row in conn.execute("SELECT reference FROM submissions")]
    assert not any(ref.startswith("W-") for ref in references)


def test_purge_command_deletes_what_is_due_and_logs_counts_only(
    make_client, make_config, built_catalogue, tmp_path, outbox
):
    """Defect (issue 10, item 12): there was no purge command."""
    mail = tmp_path / "mail"
    client = make_client(mail_dir=mail)
    reference = client.post("/api/applications", json=VALID["application"]).json()["reference"]
    wait_until(lambda: delivered_file(mail, reference).exists())
    conn = store.connect(make_config())
    wait_until(lambda: store.counts(conn)["delivered"] == 1)
    # The retention period passes (in the outbox's own clock of when deliveries ended).
    conn.execute("UPDATE deliveries SET ended_at = ended_at - ?", (31 * 86400,))
    env = server_env(tmp_path, built_catalogue, **store_env(outbox), FORMS_MAIL_DIR=str(mail))
    result = subprocess.run(
        [sys.executable, "-m", "forms_backend", "purge"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert not delivered_file(mail, reference).exists()
    output = result.stdout + result.stderr
    assert "submissions=1" in output and "files=1" in output
    assert reference not in output and "Anna" not in output


def test_an_outbox_written_by_the_previous_version_is_migrated_then_purged(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:  # the schema before retention counted dead letters
        old.executescript(migrations.SQLITE_OUTBOX)
        old.execute(
            "INSERT INTO submissions (reference, form, created_at, payload)"
            " VALUES ('W-0000-0001', 'application', 10, x'00')"
        )
        old.execute(
            "INSERT INTO deliveries (submission_id, channel, status, next_attempt_at, delivered_at)"
            " VALUES (1, 'smtp', 'delivered', 10, 100)"
        )
    conn = store.connect(Config(database_path=path))
    assert store.purge(conn, 50).submissions == 0
    assert store.purge(conn, 200).references == ("W-0000-0001",)
