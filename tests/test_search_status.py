"""Issue 10 item 2: search keeps a service's status: labelled in every result and suggestion,
and a suspended or planned service ranks below the active ones that match as well."""

from __future__ import annotations

from pathlib import Path

import pytest

from cus_catalogue.i18n import gettext
from cus_catalogue.search.model import load_search_model
from cus_catalogue.views import STATUS_LABELS

ROOT = Path(__file__).resolve().parent.parent
SUSPENDED = gettext(STATUS_LABELS["suspended"])
PLANNED = gettext(STATUS_LABELS["planned"])


@pytest.fixture(scope="module")
def ranked_ids():
    return load_search_model(ROOT / "content", ROOT / "data").ids


def test_suspended_and_planned_services_rank_below_active_ones_that_match_as_well(ranked_ids):
    """Defect: the suspended laundry ranked first for "pranie", above active services."""
    washing = ranked_ids("pranie")
    assert set(washing[:2]) == {"mycie-okien", "mieszkania-treningowe"}
    assert washing[-1] == "usluga-pralnicza"  # every other result is active and matches too
    assert ranked_ids("kawiarenka") == ["e-senior", "kawiarenka-naprawcza"]
    wytchnienie = ranked_ids("opieka wytchnieniowa")
    assert wytchnienie[0] == "opieka-wytchnieniowa"
    assert wytchnienie.index("pobyt-wytchnieniowy-calodobowy") > wytchnienie.index(
        "spotkania-dla-opiekunow"  # active, and matches both words too
    )


def test_a_suspended_service_that_matches_more_words_stays_above(ranked_ids):
    # Nobody active matches both words: the resident still learns the service exists.
    assert ranked_ids("usluga pralnicza")[0] == "usluga-pralnicza"
    # (Lemmas find "problemy ze snem" in an active service, so "sen dziecka" no longer fits.)
    assert ranked_ids("dziecko nie śpi")[0] == "mobilny-konsultant-snu"


@pytest.mark.browser
def test_results_show_the_status_of_suspended_and_planned_services(phone, example_server):
    """Defect: a suspended service looked like any other in the results."""
    from playwright.sync_api import expect

    phone.goto(example_server + "/szukaj/?q=pranie")
    results = phone.locator("[data-search-results] ol > li")
    expect(results).to_have_count(4)
    expect(results.nth(1)).to_have_attribute("data-service-id", "mycie-okien")
    laundry = results.last
    expect(laundry).to_have_attribute("data-service-id", "usluga-pralnicza")
    expect(laundry.locator(".status")).to_have_text(SUSPENDED)
    expect(results.nth(0).locator(".status")).to_have_count(0)
    search = phone.get_by_role("searchbox")
    search.fill("kawiarenka")
    search.press("Enter")
    cafe = phone.locator('[data-service-id="kawiarenka-naprawcza"]')
    expect(cafe.locator(".status")).to_have_text(PLANNED)


@pytest.mark.browser
def test_start_page_suggestions_show_the_status(phone, example_server):
    """Defect: the start page suggested a suspended service without a word about it."""
    from playwright.sync_api import expect

    phone.goto(example_server + "/")
    box = phone.get_by_role("combobox")
    box.press_sequentially("pranie")
    options = phone.get_by_role("option")
    expect(options.filter(has_text="Mycie okien")).to_be_visible()
    laundry = options.filter(has_text="Usługa pralnicza")
    expect(laundry).to_contain_text(SUSPENDED)
    expect(options.first).not_to_contain_text(SUSPENDED)
