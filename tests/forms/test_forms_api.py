"""The JSON API against a real outbox (SQLite and PostgreSQL) and a real SMTP server on loopback."""

from __future__ import annotations

import email
import email.policy
import logging
import sqlite3

import pytest
from formkit import PATHS, STORES, VALID, wait_until_sent
from hypothesis import given, settings
from hypothesis import strategies as st

from forms_backend.config import Config
from forms_backend.fields import FieldError
from forms_backend.forms import EMAIL
from forms_backend.messages import build_email
from forms_backend.store import connect, counts

pytestmark = pytest.mark.stores(*STORES)


def smtp_settings(smtp) -> dict:
    return {"smtp_host": "127.0.0.1", "smtp_port": smtp.port}


def test_valid_application_is_acknowledged_and_arrives_by_smtp(make_client, smtp):
    client = make_client(**smtp_settings(smtp))
    response = client.post("/api/applications", json=VALID["application"])
    assert response.status_code == 201
    reference = response.json()["reference"]
    assert reference.startswith("W-")
    (message,) = smtp.wait_for(1)
    assert message["Message-ID"] == f"<{reference}@cus.example>"
    assert message["To"] == "wnioski@cus.example"
    assert message["Reply-To"] == "anna.nowak@example.org"
    assert reference in message["Subject"] and "Złota rączka" in message["Subject"]
    body = message.get_content()
    assert "Anna Nowak" in body and "600 123 456" in body
    assert "Prośba o kontakt w sprawie usługi" in body  # staff read Polish too
    assert "Przed południem" in body


@pytest.mark.parametrize("form", sorted(VALID))
def test_every_form_is_accepted_and_delivered(make_client, smtp, form):
    client = make_client(**smtp_settings(smtp))
    response = client.post(PATHS[form], json=VALID[form])
    assert response.status_code == 201, response.text
    (message,) = smtp.wait_for(1)
    assert response.json()["reference"] in message["Message-ID"]


BAD_FIELDS = [
    ("service", "", "Wybierz usługę"),
    ("service", "nie-ma-takiej", "Wybierz usługę z listy"),
    ("service", "przewoz", "Ta usługa nie przyjmuje zgłoszeń przez internet"),
    ("name", "", "Wpisz imię i nazwisko"),
    ("name", "x" * 121, "Wpisz najwyżej 120 znaków"),
    ("name", "Anna\nNowak", "Wpisz to w jednym wierszu"),
    ("name", 42.5, None),  # numbers are read as text: accepted
    ("name", ["Anna"], "Wpisz w tym polu tekst"),
    ("name", "Anna\x00", "W tekście są niewidoczne znaki"),
    ("phone", "12", "Wpisz numer telefonu w poprawnej postaci"),
    ("phone", "+48 600 123 456 789 000", "Wpisz numer telefonu w poprawnej postaci"),
    ("email", "anna@", "Wpisz adres e-mail w poprawnej postaci"),
    ("email", "a@b.pl\r\nBcc: x@y.pl", "Wpisz to w jednym wierszu"),
    ("email", "x" * 250 + "@example.org", "Wpisz najwyżej 254 znaki"),
    ("contact_time", "midnight", "Wybierz jedną z możliwości"),
    ("message", "x" * 1001, "Wpisz najwyżej 1000 znaków"),
    ("consent", False, "Zaznacz, że znasz informację o przetwarzaniu danych osobowych"),
    ("consent", "maybe", "Wybierz jedną z możliwości"),
    ("on_behalf", {"a": 1}, "Wybierz jedną z możliwości"),
    ("idempotency_key", "short", "Odśwież stronę z formularzem"),
]


@pytest.mark.parametrize(("field", "value", "expected"), BAD_FIELDS)
def test_bad_field_gets_422_with_a_polish_message(make_client, field, value, expected):
    client = make_client()
    response = client.post("/api/applications", json={**VALID["application"], field: value})
    if expected is None:
        assert response.status_code == 201
        return
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field].startswith(expected)


def test_phone_or_email_is_required(make_client):
    data = {k: v for k, v in VALID["application"].items() if k not in {"phone", "email"}}
    response = make_client().post("/api/applications", json=data)
    assert response.status_code == 422
    assert response.json()["errors"] == {"phone": "Podaj numer telefonu lub adres e-mail"}


def test_errors_come_in_page_order(make_client):
    response = make_client().post("/api/applications", json={"website": "http://spam"})
    errors = response.json()["errors"]
    assert list(errors) == ["_form", "service", "name", "phone", "consent"]


