"""Rebuilds from the cache (issue 17) take an unchanged service's HSDS export from it: after
one record changes, only that record is exported again, and the files are a full build's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from records import copy_mini
from sitekit import ROOT
from test_incremental import build, replace_line

from cus_catalogue.opendata.hsds_export import HsdsExporter
from cus_catalogue.records import Record


def test_after_one_record_changes_only_that_service_is_exported_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The HSDS JSON and tables of the other services come from the cache, and the open-data
    files equal those of a build from scratch."""
    content, theme, cache = copy_mini(tmp_path / "content"), tmp_path / "theme", tmp_path / "c"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    services = sorted(path.stem for path in (content / "services").glob("*.yaml"))
    assert len(services) > 1
    build(content, tmp_path / "site", theme, cache)
    replace_line(content / "services" / "zlota-raczka.yaml", "name", "Fachowiec Wiesio")
    exported: list[str] = []
    real = HsdsExporter.service

    def spying(self: HsdsExporter, record: Record) -> dict:
        exported.append(record.id)
        return real(self, record)

    monkeypatch.setattr(HsdsExporter, "service", spying)
    incremental = build(content, tmp_path / "site", theme, cache)
    assert exported == ["zlota-raczka"]
    exported.clear()
    scratch = build(content, tmp_path / "scratch", theme, None)
    assert sorted(exported) == services
    opendata = [name for name in scratch if name.startswith("dane/")]
    assert any(name.startswith("dane/hsds/tabular/") for name in opendata)
    assert [name for name in opendata if incremental[name] != scratch[name]] == []
