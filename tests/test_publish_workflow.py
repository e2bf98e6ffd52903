"""The provider's tools: validate --format github, katalog new, and apply-proposal."""

from __future__ import annotations

import json
import runpy
import shutil
from pathlib import Path

import pytest

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.problems import Problem
from katalog.annotations import github_annotation
from katalog.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the mini catalogue."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "content"))


def test_annotation_format_and_escaping(tmp_path):
    problem = Problem(
        "hours-order", tmp_path / "services" / "a,b.yaml", 7, "hours[0].from",
        {"start": "18:00", "end": "10:00\n100%"},
    )  # fmt: skip
    line = github_annotation(problem, tmp_path)
    assert line.startswith("::error file=services/a%2Cb.yaml,line=7,title=hours[0].from::")
    assert " 10:00%0A100%25 " in line  # the message in Polish, newline and % encoded
    assert "\n" not in line and "18:00" in line
    warning = Problem("stale", "x.yaml", 3, "", {"months": 13, "value": "2025-01-01"}, "warning")
    assert github_annotation(warning).startswith("::warning file=x.yaml,line=3::")


def test_validate_github_format_points_at_each_line(content, capsys, monkeypatch):
    service = content / "services" / "zlota-raczka.yaml"
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("kind: paid", "kind: platna"), encoding="utf-8")
    line = next(n for n, row in enumerate(service.read_text().splitlines(), 1) if "platna" in row)
    monkeypatch.chdir(content.parent)
    code = main(["validate", "content", "--format", "github"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"::error file=content/services/zlota-raczka.yaml,line={line},title=fee.kind::" in out
    assert "„platna” jest niedozwolone" in out or "platna" in out


def test_new_service_template_validates_and_has_the_schema_line(content, capsys):
    code = main(
        ["new", "service", "nowa-usluga", "--content", str(content),
         "--provider", "fundacja-pomocna-dlon"]
    )  # fmt: skip
    assert code == 0
    text = (content / "services" / "nowa-usluga.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (content / "services" / first.split("$schema=", 1)[1]).resolve()
    assert schema.name == "service.schema.json" and schema.is_file()
    assert "provider: fundacja-pomocna-dlon" in text
    assert main(["new", "provider", "nowy-realizator", "--content", str(content)]) == 0
    capsys.readouterr()
    assert main(["validate", str(content)]) == 0, capsys.readouterr()
    assert main(["new", "service", "nowa-usluga", "--content", str(content)]) == 1
    assert "już istnieje" in capsys.readouterr().err


def proposal(tmp_path: Path, record: dict, record_id: str = "nowa-usluga") -> Path:
    """A proposal file as the form backend's queue hands it over."""
    path = tmp_path / "propozycja.json"
    payload = {"kind": "service", "id": record_id, "record": record}
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


VALID = {
    "name": "Pomoc w zakupach",
    "summary": "Wolontariusz zrobi zakupy i przyniesie je do domu.",
    "description": "Zakupy raz w tygodniu.\n\nDla osób, które nie wychodzą z domu.",
    "provider": "fundacja-pomocna-dlon",
    "unit": "wizyta",
    "hours": [{"days": ["wt", "cz"], "from": "09:00", "to": "13:00"}],
    "fee": {"kind": "free"},
    "eligibility": {"text": "Seniorzy mieszkający samotnie."},
    "audiences": ["seniorzy"],
    "areas": ["pomoc-spoleczna"],
    "last_verified": "2026-11-01",
}


def test_apply_proposal_refuses_an_invalid_record_with_the_validators_messages(
    content, tmp_path, capsys
):
    record = {**VALID, "fee": {"kind": "paid"}, "provider": "nie-ma-takiego"}
    code = main(["apply-proposal", str(proposal(tmp_path, record)), "--content", str(content)])
    err = capsys.readouterr().err
    assert code == 1
    target = content / "services" / "nowa-usluga.yaml"
    assert f"{target}:" in err
    assert (
        "fee.amount: usługa płatna lub częściowo płatna wymaga kwoty (fee.amount) w złotych" in err
    )
    assert "nie ma realizatora „nie-ma-takiego”" in err
    assert "Nie zastosowano propozycji" in err
    assert not target.exists()


def test_apply_proposal_writes_a_valid_record_that_reads_back_the_same(content, tmp_path, capsys):
    from cus_catalogue.catalogue import load_catalogue
    from katalog.paths import DATA

    code = main(["apply-proposal", str(proposal(tmp_path, VALID)), "--content", str(content)])
    assert code == 0, capsys.readouterr()
    text = (content / "services" / "nowa-usluga.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert 'from: "09:00"' in text and 'last_verified: "2026-11-01"' in text
    assert "description: |-\n  Zakupy raz w tygodniu.\n\n  Dla osób" in text
    catalogue = load_catalogue(content, DATA)
    assert catalogue.services["nowa-usluga"].data == VALID
    assert not catalogue.errors


def test_apply_proposal_accepts_a_yaml_record_and_replaces_an_existing_one(
    content, tmp_path, capsys
):
    source = (content / "services" / "zlota-raczka.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "zlota-raczka.yaml"
    changed.write_text(source.replace("apply_online: true", "apply_online: false"))
    assert main(["apply-proposal", str(changed), "--content", str(content), "--dry-run"]) == 0
    assert "apply_online: true" in (content / "services" / "zlota-raczka.yaml").read_text()
    assert main(["apply-proposal", str(changed), "--content", str(content)]) == 0
    assert "apply_online: false" in (content / "services" / "zlota-raczka.yaml").read_text()


def test_apply_proposal_rejects_a_malformed_proposal(content, tmp_path, capsys):
    bad = tmp_path / "zla.json"
    bad.write_text('{"kind": "usluga", "id": "x", "record": {}}', encoding="utf-8")
    assert main(["apply-proposal", str(bad), "--content", str(content)]) == 1
    assert "„usluga” nie jest rodzajem rekordu" in capsys.readouterr().err


def test_apply_proposal_and_import_hsds_write_records_with_one_writer(content, tmp_path, capsys):
    """Issue 11: the same record is the same text, whichever command writes it."""
    from cus_catalogue.opendata.hsds_export import HsdsExporter
    from cus_catalogue.site_settings import load_settings
    from katalog.paths import DATA, DEV_SETTINGS

    assert main(["apply-proposal", str(proposal(tmp_path, VALID)), "--content", str(content)]) == 0
    written = (content / "services" / "nowa-usluga.yaml").read_text(encoding="utf-8")
    catalogue = load_catalogue(content, DATA)
    settings, _warnings = load_settings(runpy.run_path(str(DEV_SETTINGS)))
    exported = HsdsExporter(catalogue, settings).service(catalogue.services["nowa-usluga"])
    source = tmp_path / "eksport.json"
    source.write_text(json.dumps([exported], ensure_ascii=False), encoding="utf-8")
    again = tmp_path / "ponownie"
    shutil.copytree(content / "providers", again / "providers")
    assert main(["import-hsds", str(source), "--content", str(again)]) == 0, capsys.readouterr()
    assert (again / "services" / "nowa-usluga.yaml").read_text(encoding="utf-8") == written
    assert written.splitlines()[0].startswith("# yaml-language-server: $schema=")
    assert list(catalogue.services["nowa-usluga"].data) == list(VALID)  # the schema's order
