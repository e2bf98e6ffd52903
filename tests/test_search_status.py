"""Issue 10 item 2: search keeps a service's status: labelled in every result and suggestion,
and a suspended or planned service ranks below the active ones that match as well."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import new_context

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.i18n import gettext
from cus_catalogue.search import search_documents
from cus_catalogue.search.index import build_lunr_index, demoted_positions
from cus_catalogue.search.query import run_query
from cus_catalogue.search.thesaurus import load_thesaurus
from cus_catalogue.views import STATUS_LABELS

ROOT = Path(__file__).resolve().parent.parent
SUSPENDED = gettext(STATUS_LABELS["suspended"])
PLANNED = gettext(STATUS_LABELS["planned"])


@pytest.fixture(scope="module")
def ranked_ids():
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    documents = search_documents(catalogue, load_thesaurus(ROOT / "data" / "synonyms.csv"))
    index = build_lunr_index(documents)
    demoted = set(demoted_positions(documents))

    def ranked(text: str) -> list[str]:
        return [documents[position].id for position, _ in run_query(index, text, demoted)]

    return ranked


def test_suspended_and_planned_services_rank_below_active_ones_that_match_as_well(ranked_ids):
    """Defect: the suspended laundry ranked first for "pranie", above active services."""
    assert ranked_ids("pranie") == ["mycie-okien", "mieszkania-treningowe", "usluga-pralnicza"]
    assert ranked_ids("kawiarenka") == ["e-senior", "kawiarenka-naprawcza"]
    wytchnienie = ranked_ids("opieka wytchnieniowa")
    assert wytchnienie[0] == "opieka-wytchnieniowa"
    assert wytchnienie.index("pobyt-wytchnieniowy-calodobowy") > wytchnienie.index(
        "spotkania-dla-opiekunow"  # active, and matches both words too
    )


def test_a_suspended_service_that_matches_more_words_stays_above(ranked_ids):
    # Nobody active matches both words: the resident still learns the service exists.
    assert ranked_ids("usluga pralnicza")[0] == "usluga-pralnicza"
    assert ranked_ids("sen dziecka")[0] == "mobilny-konsultant-snu"


@pytest.mark.browser
def test_results_show_the_status_of_suspended_and_planned_services(browser, example_server):
    """Defect: a suspended service looked like any other in the results."""
    from playwright.sync_api import expect

    context = new_context(browser, width=375)
    page = context.new_page()
    page.goto(example_server + "/szukaj/?q=pranie")
    results = page.locator("[data-search-results] ol > li")
    expect(results).to_have_count(3)
    expect(results.nth(0)).to_have_attribute("data-service-id", "mycie-okien")
    laundry = results.nth(2)
    expect(laundry).to_have_attribute("data-service-id", "usluga-pralnicza")
    expect(laundry.locator(".status")).to_have_text(SUSPENDED)
    expect(results.nth(0).locator(".status")).to_have_count(0)
    search = page.get_by_role("searchbox")
    search.fill("kawiarenka")
    search.press("Enter")
    cafe = page.locator('[data-service-id="kawiarenka-naprawcza"]')
    expect(cafe.locator(".status")).to_have_text(PLANNED)
    context.close()


@pytest.mark.browser
def test_start_page_suggestions_show_the_status(browser, example_server):
    """Defect: the start page suggested a suspended service without a word about it."""
    from playwright.sync_api import expect

    context = new_context(browser, width=375)
    page = context.new_page()
    page.goto(example_server + "/")
    box = page.get_by_role("combobox")
    box.press_sequentially("pranie")
    options = page.get_by_role("option")
    expect(options.first).to_contain_text("Mycie okien")
    laundry = options.filter(has_text="Usługa pralnicza")
    expect(laundry).to_contain_text(SUSPENDED)
    expect(options.first).not_to_contain_text(SUSPENDED)
    context.close()
