"""axe-core finds no WCAG 2.x A/AA violation on any page kind in Ukrainian and English, at
375 and 1280 px, normal and kiosk; the page and its Polish passages name their language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from a11y_support import (
    PAGE_KINDS,
    WIDTHS,
    describe,
    run_axe,
    settle,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
LANGUAGES = ("uk", "en")


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
@pytest.mark.parametrize("code", LANGUAGES)
def test_page_kind_in_the_language_has_no_axe_violations(
    axe_pages, example_server, code, kind, width, kiosk
):
    page = axe_pages[(width, kiosk)]
    response = page.goto(f"{example_server}/{code}{PAGE_KINDS[kind]}")
    assert response is not None and response.ok, f"{kind}: HTTP {response and response.status}"
    settle(page, kiosk=kiosk)
    expect(page.locator("html")).to_have_attribute("lang", code)
    violations = run_axe(page)
    mode = "kiosk" if kiosk else "normal"
    assert not violations, f"{code} {kind} at {width}px ({mode}):\n" + describe(violations)


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_switch_keeps_the_page(phone, example_server, code):
    """From a Ukrainian service page to its Polish and English versions, and back."""
    phone.goto(f"{example_server}/{code}/uslugi/zlota-raczka/")
    phone.get_by_role("link", name="Polski", exact=True).click()
    expect(phone).to_have_url(f"{example_server}/uslugi/zlota-raczka/")
    expect(phone.locator("html")).to_have_attribute("lang", "pl")
    name = {"uk": "Українська", "en": "English"}[code]
    phone.get_by_role("link", name=name, exact=True).click()
    expect(phone).to_have_url(f"{example_server}/{code}/uslugi/zlota-raczka/")
    expect(phone.locator("h1 [lang=pl]")).to_have_text("Złota rączka – mobilny konserwator")


@pytest.mark.parametrize("query", ["нічліжка", "noclegownia"])
def test_search_on_a_ukrainian_page_finds_in_ukrainian_and_polish(phone, example_server, query):
    """A Ukrainian word, or the Polish word a newcomer may know, finds the night shelter; the
    result, its link and the messages are Ukrainian."""
    phone.goto(f"{example_server}/uk/szukaj/?q={query}")
    link = phone.locator("[data-search-results] ol > li").first.locator("a").first
    expect(link).to_have_text("Нічліжка")
    expect(link).to_have_attribute("href", f"{example_server}/uk/uslugi/noclegownia/")
    expect(phone.locator("main")).to_contain_text("Знайдено")


def test_plan_speaks_the_page_language(phone, example_server):
    """Adding a service to My plan on an English page is announced in English."""
    phone.goto(f"{example_server}/en/uslugi/noclegownia/")
    phone.locator("[data-plan-toggle='noclegownia']").click()
    expect(phone.locator("[data-plan-live]")).to_have_text("Added to your plan: Night shelter.")


def test_kiosk_offers_three_languages_and_returns_to_polish_when_idle(kiosk, example_server):
    """A Ukrainian visitor's kiosk speaks Ukrainian; the next visitor finds the Polish start."""
    idle, warning = 90, 30  # the example site's CATALOGUE_KIOSK_IDLE/WARNING_SECONDS
    kiosk.goto(example_server + "/kiosk/")
    settle(kiosk, kiosk=True)
    switch = kiosk.get_by_role("navigation", name="Język")
    for name, code in (("Polski", "pl"), ("Українська", "uk"), ("English", "en")):
        expect(switch.get_by_role("link", name=name, exact=True)).to_have_attribute("lang", code)
    switch.get_by_role("link", name="Українська", exact=True).click()
    kiosk.wait_for_url("**/uk/kiosk/")
    settle(kiosk, kiosk=True)
    expect(kiosk.locator("html")).to_have_attribute("lang", "uk")
    now = dt.datetime.fromtimestamp(kiosk.evaluate("Date.now()") / 1000, tz=dt.UTC)
    kiosk.clock.pause_at(now + dt.timedelta(seconds=1))
    kiosk.keyboard.press("Shift")
    kiosk.clock.run_for(idle * 1000)
    dialog = kiosk.get_by_role("dialog", name="Вам потрібно більше часу?")
    expect(dialog.locator("[data-countdown]")).to_have_text(f"Залишилося {warning} секунд")
    with kiosk.expect_navigation(url=re.compile(r"/kiosk/$")):
        kiosk.clock.run_for((warning + 1) * 1000)
    expect(kiosk.locator("html")).to_have_attribute("lang", "pl")
    expect(kiosk).to_have_url(f"{example_server}/kiosk/")
