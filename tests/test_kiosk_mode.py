"""Kiosk mode: on-screen keyboard, no way out to other sites, touch targets, idle reset."""

from __future__ import annotations

import datetime as dt

import pytest
from a11y_support import new_context, settle

pytestmark = pytest.mark.browser

IDLE = 90  # CATALOGUE_KIOSK_IDLE_SECONDS of the example site
WARNING = 30  # CATALOGUE_KIOSK_WARNING_SECONDS


def type_on_screen(page, text: str) -> None:
    for char in text:
        name = "Spacja" if char == " " else char
        page.locator("[data-keyboard]").get_by_role("button", name=name, exact=True).click()


def test_kiosk_start_switches_the_tab_into_kiosk_mode(browser, example_server):
    context = new_context(browser)
    kiosk = context.new_page()
    kiosk.goto(example_server + "/uslugi/")
    assert not kiosk.evaluate("document.documentElement.classList.contains('kiosk')")
    kiosk.goto(example_server + "/kiosk/")
    settle(kiosk, kiosk=True)
    assert kiosk.evaluate("document.documentElement.classList.contains('kiosk')")
    kiosk.goto(example_server + "/uslugi/")
    settle(kiosk, kiosk=True)
    assert kiosk.get_by_role("navigation", name="Nawigacja kiosku").is_visible()
    kiosk.goto(example_server + "/kiosk/?koniec=1")
    assert not kiosk.evaluate("document.documentElement.classList.contains('kiosk')")
    context.close()


def test_on_screen_keyboard_types_polish_letters_and_searches(kiosk, example_server):
    kiosk.goto(example_server + "/kiosk/")
    settle(kiosk, kiosk=True)
    field = kiosk.locator("#kiosk-q")
    field.click()
    keyboard = kiosk.locator("[data-keyboard]")
    assert keyboard.is_visible()
    assert field.get_attribute("inputmode") == "none"  # the system keyboard stays away
    type_on_screen(kiosk, "pomoc ąćęłńóśźż")
    keyboard.get_by_role("button", name="Usuń znak").click()
    assert field.input_value() == "pomoc ąćęłńóśź"
    keyboard.get_by_role("button", name="Wielkie litery").click()
    type_on_screen(kiosk, "Ż")  # the keys show capitals for one letter
    assert field.input_value() == "pomoc ąćęłńóśźŻ"
    keyboard.get_by_role("button", name="Wyczyść").click()
    type_on_screen(kiosk, "opieka")
    with kiosk.expect_navigation(url="**/szukaj/?q=opieka"):
        keyboard.get_by_role("button", name="Gotowe").click()


def test_links_to_other_sites_show_a_code_and_the_address_instead(kiosk, example_server):
    kiosk.goto(example_server + "/deklaracja-dostepnosci/")
    settle(kiosk, kiosk=True)
    kiosk.locator("a[href='https://bip.brpo.gov.pl/']").click()
    dialog = kiosk.locator("dialog.kiosk-dialog[open]")
    dialog.wait_for()
    assert kiosk.url == example_server + "/deklaracja-dostepnosci/"
    assert "bip.brpo.gov.pl" in dialog.inner_text()
    image = dialog.get_by_role("img", name="Kod QR adresu podanego niżej")
    image.wait_for()
    assert kiosk.wait_for_function("document.querySelector('dialog[open] img').naturalWidth > 0")
    dialog.get_by_role("button", name="Zamknij").click()
    kiosk.locator("#a11y-email").click()  # mailto: would open a mail program
    assert "dostepnosc@przykladowo.example" in kiosk.locator("dialog[open]").inner_text()


