"""What the build tells the plan page about each service (moj-plan/uslugi.json)."""

from __future__ import annotations

import json
from pathlib import Path

from cus_catalogue.formatting import hours_rows
from cus_catalogue.plan.data import hours_text


def test_a_week_reads_as_one_line_with_days_of_the_same_hours_together():
    rows = hours_rows(
        [
            {"days": ["pn", "wt", "sr", "cz", "pt"], "from": "08:00", "to": "16:00"},
            {"days": ["so"], "from": "09:00", "to": "12:00"},
            {"days": ["nd"], "from": "09:00", "to": "12:00"},
        ]
    )
    assert hours_text(rows) == "poniedziałek–piątek 8:00–16:00; sobota–niedziela 9:00–12:00"
    gap = hours_rows([{"days": ["pn", "sr"], "from": "10:00", "to": "11:00"}])
    assert hours_text(gap) == "poniedziałek 10:00–11:00; środa 10:00–11:00"  # not a range
    assert hours_text(hours_rows([])) == ""


def test_the_file_names_every_service_of_this_version_with_what_the_plan_shows(
    example_site: Path,
):
    facts = json.loads((example_site / "moj-plan" / "uslugi.json").read_text(encoding="utf-8"))
    built = {path.parent.name for path in (example_site / "uslugi").glob("*/index.html")}
    assert facts["version"] == 1 and set(facts["services"]) == built
    handyman = facts["services"]["zlota-raczka"]
    assert handyman["name"] == "Złota rączka – mobilny konserwator"
    assert handyman["url"] == "uslugi/zlota-raczka/"
    assert handyman["provider"] == "Spółdzielnia Socjalna „Przykładowianka”"
    assert handyman["hours"] == "poniedziałek–piątek 8:00–16:00"
    assert handyman["fee"] == "bezpłatna"
    assert "<" not in handyman["apply"]  # Markdown as plain text: the page sets it as text
    assert facts["services"]["teleopieka"]["places"] == (
        "Na 2026 rok zostały 23 miejsca z 120. Stan na 2 listopada 2026 r."
    )
    # The service page's sentence with its unit and date (issue 18 item 3), not a second wording;
    # issue 14: old figures are labelled, never silently left out.
    assert facts["services"]["opieka-wytchnieniowa"]["places"] == (
        "Na 2026 rok zostało 750 godzin z 2400. Stan na 30 czerwca 2026 r. "
        "Te liczby mogą być nieaktualne: zapytaj w centrum, jak jest dziś."
    )


def test_the_plan_page_and_its_messages_are_built(example_site: Path):
    page = (example_site / "moj-plan" / "index.html").read_text(encoding="utf-8")
    assert "data-plan-items" in page and 'data-plan-share="https://katalog' in page
    messages = json.loads((example_site / "moj-plan" / "messages.json").read_text("utf-8"))
    assert messages["count"]["few"] == "{n} usługi w Twoim planie"
    assert messages["toggle"] == "W moim planie"
