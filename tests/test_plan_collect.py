"""My plan: collect services on three kinds of pages, keep them offline, remove, reload, share,
all by keyboard too, with the count in the menu and no violation axe-core can find."""

from __future__ import annotations

import re

import pytest
from a11y_support import WIDTHS, describe, new_context, run_axe, settle
from plan_support import PUBLIC_PLAN, keep_plan, open_plan
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WORKER_ACTIVE = """async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', () =>
            worker.state === 'activated' && resolve()));
    }
    return worker.state;
}"""


def plan_links(page):
    return page.locator("[data-plan-items] > li h2 a")


def expect_plan(page, base: str, services: list[str]) -> None:
    """The plan page lists these services, in this order, as links to their pages."""
    expect(plan_links(page)).to_have_count(len(services))
    for position, service in enumerate(services):
        expect(plan_links(page).nth(position)).to_have_attribute(
            "href", f"{base}/uslugi/{service}/"
        )


def test_three_services_from_three_pages_stay_offline_and_travel_by_link(browser, example_server):
    context = new_context(browser, service_workers="allow")
    page = context.new_page()
    # 1. A service page.
    page.goto(example_server + "/uslugi/zlota-raczka/")
    toggle = page.locator("[data-plan-toggle='zlota-raczka']")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-plan-live]")).to_have_text(re.compile("^Dodano do Twojego planu"))
    expect(page.locator("[data-plan-count]")).to_have_text("1")
    # 2. A search result (the toggle is added to the results the script shows).
    page.goto(example_server + "/szukaj/?q=dietetyk")
    result = page.locator("[data-search-results] li[data-service-id='dietetyk']")
    result.locator("[data-plan-toggle]").click()
    expect(result.locator("[data-plan-toggle]")).to_have_attribute("aria-pressed", "true")
    # 3. An item of a list.
    page.goto(example_server + "/dla/seniorzy/")
    page.locator(".service-card [data-plan-toggle='mycie-okien']").click()
    expect(page.locator("[data-plan-count]")).to_have_text("3")
    expect(page.locator("[data-plan-count-text]")).to_have_text(" (3 usługi w Twoim planie)")
    state = page.evaluate(WORKER_ACTIVE)  # every file of the site is kept for offline use
    assert state == "activated"

    context.set_offline(True)
    open_plan(page, example_server)
    expect_plan(page, example_server, ["zlota-raczka", "dietetyk", "mycie-okien"])
    first = page.locator("[data-plan-items] > li").first
    first.get_by_label("Notatka").fill("Klucz u sąsiadki, mieszkanie 4")
    page.locator("[data-plan-items] > li").nth(1).get_by_role("button", name="Usuń z planu").click()
    expect(plan_links(page)).to_have_count(2)
    page.reload()
    page.wait_for_selector("body[data-plan-ready]", state="attached")
    expect_plan(page, example_server, ["zlota-raczka", "mycie-okien"])
    expect(page.locator("[data-plan-items] > li").first.get_by_label("Notatka")).to_have_value(
        "Klucz u sąsiadki, mieszkanie 4"
    )
    # Ids only, never the notes.
    expect(page.locator("[data-plan-link]")).to_have_value(
        f"{PUBLIC_PLAN}?uslugi=zlota-raczka,mycie-okien"
    )
    link = page.locator("[data-plan-link]").input_value()
    context.close()

    fresh = new_context(browser)
    other = fresh.new_page()
    open_plan(other, example_server, link.removeprefix(PUBLIC_PLAN))
    expect_plan(other, example_server, ["zlota-raczka", "mycie-okien"])
    expect(other.get_by_text("Ten plan otwarto z linku.")).to_be_visible()
    expect(other.get_by_label("Notatka")).to_have_count(0)  # a shared plan has no notes
    other.get_by_role("button", name="Zapisz ten plan na tym urządzeniu").click()
    expect(other.locator("[data-plan-count]")).to_have_text("2")
    expect(other.get_by_label("Notatka")).to_have_count(2)
    expect(other).to_have_url(example_server + "/moj-plan/")
    fresh.close()


def fact(item, label: str):
    """The value beside a label of a service's facts on the plan page."""
    return item.locator(".plan-facts > div").filter(has=item.page.get_by_text(label, exact=True))


def test_each_service_shows_who_when_where_what_it_costs_places_left_and_how_to_apply(
    browser, example_server
):
    context = new_context(browser)
    page = context.new_page()
    page.goto(example_server + "/uslugi/")
    keep_plan(page, [{"id": "teleopieka"}, {"id": "opieka-wytchnieniowa"}])
    open_plan(page, example_server)
    alarm, respite = page.locator("[data-plan-items] > li").all()
    expected = {
        "Kto prowadzi usługę": "Centrum Usług Społecznych w Przykładowie",
        "Kiedy": "Centrum alarmowe działa całą dobę.",
        "Gdzie": "ul. Słoneczna 1, Przykładowo",
        "Ile kosztuje": "bezpłatna",
        "Dostępność miejsc": "Na 2026 rok zostały 23 miejsca z 120. Stan na 2 listopada 2026 r.",
        "Jak skorzystać": "Złóż wniosek u koordynatora w centrum.",
    }
    for label, value in expected.items():
        expect(fact(alarm, label).locator("dd")).to_contain_text(value)
    # Figures older than the setting allows are not shown as if they were current.
    expect(fact(respite, "Ile kosztuje")).to_be_visible()
    expect(fact(respite, "Dostępność miejsc")).to_be_hidden()
    context.close()


