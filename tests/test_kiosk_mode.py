"""Kiosk mode: on-screen keyboard, no way out to other sites, touch targets, idle reset."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from a11y_support import describe, new_context, run_axe, settle, wait_for_value
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

IDLE = 90  # CATALOGUE_KIOSK_IDLE_SECONDS of the example site
WARNING = 30  # CATALOGUE_KIOSK_WARNING_SECONDS
KIOSK_CLASS = re.compile(r"(^|\s)kiosk(\s|$)")


def type_on_screen(page, text: str) -> None:
    for char in text:
        name = "Spacja" if char == " " else char
        page.locator("[data-keyboard]").get_by_role("button", name=name, exact=True).click()


def test_kiosk_start_switches_the_tab_into_kiosk_mode(browser, example_server):
    context = new_context(browser)
    kiosk = context.new_page()
    html = kiosk.locator("html")
    kiosk.goto(example_server + "/uslugi/")
    expect(html).not_to_have_class(KIOSK_CLASS)
    kiosk.goto(example_server + "/kiosk/")
    settle(kiosk, kiosk=True)
    expect(html).to_have_class(KIOSK_CLASS)
    kiosk.goto(example_server + "/uslugi/")
    settle(kiosk, kiosk=True)
    expect(kiosk.get_by_role("navigation", name="Nawigacja kiosku")).to_be_visible()
    kiosk.goto(example_server + "/kiosk/?koniec=1")
    expect(html).not_to_have_class(KIOSK_CLASS)
    context.close()


def test_on_screen_keyboard_types_polish_letters_and_searches(kiosk, example_server):
    kiosk.goto(example_server + "/kiosk/")
    settle(kiosk, kiosk=True)
    field = kiosk.locator("#kiosk-q")
    field.click()
    keyboard = kiosk.locator("[data-keyboard]")
    expect(keyboard).to_be_visible()
    expect(field).to_have_attribute("inputmode", "none")  # the system keyboard stays away
    type_on_screen(kiosk, "pomoc ąćęłńóśźż")
    keyboard.get_by_role("button", name="Usuń znak").click()
    expect(field).to_have_value("pomoc ąćęłńóśź")
    keyboard.get_by_role("button", name="Wielkie litery").click()
    type_on_screen(kiosk, "Ż")  # the keys show capitals for one letter
    expect(field).to_have_value("pomoc ąćęłńóśźŻ")
    keyboard.get_by_role("button", name="Wyczyść").click()
    type_on_screen(kiosk, "opieka")
    with kiosk.expect_navigation(url="**/szukaj/?q=opieka"):
        keyboard.get_by_role("button", name="Gotowe").click()


def test_links_to_other_sites_show_a_code_and_the_address_instead(kiosk, example_server):
    kiosk.goto(example_server + "/deklaracja-dostepnosci/")
    settle(kiosk, kiosk=True)
    kiosk.locator("a[href='https://bip.brpo.gov.pl/']").click()
    dialog = kiosk.locator("dialog.kiosk-dialog[open]")
    expect(dialog).to_contain_text("bip.brpo.gov.pl")
    expect(kiosk).to_have_url(example_server + "/deklaracja-dostepnosci/")
    expect(dialog.get_by_role("img", name="Kod QR adresu podanego niżej")).to_be_visible()
    kiosk.wait_for_function("document.querySelector('dialog[open] img').naturalWidth > 0")
    dialog.get_by_role("button", name="Zamknij").click()
    kiosk.locator("#a11y-email").click()  # mailto: would open a mail program
    expect(dialog).to_contain_text("dostepnosc@przykladowo.example")


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
    """On the card, under its title (the kiosk bar keeps to Back, Start and Finish)."""
    kiosk.goto(example_server + "/uslugi/zlota-raczka/")
    settle(kiosk, kiosk=True)
    kiosk.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    card = kiosk.locator("article")
    card.get_by_role("button", name="Drukuj kartę usługi").click()
    expect(kiosk.locator("body")).to_have_attribute("data-printed", "yes")


def test_idle_reset_asks_first_then_clears_query_history_scroll_and_storage(kiosk, example_server):
    kiosk.goto(example_server + "/uslugi/zlota-raczka/")
    settle(kiosk, kiosk=True)
    kiosk.evaluate("localStorage.setItem('cus-text', 'large'); sessionStorage.setItem('x', '1')")
    kiosk.evaluate("document.cookie = 'visitor=1; path=/'")
    kiosk.locator(".kiosk-bar").get_by_role("link", name="Start").click()
    kiosk.wait_for_url("**/kiosk/")
    settle(kiosk, kiosk=True)
    kiosk.locator("#kiosk-q").click()
    query = kiosk.locator("#kiosk-q")
    type_on_screen(kiosk, "psycholog")
    expect(query).to_have_value("psycholog")
    # From here the page's time stands still except inside run_for: an installed clock flows
    # with real time, so on a busy machine the visitor's 30 s ran out between two steps.
    now = dt.datetime.fromtimestamp(kiosk.evaluate("Date.now()") / 1000, tz=dt.UTC)
    kiosk.clock.pause_at(now + dt.timedelta(seconds=5))
    # Scrolling is the visitor's last activity: the idle time counts from its scroll event.
    # Instantly: a smooth scroll (the focused field turns it on) goes on in real time, and its
    # later scroll events would restart the idle time in the middle of run_for.
    kiosk.evaluate(
        """() => new Promise((scrolled) => {
            addEventListener("scroll", scrolled, {once: true});
            scrollTo({top: 1500, behavior: "instant"});
        })"""
    )
    wait_for_value(kiosk, "window.scrollY > 0", True)

    kiosk.clock.run_for((IDLE - 1) * 1000)
    dialog = kiosk.get_by_role("dialog", name="Potrzebujesz więcej czasu?")
    expect(dialog).to_be_hidden()
    kiosk.clock.run_for(2000)
    expect(dialog).to_be_visible()
    # "Yes" gives the visitor the full time again.
    dialog.get_by_role("button", name="Tak, potrzebuję więcej czasu").click()
    expect(dialog).to_be_hidden()
    expect(query).to_have_value("psycholog")
    kiosk.clock.run_for(IDLE * 1000)
    expect(dialog).to_be_visible()
    # At least 20 seconds to answer (WCAG 2.2.1): nothing is cleared before.
    kiosk.clock.run_for((WARNING - 1) * 1000)
    expect(dialog).to_be_visible()
    expect(query).to_have_value("psycholog")
    with kiosk.expect_navigation(url="**/kiosk/"):
        kiosk.clock.run_for(2000)
    settle(kiosk, kiosk=True)
    expect(query).to_have_value("")
    wait_for_value(kiosk, "window.scrollY", 0)
    wait_for_value(kiosk, "localStorage.length", 0)
    wait_for_value(kiosk, "Object.keys(sessionStorage).sort()", ["cus-kiosk", "cus-kiosk-stale"])
    wait_for_value(kiosk, "document.cookie.includes('visitor')", False)
    expect(kiosk.locator("html")).to_have_class(KIOSK_CLASS)
    # The previous visitor's pages are gone from history: going back lands on the start.
    expect(kiosk.locator(".kiosk-bar").get_by_role("button", name="Wstecz")).to_be_hidden()
    kiosk.go_back()
    kiosk.wait_for_url("**/kiosk/")
    settle(kiosk, kiosk=True)
    expect(query).to_have_value("")


def test_idle_countdown_names_the_seconds_in_the_right_plural_form(kiosk, example_server):
    """The countdown read "Pozostało sekund: 22"; Polish says 30 sekund, 22 sekundy, 1 sekunda."""
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


BAD_ANSWERS = "/sprawdz/?wiek=abc&dochod=-5&warunki=xyz"
FINISH = {"pl": "Zakończ", "uk": "Завершити", "en": "Finish"}
# Rows of the kiosk bar: distinct tops of its controls.
BAR_ROWS = """new Set([...document.querySelectorAll('[data-kiosk-bar] li')]
    .map((item) => Math.round(item.getBoundingClientRect().top))).size"""
# Focusable elements the bar covers in part: some of them under it, some of them below it
# (axe's target-size finds those too small to touch). Wholly under it is scrolled past.
HALF_COVERED = """(() => {
    const bottom = document.querySelector('[data-kiosk-bar]').getBoundingClientRect().bottom;
    return [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter((e) => !e.closest('[data-kiosk-bar]') && e.getClientRects().length)
        .filter((e) => { const r = e.getBoundingClientRect(); return r.top < bottom && r.bottom > bottom; })
        .map((e) => e.outerHTML.slice(0, 60));
})()"""
# Whether the top of the focused element is below the bar, not under it.
FOCUS_BELOW_BAR = """Math.round(document.activeElement.getBoundingClientRect().top)
    >= Math.round(document.querySelector('[data-kiosk-bar]').getBoundingClientRect().bottom)"""


def open_bad_answers(browser, base: str, code: str, width: int):
    """The /sprawdz/ page with answers it cannot use, in kiosk mode: it focuses its problems."""
    page = new_context(browser, width=width, kiosk=True, axe=True).new_page()
    page.goto(base + ("" if code == "pl" else "/" + code) + BAD_ANSWERS)
    settle(page, kiosk=True)
    expect(page.locator("[data-screener-problems]")).to_be_focused()
    return page


@pytest.mark.parametrize(
    ("code", "width"), [("en", 375), ("en", 320), ("pl", 375), ("pl", 320), ("uk", 375)]
)
def test_kiosk_bar_stays_one_row_and_covers_nothing_focusable(browser, example_server, code, width):
    """With "Finish" added the bar wrapped to two rows at 375 px and, now and then, covered half
    of the "A–Z" menu link of the English /sprawdz/ error page (axe target-size): the bar is one
    row of touch targets, and the focused list of problems starts below it."""
    page = open_bad_answers(browser, example_server, code, width)
    bar = page.locator("[data-kiosk-bar]")
    finish = bar.get_by_role("button", name=FINISH[code], exact=True)
    expect(finish).to_be_visible()
    wait_for_value(page, BAR_ROWS, 1)
    wait_for_value(page, HALF_COVERED, [])
    wait_for_value(page, FOCUS_BELOW_BAR, True)
    box = finish.bounding_box()
    bar_box = bar.bounding_box()
    assert box is not None and bar_box is not None
    assert box["width"] >= 44 and box["height"] >= 44  # a touch target
    assert bar_box["height"] < 2 * box["height"]  # one row of buttons, not two
    violations = run_axe(page)
    assert not violations, describe(violations)
    page.context.close()


def test_a_kiosk_bar_of_two_rows_covers_nothing_focusable(browser, example_server):
    """Where the words are too long for one row (Ukrainian at 320 px) the bar wraps, and the
    page still keeps the focused problems and every target clear of it."""
    page = open_bad_answers(browser, example_server, "uk", 320)
    wait_for_value(page, BAR_ROWS, 2)
    wait_for_value(page, HALF_COVERED, [])
    wait_for_value(page, FOCUS_BELOW_BAR, True)
    violations = run_axe(page)
    assert not violations, describe(violations)
    page.context.close()


PRINT_CARD = {
    "pl": "Drukuj kartę usługi",
    "uk": "Надрукувати картку послуги",
    "en": "Print the service card",
}
# How far each bar label's text sits from the middle of its box, in px (left/right, up/down).
BAR_LABELS_OFF_CENTRE = """[...document.querySelectorAll('[data-kiosk-bar] a, [data-kiosk-bar] button')]
    .filter((e) => e.getClientRects().length)
    .map((e) => {
        const box = e.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(e);
        const text = range.getBoundingClientRect();
        return Math.max(Math.abs(text.left + text.right - box.left - box.right),
                        Math.abs(text.top + text.bottom - box.top - box.bottom)) / 2;
    })
    .every((off) => off <= 2)"""


@pytest.mark.parametrize("code", ["pl", "uk", "en"])
def test_kiosk_bar_on_a_service_page_stays_one_row_at_375_px(browser, example_server, code):
    """Defect: on a service page "Drukuj kartę usługi" in the kiosk bar pushed the bar onto two
    rows at 375 px, and the "Start" link's label sat at the top edge of its box. The bar keeps
    Back, Start and Finish in one row of touch targets; the card's print button is on the card,
    under its title, with its full name."""
    page = new_context(browser, width=375, kiosk=True).new_page()
    page.goto(example_server + ("" if code == "pl" else "/" + code) + "/uslugi/zlota-raczka/")
    settle(page, kiosk=True)
    bar = page.locator("[data-kiosk-bar]")
    finish = bar.get_by_role("button", name=FINISH[code], exact=True)
    expect(finish).to_be_visible()
    wait_for_value(page, BAR_ROWS, 1)
    wait_for_value(page, BAR_LABELS_OFF_CENTRE, True)
    wait_for_value(page, "document.documentElement.scrollWidth <= innerWidth", True)
    for control in (finish, bar.get_by_role("link", name="Start" if code != "uk" else "Початок")):
        box = control.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44
    card = page.locator("article")
    expect(card.get_by_role("button", name=PRINT_CARD[code], exact=True)).to_be_visible()
    page.context.close()
