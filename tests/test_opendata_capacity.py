"""Capacity figures: validated with the catalogue, shown while fresh, hidden when stale."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from sitekit import FIXTURES, run_katalog, run_pelican

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
    rows = [{**ROW, "line": 2}, {**ROW, "line": 3, "service": "nikt", "granted": 11, "used": 12}]
    problems = check_capacity(rows, {"a"}, Path("capacity.csv"))
    assert [problem.format() for problem in problems] == [
        "capacity.csv:3: service: usługi „nikt” nie ma w tym katalogu",
        "capacity.csv:3: granted: przyznano (11) więcej niż wynosi limit (10)",
        "capacity.csv:3: used: wykorzystano (12) więcej niż przyznano (11)",
    ]
    assert {problem.severity for problem in problems} == {"error"}


def test_service_page_shows_fresh_figures_with_their_date(example_site: Path) -> None:
    page = (example_site / "uslugi" / "uslugi-opiekuncze" / "index.html").read_text("utf-8")
    assert "<dt>Dostępność miejsc</dt>" in page
    assert "wolne: 22 z 915" in page
    assert "Przyznano 893 z 915 (jednostka: godzina) w okresie 2026, stan na" in page
    assert '<time datetime="2026-11-16">16 listopada 2026</time>' in page


def test_stale_figures_are_not_shown(example_site: Path) -> None:
    # content/capacity.csv has opieka-wytchnieniowa as of 2026-06-30: older than 45 days.
    page = (example_site / "uslugi" / "opieka-wytchnieniowa" / "index.html").read_text("utf-8")
    assert "Dostępność miejsc" not in page


def content_with(tmp_path: Path, capacity: str) -> Path:
    """The mini catalogue with its own capacity table (tables about its records live in it)."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "capacity.csv").write_text(capacity, encoding="utf-8")
    return content


def test_capacity_table_errors_stop_the_build_with_the_line(tmp_path: Path) -> None:
    content = content_with(
        tmp_path,
        "service,period,limit,granted,used,updated_on\nzlota-raczka,2026,dużo,1,,2026-11-01\n",
    )
    result = run_pelican(content, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "capacity.csv:2: limit:" in output
    assert "Traceback" not in output


def test_a_row_for_an_unknown_service_fails_validate_as_it_fails_the_build(tmp_path: Path) -> None:
    """Issue 11: a capacity row passed `katalog validate` (so the pull-request check) but was a
    build warning, which `katalog publish` treats as fatal: the next publish failed."""
    content = content_with(
        tmp_path,
        "service,period,limit,granted,used,updated_on\nnie-ma-takiej,2026,1,0,,2026-11-20\n",
    )
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


def test_used_up_limit_is_said_plainly(tmp_path: Path) -> None:
    content = content_with(
        tmp_path,
        "service,period,limit,granted,used,updated_on\nzlota-raczka,2026-11,40,40,12,2026-11-20\n",
    )
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "uslugi" / "zlota-raczka" / "index.html").read_text("utf-8")
    assert "Limit na ten okres jest wyczerpany" in page
    assert "Przyznano 40 z 40 (jednostka: godzina) w okresie 2026-11" in page
    rows = (tmp_path / "out" / "dane" / "katalog" / "capacity.csv").read_text("utf-8").splitlines()
    assert rows == [
        "service,period,limit,granted,used,updated_on",
        "zlota-raczka,2026-11,40,40,12,2026-11-20",
    ]
