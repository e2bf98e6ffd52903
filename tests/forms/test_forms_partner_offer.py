"""The offer form of organisations (/zostan-realizatorem/, POST /api/partner-offers): delivered
once to the centre's partner address by real SMTP, refused with Polish messages when its NIP,
KRS, consent or size is wrong, and turned into a draft provider by `katalog apply-proposal`."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from formkit import FIXTURES, PATHS, VALID
from sitekit import run_katalog
from test_forms_retention import wait_until

from forms_backend.store import connect, counts

PARTNERS = "partnerzy@cus.example"
KEY = "7c1e2f9a-0b3d-4c5e-8f6a-1234567890ab"


def test_an_offer_is_delivered_once_to_the_partner_address_with_its_answers(
    make_client, make_config, smtp
):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port, mail_to_partner_offer=PARTNERS)
    data = {**VALID["partner_offer"], "idempotency_key": KEY}
    first = client.post(PATHS["partner_offer"], json=data)
    again = client.post(PATHS["partner_offer"], json=data)  # a second click, a retried post
    assert first.status_code == 201 and again.status_code == 201, first.text
    reference = first.json()["reference"]
    assert reference.startswith("P-") and again.json()["reference"] == reference
    outbox = connect(make_config())
    wait_until(lambda: counts(outbox)["delivered"] == 1)
    assert counts(outbox) == {"pending": 0, "delivered": 1, "dead": 0}
    assert smtp.message_ids() == [f"<{reference}@cus.example>"]
    (message,) = smtp.messages
    assert message["To"] == PARTNERS
    assert message["Subject"] == f"[{reference}] Oferta prowadzenia usług"
    assert message["Reply-To"] == "biuro@dobry-sasiad.example.org"
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    for line in [
        "Organizacja: Fundacja Dobry Sąsiad",
        "Rodzaj organizacji: Organizacja pozarządowa",
        "Numer identyfikacji podatkowej (NIP): 1234563218",
        "Numer w Krajowym Rejestrze Sądowym (KRS): 0000123456",
        "Potrzebna usługa: Asystent osobisty osoby z niepełnosprawnością",
        "Oferta:\n    Asystenci osobiści dla 6 osób.\n    Od poniedziałku do piątku, 8:00–16:00.",
        "Osoba do kontaktu: Ewa Kowalska",
    ]:
        assert line in body
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == f"{reference}.json"
    answers = json.loads(attachment.get_content().decode("utf-8"))
    assert answers["form"] == "partner_offer" and answers["reference"] == reference
    assert answers["values"]["organisation"] == "Fundacja Dobry Sąsiad"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("nip", "123-456-32-19", "W tym numerze NIP jest błąd: sprawdź cyfry"),
        ("nip", "12345", "Wpisz NIP jako 10 cyfr, na przykład 123-456-32-18"),
        ("krs", "KRS 12", "Wpisz numer KRS jako 10 cyfr, na przykład 0000123456"),
        ("consent", False, "Zaznacz, że znasz informację o przetwarzaniu danych osobowych"),
        ("kind", "partia", "Wybierz jedną z możliwości"),
        ("organisation", "", "Wpisz nazwę organizacji"),
        ("offer", "x" * 4001, "Wpisz najwyżej 4000 znaków"),
    ],
)
def test_a_bad_offer_gets_422_with_a_polish_message_and_nothing_is_kept(
    make_client, make_config, field, value, expected
):
    client = make_client()
    response = client.post(PATHS["partner_offer"], json={**VALID["partner_offer"], field: value})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][field] == expected
    assert counts(connect(make_config()))["pending"] == 0


def test_nip_and_krs_are_kept_in_one_form(make_client, make_config, smtp):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port)
    data = {**VALID["partner_offer"], "nip": "PL 123 456 32 18", "krs": "123456"}
    assert client.post(PATHS["partner_offer"], json=data).status_code == 201
    body = smtp.wait_for(1)[0].get_body(("plain",)).get_content()
    assert "(NIP): 1234563218" in body and "(KRS): 0000123456" in body


def test_an_offer_over_the_size_limit_is_refused_in_polish(make_client):
    client = make_client(max_body_bytes=2048)
    response = client.post(
        PATHS["partner_offer"], json={**VALID["partner_offer"], "offer": "ą" * 1500}
    )
    assert response.status_code == 413  # the body itself is too large: HTTP's own status
    assert response.json()["errors"]["_form"].startswith("Formularz jest za duży")


def test_apply_proposal_turns_an_accepted_offer_into_a_draft_provider(make_client, smtp, tmp_path):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port)
    assert client.post(PATHS["partner_offer"], json=VALID["partner_offer"]).status_code == 201
    (attachment,) = smtp.wait_for(1)[0].iter_attachments()
    offer = tmp_path / attachment.get_filename()
    offer.write_bytes(attachment.get_content())
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    result = run_katalog("apply-proposal", str(offer), "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "To szkic z oferty współpracy" in result.stdout
    written = content / "providers" / "fundacja-dobry-sasiad.yaml"
    draft = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert draft["name"] == "Fundacja Dobry Sąsiad" and draft["kind"] == "ngo"
    assert draft["description"].startswith("Asystenci osobiści dla 6 osób.")
    text = written.read_text(encoding="utf-8")  # the contact person stays out of the record
    assert "Ewa Kowalska" not in text and "600 200 300" not in text and "dobry-sasiad" not in text
    assert run_katalog("validate", str(content)).returncode == 0
