"""Ask the coordinator from the plan page: one request for every service, through the real form
backend (same origin, as `katalog serve` runs it), notes only when the resident ticks them."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import pytest
from a11y_support import describe, new_context, preview_server, run_axe
from plan_support import keep_plan, open_plan
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def delivered(site: Path, state: Path) -> list[email.message.EmailMessage]:
    """Run the backend's delivery worker once (as the operator's command does) and read what
    it delivered into its mail folder."""
    from forms_backend.__main__ import drain
    from forms_backend.config import Config
    from forms_backend.startup import load

    config, _problems = load(
        Config(
            database_path=state / "forms.db",
            mail_dir=state / "mail",
            catalogue_path=site / "uslugi.json",
            background_worker=False,
        )
    )
    drain(config, forever=False)
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted((state / "mail").rglob("*.forms"))
    ]


def fill_request(page, notes: bool) -> None:
    form = page.locator("form[data-plan-request]")
    form.get_by_label("Imię i nazwisko").fill("Jan Kowalski")
    form.get_by_label("Numer telefonu").fill("600 123 456")
    if notes:
        form.get_by_label("Wyślij z prośbą moje notatki: jak często i od kiedy").check()
    form.get_by_label("Znam informację o przetwarzaniu danych").check()


@pytest.mark.parametrize("notes", [True, False], ids=["with notes", "without notes"])
def test_one_request_names_every_service_of_the_plan(browser, example_site, tmp_path, notes):
    with preview_server(example_site, tmp_path) as base:
        context = new_context(browser)
        page = context.new_page()
        page.goto(base + "/uslugi/")
        keep_plan(page, [{"id": "zlota-raczka", "how_often": "raz w miesiącu"}, {"id": "dietetyk"}])
        open_plan(page, base)
        fill_request(page, notes)
        page.get_by_role("button", name="Wyślij prośbę").click()
        sent = page.locator("[data-plan-sent]")
        expect(sent).to_be_visible()
        expect(sent).to_be_focused()
        expect(sent.locator("[data-plan-reference]")).to_have_text(re.compile(r"^W-\w{4}-\w{4}$"))
        (message,) = delivered(example_site, tmp_path)
        subject = re.fullmatch(r"\[(W-\w{4}-\w{4})\] (.*)", message["Subject"])
        assert subject and subject[2] == "Prośba o kontakt w sprawie planu usług – 2 usługi"
        expect(sent.locator("[data-plan-reference]")).to_have_text(subject[1])  # the same request
        context.close()
    body = message.get_content()
    assert "1. Złota rączka – mobilny konserwator (zlota-raczka)" in body
    assert "Kto prowadzi usługę: Spółdzielnia Socjalna „Przykładowianka”" in body
    assert "2. Programy wspomagające zdrowie – spotkania z dietetykiem (dietetyk)" in body
    assert ("Jak często: raz w miesiącu" in body) is notes
    assert ("Notatek nie dołączono." in body) is not notes


@pytest.mark.parametrize("width", [375, 1280])
def test_a_request_to_correct_says_what_and_where_without_axe_violations(
    browser, example_site, tmp_path, width
):
    with preview_server(example_site, tmp_path) as base:
        context = new_context(browser, width=width)
        page = context.new_page()
        page.goto(base + "/uslugi/")
        keep_plan(page, [{"id": "zlota-raczka"}, {"id": "usluga-usunieta", "name": "Stara"}])
        open_plan(page, base)
        page.get_by_role("button", name="Wyślij prośbę").click()
        summary = page.locator("[data-plan-errors]")
        expect(summary).to_be_focused()
        expect(summary.get_by_role("link", name="Wpisz imię i nazwisko")).to_be_visible()
        expect(summary).to_contain_text("Tej usługi nie ma już w katalogu: usluga-usunieta.")
        expect(page.locator("#field-name")).to_have_attribute("aria-invalid", "true")
        violations = run_axe(page)
        context.close()
    assert not violations, describe(violations)
