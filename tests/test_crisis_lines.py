"""Issue 10 item 8: a resident in danger sees the emergency numbers at once, as links to dial."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from a11y_support import new_context, settle
from records import edit
from sitekit import FIXTURES, ROOT, run_pelican

NUMBERS = {"tel:112": "112", "tel:116123": "116 123", "tel:116111": "116 111"}
NUMBERS["tel:800120002"] = "800 120 002"
CRISIS_PAGES = ["/dla/osoby-w-kryzysie/", "/uslugi/punkt-interwencji-kryzysowej/", "/kiosk/"]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("url", "width"),
    [(url, width) for url in CRISIS_PAGES for width in (375, 1280) if url != "/kiosk/"]
    + [("/kiosk/", 1280)],  # the kiosk is a large touch screen
)
def test_crisis_pages_show_the_emergency_numbers_on_the_first_screen(
    browser, example_server, url, width
):
    """Defect: the numbers were nowhere, not even on the crisis intervention page."""
    from playwright.sync_api import expect

    context = new_context(browser, width=width)
    page = context.new_page()
    page.goto(example_server + url)
    box = page.locator("main .crisis-lines")
    heading = box.get_by_role("heading")
    expect(heading).to_have_text("Potrzebujesz pomocy teraz? Zadzwoń")
    expect(heading).to_be_in_viewport()
    for position, (href, number) in enumerate(NUMBERS.items()):
        link = box.locator(f'a[href="{href}"]')
        expect(link).to_have_text(number)
        if width > 375 or position == 0:  # a phone shows the box and 112 before any scroll
            expect(link).to_be_in_viewport()
    context.close()


@pytest.mark.browser
def test_search_for_danger_shows_the_numbers_first_and_other_searches_do_not(phone, example_server):
    """Defect: "przemoc" listed services but no number to call now."""
    from playwright.sync_api import expect

    phone.goto(example_server + "/szukaj/?q=przemoc+domowa")
    settle(phone)
    box = phone.locator("[data-crisis-lines]")
    expect(box).to_be_visible()
    expect(box.locator('a[href="tel:800120002"]')).to_have_text("800 120 002")
    first_result = phone.locator("[data-search-results] li").first
    expect(first_result).to_be_visible()
    numbers_top, first_result_top = box.bounding_box()["y"], first_result.bounding_box()["y"]
    assert numbers_top < first_result_top
    search = phone.get_by_role("searchbox")
    search.fill("fryzjer")
    search.press("Enter")
    expect(phone.locator("[data-search-results] li").first).to_contain_text("Fryzjer")
    expect(box).to_be_hidden()
    search.fill("molestuje")  # any form of a crisis word, even when nothing matches
    search.press("Enter")
    expect(phone.locator("[data-search-status]")).to_have_text(
        "Nie znaleziono usług pasujących do wyszukiwania."
    )
    expect(box).to_be_visible()
    search.fill("mąż mnie bije")  # since issue 12 a situation: the crisis point comes first
    search.press("Enter")
    first = phone.locator("[data-search-results] li").first
    expect(first).to_have_attribute("data-service-id", "punkt-interwencji-kryzysowej")
    expect(box).to_be_visible()


def test_other_audience_pages_do_not_show_the_numbers(example_site: Path) -> None:
    html = (example_site / "dla" / "seniorzy" / "index.html").read_text(encoding="utf-8")
    assert "crisis-lines" not in html and "tel:116123" not in html


def build_with_lines(tmp_path: Path, old: str, new: str) -> subprocess.CompletedProcess[str]:
    """Build the mini catalogue with a copy of data/ whose crisis-lines.csv says ``new``."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(data / "crisis-lines.csv", old, new)
    return run_pelican(FIXTURES / "mini", tmp_path / "out", CATALOGUE_DATA_PATH=str(data))


def test_the_numbers_are_data_the_centre_keeps(tmp_path: Path) -> None:
    result = build_with_lines(tmp_path, "116 123,", "116 000,")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "out" / "dla" / "osoby-w-kryzysie" / "index.html").read_text("utf-8")
    assert '<a class="crisis-number" href="tel:116000">116 000</a>' in html
    assert "116 123" not in html


def test_a_malformed_number_stops_the_build_at_its_line(tmp_path: Path) -> None:
    result = build_with_lines(tmp_path, "116 111,", "zadzwoń 116 111,")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "crisis-lines.csv:4: number: słownik jest niepoprawny" in output
    assert "Traceback" not in output