@pytest.mark.parametrize(
    ("form", "field", "value", "expected"),
    [
        ("catalogue_update", "provider", "nikt", "Wybierz realizatora z listy"),
        ("catalogue_update", "service", "przewoz", "Wybierz usługę tego realizatora"),
        ("feedback", "rating", 6, "Wybierz ocenę od 1 do 5"),
        ("feedback", "rating", True, "Wybierz ocenę od 1 do 5"),
        ("error_report", "service", "brak", "Wybierz usługę z listy"),
        ("missing_service", "need", "  ", "Opisz, jakiej usługi brakuje"),
    ],
)
def test_other_forms_check_the_catalogue_and_their_fields(
    make_client, form, field, value, expected
):
    response = make_client().post(PATHS[form], json={**VALID[form], field: value})
    assert response.status_code == 422
    assert response.json()["errors"][field] == expected


def test_new_service_is_a_valid_target_of_a_catalogue_update(make_client):
    data = {**VALID["catalogue_update"], "service": "new"}
    assert make_client().post("/api/catalogue-updates", json=data).status_code == 201


def test_honeypot_is_refused_and_nothing_is_stored(make_client, make_config):
    client = make_client()
    response = client.post("/api/feedback", json={**VALID["feedback"], "website": "x"})
    assert response.status_code == 422
    assert "_form" in response.json()["errors"]
    assert counts(connect(make_config()))["pending"] == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2]", "application/json", 422),
        (b"\xff\xfe", "application/json", 400),
        (b"hello", "text/plain", 415),
    ],
)
def test_unreadable_bodies_are_client_errors(make_client, body, content_type, status):
    response = make_client().post(
        "/api/applications", content=body, headers={"content-type": content_type}
    )
    assert response.status_code == status


def test_too_large_body_gets_413(make_client):
    client = make_client(max_body_bytes=2048)
    response = client.post(
        "/api/applications", json={**VALID["application"], "message": "ą" * 1500}
    )
    assert response.status_code == 413
    assert response.json()["errors"]["_form"].startswith("Formularz jest za duży")


def test_rate_limit_per_client_gives_429_with_retry_after(make_client):
    client = make_client(rate_limit_per_minute=6, rate_limit_burst=3)
    statuses = [client.post("/api/feedback", json=VALID["feedback"]).status_code for _ in range(4)]
    assert statuses == [201, 201, 201, 429]
    response = client.post("/api/feedback", json=VALID["feedback"])
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 10
    assert "odczekaj minutę" in response.json()["errors"]["_form"]


def test_repeated_idempotency_key_returns_the_first_reference_and_sends_once(
    make_client, make_config, smtp
):
    client = make_client(**smtp_settings(smtp))
    data = {**VALID["application"], "idempotency_key": "3f2b9c8e-1d4a-4e8b-9a7c-123456789abc"}
    first = client.post("/api/applications", json=data).json()["reference"]
    again = client.post("/api/applications", json=data).json()["reference"]
    by_header = client.post(
        "/api/applications",
        json=VALID["application"],
        headers={"Idempotency-Key": "3f2b9c8e-1d4a-4e8b-9a7c-123456789abc"},
    ).json()["reference"]
    assert first == again == by_header
    smtp.wait_for(1)
    wait_until_sent(make_config())
    assert smtp.message_ids() == [f"<{first}@cus.example>"]


@pytest.mark.stores("sqlite")
def test_submissions_are_encrypted_at_rest(make_client, make_config):
    client = make_client(background_worker=False)
    assert client.post("/api/applications", json=VALID["application"]).status_code == 201
    database = make_config().database_path
    raw = b"".join(p.read_bytes() for p in database.parent.glob("forms.db*"))
    for secret in (b"Anna Nowak", b"600 123 456", b"anna.nowak@example.org", b"Najlepiej"):
        assert secret not in raw
    assert (database.parent / "forms.key").stat().st_mode & 0o077 == 0
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.stores("postgresql")
def test_submissions_are_encrypted_at_rest_in_postgresql(make_client, make_config, postgres_server):
    """Every file of the server (tables, write-ahead log) after a checkpoint; no key file."""
    client = make_client(background_worker=False)
    response = client.post("/api/applications", json=VALID["application"])
    connect(make_config()).execute("CHECKPOINT")
    files = [path for path in postgres_server.data.rglob("*") if path.is_file()]
    raw = b"".join(path.read_bytes() for path in files)
    assert response.json()["reference"].encode() in raw  # the row is in the files read
    for secret in (b"Anna Nowak", b"600 123 456", b"anna.nowak@example.org", b"Najlepiej"):
        assert secret not in raw
    assert not (make_config().database_path.parent / "forms.key").exists()


