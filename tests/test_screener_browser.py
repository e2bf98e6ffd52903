"""The check "Is it for me?" through the contract's addresses, in real Chromium: who sees which
service, the fee in each result, "ask the coordinator", bad input said in Polish, one question at
a time on a phone and in the kiosk, no JavaScript, and no connection."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from a11y_support import new_context
from playwright.sync_api import expect
from sitekit import EXAMPLE_CONTENT, FIXTURES, ROOT, serve_folder
from test_fees import HAND_COUNTED
from test_offline_worker import WORKER_READY

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.eligibility.conditions import implied, read_conditions

pytestmark = pytest.mark.browser

RESULTS = "[data-screener-results] li[data-service-id]"
MAYBE = "[data-screener-maybe] li[data-service-id]"
SENIOR = "/sprawdz/?wiek=72&dla=seniorzy&mieszkaniec=1&warunki=mieszka-samotnie&dochod=1500&osoby=1"


@pytest.fixture(scope="module")
def screener_server(build_site) -> Iterator[str]:
    """A small catalogue whose every eligibility rule and fee the tests know."""
    with serve_folder(build_site(FIXTURES / "screener")) as base:
        yield base


@pytest.fixture
def watched(browser) -> Iterator[tuple[Any, list[str]]]:
    """A page whose script errors and console errors are collected (there must be none)."""
    context = new_context(browser, width=1280)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else 0)
    yield page, errors
    context.close()


def expect_only(page: Any, selector: str, wanted: set[str], among: set[str]) -> None:
    """Exactly the ``wanted`` services of ``among`` are listed under ``selector``."""
    expect(page.locator(selector)).to_have_count(len(wanted))
    for service_id in sorted(among):
        expect(page.locator(f'{selector}[data-service-id="{service_id}"]')).to_have_count(
            1 if service_id in wanted else 0
        )


def fits_for_sure(data: dict[str, Any], held: set[str], age: int, audience: str) -> bool:
    """The oracle: every rule the record states holds for this person (resident, income too
    high for the income criterion, only the held conditions known)."""
    eligibility = data["eligibility"]

    def meets(rules: dict[str, Any]) -> bool:
        return (
            rules.get("age_min", 0) <= age <= rules.get("age_max", 200)
            and set(rules.get("conditions", [])) <= held
        )

    options = eligibility.get("any_of")
    return (
        data.get("status", "active") == "active"
        and bool({audience, "wszyscy-mieszkancy"} & set(data["audiences"]))
        and meets(eligibility)
        and (not options or any(meets(option) for option in options))
    )


def test_a_72_year_old_living_alone_with_1500_zl_sees_the_services_that_fit_and_no_other(
    watched, example_server
):
    page, errors = watched
    catalogue = load_catalogue(EXAMPLE_CONTENT, ROOT / "data")
    held = implied({"mieszka-samotnie"}, read_conditions(ROOT / "data"))
    services = {sid: record.data for sid, record in catalogue.services.items()}
    fits = {sid for sid, data in services.items() if fits_for_sure(data, held, 72, "seniorzy")}
    assert {"teleopieka", "dzienny-dom-senior-plus", "opiekun-osoby-starszej"} <= fits
    assert "pomocna-taksowka" not in fits and "biuro-kariery" not in fits
    page.goto(example_server + SENIOR)
    expect_only(page, RESULTS, fits, set(services))
    # Excluded by age (16–24, 7–15) or by a rule the answers do not settle (75+ or a
    # certificate): never among the services that fit.
    for excluded in ("biuro-kariery", "senior-korepetytor", "trening-usamodzielnienia"):
        expect(page.locator(f'{MAYBE}[data-service-id="{excluded}"]')).to_have_count(0)
    taxi = page.locator(f'{MAYBE}[data-service-id="pomocna-taksowka"]')
    expect(taxi).to_contain_text("orzeczenie o znacznym stopniu niepełnosprawności")
    # 1500 zł is at most 150% of 1010 zł: the day centre's table says free for this person.
    day_centre = page.locator(f'{RESULTS}[data-service-id="dzienny-dom-senior-plus"]')
    expect(day_centre.locator("[data-fee-estimate]")).to_have_text(
        "0,00 zł za dzień – dla Ciebie bezpłatnie"
    )
    expect(day_centre).to_contain_text("Lista oczekujących: 5 osób.")
    expect(page.locator("[data-screener-results] a").first).to_have_attribute(
        "href", re.compile(r"/uslugi/[a-z0-9-]+/")
    )
    assert errors == []


@pytest.mark.parametrize(("income", "people", "expected"), HAND_COUNTED)
def test_fee_in_the_result_equals_the_hand_counted_amount(
    page, screener_server, income, people, expected
):
    page.goto(
        f"{screener_server}/sprawdz/?wiek=70&dla=seniorzy&mieszkaniec=1"
        f"&dochod={income}&osoby={people}"
    )
    result = page.locator(f'{RESULTS}[data-service-id="opieka-z-tabela"]')
    estimate = result.locator("[data-fee-estimate]")
    expect(estimate).to_have_text(re.compile("^" + expected + " za godzinę"))


@pytest.mark.parametrize(("income", "people", "expected"), HAND_COUNTED[::3])
def test_service_page_counts_the_fee_from_its_address(
    page, screener_server, income, people, expected
):
    page.goto(f"{screener_server}/uslugi/opieka-z-tabela/?dochod={income}&osoby={people}")
    expect(page.locator("[data-fee-estimate]")).to_have_text(expected + " za godzinę")


def test_the_calculator_counts_a_month_and_says_why(page, screener_server):
    page.goto(screener_server + "/uslugi/opieka-z-tabela/")
    page.get_by_label("Dochód wszystkich osób w Twoim domu w miesiącu, na rękę, w złotych").fill(
        "2400"
    )
    page.get_by_label("Ile osób mieszka w Twoim domu, razem z Tobą").fill("2")
    page.get_by_label("Ile godzin w miesiącu (możesz zostawić puste pole)").fill("20")
    page.get_by_role("button", name="Policz opłatę").click()
    expect(page.locator("[data-fee-estimate]")).to_have_text(
        "6,13 zł za godzinę; 20 godzin w miesiącu: 122,60 zł"
    )
    expect(page.locator("[data-fee-detail]")).to_contain_text(
        "Dochód na osobę: 1200,00 zł, czyli najwyżej 1234,50 zł. Płacisz 50% pełnej kwoty"
    )
    expect(page).to_have_url(re.compile(r"\?dochod=2400&osoby=2&ile=20$"))


def test_the_income_criterion_is_decided_from_the_income(page, screener_server):
    base = screener_server + "/sprawdz/?wiek=40&mieszkaniec=1"
    page.goto(base + "&dochod=1500&osoby=1")
    expect(page.locator("[data-screener-status]")).not_to_be_empty()
    expect(page.locator('[data-service-id="paczki-zywnosciowe"]')).to_have_count(0)
    page.goto(base + "&dochod=1600&osoby=2")  # 800 zł a person: at most 823 zł
    expect(page.locator(f'{RESULTS}[data-service-id="paczki-zywnosciowe"]')).to_have_count(1)
    page.goto(base)
    expect(page.locator(f'{MAYBE}[data-service-id="paczki-zywnosciowe"]')).to_contain_text(
        "dochód nie wyższy niż kryterium dochodowe"
    )


def test_unanswered_conditions_ask_the_coordinator_and_a_no_excludes(page, screener_server):
    taxi = '[data-service-id="taksowka-dla-seniora"]'
    page.goto(screener_server + "/sprawdz/?wiek=72&mieszkaniec=1")
    expect(page.locator(MAYBE + taxi)).to_have_count(1)
    page.goto(
        screener_server + "/sprawdz/?wiek=72&mieszkaniec=1&nie=orzeczenie-o-niepelnosprawnosci"
    )
    expect(page.locator("[data-screener-status]")).not_to_be_empty()
    expect(page.locator(taxi)).to_have_count(0)  # no certificate: no significant degree either
    page.goto(screener_server + "/sprawdz/?wiek=80&mieszkaniec=1&warunki=mieszka-samotnie")
    expect(page.locator(RESULTS + taxi)).to_have_count(1)


def test_residence_audience_and_status_exclude(page, screener_server):
    page.goto(screener_server + "/sprawdz/?wiek=70&dla=seniorzy&mieszkaniec=0")
    expect(page.locator("[data-screener-status]")).not_to_be_empty()
    for excluded in ("opieka-z-tabela", "klub-seniora-zawieszony", "noclegownia-testowa"):
        expect(page.locator(f'[data-service-id="{excluded}"]')).to_have_count(0)


def test_capacity_is_said_in_the_result_and_old_figures_are_labelled(page, screener_server):
    page.goto(screener_server + "/sprawdz/?wiek=70&dla=seniorzy&mieszkaniec=1&dochod=900")
    care = page.locator(f'{RESULTS}[data-service-id="opieka-z-tabela"]')
    expect(care).to_contain_text("Na 2026 rok zostało 12 godzin z 300.")
    expect(care).to_contain_text("Lista oczekujących: 5 osób.")
    parcels = page.locator(f'{RESULTS}[data-service-id="paczki-zywnosciowe"]')
    expect(parcels).to_contain_text("Te liczby mogą być nieaktualne")


@pytest.mark.parametrize(
    ("address", "messages"),
    [
        (
            "/sprawdz/?wiek=abc&dochod=-5&warunki=xyz",
            [
                "Wiek „abc”: wpisz wiek w pełnych latach, cyframi, na przykład 72.",
                "„xyz” to nie jest pytanie, które zna to sprawdzanie. Sprawdź adres strony.",
                "Dochód „-5”: dochód nie może być mniejszy niż 0 zł.",
            ],
        ),
        ("/sprawdz/?dla=emeryci&osoby=0&dochod=100", ["„emeryci” to nie jest grupa"]),
        ("/sprawdz/?dochod=1.500", ["wpisz najwyżej dwie cyfry po przecinku"]),
    ],
)
def test_bad_input_in_the_address_is_said_in_polish_and_no_script_fails(
    watched, screener_server, address, messages
):
    page, errors = watched
    page.goto(screener_server + address)
    problems = page.locator("[data-screener-problems]")
    expect(problems).to_be_visible()
    expect(problems).to_be_focused()
    for message in messages:
        expect(problems).to_contain_text(message)
    expect(page.locator("[data-screener-answer]")).to_be_visible()
    assert errors == []


def test_bad_income_on_a_service_page_and_bad_hour_in_search_are_said_in_polish(
    watched, screener_server
):
    page, errors = watched
    page.goto(screener_server + "/uslugi/opieka-z-tabela/?dochod=-5")
    expect(page.locator('[data-error-for="dochod"]')).to_have_text(
        "Dochód nie może być mniejszy niż 0 zł. Wpisz 0, jeśli nikt w Twoim domu nie ma dochodu."
    )
    expect(page.locator("[data-fee-estimate]")).to_be_hidden()
    page.goto(screener_server + "/uslugi/opieka-z-tabela/?dochod=abc&osoby=1")
    expect(page.locator('[data-error-for="dochod"]')).to_contain_text("Wpisz dochód cyframi")
    page.goto(screener_server + "/szukaj/?otwarte=teraz&godzina=25:99")
    expect(page.locator("[data-search-status]")).to_contain_text(
        "Strona nie rozpoznała godziny: wpisz ją jako GG:MM, na przykład 9:30."
    )
    page.goto(screener_server + "/szukaj/?bezplatne=1&dochod=-5")
    expect(page.locator("[data-search-status]")).to_contain_text(
        "Dochód nie może być mniejszy niż 0 zł."
    )
    assert errors == []


def test_the_form_sends_the_answers_to_the_contract_address(page, screener_server):
    page.goto(screener_server + "/sprawdz/")
    page.get_by_role("radio", name="Seniorzy").check()
    page.get_by_label("Wiek w latach").fill("80")
    page.get_by_role("group", name="Czy mieszkasz w gminie").get_by_label("Tak").check()
    page.get_by_role("group", name="Czy mieszkasz samotnie?", exact=True).get_by_label(
        "Tak"
    ).check()
    page.get_by_role("group", name="opiekujesz się bliską osobą").get_by_label(
        "Nie", exact=True
    ).check()
    page.get_by_label("Dochód wszystkich osób w Twoim domu w miesiącu, na rękę, w złotych").fill(
        "1515"
    )
    page.get_by_label("Ile osób mieszka w Twoim domu, razem z Tobą").fill("1")
    page.get_by_role("button", name="Pokaż usługi dla mnie").click()
    expect(page).to_have_url(
        screener_server + "/sprawdz/?wiek=80&dla=seniorzy&mieszkaniec=1&warunki=mieszka-samotnie"
        "&nie=opieka-nad-bliska-osoba&dochod=1515&osoby=1"
    )
    expect(page.locator("#screener-answer-heading")).to_be_focused()
    care = page.locator(f'{RESULTS}[data-service-id="opieka-z-tabela"]')
    expect(care.locator("[data-fee-estimate]")).to_have_text("6,13 zł za godzinę")
    expect(care.locator("a")).to_have_attribute(
        "href", screener_server + "/uslugi/opieka-z-tabela/?dochod=1515&osoby=1"
    )
    expect(page.locator(f'{RESULTS}[data-service-id="taksowka-dla-seniora"]')).to_have_count(1)


# The fixture's services for an 80-year-old senior living in the municipality ask about three
# conditions (a significant degree of disability, living alone, caring for someone); its other
# conditions (raising a child alone, …) no such service names, so they are not asked.
SENIOR_STEPS = [
    "Dla kogo szukasz pomocy?",
    "Ile masz lat?",
    "Czy mieszkasz w gminie",
    "Czy masz orzeczenie o znacznym stopniu niepełnosprawności?",
    "Czy mieszkasz samotnie?",
    "Czy na co dzień opiekujesz się bliską osobą",
    "Dochód w Twoim domu",
]


@pytest.mark.parametrize("kiosk", [False, True], ids=["phone", "kiosk"])
def test_one_question_at_a_time_on_a_phone_and_in_the_kiosk(browser, screener_server, kiosk):
    context = new_context(browser, width=1280 if kiosk else 375, kiosk=kiosk)
    page = context.new_page()
    page.goto(screener_server + "/sprawdz/")
    step = page.locator("[data-step]:visible")
    expect(step).to_have_count(1)
    expect(step).to_contain_text(SENIOR_STEPS[0])
    expect(page.get_by_role("button", name="Pokaż usługi dla mnie")).to_be_hidden()
    step.get_by_role("radio", name="Seniorzy").check()
    page.get_by_role("button", name="Dalej").click()
    expect(step.locator("[data-step-heading]")).to_be_focused()
    step.get_by_label("Wiek w latach").fill("80")
    step.get_by_label("Wiek w latach").press("Enter")  # Enter goes on, it does not send
    expect(step).to_contain_text(SENIOR_STEPS[2])
    step.get_by_label("Tak").check()
    for number, question in enumerate(SENIOR_STEPS[3:], start=4):
        page.get_by_role("button", name="Dalej").click()
        expect(step).to_contain_text(question)
        expect(step.locator("[data-step-progress]")).to_have_text(
            f"Pytanie {number} z {len(SENIOR_STEPS)}"
        )
        expect(page.locator('[data-condition="samotne-wychowywanie-dziecka"]')).to_be_hidden()
        if question == "Czy mieszkasz samotnie?":
            step.get_by_label("Tak").check()
    expect(page.get_by_role("button", name="Dalej")).to_be_hidden()
    page.get_by_role("button", name="Pokaż usługi dla mnie").click()
    expect(page.locator(f'{RESULTS}[data-service-id="taksowka-dla-seniora"]')).to_have_count(1)
    expect(page.locator("form[data-screener-form]")).to_be_hidden()
    page.get_by_role("button", name="Zmień odpowiedzi").click()
    expect(step).to_contain_text(SENIOR_STEPS[0])
    context.close()


def test_without_javascript_the_form_sends_the_answers_and_says_what_needs_it(
    browser, screener_server
):
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(screener_server + "/sprawdz/")
    questions = len(read_conditions(ROOT / "data")) - 1  # the income criterion: from the income
    expect(page.locator("[data-step]")).to_have_count(3 + questions + 1)  # all at once
    page.get_by_label("Wiek w latach").fill("72")
    page.get_by_role("radio", name="Seniorzy").check()
    page.get_by_role("button", name="Pokaż usługi dla mnie").click()
    expect(page).to_have_url(re.compile(r"/sprawdz/\?dla=seniorzy&wiek=72&"))
    note = page.locator(".noscript-note")  # Playwright's text search skips <noscript>
    expect(note).to_be_visible()
    expect(note).to_contain_text("potrzebuje do tego JavaScriptu")
    expect(note.get_by_role("link", name="od A do Z")).to_be_visible()
    page.goto(screener_server + "/uslugi/opieka-z-tabela/?dochod=1500")
    expect(page.locator(".fee-table")).to_contain_text("do 1515,00 zł")
    expect(page.locator(".fee-estimate .noscript-note")).to_contain_text(
        "Kalkulator potrzebuje JavaScriptu"
    )
    context.close()


def test_after_one_visit_the_check_works_offline(browser, example_server):
    context = new_context(browser, service_workers="allow")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(example_server + "/")
    info = page.evaluate(WORKER_READY)
    assert info["files"] > 100
    context.set_offline(True)
    page.goto(example_server + SENIOR)
    expect(page.locator(f'{RESULTS}[data-service-id="teleopieka"]')).to_have_count(1)
    page.goto(example_server + "/uslugi/uslugi-opiekuncze/?dochod=2525&osoby=1")
    expect(page.locator("[data-fee-estimate]")).to_have_text("7,00 zł za godzinę")
    context.close()


def test_the_kiosk_start_screen_offers_the_check(browser, example_server):
    context = new_context(browser, kiosk=True)
    page = context.new_page()
    page.goto(example_server + "/kiosk/")
    link = page.get_by_role("link", name="Sprawdź, co jest dla Ciebie")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(example_server + "/sprawdz/")
    context.close()


def test_the_page_holds_no_answer_outside_its_address(page, example_server):
    """Nothing the resident types leaves the device: no request carries the answers."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url))
    page.goto(example_server + SENIOR)
    expect(page.locator(RESULTS).first).to_be_visible()
    assert [url for url in sent if "1500" in url] == [example_server + SENIOR]
    assert all(url.startswith(example_server) for url in sent)


def test_every_new_file_is_kept_for_offline_use(example_site: Path):
    listed = (example_site / "sw.js").read_text(encoding="utf-8")
    for url in ("sprawdz/", "sprawdz/dane.json", "theme/js/screener.js", "theme/js/fees.js"):
        assert f'"{url}"' in listed, url
