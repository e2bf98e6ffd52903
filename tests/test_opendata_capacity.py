"""Capacity figures: places, granted, used, people served and waiting, as of a day; checked with
the catalogue, said in plain words, old figures labelled (never silently hidden), and published
in the Data Package."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sitekit import FIXTURES, ROOT, run_katalog, run_pelican

from cus_catalogue.catalogue import read_vocabulary
from cus_catalogue.opendata.capacity import check_capacity, current_capacity, table_problems
from cus_catalogue.opendata.capacity_text import capacity_view

ROW = {
    "service": "a",
    "period": "2026",
    "limit": 10,
    "granted": 4,
    "used": 3,
    "people_served": None,
    "waiting": None,
    "as_of": "2026-11-01",
    "unit": None,
}
HEADER = "service,period,limit,granted,used,people_served,waiting,as_of,unit\n"


def test_current_figures_are_the_newest_and_old_ones_are_marked_not_dropped() -> None:
    older = {**ROW, "period": "2025", "granted": 10, "as_of": "2025-12-31"}
    current = current_capacity([older, ROW], dt.date(2026, 11, 23), max_age_days=45)
    assert current["a"]["period"] == "2026"
    assert current["a"]["remaining"] == 6
    assert current["a"]["as_of_text"] == "1 listopada 2026"
    assert current["a"]["stale"] is False
    assert current_capacity([ROW], dt.date(2026, 11, 23), max_age_days=21)["a"]["stale"] is True
    assert current_capacity([ROW], dt.date(2026, 11, 22), max_age_days=21)["a"]["stale"] is False


@pytest.mark.parametrize(
    ("served", "waiting", "sentences"),
    [
        (1, 1, ["Z usługi korzysta 1 osoba.", "Lista oczekujących: 1 osoba."]),
        (22, 2, ["Z usługi korzystają 22 osoby.", "Lista oczekujących: 2 osoby."]),
        (63, 5, ["Z usługi korzystają 63 osoby.", "Lista oczekujących: 5 osób."]),
        (12, 0, ["Z usługi korzysta 12 osób.", "Nikt nie czeka na miejsce."]),
        (None, None, []),
    ],
)
def test_people_served_and_waiting_in_plain_words(served, waiting, sentences) -> None:
    units = read_vocabulary(ROOT / "data" / "units.csv")
    row = {**ROW, "people_served": served, "waiting": waiting}
    current = current_capacity([row], dt.date(2026, 11, 23), max_age_days=45)["a"]
    view = capacity_view(current, "godzina", units)
    assert view["sentence"] == "Na 2026 rok zostało 6 godzin z 10."
    assert view["people"] == sentences
    assert view["as_of_sentence"] == "Stan na 1 listopada 2026 r."
    assert view["stale_sentence"] == ""


def test_impossible_figures_are_reported_in_polish() -> None:
    rows = [{**ROW, "line": 2}, {**ROW, "line": 3, "service": "nikt", "granted": 11, "used": 12}]
    problems = check_capacity(rows, {"a"}, Path("capacity.csv"))
    assert [problem.format() for problem in problems] == [
        "capacity.csv:3: service: usługi „nikt” nie ma w tym katalogu",
        "capacity.csv:3: granted: przyznano (11) więcej niż wynosi limit (10)",
        "capacity.csv:3: used: wykorzystano (12) więcej niż przyznano (11)",
    ]
    assert {problem.severity for problem in problems} == {"error"}


def test_service_page_says_what_is_left_who_uses_it_and_who_waits(example_site: Path) -> None:
    """Defects: "wolne: 23 z 120 (jednostka: miesiąc)" was hard to read, and Goleniów's
    "893 z 915" (psychological support, in hours) stood on the care services' page."""
    page = (example_site / "uslugi" / "wsparcie-psychologiczne" / "index.html").read_text("utf-8")
    assert "<dt>Dostępność miejsc</dt>" in page
    assert (
        "<strong>Na 2026 rok zostały 22 godziny z 915.</strong> "
        '<time datetime="2026-11-16">Stan na 16 listopada 2026 r.</time>'
    ) in page
    page = (example_site / "uslugi" / "teleopieka" / "index.html").read_text("utf-8")
    assert (
        "<strong>Na 2026 rok zostały 23 miejsca z 120.</strong> "
        '<span class="capacity-people">Z usługi korzysta 97 osób. Nikt nie czeka na miejsce.</span> '
        '<time datetime="2026-11-02">Stan na 2 listopada 2026 r.</time>'
    ) in page
    assert "jednostka" not in page
    page = (example_site / "uslugi" / "uslugi-opiekuncze" / "index.html").read_text("utf-8")
    assert "915" not in page and "Dostępność miejsc" not in page


