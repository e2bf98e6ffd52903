"""A resident's plan as one request for contact: ``services: [...]``, checked, delivered once."""

from __future__ import annotations

import pytest
from formkit import VALID

PLAN = {
    **{key: value for key, value in VALID["application"].items() if key != "service"},
    "services": ["zlota-raczka", "przewoz"],
}
KEY = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"


def smtp_settings(smtp) -> dict:
    return {"smtp_host": "127.0.0.1", "smtp_port": smtp.port}


def test_a_plan_is_delivered_once_listing_every_service_with_its_provider(make_client, smtp):
    client = make_client(**smtp_settings(smtp))
    first = client.post("/api/applications", json={**PLAN, "idempotency_key": KEY})
    again = client.post("/api/applications", json={**PLAN, "idempotency_key": KEY})
    assert first.status_code == again.status_code == 201, first.text
    reference = first.json()["reference"]
    assert again.json()["reference"] == reference  # one request, one reference
    assert client.post("/api/applications", json=VALID["application"]).status_code == 201
    messages = smtp.wait_for(2)
    plans = [m for m in messages if m["Message-ID"] == f"<{reference}@cus.example>"]
    assert len(plans) == 1, [m["Subject"] for m in messages]
    message = plans[0]
    assert message["Subject"] == f"[{reference}] Prośba o kontakt w sprawie planu usług – 2 usługi"
    body = message.get_content()
    assert "Plan ma 2 usługi:" in body
    assert "1. Złota rączka dla seniora (zlota-raczka)" in body
    assert "Kto prowadzi usługę: Fundacja Pomocna Dłoń" in body
    assert "2. Przewóz do lekarza (przewoz)" in body
    assert "Kto prowadzi usługę: Spółdzielnia Socjalna Taxi Testowo" in body
    assert "Anna Nowak" in body and "600 123 456" in body
    assert "Notatek nie dołączono." in body


def test_any_active_service_may_be_in_a_plan_even_without_online_requests(make_client):
    """``przewoz`` takes no online requests for itself, yet a coordinator plans it."""
    client = make_client(background_worker=False)
    response = client.post("/api/applications", json={**PLAN, "services": ["przewoz"]})
    assert response.status_code == 201, response.text


def test_notes_go_to_the_centre_only_when_the_resident_includes_them(make_client, smtp):
    client = make_client(**smtp_settings(smtp))
    notes = {"przewoz": {"how_often": "2 razy w miesiącu", "since": "od marca", "note": "Wózek"}}
    response = client.post("/api/applications", json={**PLAN, "notes": notes})
    assert response.status_code == 201, response.text
    (message,) = smtp.wait_for(1)
    body = message.get_content()
    przewoz = body.index("2. Przewóz do lekarza")
    assert body.index("Jak często: 2 razy w miesiącu") > przewoz
    assert body.index("Od kiedy: od marca") > przewoz
    assert body.index("Notatka: Wózek") > przewoz
    assert "Notatek nie dołączono." not in body


@pytest.mark.parametrize(
    ("services", "expected"),
    [
        (["zlota-raczka", "nie-ma-takiej"], "Tej usługi nie ma już w katalogu: nie-ma-takiej."),
        (["stara-a", "stara-b"], "Tych usług nie ma już w katalogu: stara-a, stara-b."),
        (["porada-prawna"], "Ta usługa teraz nie działa: Nieodpłatna pomoc prawna."),
        ([f"usluga-{n}" for n in range(21)], "możesz podać najwyżej 20 usług."),
        ([f"usluga-{n}" for n in range(20)], "Tych usług nie ma już w katalogu: usluga-0,"),
        (["Zła Usługa!"], "Wybierz usługi z katalogu"),
        ([{"id": "zlota-raczka"}], "Wybierz usługi z katalogu"),
        ("zlota-raczka\r\nBcc: x@example.org", "Wybierz usługi z katalogu"),
    ],
    ids=[
        "unknown id",
        "two unknown",
        "suspended",
        "21 services",
        "20 are not too many",
        "not an id",
        "object",
        "crlf",
    ],
)
def test_a_plan_the_centre_cannot_take_is_a_422_in_polish_under_services(
    make_client, services, expected
):
    client = make_client(background_worker=False)
    response = client.post("/api/applications", json={**PLAN, "services": services})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_fields"
    assert expected in body["errors"]["services"], body


def test_a_service_listed_twice_counts_once(make_client):
    client = make_client(background_worker=False)
    services = ["zlota-raczka", "przewoz"] * 10
    response = client.post("/api/applications", json={**PLAN, "services": services})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"service": "zlota-raczka"}, "services", "albo o cały plan"),
        ({"services": []}, "service", "Wybierz usługę"),
        ({"notes": {"zlota-raczka-x": {"note": "a"}}}, "notes", "Wyślij prośbę bez nich."),
        ({"notes": {"przewoz": {"pesel": "1"}}}, "notes", "Wyślij prośbę bez nich."),
        ({"notes": {"przewoz": {"how_often": "x" * 81}}}, "notes", "najwyżej 80 znaków"),
        ({"notes": ["przewoz"]}, "notes", "Wyślij prośbę bez nich."),
    ],
    ids=["both", "empty plan", "note on another id", "unknown note", "too long", "list"],
)
def test_a_malformed_plan_request_says_what_to_do(make_client, change, field, expected):
    client = make_client(background_worker=False)
    response = client.post("/api/applications", json={**PLAN, **change})
    assert response.status_code == 422
    assert expected in response.json()["errors"][field], response.json()


def test_the_api_description_documents_the_plan(make_client):
    schema = make_client().get("/openapi.json").json()["components"]["schemas"]["application"]
    assert schema["properties"]["services"]["type"] == "array"
    assert schema["properties"]["services"]["maxItems"] == 20
    assert schema["oneOf"] == [{"required": ["service"]}, {"required": ["services"]}]