@pytest.mark.parametrize("url", ["/kiosk/", "/uslugi/zlota-raczka/", "/wniosek/"])
def test_touch_targets_are_at_least_44_px(kiosk, example_server, url):
    kiosk.goto(example_server + url)
    settle(kiosk, kiosk=True)
    small = kiosk.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea')]
            .filter(e => e.offsetParent !== null && !e.closest('[aria-hidden=true]'))
            .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
            .map(([html, r]) => `${html} ${Math.round(r.width)}×${Math.round(r.height)}`)"""
    )
    assert not small, "\n".join(small)


def test_service_page_in_the_kiosk_has_a_print_button(kiosk, example_server):
    kiosk.goto(example_server + "/uslugi/zlota-raczka/")
    settle(kiosk, kiosk=True)
    kiosk.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    kiosk.locator(".kiosk-bar").get_by_role("button", name="Drukuj kartę usługi").click()
    assert kiosk.evaluate("document.body.dataset.printed") == "yes"


def test_idle_reset_asks_first_then_clears_query_history_scroll_and_storage(kiosk, example_server):
    kiosk.goto(example_server + "/uslugi/zlota-raczka/")
    settle(kiosk, kiosk=True)
    kiosk.evaluate("localStorage.setItem('cus-text', 'large'); sessionStorage.setItem('x', '1')")
    kiosk.evaluate("document.cookie = 'visitor=1; path=/'")
    kiosk.locator(".kiosk-bar").get_by_role("link", name="Start").click()
    kiosk.wait_for_url("**/kiosk/")
    settle(kiosk, kiosk=True)
    kiosk.locator("#kiosk-q").click()
    type_on_screen(kiosk, "psycholog")
    assert kiosk.locator("#kiosk-q").input_value() == "psycholog"
    kiosk.evaluate("window.scrollTo(0, 1500)")
    assert kiosk.evaluate("window.scrollY") > 0

    kiosk.clock.run_for((IDLE - 1) * 1000)
    assert not kiosk.locator("dialog[data-idle-dialog][open]").count()
    kiosk.clock.run_for(2000)
    dialog = kiosk.get_by_role("dialog", name="Potrzebujesz więcej czasu?")
    dialog.wait_for()
    # "Yes" gives the visitor the full time again.
    dialog.get_by_role("button", name="Tak, potrzebuję więcej czasu").click()
    assert not dialog.is_visible()
    assert kiosk.locator("#kiosk-q").input_value() == "psycholog"
    kiosk.clock.run_for(IDLE * 1000)
    dialog.wait_for()
    # At least 20 seconds to answer (WCAG 2.2.1): nothing is cleared before.
    kiosk.clock.run_for((WARNING - 1) * 1000)
    assert dialog.is_visible()
    assert kiosk.locator("#kiosk-q").input_value() == "psycholog"
    with kiosk.expect_navigation(url="**/kiosk/"):
        kiosk.clock.run_for(2000)
    settle(kiosk, kiosk=True)
    assert kiosk.locator("#kiosk-q").input_value() == ""
    assert kiosk.evaluate("window.scrollY") == 0
    assert kiosk.evaluate("localStorage.length") == 0
    assert kiosk.evaluate("Object.keys(sessionStorage).sort()") == ["cus-kiosk", "cus-kiosk-stale"]
    assert "visitor" not in kiosk.evaluate("document.cookie")
    assert kiosk.evaluate("document.documentElement.classList.contains('kiosk')")
    # The previous visitor's pages are gone from history: going back lands on the start.
    assert not kiosk.locator(".kiosk-bar").get_by_role("button", name="Wstecz").is_visible()
    kiosk.go_back()
    kiosk.wait_for_url("**/kiosk/")
    settle(kiosk, kiosk=True)
    assert kiosk.locator("#kiosk-q").input_value() == ""


def test_idle_countdown_names_the_seconds_in_the_right_plural_form(kiosk, example_server):
    """The countdown read "Pozostało sekund: 22"; Polish says 30 sekund, 22 sekundy, 1 sekunda."""
    from playwright.sync_api import expect

    kiosk.goto(example_server + "/uslugi/zlota-raczka/")
    settle(kiosk, kiosk=True)
    # Stop the clock, then touch the page: the idle timer starts at a known moment.
    now = dt.datetime.fromtimestamp(kiosk.evaluate("Date.now()") / 1000, tz=dt.UTC)
    kiosk.clock.pause_at(now + dt.timedelta(seconds=1))
    kiosk.keyboard.press("Shift")
    kiosk.clock.run_for(IDLE * 1000)
    countdown = kiosk.get_by_role("dialog", name="Potrzebujesz więcej czasu?").locator(
        "[data-countdown]"
    )
    expect(countdown).to_have_text(f"Zostało {WARNING} sekund")
    kiosk.clock.run_for((WARNING - 22) * 1000)
    expect(countdown).to_have_text("Zostały 22 sekundy")
    kiosk.clock.run_for(21_000)
    expect(countdown).to_have_text("Została 1 sekunda")
