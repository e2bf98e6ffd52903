"""Nothing acknowledged is lost: SMTP outages, and the app process killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from formkit import (
    ROOT,
    STORES,
    VALID,
    SmtpSink,
    free_port,
    store_env,
    wait_until_each_failed,
    wait_until_sent,
)

from forms_backend.config import Config

pytestmark = pytest.mark.stores(*STORES)


def test_smtp_down_during_submissions_then_up_delivers_each_exactly_once(make_client, make_config):
    sink = SmtpSink(free_port())  # not started: the port refuses connections
    # Retries outlast the outage however slowly a busy machine posts (dead letters: elsewhere).
    client = make_client(smtp_host="127.0.0.1", smtp_port=sink.port, max_attempts=10_000)
    references = [
        client.post("/api/applications", json=VALID["application"]).json()["reference"]
        for _ in range(30)
    ]
    wait_until_each_failed(make_config())
    sink.start()
    try:
        sink.wait_for(30, timeout=20)
        wait_until_sent(make_config())
        ids = Counter(sink.message_ids())
    finally:
        sink.stop()
    assert set(ids) == {f"<{ref}@cus.example>" for ref in references}
    assert max(ids.values()) == 1


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    """The real app under uvicorn in its own process; returns once /health answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "forms_backend.app:app", "--port", str(port),
         "--no-access-log"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60  # a shared, busy machine starts Python slowly
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError(process.stderr.read().decode() if process.stderr else "no start")


@pytest.mark.parametrize("smtp_up_at_kill", [False, True], ids=["smtp-down", "smtp-up"])
def test_sigkill_right_after_201_loses_nothing(outbox, built_catalogue: Path, smtp_up_at_kill):
    sink = SmtpSink(free_port())
    if smtp_up_at_kill:
        sink.start()
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FORMS_")},
        **store_env(outbox),
        "FORMS_CATALOGUE_PATH": str(built_catalogue),
        "FORMS_SMTP_HOST": "127.0.0.1",
        "FORMS_SMTP_PORT": str(sink.port),
        "FORMS_MAIL_FROM": "formularze@cus.example",
        "FORMS_RATE_LIMIT_PER_MINUTE": "0",
        "FORMS_RETRY_BASE_SECONDS": "0.05",
        "FORMS_RETRY_MAX_SECONDS": "0.3",
        "FORMS_LEASE_SECONDS": "1",
        "FORMS_MAX_ATTEMPTS": "10000",  # retries outlast the outage on a slow machine
    }
    server = start_server(env, port)
    references = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(20):
                response = client.post("/api/applications", json=VALID["application"])
                assert response.status_code == 201
                references.append(response.json()["reference"])
        server.send_signal(signal.SIGKILL)  # right after the last 201
        server.wait(timeout=10)
        assert server.returncode == -signal.SIGKILL
        if not smtp_up_at_kill:
            assert sink.messages == []  # so the restart really has work to do
            sink.start()
        server = start_server(env, port)
        sink.wait_for(20, timeout=20)
        # Nothing pending: a lease held at the kill has expired and any re-send has been made.
        wait_until_sent(Config(**outbox, catalogue_path=built_catalogue))
        ids = Counter(sink.message_ids())
    finally:
        server.kill()
        server.wait(timeout=10)
        sink.stop()
    assert set(ids) == {f"<{ref}@cus.example>" for ref in references}
    if not smtp_up_at_kill:
        assert max(ids.values()) == 1


@pytest.mark.stores("postgresql")
def test_the_app_and_a_worker_carry_on_after_postgresql_restarts(
    make_client, outbox, postgres_server, built_catalogue, smtp
):
    """Defect: `python -m forms_backend worker --forever` died on the first failed round."""
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port, background_worker=False)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FORMS_")},
        **store_env(outbox),
        "FORMS_CATALOGUE_PATH": str(built_catalogue),
        "FORMS_SMTP_HOST": "127.0.0.1",
        "FORMS_SMTP_PORT": str(smtp.port),
        "FORMS_MAIL_FROM": "formularze@cus.example",
        "FORMS_WORKER_POLL_SECONDS": "0.2",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "forms_backend", "worker", "--forever"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        first = client.post("/api/feedback", json=VALID["feedback"]).json()["reference"]
        # The first message also waits for the worker process to start, which on a busy machine
        # took over 15 s (stress-ng plus other builds); the deadline bounds failure, not speed.
        smtp.wait_for(1, timeout=60)
        postgres_server.restart()  # every connection of the app and the worker is dropped
        time.sleep(0.5)  # the worker meets the dropped connection first
        response = client.post("/api/feedback", json=VALID["feedback"])
        assert response.status_code == 201  # the app's writer reconnected by itself
        smtp.wait_for(2)
        assert worker.poll() is None
    finally:
        worker.kill()
        worker.wait(timeout=10)
    second = response.json()["reference"]
    assert sorted(smtp.message_ids()) == sorted(f"<{ref}@cus.example>" for ref in (first, second))
