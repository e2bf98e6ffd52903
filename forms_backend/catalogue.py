"""The catalogue as the site's build wrote it (``uslugi.json``): what a form may name."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from forms_backend.logs import get_logger
from forms_backend.problems import Problem, StartupError

log = get_logger("forms_backend.catalogue")
RECHECK_SECONDS = 5.0


@dataclass(frozen=True)
class Entry:
    """One service or provider as the forms need it."""

    id: str
    name: str
    provider: str = ""
    provider_name: str = ""
    apply_online: bool = False
    status: str = "active"
    recipient: str = ""  # a regional catalogue's centre address for this service's requests


@dataclass(frozen=True)
class Snapshot:
    """Services, providers and the information clause, read at one moment."""

    services: dict[str, Entry]
    providers: dict[str, Entry]
    privacy: dict[str, Any]


@cache
def _validator() -> Draft202012Validator:
    """The contract between the build and the backend, from the catalogue plugin."""
    schema = resources.files("cus_catalogue").joinpath("schemas/uslugi.schema.json")
    return Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))


def read_built(path: Path) -> Snapshot:
    """Read and check a built ``uslugi.json``; raise ``StartupError`` saying what is wrong."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise StartupError([Problem("catalogue_missing", str(path))]) from None
    except (OSError, ValueError, RecursionError) as error:
        raise StartupError(
            [Problem("catalogue_unreadable", str(path), {"detail": error})]
        ) from None
    invalid = next(iter(sorted(_validator().iter_errors(data), key=lambda e: e.path)), None)
    if invalid is not None:
        where = "/".join(str(part) for part in invalid.absolute_path) or "/"
        params = {"where": where, "detail": invalid.message}
        raise StartupError([Problem("catalogue_invalid", str(path), params)])
    services = {
        item["id"]: Entry(
            item["id"],
            item["name"],
            item["provider"],
            item["provider_name"],
            item["apply_online"],
            item["status"],
            item.get("recipient", ""),
        )
        for item in data["services"]
    }
    providers = {item["id"]: Entry(item["id"], item["name"]) for item in data["providers"]}
    return Snapshot(services, providers, data["privacy"])


class Catalogue:
    """The built catalogue, read at start-up (or never started) and again when it changes."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._stamp = self._current_stamp()
        self._checked = time.monotonic()
        self._snapshot = read_built(path)

    def _current_stamp(self) -> tuple[int, int]:
        """Changes whenever the build writes the file again."""
        try:
            info = self._path.stat()
        except OSError:
            return (-1, -1)
        return (info.st_mtime_ns, info.st_size)

    def snapshot(self) -> Snapshot:
        """The current catalogue; a rebuild in progress or a broken file keeps the last good one."""
        now = time.monotonic()
        with self._lock:
            if now - self._checked > RECHECK_SECONDS:
                self._checked = now
                stamp = self._current_stamp()
                if stamp != self._stamp and stamp != (-1, -1):
                    self._stamp = stamp
                    try:
                        self._snapshot = read_built(self._path)
                    except StartupError as error:
                        codes = ", ".join(problem.code for problem in error.problems)
                        log.warning("built catalogue not reloaded (%s)", codes)
            return self._snapshot
