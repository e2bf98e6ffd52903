"""Capacity figures: validated with the catalogue, shown while fresh, hidden when stale."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sitekit import FIXTURES, ROOT, run_pelican

from cus_catalogue.opendata.capacity import check_capacity, current_capacity

ROW = {
    "service": "a",
    "period": "2026",
    "limit": 10,
    "granted": 4,
    "used": 3,
    "updated_on": "2026-11-01",
}


def test_current_figures_are_the_newest_and_only_while_fresh() -> None:
    older = {**ROW, "period": "2025", "granted": 10, "updated_on": "2025-12-31"}
    current = current_capacity([older, ROW], dt.date(2026, 11, 23), max_age_days=45)
    assert current["a"]["period"] == "2026"
    assert current["a"]["remaining"] == 6
    assert current["a"]["updated_text"] == "1 listopada 2026"
    assert current_capacity([ROW], dt.date(2026, 11, 23), max_age_days=21) == {}
    assert current_capacity([ROW], dt.date(2026, 11, 22), max_age_days=21) != {}


def test_impossible_figures_are_reported_in_polish() -> None:
    rows = [ROW, {**ROW, "service": "nikt", "granted": 11, "used": 12}]
    assert check_capacity(rows, {"a"}) == [
        "capacity.csv:3: usługi „nikt” nie ma w tym katalogu",
        "capacity.csv:3: przyznano (11) więcej niż wynosi limit (10)",
        "capacity.csv:3: wykorzystano (12) więcej niż przyznano (11)",
    ]


def test_service_page_shows_fresh_figures_with_their_date(example_site: Path) -> None:
    page = (example_site / "uslugi" / "uslugi-opiekuncze" / "index.html").read_text("utf-8")
    assert "<dt>Dostępność miejsc</dt>" in page
    assert "wolne: 22 z 915" in page
    assert "Przyznano 893 z 915 (jednostka: godzina) w okresie 2026, stan na" in page
    assert '<time datetime="2026-11-16">16 listopada 2026</time>' in page


def test_stale_figures_are_not_shown(example_site: Path) -> None:
    # data/capacity.csv has opieka-wytchnieniowa as of 2026-06-30: older than 45 days.
    page = (example_site / "uslugi" / "opieka-wytchnieniowa" / "index.html").read_text("utf-8")
    assert "Dostępność miejsc" not in page


def data_copy(tmp_path: Path, capacity: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "capacity.csv").write_text(capacity, encoding="utf-8")
    return data


def test_capacity_table_errors_stop_the_build_with_the_line(tmp_path: Path) -> None:
    data = data_copy(
        tmp_path,
        "service,period,limit,granted,used,updated_on\nzlota-raczka,2026,dużo,1,,2026-11-01\n",
    )
    result = run_pelican(FIXTURES / "mini", tmp_path / "out", CATALOGUE_DATA_PATH=str(data))
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "capacity.csv:2: limit:" in output
    assert "Traceback" not in output


def test_used_up_limit_is_said_plainly_and_unknown_services_warn(tmp_path: Path) -> None:
    data = data_copy(
        tmp_path,
        "service,period,limit,granted,used,updated_on\n"
        "zlota-raczka,2026-11,40,40,12,2026-11-20\n"
        "nie-ma-takiej,2026,1,0,,2026-11-20\n",
    )
    result = run_pelican(FIXTURES / "mini", tmp_path / "out", CATALOGUE_DATA_PATH=str(data))
    assert result.returncode == 0, result.stderr
    assert "usługi „nie-ma-takiej” nie ma w tym katalogu" in result.stdout + result.stderr
    page = (tmp_path / "out" / "uslugi" / "zlota-raczka" / "index.html").read_text("utf-8")
    assert "Limit na ten okres jest wyczerpany" in page
    assert "Przyznano 40 z 40 (jednostka: godzina) w okresie 2026-11" in page
    rows = (tmp_path / "out" / "dane" / "katalog" / "capacity.csv").read_text("utf-8").splitlines()
    assert rows == [
        "service,period,limit,granted,used,updated_on",
        "zlota-raczka,2026-11,40,40,12,2026-11-20",
    ]
