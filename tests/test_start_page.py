"""Issue 10 items 5 and 7: the start page shows services a resident can use now first, counts
say what they count, and only active services can be rated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pages import page, text
from sitekit import EXAMPLE_CONTENT

from cus_catalogue.catalogue import load_catalogue

DATA = Path(__file__).resolve().parent.parent / "data"


def statuses() -> dict[str, str]:
    catalogue = load_catalogue(EXAMPLE_CONTENT, DATA)
    return {service_id: record.status for service_id, record in catalogue.services.items()}


def test_recently_updated_lists_active_services_first(example_site: Path) -> None:
    """Defect: "Ostatnio zaktualizowane" opened with two planned services."""
    html = page(example_site, "/").read_text(encoding="utf-8")
    section = re.search(r'<section aria-labelledby="recent-heading">.*?</section>', html, re.S)
    listed = re.findall(r'href="[./]*uslugi/([a-z0-9-]+)/"', section.group(0))
    assert listed, "no service in the recently updated list"
    status = statuses()
    assert [status[service_id] for service_id in listed] == ["active"] * len(listed)
    assert 'class="status' not in section.group(0)


def test_a_to_z_count_says_how_many_run_now(example_site: Path) -> None:
    """Defect: "W katalogu są 64 usługi" counted suspended and planned services as any other."""
    shown = text(page(example_site, "/uslugi/"))
    status = list(statuses().values())
    running = re.search(r"Teraz działa(?:ją)? (\d+) z nich", shown)
    suspended = re.search(r"(\d+) (?:jest|są) zawieszon", shown)
    planned = re.search(r"(\d+) (?:jest|są) planowan", shown)
    assert running and suspended and planned, shown[:300]
    assert int(running.group(1)) == status.count("active")
    assert int(suspended.group(1)) == status.count("suspended")
    assert int(planned.group(1)) == status.count("planned")


@pytest.mark.browser
def test_feedback_form_offers_only_active_services(phone, example_server) -> None:
    """Defect: /ocen-usluge/ offered planned and suspended services for rating."""
    from playwright.sync_api import expect

    status = statuses()
    phone.goto(example_server + "/ocen-usluge/")
    options = phone.locator("select[name='service'] option[value]:not([value=''])")
    expect(options).to_have_count(list(status.values()).count("active"))
    offered = options.evaluate_all("options => options.map(o => o.value)")
    assert {status[service_id] for service_id in offered} == {"active"}


def test_suspended_and_planned_services_have_no_rating_link(example_site: Path) -> None:
    status = statuses()
    for service_id, state in sorted(status.items()):
        html = page(example_site, f"/uslugi/{service_id}/").read_text(encoding="utf-8")
        assert ("ocen-usluge/?usluga=" in html) == (state == "active"), service_id