def test_no_personal_data_in_logs(make_client, smtp, caplog):
    caplog.set_level(logging.DEBUG)
    client = make_client(**smtp_settings(smtp))
    client.post("/api/applications", json=VALID["application"])
    client.post("/api/applications", json={**VALID["application"], "email": "zly@"})
    smtp.wait_for(1)
    ours = [r for r in caplog.records if not r.name.startswith("mail.log")]  # not the test server
    text = "\n".join(r.getMessage() + str(r.exc_info or "") for r in ours)
    assert "accepted application" in text
    for secret in ("Anna", "Nowak", "600 123 456", "anna.nowak", "zly@", "testclient"):
        assert secret not in text


def test_cors_only_for_configured_origins(make_client):
    client = make_client(allowed_origins=("https://katalog.example",))
    allowed = client.options(
        "/api/applications",
        headers={"Origin": "https://katalog.example", "Access-Control-Request-Method": "POST"},
    )
    assert allowed.headers["access-control-allow-origin"] == "https://katalog.example"
    other = client.post(
        "/api/feedback", json=VALID["feedback"], headers={"Origin": "https://evil.example"}
    )
    assert "access-control-allow-origin" not in other.headers


def test_no_cors_headers_without_configuration(make_client):
    response = make_client().post(
        "/api/feedback", json=VALID["feedback"], headers={"Origin": "https://katalog.example"}
    )
    assert "access-control-allow-origin" not in response.headers


def test_health_and_openapi(make_client):
    client = make_client(peer=("127.0.0.1", 40000), background_worker=False)
    client.post("/api/feedback", json=VALID["feedback"])
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["outbox"]["pending"] == 1
    document = client.get("/openapi.json").json()
    assert set(PATHS.values()) <= set(document["paths"])
    application = document["components"]["schemas"]["application"]
    assert application["required"] == ["name", "consent"]
    assert application["oneOf"] == [{"required": ["service"]}, {"required": ["services"]}]


ENCODED_WORDS = [
    "=?utf-8?q?a=0ABcc=3A_x=40y.com?=@example.org",  # a line break and Bcc once decoded
    "=?utf-8?q?inny=40atak.example?=@example.org",  # decodes to another address
    "=?utf-8?b?YUBiLm9yZw==?=@example.org",
    "anna=?iso-8859-2?q?=B1?=@example.org",
]


@pytest.mark.parametrize("address", ENCODED_WORDS)
def test_encoded_word_addresses_are_refused_before_anything_is_stored(
    make_client, make_config, address
):
    """Defect (issue 10, item 13): encoded words passed, got 201, then became dead letters."""
    client = make_client(background_worker=False)
    response = client.post("/api/applications", json={**VALID["application"], "email": address})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "email": "Wpisz adres e-mail w poprawnej postaci, np. imie@example.pl"
    }
    conn = connect(make_config())
    assert conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 0


TRICKY_ADDRESSES = [
    *ENCODED_WORDS,
    "a(komentarz)@example.org",
    '"anna nowak"@example.org',
    "anna@[127.0.0.1]",
    "anna@example.org, ktos@example.org",
    "Anna Nowak <anna@example.org>",
    "anna@example.org.",
    "anna..nowak@example.org",
    "Anna.Nowak@Example.ORG",
    "anna+cus@poczta.example.pl",
]


@given(address=st.sampled_from(TRICKY_ADDRESSES) | st.emails())
@settings(max_examples=150, deadline=None, database=None)
def test_an_accepted_address_is_exactly_the_reply_to_the_centre_gets(address):
    """Defect (issue 10, item 13): Reply-To could name another address than the body shows."""
    try:
        cleaned = EMAIL.clean(address)
    except FieldError:
        return
    config = Config(mail_from="formularze@cus.example")
    message = build_email(
        config, "missing_service", "B-0000-0000", 0.0, {"values": {"email": cleaned, "need": "x"}}
    )
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert [a.addr_spec for a in parsed["Reply-To"].addresses] == [cleaned]
    assert f"Adres e-mail: {cleaned}" in parsed.get_content()
