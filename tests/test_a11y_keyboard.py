"""Keyboard only, 200% text and 320 px reflow: the resident's journey without a mouse."""

from __future__ import annotations

import re

import pytest
from a11y_support import new_context, settle
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def tab_page(browser):
    """A page driven only by the keyboard."""
    context = new_context(browser, width=1280)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def focused(page) -> dict:
    """The focused element: tag, text, link target and whether its focus ring shows."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            return {tag: e.tagName, text: (e.innerText || e.value || '').trim(),
                    href: e.getAttribute('href') || '', id: e.id,
                    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                    visible: e.matches(':focus-visible')};
        }"""
    )


def tab_to(page, predicate, limit: int = 80) -> dict:
    """Press Tab until the focused element matches; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["ring"] and now["visible"], f"no visible focus on {now}"
        if predicate(now):
            return now
    raise AssertionError("never reached the element by Tab")


def test_skip_link_is_first_and_moves_to_the_main_content(tab_page, example_server):
    tab_page.goto(example_server + "/uslugi/zlota-raczka/")
    tab_page.keyboard.press("Tab")
    first = focused(tab_page)
    assert first["text"] == "Przejdź do treści głównej" and first["href"] == "#main"
    expect(tab_page.locator(".skip-link")).to_be_visible()
    tab_page.keyboard.press("Enter")
    expect(tab_page.locator("#main")).to_be_focused()


def test_start_search_result_service_application_by_keyboard_only(tab_page, example_server):
    page = tab_page
    page.goto(example_server + "/")
    tab_to(page, lambda f: f["id"] == "home-q")
    page.keyboard.type("złota rączka")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=*")
    settle(page)
    result = tab_to(page, lambda f: f["href"].endswith("uslugi/zlota-raczka/"))
    assert "Złota rączka" in result["text"]
    page.keyboard.press("Enter")
    page.wait_for_url("**/uslugi/zlota-raczka/")
    tab_to(page, lambda f: "wniosek/?usluga=zlota-raczka" in f["href"])
    page.keyboard.press("Enter")
    page.wait_for_url("**/wniosek/?usluga=zlota-raczka")
    settle(page)
    expect(page.locator("#field-service")).to_have_value("zlota-raczka")
    tab_to(page, lambda f: f["id"] == "field-name")
    page.keyboard.type("Anna Nowak")
    submit = tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "Wyślij prośbę")
    assert submit


def test_reading_aids_are_buttons_remembered_across_pages(tab_page, example_server):
    page = tab_page
    page.goto(example_server + "/")
    tab_to(page, lambda f: f["text"] == "Większy tekst")
    page.keyboard.press("Enter")
    tab_to(page, lambda f: f["text"].endswith("Wysoki kontrast"))
    page.keyboard.press("Space")
    page.goto(example_server + "/uslugi/")
    expect(page.locator("html")).to_have_class(re.compile(r"(^|\s)text-large(\s|$)"))
    expect(page.locator("html")).to_have_class(re.compile(r"(^|\s)contrast-high(\s|$)"))
    expect(page.get_by_role("button", name="Większy tekst")).to_have_attribute(
        "aria-pressed", "true"
    )
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 18 * 1.3


def test_reading_aids_need_javascript_so_they_are_hidden_without_it(browser, example_server):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(example_server + "/")
    expect(page.get_by_role("button", name="Większy tekst")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    context.close()


@pytest.mark.parametrize(
    "url",
    ["/", "/uslugi/zlota-raczka/", "/szukaj/?q=opieka", "/wniosek/", "/deklaracja-dostepnosci/"],
)
def test_reflow_at_320_px_and_200_percent_text_without_loss(browser, example_server, url):
    # 320 CSS px is 1280 px at 400% zoom (WCAG 1.4.10); text at 200% (WCAG 1.4.4).
    for width, text_zoom in ((320, "100%"), (1280, "200%"), (640, "200%")):
        context = new_context(browser, width=width)
        page = context.new_page()
        page.goto(example_server + url)
        settle(page)
        page.add_style_tag(content=f"html {{ font-size: {text_zoom} !important; }}")
        overflow = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.offsetParent !== null && !e.closest('table, pre'))
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .map(e => e.tagName + '.' + e.className);
                return {scroll: document.documentElement.scrollWidth - width, wide};
            }"""
        )
        context.close()
        assert overflow["scroll"] <= 0 and not overflow["wide"], (url, width, text_zoom, overflow)
