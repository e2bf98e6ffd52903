"""katalog import-hsds: export → import → export gives identical data; bad input gets Polish messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitekit import EXAMPLE_CONTENT, FIXTURES, ROOT, run_katalog, run_pelican

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.opendata.hsds_import import import_services, slugify

# HSDS 3.0's official examples, vendored with their licence (tests/fixtures/hsds-3.0/NOTICE.md).
HSDS = FIXTURES / "hsds-3.0"


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
    content = tmp_path / "content"
    result = run_katalog("import-hsds", str(example), "-c", str(content))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (content / "services" / "community-counselling.yaml").is_file()
    # HSDS has no audiences, areas or unit: nothing is invented, the validator asks for them.
    assert result.returncode == 1
    assert "community-counselling.yaml:2: audiences: brak wymaganego pola" in result.stderr
    assert "community-counselling.yaml:2: unit: brak wymaganego pola" in result.stderr
    assert "Sprawdź: community-counselling: brak jednostki miary: uzupełnij „unit”" in result.stdout


def imported_example(name: str, tmp_path: Path) -> tuple[object, Path]:
    """``katalog import-hsds`` of one of HSDS's official examples into a new content folder."""
    content = tmp_path / "content"
    result = run_katalog("import-hsds", str(HSDS / "examples" / name), "-c", str(content))
    assert "Traceback" not in result.stdout + result.stderr
    return result, content


def test_defect_25_an_organisation_is_imported_with_its_own_service(tmp_path: Path) -> None:
    """organization_full.json was one service named after the organisation, with a made-up
    provider, while its real service was ignored."""
    _result, content = imported_example("organization_full.json", tmp_path)
    assert sorted(p.name for p in (content / "providers").iterdir()) == [
        "example-organization-inc.yaml"
    ]
    assert sorted(p.name for p in (content / "services").iterdir()) == [
        "community-counselling.yaml"
    ]
    catalogue = load_catalogue(content, ROOT / "data")
    provider = catalogue.providers["example-organization-inc"].data
    assert provider["name"] == "Example Organization Inc."
    assert provider["address"] == {
        "street": "1-30 Main Street, MyVillage",
        "postal_code": "ABC 1234",
        "city": "MyCity",
        "country": "US",
    }
    assert "kind" not in provider  # not guessed: the validator asks for it
    service = catalogue.services["community-counselling"].data
    assert service["provider"] == "example-organization-inc"
    assert service["eligibility"]["text"].startswith("This service is intended for all people")
    # A foreign address is data, not an error; what is missing is asked for, not invented.
    problems = [p.format(content) for p in catalogue.errors]
    assert not [p for p in problems if "postal_code" in p]
    assert "services/community-counselling.yaml:2: unit: brak wymaganego pola" in problems
    assert "providers/example-organization-inc.yaml:2: kind: brak wymaganego pola" in problems
    assert "Każdy" not in (content / "services" / "community-counselling.yaml").read_text("utf-8")


def test_defect_25_a_price_in_pounds_is_not_shown_as_zloty(tmp_path: Path) -> None:
    result, content = imported_example("organization_full.json", tmp_path)
    fee = load_catalogue(content, ROOT / "data").services["community-counselling"].data["fee"]
    assert fee["kind"] == "paid"
    assert "amount" not in fee
    assert fee["note"].endswith(
        "Under 18s and Over 60s, 35 GBP, per 1 hour session, ważne od 2020-01-01 do 2022-12-31"
    )
    assert (
        "Sprawdź: community-counselling: cena w walucie GBP nie została przeliczona: "
        "wpisz „fee.amount” w złotych"
    ) in result.stdout
    assert "fee.amount: usługa płatna lub częściowo płatna wymaga kwoty" in result.stderr


