"""Packages, announcements, needs and the offer form in real Chromium, through the URLs of the
contract: a package found by search, a need leading to a filled-in offer form, an offer sent to
the real form backend, a consultation that closes on the device's date."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from a11y_support import WIDTHS, describe, new_context, preview_server, run_axe, settle
from playwright.sync_api import expect

from forms_backend.config import Config
from forms_backend.store import connect, counts

pytestmark = pytest.mark.browser

CONSULTATION = "/aktualnosci/2026-11-16-konsultacje-programu-uslug/"


def test_a_life_situation_typed_in_search_finds_its_package(page, example_server):
    page.goto(example_server + "/szukaj/?q=opiekuję+się+bliskim")
    result = page.locator("[data-search-results] li[data-package-id='opiekuje-sie-bliskim']")
    expect(result.get_by_role("link", name="Opiekuję się bliskim")).to_have_attribute(
        "href", re.compile(r"/pakiety/opiekuje-sie-bliskim/$")
    )
    expect(result).to_contain_text("Pakiet usług: 8 usług")
    result.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/pakiety/opiekuje-sie-bliskim/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Opiekuję się bliskim")


def test_from_the_start_page_through_a_package_to_its_service(page, example_server):
    page.goto(example_server + "/")
    page.get_by_role("link", name=re.compile(r"^Senior mieszkający samotnie")).click()
    expect(page).to_have_url(re.compile(r"/pakiety/senior-mieszkajacy-samotnie/$"))
    page.get_by_role("link", name="Życzliwy telefon", exact=True).click()
    expect(page).to_have_url(re.compile(r"/uslugi/zyczliwy-telefon/$"))
    expect(page.get_by_role("link", name="Senior mieszkający samotnie")).to_be_visible()


def test_the_lists_of_packages_and_announcements_lead_to_their_pages(page, example_server):
    """/pakiety/ and /aktualnosci/ as a resident uses them, not only as built HTML."""
    page.goto(example_server + "/pakiety/")
    page.get_by_role("link", name="Rodzina w kryzysie", exact=True).click()
    expect(page).to_have_url(re.compile(r"/pakiety/rodzina-w-kryzysie/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Rodzina w kryzysie")
    page.goto(example_server + "/aktualnosci/")
    newest = page.locator(".news-card-title a").first
    expect(newest).to_have_text("Konsultacje programu usług społecznych na 2027 rok")
    newest.click()
    expect(page).to_have_url(re.compile(CONSULTATION + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Konsultacje programu usług społecznych na 2027 rok"
    )


def test_a_document_of_a_service_downloads_as_the_file(page, example_server):
    page.goto(example_server + "/uslugi/zlota-raczka/")
    link = page.get_by_role("link", name=re.compile(r"^Regulamin usługi „Złota rączka” \(PDF"))
    expect(link).to_have_attribute("href", "../../dokumenty/zlota-raczka/regulamin.pdf")
    response = page.request.get(example_server + "/dokumenty/zlota-raczka/regulamin.pdf")
    assert response.ok and response.body().startswith(b"%PDF-")


def test_a_need_opens_the_offer_form_with_the_need_filled_in(page, example_server):
    page.goto(example_server + "/potrzebne-uslugi/")
    need = page.locator("#asystent-osobisty")
    need.get_by_role("link", name=re.compile(r"^Zaproponuj tę usługę")).click()
    expect(page).to_have_url(re.compile(r"/zostan-realizatorem/\?potrzeba=asystent-osobisty$"))
    expect(page.get_by_label("Którą z potrzebnych usług możesz prowadzić?")).to_have_value(
        "Asystent osobisty osoby z niepełnosprawnością"
    )


def test_a_consultation_read_after_its_deadline_says_it_is_closed(page, example_server):
    page.clock.set_fixed_time("2026-12-20T10:00:00")
    page.goto(example_server + CONSULTATION)
    expect(
        page.get_by_text("Konsultacje są zamknięte. Skończyły się 14 grudnia 2026.")
    ).to_be_visible()
    expect(page.get_by_text("Możesz wziąć udział do 14 grudnia 2026.")).to_be_hidden()
    expect(page.get_by_role("link", name="Przejdź do formularza")).to_be_hidden()


def test_a_consultation_before_its_deadline_is_open(page, example_server):
    page.clock.set_fixed_time("2026-11-30T10:00:00")
    page.goto(example_server + CONSULTATION)
    expect(page.get_by_text("Możesz wziąć udział do 14 grudnia 2026.")).to_be_visible()
    expect(page.get_by_role("link", name="Przejdź do formularza")).to_have_attribute(
        "href", "../../zglos-brak-uslugi/"
    )
    expect(page.get_by_role("link", name="Dodaj do swojego kalendarza (ICS)")).to_be_visible()


def fill_offer(page: Any, consent: bool = True) -> None:
    """The offer as an organisation fills it in, with a valid NIP."""
    page.get_by_label("Nazwa organizacji").fill("Stowarzyszenie Razem")
    page.get_by_label("Spółdzielnia socjalna").check()
    page.get_by_label("Numer identyfikacji podatkowej (NIP), nieobowiązkowo").fill("123-456-32-18")
    page.get_by_label("Jakie usługi możesz prowadzić?").fill("Opieka wytchnieniowa w weekendy.")
    page.get_by_label("Imię i nazwisko osoby do kontaktu").fill("Jan Nowak")
    page.get_by_label("Numer telefonu").fill("600 100 200")
    if consent:  # (the kiosk's on-screen keyboard covers the box while a field has focus)
        page.get_by_label("Znam informację o przetwarzaniu danych").check()


def test_an_offer_sent_from_the_page_is_kept_once_for_the_centre(browser, example_site, tmp_path):
    with preview_server(example_site, tmp_path) as base:
        context = new_context(browser)
        page = context.new_page()
        page.goto(base + "/zostan-realizatorem/")
        fill_offer(page)
        page.get_by_role("button", name="Wyślij ofertę").click()
        expect(page.locator("[data-reference]")).to_have_text(
            re.compile(r"^P-[0-9A-Z]{4}-[0-9A-Z]{4}$")
        )
        expect(page).to_have_url(re.compile(r"/api/confirmation/P-[0-9A-Z-]+$"))
        reference = page.url.rsplit("/", 1)[1]
        context.close()
    # The preview keeps it for the worker (its delivery by SMTP: tests/forms).
    outbox = connect(Config(database_path=tmp_path / "forms.db"))
    assert counts(outbox) == {"pending": 1, "delivered": 0, "dead": 0}
    assert outbox.execute("SELECT reference, form FROM submissions").fetchall() == [
        (reference, "partner_offer")
    ]


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_the_offer_form_with_a_wrong_nip_says_what_to_fix_accessibly(
    browser, example_site: Path, tmp_path, width, kiosk
):
    with preview_server(example_site, tmp_path) as base:
        context = new_context(browser, width=width, kiosk=kiosk)
        page = context.new_page()
        page.goto(base + "/zostan-realizatorem/")
        settle(page, kiosk=kiosk)
        fill_offer(page, consent=False)
        nip = page.get_by_label("Numer identyfikacji podatkowej (NIP), nieobowiązkowo")
        nip.fill("123-456-32-19")
        nip.press("Enter")  # sends the form (the kiosk's keyboard covers the button meanwhile)
        summary = page.locator("[data-error-summary]")
        expect(summary).to_contain_text("W tym numerze NIP jest błąd: sprawdź cyfry")
        expect(summary).to_be_focused()
        expect(page.get_by_label("Nazwa organizacji")).to_have_value("Stowarzyszenie Razem")
        settle(page, kiosk=kiosk)
        violations = run_axe(page)
        context.close()
    assert not violations, describe(violations)
