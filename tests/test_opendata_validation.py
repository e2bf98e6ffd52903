"""The Data Package is validated where it goes out, not in every build: ``katalog publish``
(frictionless, every table and foreign key) stops on a broken row, found at its line."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from sitekit import FIXTURES

from cus_catalogue.opendata import files
from cus_catalogue.opendata.files import package_problems
from katalog.publish import publish


def with_cell(text: str, line: int, column: str, value: str) -> str:
    """The CSV ``text`` with ``value`` in ``column`` of the row at ``line`` (header: line 1)."""
    rows = list(csv.reader(io.StringIO(text)))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def replace_cell(table: Path, line: int, column: str, value: str) -> None:
    """Put ``value`` into ``column`` of the row at ``line`` of a written table."""
    text = table.read_text(encoding="utf-8")
    table.write_text(with_cell(text, line, column, value), encoding="utf-8")


def test_a_broken_row_of_a_written_package_is_found_at_its_file_line_and_field(
    example_site: Path, tmp_path: Path
) -> None:
    """A dangling reference and a value of the wrong type: each named where it is."""
    package = shutil.copytree(example_site / "dane" / "katalog", tmp_path / "katalog")
    replace_cell(package / "service_audiences.csv", 3, "audience", "nie-ma-takiej-grupy")
    replace_cell(package / "hours.csv", 4, "day", "osmy-dzien")
    found = [
        (Path(p.file).name, p.line, p.field) for p in package_problems(package / "datapackage.json")
    ]
    assert found == [("service_audiences.csv", 3, ""), ("hours.csv", 4, "day")]


@pytest.mark.parametrize("settings_say", [True, False])
def test_publish_stops_on_an_invalid_data_package(
    settings_say: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Even with ``CATALOGUE_OPENDATA_VALIDATE = False``, a package with a service of an unknown
    provider is not published."""
    written = files.package_files

    def broken(*args: Any, **kwargs: Any) -> dict[str, bytes]:
        tables = written(*args, **kwargs)
        text = tables["services.csv"].decode("utf-8")
        tables["services.csv"] = with_cell(text, 2, "provider", "nie-ma-takiego").encode()
        return tables

    monkeypatch.setattr(files, "package_files", broken)
    result = publish(
        FIXTURES / "mini",
        tmp_path / "site",
        dry_run=True,
        overrides={"CATALOGUE_TODAY": "2026-11-23", "CATALOGUE_OPENDATA_VALIDATE": settings_say},
        check_links=False,
    )
    assert result.code == 1
    assert "dane/katalog/services.csv:2: Pakiet otwartych danych jest niepoprawny" in caplog.text
