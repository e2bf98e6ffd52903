"""Open now, and open at a chosen day and hour, from the structured hours in Poland's time:
driven by Playwright's clock (no waiting for real time), on a Tuesday morning, a Sunday night
with the night shelter open (18:00–08:00), and the night the clocks go back in October."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from a11y_support import new_context
from playwright.sync_api import expect
from sitekit import FIXTURES, serve_folder

pytestmark = pytest.mark.browser

WARSAW_WINTER = dt.timezone(dt.timedelta(hours=1))  # CET
WARSAW_SUMMER = dt.timezone(dt.timedelta(hours=2))  # CEST
TUESDAY_9 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=WARSAW_WINTER)
SUNDAY_2330 = dt.datetime(2026, 11, 29, 23, 30, tzinfo=WARSAW_WINTER)
# 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET, so 02:30 comes twice. The
# shelter opened at 18:00 CEST on Saturday; at 07:30 CET it has been open 14.5 hours by the
# clock but 15.5 hours in fact, and it is still open until 08:00.
OCTOBER_FIRST_0230 = dt.datetime(2026, 10, 25, 2, 30, tzinfo=WARSAW_SUMMER)
OCTOBER_SECOND_0230 = dt.datetime(2026, 10, 25, 2, 30, tzinfo=WARSAW_WINTER)
OCTOBER_0730 = dt.datetime(2026, 10, 25, 7, 30, tzinfo=WARSAW_WINTER)
SHELTER = "/uslugi/noclegownia-testowa/"
CARE = "/uslugi/opieka-z-tabela/"  # Monday to Friday, 08:00–15:30
FOUND = "[data-search-results] li[data-service-id]"


@pytest.fixture(scope="module")
def server(build_site) -> Iterator[str]:
    with serve_folder(build_site(FIXTURES / "screener")) as base:
        yield base


def at(browser: Any, moment: dt.datetime, timezone: str = "Europe/Warsaw") -> Any:
    """A page whose clock starts at ``moment`` and moves only when the test moves it."""
    context = new_context(browser, timezone_id=timezone)
    page = context.new_page()
    page.clock.install(time=moment - dt.timedelta(seconds=10))
    page.clock.pause_at(moment)
    return page


def open_now(page: Any) -> Any:
    return page.locator("[data-open-now]")


def expect_found(page: Any, wanted: set[str], among: set[str]) -> None:
    expect(page.locator(FOUND)).to_have_count(len(wanted))
    for service_id in sorted(among):
        expect(page.locator(f'{FOUND}[data-service-id="{service_id}"]')).to_have_count(
            1 if service_id in wanted else 0
        )


SERVICES = {
    "opieka-z-tabela", "paczki-zywnosciowe", "taksowka-dla-seniora", "klub-mlodziezy",
    "noclegownia-testowa", "wsparcie-dla-opiekunow", "klub-seniora-zawieszony",
}  # fmt: skip


@pytest.mark.parametrize(
    ("moment", "care", "shelter", "open_services"),
    [
        (TUESDAY_9, "Otwarte teraz, do 15:30", "Zamknięte, otwiera się dziś o 18:00",
         {"opieka-z-tabela", "taksowka-dla-seniora"}),
        (SUNDAY_2330, "Zamknięte, otwiera się jutro o 8:00", "Otwarte teraz, do jutra do 8:00",
         {"noclegownia-testowa"}),
    ],
    ids=["Tuesday nine in the morning", "Sunday half past eleven at night: the shelter is open"],
)  # fmt: skip
def test_each_page_and_the_search_say_what_is_open_at_the_moment(
    browser, server, moment, care, shelter, open_services
):
    page = at(browser, moment)
    page.goto(server + CARE)
    expect(open_now(page)).to_have_text(care)
    page.goto(server + SHELTER)
    expect(open_now(page)).to_have_text(shelter)
    page.goto(server + "/szukaj/?otwarte=teraz")
    expect_found(page, open_services, SERVICES)
    page.context.close()


@pytest.mark.parametrize(
    "moment",
    [OCTOBER_FIRST_0230, OCTOBER_SECOND_0230, OCTOBER_0730],
    ids=["02:30 summer time", "02:30 winter time", "07:30 winter time"],
)
def test_the_night_the_clocks_go_back_the_shelter_stays_open_until_eight(browser, server, moment):
    page = at(browser, moment)
    page.goto(server + SHELTER)
    expect(open_now(page)).to_have_text("Otwarte teraz, do 8:00")
    page.goto(server + "/szukaj/?otwarte=teraz")
    expect_found(page, {"noclegownia-testowa"}, SERVICES)
    page.context.close()


def test_the_sentence_follows_the_clock_and_the_weekend(browser, server):
    friday = dt.datetime(2026, 11, 27, 15, 29, tzinfo=WARSAW_WINTER)
    page = at(browser, friday)
    page.goto(server + CARE)
    expect(open_now(page)).to_have_text("Otwarte teraz, do 15:30")
    page.clock.run_for(2 * 60_000)
    expect(open_now(page)).to_have_text("Zamknięte, otwiera się w poniedziałek o 8:00")
    page.context.close()


def test_poland_s_time_is_used_whatever_the_device_s_time_zone(browser, server):
    page = at(browser, TUESDAY_9, timezone="America/New_York")
    page.goto(server + CARE)
    expect(open_now(page)).to_have_text("Otwarte teraz, do 15:30")
    page.context.close()


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("dzien=cz&godzina=17:30", {"wsparcie-dla-opiekunow", "taksowka-dla-seniora"}),
        ("dzien=wt&godzina=10", {"opieka-z-tabela", "paczki-zywnosciowe", "taksowka-dla-seniora"}),
        ("dzien=so", {"noclegownia-testowa"}),
        ("dzien=pn&godzina=7.30", {"noclegownia-testowa", "taksowka-dla-seniora"}),
        ("q=opieka&dzien=nd", set()),
    ],
)
def test_a_chosen_day_and_hour(browser, server, query, wanted):
    page = at(browser, TUESDAY_9)  # the chosen time wins over the clock
    page.goto(f"{server}/szukaj/?{query}")
    expect(page.locator("[data-search-status]")).not_to_be_empty()
    expect_found(page, wanted, SERVICES)
    page.context.close()


def test_free_of_charge_for_me_keeps_what_this_income_pays_nothing_for(browser, server):
    page = at(browser, TUESDAY_9)
    page.goto(server + "/szukaj/?bezplatne=1")
    expect(page.get_by_text("Tylko bezpłatne")).to_be_visible()
    free = {"paczki-zywnosciowe", "klub-mlodziezy", "noclegownia-testowa",
            "wsparcie-dla-opiekunow", "klub-seniora-zawieszony"}  # fmt: skip
    expect_found(page, free, SERVICES)
    page.goto(server + "/szukaj/?bezplatne=1&dochod=1000&osoby=1")
    expect(page.get_by_text("Bezpłatne dla mnie")).to_be_visible()
    expect_found(page, free | {"opieka-z-tabela"}, SERVICES)
    page.goto(server + "/szukaj/?bezplatne=1&dochod=1010,01&osoby=1")
    expect_found(page, free, SERVICES)
    page.context.close()