def test_defect_25_every_value_not_imported_is_listed_per_record(tmp_path: Path) -> None:
    result, content = imported_example("organization_full.json", tmp_path)
    out = result.stdout
    assert "Nie przeniesiono do community-counselling (usługa): " in out
    assert "Nie przeniesiono do example-organization-inc (realizator): " in out
    service_part = out.split("Nie przeniesiono do community-counselling (usługa): ")[1]
    for line in (
        "  alert: Following COVID-19 we have moved most of our counselling sessions online.",
        "  languages[0].note: Translation services provided via bilingual staff when they are "
        "available",
        "  interpretation_services: Interpretation services are available in Urdu, Polish",
        "  contacts[0].name: Ann Persona",
        "  service_areas[0].extent_type: geojson",
        "  url: http://example.com/counselling",
        "  schedules[0].byweekno: 41,42",
    ):
        assert line in service_part, line
    text = (content / "services" / "community-counselling.yaml").read_text("utf-8")
    # What maps is kept: schedule notes in hours_note, the cost option's group and validity.
    assert "Some of our staff will be unavailable during their lunch break" in text
    assert "MyCity Counselling Services" in text  # the alternate name, as a search keyword
    assert "languages: [ur]" in text or "languages:\n  - ur" in text  # its ISO 639-1 code


@pytest.mark.parametrize(
    ("name", "kind"), [("location.json", "location"), ("taxonomy_list.json", "taxonomy")]
)
def test_defect_25_locations_and_taxonomies_are_not_turned_into_services(
    tmp_path: Path, name: str, kind: str
) -> None:
    result, content = imported_example(name, tmp_path)
    assert result.returncode == 1
    assert f"Plik zawiera obiekty HSDS typu „{kind}”" in result.stderr
    assert not content.exists()


def test_defect_25_an_organisation_list_gives_providers_only(tmp_path: Path) -> None:
    result, content = imported_example("organization_list.json", tmp_path)
    assert [p.name for p in (content / "providers").iterdir()] == ["example-organization-inc.yaml"]
    assert not (content / "services").exists()
    assert "  legal_status: Limited Company" in result.stdout


def test_defect_25_the_tabular_examples_import_like_the_json(tmp_path: Path) -> None:
    from_json = tmp_path / "json"
    run_katalog("import-hsds", str(HSDS / "examples" / "service_full.json"), "-c", str(from_json))
    from_tables = tmp_path / "tables"
    result = run_katalog("import-hsds", str(HSDS / "examples" / "csv"), "-c", str(from_tables))
    assert "Traceback" not in result.stdout + result.stderr
    relative = "services/community-counselling.yaml"
    assert (from_tables / relative).read_text("utf-8") == (from_json / relative).read_text("utf-8")
    # The example tables give the organisation's office another organisation_id than the JSON
    # does, so the provider has no address here: read as the tables say, nothing added.
    provider = load_catalogue(from_tables, ROOT / "data").providers["example-organization-inc"]
    assert provider.data["name"] == "Example Organization Inc." and "address" not in provider.data


def test_defect_25_only_pln_becomes_the_amount() -> None:
    def service(currency: str) -> dict:
        option = {"amount": 12, "currency": currency, "option": "Seniorzy"}
        return {"name": "Obiad", "status": "active", "cost_options": [option]}

    pln = import_services(service("pln"))
    assert pln.services["obiad"]["fee"] == {"kind": "paid", "amount": 12, "note": "Seniorzy"}
    euro = import_services(service("EUR"))
    assert euro.services["obiad"]["fee"] == {"kind": "paid", "note": "Seniorzy, 12 EUR"}
    assert any("EUR" in note for note in euro.notes)


def test_defect_25_nothing_is_invented_for_a_bare_service() -> None:
    imported = import_services({"name": "Pomoc sąsiedzka", "status": "active"})
    assert imported.services["pomoc-sasiedzka"] == {"name": "Pomoc sąsiedzka"}
    assert imported.providers == {}
    assert len(imported.notes) == 4  # provider, unit, fee and date, each to fill in


def test_defect_21_deeply_nested_json_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    for depth in (100, 100_000):
        source = tmp_path / f"glebokie-{depth}.json"
        source.write_text("[" * depth + "]" * depth, encoding="utf-8")
        result = run_katalog("import-hsds", str(source), "-c", str(tmp_path / "content"))
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        assert (
            "W pliku listy i obiekty są zagnieżdżone za głęboko (więcej niż 64 poziomy)."
            in result.stderr
        )


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
    assert {key: values for key, values in imported.left_out.items() if values} == {}
