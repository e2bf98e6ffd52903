"""The plan in this browser's storage when storage fails: full, unreadable, turned off; and a
plan made under an earlier version of the site, whose service has since been removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from a11y_support import new_context
from plan_support import open_plan
from playwright.sync_api import expect
from sitekit import EXAMPLE_CONTENT, serve_folder

pytestmark = pytest.mark.browser

# Chromium fills localStorage up to its quota for real; this fills it with one key.
FILL_STORAGE = """() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let n = 0; chunk.length >= 16; n++) {
        try { localStorage.setItem('filler-' + n, chunk); } catch (e) { chunk = chunk.slice(chunk.length / 2); }
    }
}"""
# What a browser does when the person blocked site data ("Failed to read the 'localStorage'
# property from 'Window': Access is denied"). Playwright cannot switch Chromium's site-data
# setting per context, so the same exception is raised here by a property the page sees.
STORAGE_BLOCKED = """Object.defineProperty(window, 'localStorage', {get() {
    throw new DOMException("Access is denied for this document.", "SecurityError");
}});"""


def test_a_full_storage_says_so_and_the_rest_of_the_site_works(browser, example_server):
    context = new_context(browser)
    page = context.new_page()
    page.goto(example_server + "/uslugi/zlota-raczka/")
    page.evaluate(FILL_STORAGE)
    toggle = page.locator("[data-plan-toggle]")
    toggle.click()
    expect(page.get_by_role("alert")).to_contain_text("zabrakło miejsca na Twój plan")
    expect(toggle).to_have_attribute("aria-pressed", "false")  # not claimed as kept
    expect(page.locator("[data-plan-count]")).to_have_text("0")
    page.get_by_role("button", name="Większy tekst").click()  # other features still answer
    expect(page.get_by_role("button", name="Większy tekst")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.goto(example_server + "/szukaj/?q=psycholog")
    expect(page.locator("[data-search-results] li").first).to_be_visible()
    context.close()


def test_unreadable_stored_plan_is_reported_kept_aside_and_a_new_plan_starts(
    browser, example_server
):
    context = new_context(browser)
    context.add_init_script(
        "localStorage.getItem('cus-plan') || localStorage.setItem('cus-plan', '{\"version\": 1, \"items\": [')"
    )
    page = context.new_page()
    open_plan(page, example_server)
    expect(page.locator("[data-plan-problem]")).to_have_text(
        "Nie udało się odczytać planu zapisanego na tym urządzeniu, więc plan zaczyna się od "
        "nowa. Usługi, które teraz dodasz, zostaną zapisane jak zwykle."
    )
    expect(page.locator("[data-plan-empty]")).to_be_visible()
    page.goto(example_server + "/uslugi/zlota-raczka/")
    page.locator("[data-plan-toggle]").click()
    expect(page.locator("[data-plan-count]")).to_have_text("1")
    kept_aside = page.evaluate("localStorage.getItem('cus-plan-unreadable')")
    assert kept_aside == '{"version": 1, "items": ['  # nothing is lost
    open_plan(page, example_server)
    expect(page.locator("[data-plan-items] > li")).to_have_count(1)
    expect(page.locator("[data-plan-problem]")).to_be_hidden()
    context.close()


def test_storage_turned_off_says_so_and_the_rest_of_the_site_works(browser, example_server):
    context = new_context(browser)
    context.add_init_script(STORAGE_BLOCKED)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(example_server + "/uslugi/zlota-raczka/")
    toggle = page.locator("[data-plan-toggle]")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.get_by_role("alert")).to_contain_text("nie pozwala stronie niczego zapisać")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    open_plan(page, example_server)
    expect(page.locator("[data-plan-problem]")).to_contain_text("w trybie prywatnym")
    page.goto(example_server + "/szukaj/?q=psycholog")
    expect(page.locator("[data-search-results] li").first).to_be_visible()
    assert errors == []
    context.close()


def test_a_service_removed_in_a_new_version_is_shown_as_no_longer_in_the_catalogue(
    browser, build_site, tmp_path
):
    """The plan outlives a new version of the site; a removed service is named, not dropped."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    (content / "services" / "mycie-okien.yaml").unlink()
    first, second = build_site(EXAMPLE_CONTENT), build_site(content)
    live = tmp_path / "live"
    shutil.copytree(first, live)
    with serve_folder(live) as base:
        context = new_context(browser)
        page = context.new_page()
        for service in ("mycie-okien", "zlota-raczka"):
            page.goto(f"{base}/uslugi/{service}/")
            page.locator("[data-plan-toggle]").click()
            expect(page.locator("[data-plan-toggle]")).to_have_attribute("aria-pressed", "true")
        replace_site(live, second)
        open_plan(page, base)
        items = page.locator("[data-plan-items] > li")
        expect(items).to_have_count(2)
        expect(items.first.get_by_role("heading")).to_have_text("Mycie okien")
        expect(items.first).to_contain_text("Tej usługi nie ma już w katalogu.")
        expect(items.first.get_by_role("link")).to_have_count(0)
        expect(
            items.nth(1).get_by_role("link", name="Złota rączka – mobilny konserwator")
        ).to_be_visible()
        context.close()


def replace_site(live: Path, build: Path) -> None:
    """Publish another build in the same place (the same origin keeps the same storage)."""
    shutil.rmtree(live)
    shutil.copytree(build, live)
