"""Helpers of the form backend tests: a small catalogue, valid submissions, a real SMTP server."""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

from forms_backend import store
from forms_backend.config import Config
from forms_backend.database import Database

ROOT = Path(__file__).resolve().parents[2]
# The outbox stores every delivery and idempotency test runs against (``stores`` marker).
STORES = ("sqlite", "postgresql")
FIXTURES = ROOT / "tests" / "fixtures"
# The forms' fixture catalogue: the mini catalogue plus these records (a second provider and
# a service that takes no online requests), built by real Pelican once per session.
EXTRA_RECORDS = Path(__file__).resolve().parent / "catalogue"
VALID = {
    "application": {
        "service": "zlota-raczka",
        "name": "Anna Nowak",
        "phone": "600 123 456",
        "email": "anna.nowak@example.org",
        "contact_time": "morning",
        "message": "Proszę o telefon.\nNajlepiej rano.",
        "consent": True,
        "on_behalf": False,
    },
    "catalogue_update": {
        "provider": "fundacja-pomocna-dlon",
        "service": "zlota-raczka",
        "change": "Nowe godziny: pn–pt 8:00–16:00",
        "name": "Jan Realizator",
        "email": "jan@example.org",
        "consent": True,
    },
    "missing_service": {"need": "Brakuje asystenta osobistego", "for_whom": "seniorzy"},
    "error_report": {"service": "zlota-raczka", "description": "Nieaktualny numer telefonu"},
    "feedback": {"service": "zlota-raczka", "rating": 4, "comment": "Bardzo pomocni"},
    "partner_offer": {
        "organisation": "Fundacja Dobry Sąsiad",
        "kind": "ngo",
        "nip": "123-456-32-18",
        "krs": "0000123456",
        "need": "Asystent osobisty osoby z niepełnosprawnością",
        "offer": "Asystenci osobiści dla 6 osób.\nOd poniedziałku do piątku, 8:00–16:00.",
        "capacity": "6 osób, 60 godzin w miesiącu",
        "area": "cała gmina",
        "name": "Ewa Kowalska",
        "phone": "600 200 300",
        "email": "biuro@dobry-sasiad.example.org",
        "consent": True,
    },
}
PATHS = {
    "application": "/api/applications",
    "catalogue_update": "/api/catalogue-updates",
    "missing_service": "/api/missing-services",
    "error_report": "/api/error-reports",
    "feedback": "/api/feedback",
    "partner_offer": "/api/partner-offers",
}


def free_port() -> int:
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def forms_catalogue(folder: Path) -> Path:
    """A content folder: the mini fixture catalogue with the forms' extra records."""
    shutil.copytree(FIXTURES / "mini", folder)
    shutil.copytree(EXTRA_RECORDS, folder, dirs_exist_ok=True)
    return folder


class SmtpSink:
    """A real aiosmtpd server on a fixed loopback port that can be stopped and started again."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.delay = 0.0  # seconds each message takes, like a slow mail server
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls this hook by name
        await asyncio.sleep(self.delay)
        data = envelope.original_content or envelope.content
        message = email.message_from_bytes(data, policy=email.policy.default)
        with self._lock:
            self.raw.append(data)
            self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def message_ids(self) -> list[str]:
        with self._lock:
            return [str(message["Message-ID"]) for message in self.messages]

    def wait_for(self, count: int, timeout: float = 15.0) -> list[EmailMessage]:
        """Wait until at least ``count`` messages arrived; fail with what did arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {len(self.messages)}")


def wait_for_outbox(
    config: Config, holds: Callable[[Database], bool], what: str, timeout: float = 30.0
) -> None:
    """Poll the outbox until ``holds`` is true: a condition, not a fixed sleep, on a busy machine."""
    conn = store.connect(config)
    try:
        deadline = time.monotonic() + timeout
        while not holds(conn):
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} within {timeout} s: {store.counts(conn)}")
            time.sleep(0.05)
    finally:
        conn.close()


def wait_until_sent(config: Config) -> None:
    """Wait until no delivery is pending: nothing is left that could still arrive (twice)."""
    wait_for_outbox(config, lambda conn: store.counts(conn)["pending"] == 0, "not all sent")


def wait_until_each_failed(config: Config) -> None:
    """Wait until every delivery has failed at least once (the outage was really met)."""
    query = "SELECT COUNT(*) FROM deliveries WHERE last_error IS NULL"
    wait_for_outbox(
        config, lambda conn: not conn.execute(query).fetchone()[0], "not every delivery failed"
    )


def server_env(workdir: Path, catalogue: Path, **variables: str) -> dict[str, str]:
    """The environment of a backend process: only these ``FORMS_*`` variables, none inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMS_")}
    env.update(
        FORMS_DATABASE_PATH=str(workdir / "var" / "forms.db"),
        FORMS_CATALOGUE_PATH=str(catalogue),
        FORMS_MAIL_FROM="formularze@cus.example",
    )
    env.update(variables)
    return env


def store_env(outbox: Mapping[str, object]) -> dict[str, str]:
    """The ``FORMS_*`` variables that give a process the same outbox (and its shared key)."""
    return {f"FORMS_{name.upper()}": str(value) for name, value in outbox.items()}


@contextlib.contextmanager
def running_server(command: list[str], env: dict[str, str], port: int) -> Iterator[str]:
    """A real uvicorn process started by ``command``; yields its base URL once /health answers."""
    process = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode() if process.stderr else ""
                    raise AssertionError(f"the server did not start: {error}") from None
                time.sleep(0.05)
        yield base
    finally:
        process.kill()
        process.wait(timeout=10)