def test_the_plan_is_never_in_a_cookie_nor_sent_while_collecting(browser, example_server):
    context = new_context(browser)
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request) if request.method != "GET" else None)
    page.goto(example_server + "/uslugi/zlota-raczka/")
    page.locator("[data-plan-toggle]").click()
    expect(page.locator("[data-plan-count]")).to_have_text("1")
    open_plan(page, example_server)
    page.get_by_label("Notatka").fill("Wolę rano")
    expect(plan_links(page)).to_have_count(1)
    assert context.cookies() == []
    assert sent == []
    context.close()


def test_keyboard_only_add_reorder_and_remove(browser, example_server):
    context = new_context(browser)
    page = context.new_page()
    for service in ("zlota-raczka", "mycie-okien", "dietetyk"):
        page.goto(example_server + f"/uslugi/{service}/")
        expect(page.locator("[data-plan-count]")).to_have_text(re.compile(r"\d"))
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.hasAttribute('data-plan-toggle')"):
                break
        else:
            raise AssertionError("the toggle is not reachable by Tab")
        page.keyboard.press("Enter" if service != "dietetyk" else "Space")
        expect(page.locator("[data-plan-toggle]")).to_have_attribute("aria-pressed", "true")
    open_plan(page, example_server)
    expect(plan_links(page)).to_have_count(3)
    first_down = page.get_by_role(
        "button", name="Przesuń niżej (Złota rączka – mobilny konserwator)"
    )
    first_down.focus()
    page.keyboard.press("Enter")
    names = plan_links(page)
    expect(names.nth(1)).to_have_text("Złota rączka – mobilny konserwator")
    # The focus stays on the button of the moved service, which can move on at once.
    expect(first_down).to_be_focused()
    page.keyboard.press("Enter")
    expect(names.nth(2)).to_have_text("Złota rączka – mobilny konserwator")
    up = page.get_by_role("button", name="Przesuń wyżej (Złota rączka – mobilny konserwator)")
    expect(up).to_be_focused()  # the last one cannot go lower: the focus moved to "up"
    expect(page.locator("[data-plan-live]")).to_have_text(re.compile("teraz miejsce 3"))
    page.keyboard.press("Tab")  # "down" is disabled at the end: the next stop is "remove"
    expect(page.locator(":focus")).to_have_text("Usuń z planu (Złota rączka – mobilny konserwator)")
    page.keyboard.press("Enter")
    expect(plan_links(page)).to_have_count(2)
    expect(page.get_by_role("link", name="Złota rączka – mobilny konserwator")).to_have_count(0)
    # The focus goes to "remove" of the service now last, never lost to the top of the page.
    expect(page.locator(":focus")).to_have_text(re.compile(r"^Usuń z planu \(Programy"))
    expect(page.locator("[data-plan-count]")).to_have_text("2")
    context.close()


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("view", ["own", "shared", "empty"])
def test_plan_page_has_no_axe_violations(browser, example_server, view, width, kiosk):
    context = new_context(browser, width=width, kiosk=kiosk, axe=True)
    page = context.new_page()
    page.goto(example_server + "/uslugi/")
    if view != "empty":
        keep_plan(page, [{"id": "zlota-raczka"}, {"id": "usluga-usunieta", "name": "Stara"}])
    query = "?uslugi=dietetyk,mycie-okien" if view == "shared" else ""
    open_plan(page, example_server, query)
    settle(page, kiosk=kiosk)
    violations = run_axe(page)
    assert not violations, describe(violations)
    context.close()


def test_the_count_in_the_menu_and_the_toggle_keep_their_room(browser, example_server):
    """Space for the count and the toggle is in the page's HTML: filling them moves nothing."""

    def boxes(page) -> list[dict]:
        """Sizes of the count's link and the toggle, and where the toggle is below the title."""
        return page.evaluate(
            """() => {
                const box = (s) => document.querySelector(s).getBoundingClientRect();
                const [link, toggle, title] = ['.plan-nav', '[data-plan-toggle]', 'h1'].map(box);
                return [link.width, link.height, toggle.width, toggle.height, toggle.y - title.y];
            }"""
        )

    before = new_context(browser, width=375)
    page = before.new_page()
    page.route("**/js/site.js", lambda route: route.abort())  # the state before scripts ran
    page.goto(example_server + "/uslugi/zlota-raczka/")
    expect(page.locator("[data-plan-count]")).to_have_text("")
    unfilled = boxes(page)
    before.close()
    after = new_context(browser, width=375)
    page = after.new_page()
    page.goto(example_server + "/uslugi/")
    keep_plan(page, [{"id": "zlota-raczka"}, {"id": "dietetyk"}, {"id": "mycie-okien"}])
    page.goto(example_server + "/uslugi/zlota-raczka/")
    expect(page.locator("[data-plan-count]")).to_have_text("3")
    expect(page.locator("[data-plan-toggle]")).to_have_attribute("aria-pressed", "true")
    assert boxes(page) == unfilled
    after.close()
