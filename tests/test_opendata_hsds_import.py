"""katalog import-hsds: export → import → export gives identical data; bad input gets Polish messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitekit import EXAMPLE_CONTENT, ROOT, run_katalog, run_pelican

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.opendata.hsds_import import import_services, slugify

HSDS = ROOT.parent / "shared" / "hsds-3.0"


def test_export_import_export_is_identical(example_site: Path, tmp_path: Path) -> None:
    exported = example_site / "dane" / "hsds" / "services.json"
    content = tmp_path / "content"
    result = run_katalog("import-hsds", str(exported), "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    rebuilt = run_pelican(content, tmp_path / "site")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    for path in (
        "hsds/services.json",
        "katalog/services.csv",
        "katalog/providers.csv",
        "hsds/tabular/attributes.csv",
    ):
        assert (tmp_path / "site" / "dane" / path).read_bytes() == (
            example_site / "dane" / path
        ).read_bytes(), path


def test_imported_records_equal_the_originals(example_site: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_katalog(
        "import-hsds", str(example_site / "dane" / "hsds" / "services.json"), "-c", str(content)
    )
    assert result.returncode == 0, result.stderr
    original = load_catalogue(EXAMPLE_CONTENT, ROOT / "data")
    imported = load_catalogue(content, ROOT / "data")
    assert imported.errors == []
    # Documents are files of the site; HSDS carries no files, so they do not come back.
    assert {k: r.data for k, r in imported.services.items()} == {
        k: {f: v for f, v in r.data.items() if f != "documents"}
        for k, r in original.services.items()
    }
    assert {k: r.data for k, r in imported.providers.items()} == {
        k: r.data for k, r in original.providers.items()
    }
    written = (content / "services" / "teleopieka.yaml").read_text("utf-8")
    assert written.startswith("# yaml-language-server: $schema=")
    assert 'to: "24:00"' in written


def test_existing_services_are_not_overwritten_without_the_option(
    example_site: Path, tmp_path: Path
) -> None:
    exported = str(example_site / "dane" / "hsds" / "services.json")
    content = tmp_path / "content"
    assert run_katalog("import-hsds", exported, "-c", str(content)).returncode == 0
    (content / "services" / "teleopieka.yaml").write_text("zmienione\n", "utf-8")
    again = run_katalog("import-hsds", exported, "-c", str(content))
    assert again.returncode == 1
    assert "usługa o tym identyfikatorze już istnieje" in again.stderr
    assert "Nic nie zapisano" in again.stderr
    assert (content / "services" / "teleopieka.yaml").read_text("utf-8") == "zmienione\n"
    assert run_katalog("import-hsds", exported, "-c", str(content), "--overwrite").returncode == 0
    assert (content / "services" / "teleopieka.yaml").read_text("utf-8") != "zmienione\n"


def test_another_directorys_hsds_example_is_imported_and_validated(tmp_path: Path) -> None:
    example = HSDS / "examples" / "service_full.json"
    if not example.is_file():
        pytest.skip(f"HSDS examples not found at {HSDS}")
    content = tmp_path / "content"
    result = run_katalog("import-hsds", str(example), "-c", str(content))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (content / "services" / "community-counselling.yaml").is_file()
    # HSDS has no audiences or areas of the Polish act: the validator asks for them, in Polish.
    assert result.returncode == 1
    assert "community-counselling.yaml" in result.stderr
    assert "areas: musi zawierać co najmniej 1 pozycję" in result.stderr
    assert "Sprawdź: community-counselling: brak jednostki miary" in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": ', "Plik nie jest poprawnym plikiem JSON (wiersz 1, kolumna 7)."),
        ("[1, 2]", "Plik nie zawiera usług w formacie HSDS"),
        ('[{"id": "x"}]', "Usługa nr 1 w pliku nie ma nazwy (pole name)."),
        ("\udcff", "Plik nie jest tekstem w kodowaniu UTF-8"),
    ],
)
def test_bad_input_gets_a_polish_message_not_a_traceback(
    tmp_path: Path, text: str, message: str
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(text.encode("utf-8", "surrogateescape"))
    result = run_katalog("import-hsds", str(source), "-c", str(tmp_path / "content"))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "content").exists()


def test_missing_file_is_named(tmp_path: Path) -> None:
    result = run_katalog("import-hsds", str(tmp_path / "brak.json"))
    assert result.returncode == 1
    assert f"Nie ma pliku: {tmp_path / 'brak.json'}" in result.stderr


def test_single_service_and_api_page_forms_are_accepted() -> None:
    service = {"name": "Pomoc sąsiedzka", "status": "active", "assured_date": "2026-01-02"}
    assert list(import_services(service).services) == ["pomoc-sasiedzka"]
    page = {"total_items": 1, "contents": [service]}
    imported = import_services(page)
    assert imported.services["pomoc-sasiedzka"]["last_verified"] == "2026-01-02"


def test_slugify_makes_valid_record_ids() -> None:
    assert slugify("Złota rączka – dla SENIORA!") == "zlota-raczka-dla-seniora"
    assert slugify("Łódź, ul. Żółta") == "lodz-ul-zolta"
    assert slugify("???") == "rekord"


def test_export_json_round_trips_in_memory(example_site: Path) -> None:
    data = json.loads((example_site / "dane" / "hsds" / "services.json").read_text("utf-8"))
    imported = import_services(data)
    assert imported.notes == []
    assert len(imported.services) == len(data)
