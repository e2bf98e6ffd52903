"""A regional catalogue's forms: a request about a service goes to that service's centre."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formkit import PATHS, STORES, VALID

pytestmark = pytest.mark.stores(*STORES)
CENTRE = "wnioski@alfa.example"


def test_a_request_goes_to_the_forms_address_of_the_services_centre(
    make_client, smtp, built_catalogue: Path, tmp_path: Path
) -> None:
    """uslugi.json names a centre's forms address for its services; others use FORMS_MAIL_TO."""
    listing = json.loads(built_catalogue.read_text(encoding="utf-8"))
    for service in listing["services"]:
        if service["id"] == "zlota-raczka":
            service["recipient"] = CENTRE
    regional = tmp_path / "uslugi.json"
    regional.write_text(json.dumps(listing), encoding="utf-8")
    client = make_client(catalogue_path=regional, smtp_host="127.0.0.1", smtp_port=smtp.port)
    assert client.post(PATHS["application"], json=VALID["application"]).status_code == 201
    other = {**VALID["error_report"], "service": "porada-prawna"}
    assert client.post(PATHS["error_report"], json=other).status_code == 201
    subjects = {message["To"]: message["Subject"] for message in smtp.wait_for(2)}
    assert set(subjects) == {CENTRE, "wnioski@cus.example"}
    assert "Złota rączka" in subjects[CENTRE]
    assert "pomoc prawna" in subjects["wnioski@cus.example"]
