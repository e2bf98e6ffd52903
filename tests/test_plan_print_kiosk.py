"""The plan on paper (one A4 page for six services, the layout of an IPUS), as a QR code, and on
the kiosk, where it goes home printed or scanned and is forgotten at the idle reset."""

from __future__ import annotations

import json
import re

import pytest
from a11y_support import new_context, settle
from plan_support import PUBLIC_PLAN, decode_qr, keep_plan, open_plan
from playwright.sync_api import expect
from test_kiosk_mode import IDLE, WARNING

START_HEADING = "W czym możemy pomóc?"  # the kiosk's start page

pytestmark = pytest.mark.browser


def longest_services(site, count: int) -> list[str]:
    """The services whose printed row is longest: if they fit, the others do too."""
    facts = json.loads((site / "moj-plan" / "uslugi.json").read_text(encoding="utf-8"))
    rows = {
        service: len(" ".join(entry[key] for key in ("name", "provider", "hours", "place", "fee")))
        for service, entry in facts["services"].items()
    }
    return sorted(rows, key=rows.get, reverse=True)[:count]


def test_six_services_print_on_one_a4_page_in_the_ipus_layout(
    browser, example_site, example_server
):
    services = longest_services(example_site, 6)
    context = new_context(browser)
    page = context.new_page()
    page.goto(example_server + "/uslugi/")
    notes = {"how_often": "2 razy w tygodniu", "since": "od stycznia 2027", "note": "Rano"}
    keep_plan(page, [{"id": service, **notes} for service in services])
    open_plan(page, example_server)
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    page.emulate_media(media="print")
    sheet = page.locator("[data-plan-sheet]")
    expect(sheet.get_by_role("heading")).to_have_text(
        "Mój projekt indywidualnego planu usług społecznych (IPUS)"
    )
    headers = sheet.get_by_role("columnheader")
    expect(headers).to_have_text(
        ["Nr", "Usługa", "Kto prowadzi usługę", "Harmonogram", "Okres", "Miejsce"]
    )
    expect(sheet.locator("tbody tr")).to_have_count(6)
    expect(sheet.locator("tbody tr").first).to_contain_text("2 razy w tygodniu")
    expect(sheet.locator("tbody tr").first).to_contain_text("od stycznia 2027")
    expect(sheet).to_contain_text("+48 94 000 00 00")  # the centre's contact
    expect(sheet).to_contain_text("cus@przykladowo.example")
    expect(sheet.locator("[data-plan-date]")).to_have_attribute("datetime", re.compile(r"^\d{4}-"))
    expect(sheet.get_by_text("Uwagi koordynatora")).to_be_visible()
    expect(sheet.get_by_role("img", name="Kod QR z linkiem do tego planu")).to_be_visible()
    expect(page.locator(".plan-screen")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    link = PUBLIC_PLAN + "?uslugi=" + ",".join(services)
    assert decode_qr(page, "[data-plan-qr-print] svg") == link
    context.close()


def test_the_qr_code_on_screen_is_the_share_link(browser, example_server):
    context = new_context(browser)
    page = context.new_page()
    page.goto(example_server + "/uslugi/")
    keep_plan(page, [{"id": "dietetyk", "note": "nie w linku"}, {"id": "zlota-raczka"}])
    open_plan(page, example_server)
    qr = page.locator("[data-plan-qr]").get_by_role("img", name="Kod QR z linkiem do tego planu")
    expect(qr).to_be_visible()
    assert decode_qr(page, "[data-plan-qr] svg") == PUBLIC_PLAN + "?uslugi=dietetyk,zlota-raczka"
    context.close()


def fill_plan_on_the_kiosk(kiosk, base: str) -> None:
    for service in ("zlota-raczka", "dietetyk"):
        kiosk.goto(f"{base}/uslugi/{service}/")
        settle(kiosk, kiosk=True)
        kiosk.locator("[data-plan-toggle]").click()
        expect(kiosk.locator("[data-plan-toggle]")).to_have_attribute("aria-pressed", "true")
    open_plan(kiosk, base)
    settle(kiosk, kiosk=True)
    expect(kiosk.locator("[data-plan-items] > li")).to_have_count(2)


def test_on_the_kiosk_the_plan_prints_and_shows_its_code(kiosk, example_server):
    fill_plan_on_the_kiosk(kiosk, example_server)
    code = kiosk.locator("[data-plan-qr]").get_by_role("img", name="Kod QR z linkiem do tego planu")
    expect(code).to_be_visible()
    box = code.bounding_box()
    assert box is not None and box["width"] >= 280  # large enough to scan from the screen
    kiosk.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    kiosk.get_by_role("button", name="Wydrukuj plan").click()
    expect(kiosk.locator("body")).to_have_attribute("data-printed", "yes")


def test_the_idle_reset_forgets_the_plan(kiosk, example_server):
    fill_plan_on_the_kiosk(kiosk, example_server)
    kiosk.clock.run_for((IDLE + 1) * 1000)
    expect(kiosk.get_by_role("dialog", name="Potrzebujesz więcej czasu?")).to_be_visible()
    with kiosk.expect_navigation(url="**/kiosk/"):
        kiosk.clock.run_for((WARNING + 1) * 1000)
    kept = kiosk.evaluate("localStorage.getItem('cus-plan')")
    assert kept is None
    settle(kiosk, kiosk=True)
    expect(kiosk.locator("[data-plan-count]")).to_have_text("0")
    open_plan(kiosk, example_server)
    expect(kiosk.locator("[data-plan-empty]")).to_be_visible()
    expect(kiosk.locator("[data-plan-items] > li")).to_have_count(0)


def test_finish_now_forgets_the_plan(kiosk, example_server):
    fill_plan_on_the_kiosk(kiosk, example_server)
    kiosk.clock.run_for((IDLE + 1) * 1000)
    dialog = kiosk.get_by_role("dialog", name="Potrzebujesz więcej czasu?")
    with kiosk.expect_navigation(url="**/kiosk/"):
        dialog.get_by_role("button", name="Nie, zakończ teraz").click()
    kept = kiosk.evaluate("localStorage.getItem('cus-plan')")
    assert kept is None
    open_plan(kiosk, example_server)
    expect(kiosk.locator("[data-plan-items] > li")).to_have_count(0)


def test_the_finish_button_ends_the_visit_at_once(kiosk, example_server):
    """Issue 15 item 6: a visitor who is done presses "Zakończ" in the kiosk bar; their plan,
    what they typed and their pages go at once, as on the idle reset, and the start is shown."""
    fill_plan_on_the_kiosk(kiosk, example_server)
    kiosk.goto(example_server + "/szukaj/?q=opieka")
    settle(kiosk, kiosk=True)
    bar = kiosk.get_by_role("navigation", name="Nawigacja kiosku")
    with kiosk.expect_navigation(url=f"{example_server}/kiosk/"):
        bar.get_by_role("button", name="Zakończ").click()
    settle(kiosk, kiosk=True)
    kiosk.wait_for_function("() => localStorage.getItem('cus-plan') === null")
    expect(kiosk.get_by_role("heading", level=1)).to_have_text(START_HEADING)
    expect(kiosk.locator("[data-plan-count]")).to_have_text("0")
    expect(kiosk.locator("#kiosk-q")).to_have_value("")
    # The search with its words is no longer in the history: back stays on the start.
    expect(bar.get_by_role("button", name="Wstecz")).to_be_hidden()
    kiosk.go_back()
    kiosk.wait_for_url(f"{example_server}/kiosk/")
    settle(kiosk, kiosk=True)
    open_plan(kiosk, example_server)
    expect(kiosk.locator("[data-plan-empty]")).to_be_visible()
    expect(kiosk.locator("[data-plan-items] > li")).to_have_count(0)
