"""Delivery: header injection, webhook, dead letters with alerts, retention purge, the CLI."""

from __future__ import annotations

import email
import email.policy
import hashlib
import hmac
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

import pytest
from formkit import PATHS, ROOT, STORES, VALID, free_port, store_env, wait_until_sent

from forms_backend import store
from forms_backend.forms import FORMS

pytestmark = pytest.mark.stores(*STORES)

INJECTIONS = [
    "x\r\nBcc: victim@example.org",
    "x\nX-Injected: 1",
    "x\rX-Injected: 1",
    "x\u2028X-Injected: 1",
    "x\x85X-Injected: 1",
    "=?utf-8?q?x=0D=0AX-Injected:_1?=",
]
EXPECTED_HEADERS = {
    "from", "to", "subject", "message-id", "date", "reply-to", "x-forms-reference",
    "content-type", "content-transfer-encoding", "mime-version",
}  # fmt: skip


def header_names(raw: bytes) -> set[str]:
    """Header names exactly as they are on the wire (continuation lines excluded)."""
    head = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n", b"\n").split(b"\n")
    return {line.split(b":", 1)[0].decode().lower() for line in head if line[:1] not in b" \t"}


def test_line_breaks_in_any_field_never_add_a_header(make_client, smtp):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port)
    accepted = 0
    for form, spec in FORMS.items():
        for field in spec.fields:
            if field.name == "website":
                continue
            for attack in INJECTIONS:
                data = {**VALID[form], field.name: attack}
                response = client.post(PATHS[form], json=data)
                assert response.status_code in (201, 422), response.text
                accepted += response.status_code == 201
    assert accepted > 0  # multi-line fields take line breaks: they must land in the body
    smtp.wait_for(accepted)
    for raw in smtp.raw:
        assert header_names(raw) <= EXPECTED_HEADERS
        assert b"victim@example.org" not in raw.split(b"\r\n\r\n", 1)[0]
        assert b"\nX-Injected" not in raw


def test_catalogue_text_with_line_breaks_stays_in_one_subject_line(
    make_client, smtp, built_catalogue, tmp_path
):
    listing = json.loads(built_catalogue.read_text(encoding="utf-8"))
    for service in listing["services"]:
        service["name"] = "Złota\r\nBcc: victim@example.org"
    hostile = tmp_path / "uslugi.json"
    hostile.write_text(json.dumps(listing), encoding="utf-8")
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port, catalogue_path=hostile)
    assert client.post("/api/applications", json=VALID["application"]).status_code == 201
    (message,) = smtp.wait_for(1)
    assert header_names(smtp.raw[0]) <= EXPECTED_HEADERS
    assert "Bcc" not in message


class Hook(http.server.BaseHTTPRequestHandler):
    """A webhook receiver that fails the first ``fail_first`` posts with a 503."""

    received: ClassVar[list[tuple[dict, bytes, dict]]] = []
    fail_first = 0

    def do_POST(self) -> None:  # http.server calls this by name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if Hook.fail_first > 0:
            Hook.fail_first -= 1
            self.send_response(503)
        else:
            Hook.received.append((json.loads(body), body, dict(self.headers)))
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def webhook():
    Hook.received, Hook.fail_first = [], 2
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()


def test_webhook_delivery_is_signed_and_retried_after_server_errors(
    make_client, make_config, webhook, smtp
):
    client = make_client(
        webhook_url=webhook, webhook_secret="s3cret", smtp_host="127.0.0.1", smtp_port=smtp.port
    )
    reference = client.post("/api/feedback", json=VALID["feedback"]).json()["reference"]
    deadline = time.monotonic() + 10
    while not Hook.received and time.monotonic() < deadline:
        time.sleep(0.05)
    (body, raw, headers) = Hook.received[0]
    assert body["reference"] == reference and body["values"]["rating"] == 4
    assert headers["Idempotency-Key"] == reference
    expected = hmac.new(b"s3cret", raw, hashlib.sha256).hexdigest()
    assert headers["X-Forms-Signature"] == f"sha256={expected}"
    smtp.wait_for(1)  # both channels, each once
    wait_until_sent(make_config())
    assert len(Hook.received) == 1 and len(smtp.messages) == 1


def test_plain_http_webhook_to_a_remote_host_is_refused(make_config):
    from forms_backend.transports import DeliveryError, WebhookTransport

    with pytest.raises(DeliveryError):
        WebhookTransport(make_config(webhook_url="http://example.org/hook"))


