"""Retention: every copy of a submission goes ``FORMS_RETENTION_DAYS`` after its delivery ended."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from forms_backend import store
from forms_backend.config import Config
from forms_backend.database import Database
from forms_backend.logs import get_logger

log = get_logger("forms_backend.retention")
MAIL_FILE_RE = re.compile(r"^([A-Z]-[0-9A-Z]{4}-[0-9A-Z]{4})\.forms")


@dataclass(frozen=True)
class PurgeReport:
    """Counts only: a purge never names what it deleted."""

    submissions: int
    dead: int
    files: int

    def __str__(self) -> str:
        return f"submissions={self.submissions} dead={self.dead} files={self.files}"


def purge(conn: Database, config: Config, now: float | None = None) -> PurgeReport:
    """Delete outbox rows (delivered or dead) and their mail files once the period is over."""
    cutoff = (time.time() if now is None else now) - config.retention_seconds
    purged = store.purge(conn, cutoff)
    files = _delete_mail_files(config, set(purged.references), store.known_references(conn), cutoff)
    report = PurgeReport(purged.submissions, purged.dead, files)
    if report.submissions or report.files:
        log.info("purged %s", report)
    return report


def _delete_mail_files(config: Config, purged: set[str], known: set[str], cutoff: float) -> int:
    """Files of purged submissions, and old files the outbox no longer knows (earlier versions)."""
    deleted = 0
    for folder in ("new", "cur", "tmp"):
        directory = config.maildir_path / folder
        if not directory.is_dir():
            continue
        for path in directory.iterdir():
            match = MAIL_FILE_RE.match(path.name)
            if match is None:
                continue
            reference = match.group(1)
            orphan = reference not in known and path.stat().st_mtime < cutoff
            if reference in purged or orphan:
                path.unlink(missing_ok=True)
                deleted += 1
    return deleted
