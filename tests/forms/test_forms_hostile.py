"""A hostile or careless client: nested JSON, reused keys, foreign origins, probing /health."""

from __future__ import annotations

import logging

import pytest
from formkit import PATHS, STORES, VALID

from forms_backend import store

pytestmark = pytest.mark.stores(*STORES)

KEY = "3f2b9c8e-1d4a-4e8b-9a7c-123456789abc"


def stored(make_config) -> int:
    conn = store.connect(make_config())
    return conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]


@pytest.mark.parametrize(
    "body",
    [b"[" * 1000, b'{"name": ' + b"[" * 5000 + b"]" * 5000 + b"}", b'{"a":' * 3000 + b"1"],
    ids=["open brackets", "nested field", "nested objects"],
)
def test_deeply_nested_json_is_a_400_not_a_500(make_client, body):
    """Defect (issue 10, item 16): '[' x 1000 gave a 500."""
    client = make_client(background_worker=False)
    response = client.post(
        "/api/applications", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["_form"]


def test_an_idempotency_key_reused_with_other_answers_is_refused(make_client, make_config):
    """Defect (issue 10, item 16): a reused key with a different payload was silently
    dropped (the first reference came back, the second request never reached the centre)."""
    client = make_client(background_worker=False)
    data = {**VALID["application"], "idempotency_key": KEY}
    first = client.post("/api/applications", json=data)
    changed = client.post("/api/applications", json={**data, "message": "Inna sprawa"})
    again = client.post("/api/applications", json=data)
    assert first.status_code == 201 and again.status_code == 201
    assert again.json()["reference"] == first.json()["reference"]
    assert changed.status_code == 409
    assert "Odśwież stronę" in changed.json()["errors"]["_form"]
    assert first.json()["reference"] not in changed.text
    assert stored(make_config) == 1


def test_a_reused_key_in_a_form_post_gets_the_page_back_with_the_answers(make_client):
    client = make_client(background_worker=False)
    data = {"service": "zlota-raczka", "name": "Anna Nowak", "phone": "600 123 456",
            "consent": "yes", "idempotency_key": KEY}  # fmt: skip
    assert client.post("/api/applications", data=data, follow_redirects=False).status_code == 303
    response = client.post("/api/applications", data={**data, "name": "Jan Nowak"})
    assert response.status_code == 409
    assert 'value="Jan Nowak"' in response.text and "Odśwież stronę" in response.text


def test_a_post_from_an_origin_not_allowed_is_refused_when_origins_are_set(
    make_client, make_config
):
    """Defect (issue 10, item 16): cross-origin posts were accepted although
    FORMS_ALLOWED_ORIGINS was set."""
    client = make_client(allowed_origins=("https://katalog.example",), background_worker=False)

    def post(origin: str | None) -> int:
        headers = {"Origin": origin} if origin else {}
        return client.post(PATHS["feedback"], json=VALID["feedback"], headers=headers).status_code

    assert post("https://evil.example") == 403
    assert post("null") == 403
    assert stored(make_config) == 0
    assert post("https://katalog.example") == 201
    assert post("http://testserver") == 201  # the backend's own error page posts from here
    assert post(None) == 201  # no browser: nothing to protect with Origin


# A trigger that aborts every insert: a real database error on the real write path.
REFUSE_WRITES = {
    "sqlite": [
        "CREATE TRIGGER refuse BEFORE INSERT ON submissions BEGIN SELECT RAISE(ABORT, 'no'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql"
        " AS $$ BEGIN RAISE EXCEPTION 'no'; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON submissions EXECUTE FUNCTION refuse()",
    ],
}
ALLOW_WRITES = {"sqlite": "DROP TRIGGER refuse", "postgresql": "DROP TRIGGER refuse ON submissions"}


def test_health_reports_that_writes_fail(make_client, make_config):
    """Defect (issue 10, item 16): /health said "ok" while every write failed."""
    client = make_client(background_worker=False)
    assert client.get("/health").json()["status"] == "ok"
    conn = store.connect(make_config())
    for statement in REFUSE_WRITES[conn.dialect]:
        conn.execute(statement)
    assert client.post(PATHS["feedback"], json=VALID["feedback"]).status_code == 503
    health = client.get("/health")
    assert health.status_code == 503
    assert health.json()["status"] == "error" and health.json()["last_write"] == "failed"
    conn.execute(ALLOW_WRITES[conn.dialect])
    assert client.post(PATHS["feedback"], json=VALID["feedback"]).status_code == 201
    assert client.get("/health").json() == {"status": "ok", "last_write": "ok"}


def test_every_refused_write_is_logged_once_without_a_traceback(make_client, make_config, caplog):
    """While the database restarts every request is refused: a traceback each buried the log,
    and Pelican's logger class (installed when the catalogue plugin loads) dropped every repeat
    of the warning for the life of the process, so an operator saw one failure, never the rest."""
    client = make_client(background_worker=False)
    conn = store.connect(make_config())
    for statement in REFUSE_WRITES[conn.dialect]:
        conn.execute(statement)
    caplog.set_level(logging.WARNING, logger="forms_backend")
    for _ in range(3):
        assert client.post(PATHS["feedback"], json=VALID["feedback"]).status_code == 503
    refusals = [r for r in caplog.records if "outbox write failed" in r.getMessage()]
    assert len(refusals) == 3
    assert all(r.exc_info is None and "the feedback form" in r.getMessage() for r in refusals)
    conn.execute(ALLOW_WRITES[conn.dialect])


def test_outbox_counts_only_for_a_local_or_authenticated_caller(make_client):
    """Defect (issue 10, item 16): anyone could read the outbox counts on /health."""
    remote = make_client(background_worker=False, health_token="s3cret-token-1234")
    remote.post(PATHS["feedback"], json=VALID["feedback"])
    assert "outbox" not in remote.get("/health").json()
    wrong = remote.get("/health", headers={"Authorization": "Bearer guess"})
    assert "outbox" not in wrong.json()
    right = remote.get("/health", headers={"Authorization": "Bearer s3cret-token-1234"})
    assert right.json()["outbox"] == {"pending": 1, "delivered": 0, "dead": 0}
    local = make_client(peer=("127.0.0.1", 40000), background_worker=False)
    assert local.get("/health").json()["outbox"]["pending"] == 1
    proxied = local.get("/health", headers={"X-Forwarded-For": "203.0.113.9"})
    assert "outbox" not in proxied.json()  # a local proxy forwarding someone else


def test_pages_that_echo_personal_data_are_neither_stored_nor_framed(make_client):
    """Defect (issue 10, item 16): the error page with the resident's answers and the
    confirmation could be cached and shown inside another site's frame."""
    client = make_client(background_worker=False)
    data = {"service": "zlota-raczka", "name": "Anna Nowak", "phone": "12", "consent": "yes"}
    error_page = client.post("/api/applications", data=data)
    assert error_page.status_code == 422 and "Anna Nowak" in error_page.text
    confirmation = client.post("/api/applications", data={**data, "phone": "600 123 456"})
    assert confirmation.status_code == 200 and "W-" in confirmation.text
    for response in (error_page, confirmation):
        assert response.headers["cache-control"] == "no-store"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