@pytest.mark.parametrize(
    ("left", "period", "unit", "sentence"),
    [
        (1, "2026", "godzina", "Na 2026 rok zostaje 1 godzina z 915."),
        (2, "2026-H1", "miejsce", "Na pierwsze półrocze 2026 r. zostały 2 miejsca z 915."),
        (5, "2026-Q3", "dzień", "Na trzeci kwartał 2026 r. zostało 5 dni z 915."),
        (12, "2026-11", "spotkanie", "Na listopad 2026 r. zostało 12 spotkań z 915."),
        (22, "2026", "godzina", "Na 2026 rok zostały 22 godziny z 915."),
        (25, "2026-H2", "porada", "Na drugie półrocze 2026 r. zostało 25 porad z 915."),
        (0, "2026", "godzina", "Limit na 2026 rok (915 godzin) jest już wykorzystany."),
    ],
)
def test_capacity_sentence_has_the_right_plural_form(left, period, unit, sentence) -> None:
    units = read_vocabulary(ROOT / "data" / "units.csv")
    current = {**ROW, "period": period, "limit": 915, "granted": 915 - left, "unit": None}
    shown = current_capacity([current], dt.date(2026, 11, 23), max_age_days=45)["a"]
    view = capacity_view(shown, unit, units)
    assert view["sentence"] == sentence
    assert view["as_of_sentence"] == "Stan na 1 listopada 2026 r."


def test_figures_counted_in_another_unit_than_the_service_say_so() -> None:
    units = read_vocabulary(ROOT / "data" / "units.csv")
    current = current_capacity(
        [{**ROW, "unit": "miejsce"}], dt.date(2026, 11, 23), max_age_days=45
    )["a"]
    assert capacity_view(current, "miesiąc", units)["sentence"] == (
        "Na 2026 rok zostało 6 miejsc z 10."
    )


def test_old_figures_are_shown_with_a_warning(example_site: Path) -> None:
    """Defect: figures older than the setting disappeared from the page without a word."""
    # content/capacity.csv has opieka-wytchnieniowa as of 2026-06-30: older than 45 days.
    page = (example_site / "uslugi" / "opieka-wytchnieniowa" / "index.html").read_text("utf-8")
    assert "Na 2026 rok zostało 750 godzin z 2400." in page
    assert "Te liczby mogą być nieaktualne: zapytaj w centrum, jak jest dziś." in page


def test_every_service_the_centre_runs_has_figures(example_site: Path) -> None:
    """Issue 14: the example catalogue has capacity for every service of the centre itself."""
    from cus_catalogue.catalogue import load_catalogue

    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    own = {sid for sid, r in catalogue.services.items() if r.data["provider"] == "cus-przykladowo"}
    rows = (ROOT / "content" / "capacity.csv").read_text("utf-8").splitlines()[1:]
    with_figures = {row.split(",")[0] for row in rows}
    assert own and own <= with_figures