def test_dead_letter_after_max_attempts_alerts_the_centre_without_personal_data(
    make_client, make_config, tmp_path
):
    mail = tmp_path / "mail"
    client = make_client(
        smtp_host="127.0.0.1", smtp_port=free_port(), mail_dir=mail, max_attempts=2
    )
    reference = client.post("/api/applications", json=VALID["application"]).json()["reference"]
    conn = store.connect(make_config())
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not list((mail / "new").glob("A-*")):
        time.sleep(0.05)
    (alert_file,) = list((mail / "new").glob("A-*"))
    alert = email.message_from_bytes(alert_file.read_bytes(), policy=email.policy.default)
    assert "Nieudane doręczenie" in alert["Subject"]
    assert reference in alert.get_content() and "requeue-dead" in alert.get_content()
    alert = alert.as_string()
    assert "Anna" not in alert and "600 123 456" not in alert
    assert (mail / "new" / f"{reference}.forms").exists()  # the other channel still delivered
    row = conn.execute(
        "SELECT status, attempts FROM deliveries WHERE channel = 'smtp' ORDER BY id LIMIT 1"
    ).fetchone()
    assert row == ("dead", 2)
    assert store.requeue_dead(conn) >= 1
    assert conn.execute("SELECT COUNT(*) FROM deliveries WHERE status='dead'").fetchone()[0] == 0


def test_delivered_submissions_are_purged_after_the_retention_period(
    make_client, make_config, smtp
):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port)
    client.post("/api/applications", json=VALID["application"])
    smtp.wait_for(1)
    wait_until_sent(make_config())
    conn = store.connect(make_config())
    assert store.purge(conn, time.time() - 3600).submissions == 0  # kept during the period
    assert store.purge(conn, time.time() + 1).submissions == 1
    assert conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 0


def test_worker_command_drains_the_outbox(make_client, smtp, built_catalogue, outbox):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port, background_worker=False)
    references = {
        client.post("/api/feedback", json=VALID["feedback"]).json()["reference"] for _ in range(3)
    }
    assert smtp.messages == []
    env = {
        **os.environ,
        **store_env(outbox),
        "FORMS_SMTP_HOST": "127.0.0.1",
        "FORMS_SMTP_PORT": str(smtp.port),
        "FORMS_MAIL_FROM": "formularze@cus.example",
        "FORMS_CATALOGUE_PATH": str(built_catalogue),
    }
    result = subprocess.run(
        [sys.executable, "-m", "forms_backend", "worker"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert "delivered=3" in result.stdout
    assert {m.split("@")[0][1:] for m in smtp.message_ids()} == references


def test_default_configuration_delivers_into_a_local_mail_folder(tmp_path, built_catalogue):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMS_")}
    code = (
        "from starlette.testclient import TestClient\n"
        "from forms_backend.app import app\n"
        "import time, pathlib\n"
        "with TestClient(app) as c:\n"
        "    r = c.post('/api/feedback', json={'service': 'zlota-raczka', 'rating': 5})\n"
        "    assert r.status_code == 201, r.text\n"
        "    mail = pathlib.Path('var/forms/mail/new') / (r.json()['reference'] + '.forms')\n"
        "    deadline = time.monotonic() + 30\n"
        "    while not mail.exists() and time.monotonic() < deadline:\n"
        "        time.sleep(0.05)  # the background worker delivers; poll, do not guess\n"
        "print(r.json()['reference'])\n"
    )
    env["FORMS_CATALOGUE_PATH"] = str(built_catalogue)
    env["FORMS_DATABASE_PATH"] = str(tmp_path / "var/forms/forms.db")
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    reference = result.stdout.split()[-1]
    assert (tmp_path / "var/forms/mail/new" / f"{reference}.forms").exists()


def test_packaged_translations_exist():
    assert (ROOT / "forms_backend/locale/pl/LC_MESSAGES/forms_backend.po").is_file()
    assert Path(ROOT / "themes/cus/translations/pl/LC_MESSAGES/forms.po").is_file()


class Redirecting(http.server.BaseHTTPRequestHandler):
    """A webhook URL that moved: POST gets a redirect, and the target records what reaches it."""

    reached: ClassVar[list[str]] = []

    def do_POST(self) -> None:  # http.server calls this by name
        if self.path == "/hook":
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(302)
            self.send_header("Location", "/moved")
            self.end_headers()
            return
        Redirecting.reached.append(f"POST {self.path}")
        self.send_response(204)
        self.end_headers()

    def do_GET(self) -> None:  # http.server calls this by name
        Redirecting.reached.append(f"GET {self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_a_webhook_redirect_is_a_failure_to_retry_not_a_delivery(make_client, make_config):
    """Defect (issue 10, item 14): redirects were followed as GET without the body, then
    the submission was marked delivered."""
    Redirecting.reached = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Redirecting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        client = make_client(webhook_url=url, max_attempts=50)
        client.post("/api/feedback", json=VALID["feedback"])
        conn = store.connect(make_config())
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            row = conn.execute("SELECT status, attempts, last_error FROM deliveries").fetchone()
            if row[1] >= 2:
                break
            time.sleep(0.05)
    finally:
        server.shutdown()
    status, attempts, last_error = row
    assert status == "pending" and attempts >= 2  # tried again, not delivered
    assert last_error == "HTTPError 302"
    assert Redirecting.reached == []