def content_with(tmp_path: Path, capacity: str) -> Path:
    """The mini catalogue with its own capacity table (tables about its records live in it)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "capacity.csv").write_text(capacity, encoding="utf-8")
    return content


def test_capacity_table_errors_stop_the_build_with_the_line(tmp_path: Path) -> None:
    content = content_with(tmp_path, HEADER + "zlota-raczka,2026,dużo,1,,,,2026-11-01,\n")
    result = run_pelican(content, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "capacity.csv:2: limit:" in output
    assert "Traceback" not in output


def test_the_old_column_name_is_said_plainly(tmp_path: Path) -> None:
    """The table's `updated_on` is now `as_of` (the contract's name): an old table gets one
    clear message at its first line, not a list of frictionless errors."""
    content = content_with(
        tmp_path,
        "service,period,limit,granted,used,updated_on\nzlota-raczka,2026,4,1,,2026-11-01\n",
    )
    result = run_katalog("validate", str(content))
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert (
        "capacity.csv:1: updated_on: kolumna „updated_on” nazywa się teraz „as_of”: zmień jej "
        "nazwę w pierwszym wierszu tabeli"
    ) in output
    assert output.count("capacity.csv") == 1


def test_optional_columns_may_be_left_out_and_a_typo_is_named(tmp_path: Path) -> None:
    content = content_with(
        tmp_path, "service,period,limit,granted,as_of\nzlota-raczka,2026,4,1,2026-11-20\n"
    )
    assert run_katalog("validate", str(content)).returncode == 0
    content = content_with(
        tmp_path / "typo", "service,period,limt,granted,as_of\nzlota-raczka,2026,4,1,2026-11-20\n"
    )
    result = run_katalog("validate", str(content))
    output = result.stdout + result.stderr
    assert "capacity.csv:1: limt: nieznana kolumna „limt” (literówka?)" in output
    assert "capacity.csv:1: limit: w pierwszym wierszu tabeli brakuje kolumny „limit”" in output


def test_table_errors_say_what_to_fix_in_polish(tmp_path: Path) -> None:
    """Defect: a wrong cell was reported with Frictionless's English note ("Type error in the
    cell "dużo" in row "2" ...", "violates the primary key")."""
    table = tmp_path / "capacity.csv"
    table.write_text(
        HEADER + "zlota-raczka,2026,dużo,1,,,,2026-11-01,\n"
        "teleopieka,2026-Q5,10,1,,,,2026-11-01,\n"
        "teleopieka,2026,10,1,,,,2026-11-01,\n"
        "teleopieka,2026,10,2,,,,2026-11-02,\n",
        encoding="utf-8",
    )
    assert [problem.format(tmp_path) for problem in table_problems(table)] == [
        "capacity.csv:2: limit: musi być liczbą całkowitą",
        "capacity.csv:3: period: „2026-Q5” ma zły format: rok (2026), miesiąc (2026-11), "
        "kwartał (2026-Q4) albo półrocze (2026-H2)",
        "capacity.csv:5: te same wartości w kolumnach service, period co w wierszu 4: każdy "
        "wiersz musi mieć inne",
    ]


def test_a_row_for_an_unknown_service_fails_validate_as_it_fails_the_build(tmp_path: Path) -> None:
    """Issue 11: a capacity row passed `katalog validate` (so the pull-request check) but was a
    build warning, which `katalog publish` treats as fatal: the next publish failed."""
    content = content_with(tmp_path, HEADER + "nie-ma-takiej,2026,1,0,,,,2026-11-20,\n")
    validate = run_katalog("validate", str(content))
    assert validate.returncode == 1
    assert "capacity.csv:2: service: usługi „nie-ma-takiej” nie ma w tym katalogu" in (
        validate.stdout + validate.stderr
    )
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode == 1
    assert "capacity.csv:2: service: usługi „nie-ma-takiej” nie ma w tym katalogu" in (
        build.stdout + build.stderr
    )


def test_used_up_limit_is_said_plainly_and_the_package_carries_every_column(
    tmp_path: Path,
) -> None:
    content = content_with(tmp_path, HEADER + "zlota-raczka,2026-11,40,40,12,9,3,2026-11-20,\n")
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "uslugi" / "zlota-raczka" / "index.html").read_text("utf-8")
    assert "Limit na listopad 2026 r. (40 godzin) jest już wykorzystany." in page
    assert "Lista oczekujących: 3 osoby." in page
    rows = (tmp_path / "out" / "dane" / "katalog" / "capacity.csv").read_text("utf-8").splitlines()
    assert rows == [HEADER.strip(), "zlota-raczka,2026-11,40,40,12,9,3,2026-11-20,"]


def test_lists_say_what_is_left_and_who_waits_on_each_card(example_site: Path) -> None:
    """Issue 14: places left and the waiting list in results, not only on the service page."""
    page = (example_site / "dla" / "seniorzy" / "index.html").read_text("utf-8")
    assert (
        "<dt>Dostępność miejsc</dt><dd>Na 2026 rok zostało 500 dni z 7500. "
        "Lista oczekujących: 5 osób.</dd>"
    ) in page
    page = (example_site / "uslugi" / "index.html").read_text("utf-8")
    assert (
        "<dd>Na 2026 rok zostało 750 godzin z 2400. Lista oczekujących: 3 osoby. "
        '<span class="capacity-stale">Te liczby mogą być nieaktualne'
    ) in page
