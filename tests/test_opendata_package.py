"""/dane/: the Data Package and the HSDS export of the built example site, checked by the standards' own tools."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
from pathlib import Path

from frictionless import Package
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from sitekit import EXAMPLE_CONTENT, FIXTURES, run_pelican

from cus_catalogue.opendata.files import package_problems

# HSDS 3.0's own files, vendored with their licence (tests/fixtures/hsds-3.0/NOTICE.md).
HSDS = FIXTURES / "hsds-3.0"
VENDORED_DESCRIPTOR = (
    Path(__file__).resolve().parent.parent
    / "plugins"
    / "cus_catalogue"
    / "opendata"
    / "hsds_datapackage.json"
)


def strict(schema: object) -> object:
    """The specification's strict check: every object closed to additional properties."""
    if isinstance(schema, dict):
        if "properties" in schema:
            schema["additionalProperties"] = False
        for value in schema.values():
            strict(value)
    elif isinstance(schema, list):
        for value in schema:
            strict(value)
    return schema


def service_validator(strict_check: bool = False) -> Draft202012Validator:
    """HSDS's ``service.json`` with the other object schemas it refers to as a registry."""
    schemas = {
        path.name: json.loads(path.read_text("utf-8")) for path in (HSDS / "schema").glob("*.json")
    }
    if strict_check:
        schemas = {name: strict(schema) for name, schema in schemas.items()}
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in schemas.items()
    )
    return Draft202012Validator(
        schemas["service.json"], registry=registry, format_checker=FormatChecker()
    )


def validate_package(descriptor: Path) -> list[str]:
    report = Package(str(descriptor)).validate()
    return [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors] + [
        e.message for e in report.errors
    ]


def test_data_package_validates_with_frictionless(example_site: Path) -> None:
    """What ``katalog publish`` checks (a plain build no longer does): no problem at all."""
    descriptor = example_site / "dane" / "katalog" / "datapackage.json"
    assert [problem.format() for problem in package_problems(descriptor)] == []
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    names = [resource["name"] for resource in package["resources"]]
    assert {"services", "providers", "service_audiences", "service_areas", "hours"} <= set(names)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_data_package_has_every_service_and_its_links(example_site: Path) -> None:
    folder = example_site / "dane" / "katalog"
    with (folder / "services.csv").open(encoding="utf-8") as table:
        services = list(csv.DictReader(table))
    assert sorted(s["id"] for s in services) == sorted(
        p.stem for p in (EXAMPLE_CONTENT / "services").glob("*.yaml")
    )
    zlota = next(s for s in services if s["id"] == "zlota-raczka")
    assert zlota["unit"] == "usługa"
    with (folder / "service_audiences.csv").open(encoding="utf-8") as table:
        pairs = {(row["service"], row["audience"]) for row in csv.DictReader(table)}
    assert ("zlota-raczka", "seniorzy") in pairs


def test_data_package_has_the_packages_and_the_needed_services(example_site: Path) -> None:
    """Issue 16: packages (with their services in order) and needs are open data too."""
    folder = example_site / "dane" / "katalog"

    def rows(name: str) -> list[dict[str, str]]:
        with (folder / f"{name}.csv").open(encoding="utf-8") as table:
            return list(csv.DictReader(table))

    packages = {row["id"]: row for row in rows("packages")}
    assert sorted(packages) == sorted(p.stem for p in (EXAMPLE_CONTENT / "packages").glob("*"))
    assert packages["opiekuje-sie-bliskim"]["name"] == "Opiekuję się bliskim"
    assert packages["opiekuje-sie-bliskim"]["url"].endswith("/pakiety/opiekuje-sie-bliskim/")
    carer = [row for row in rows("package_services") if row["package"] == "opiekuje-sie-bliskim"]
    assert [row["position"] for row in carer] == [str(n) for n in range(1, 9)]  # 8, in order
    assert ("opiekuje-sie-bliskim", "opiekunowie") in {
        (row["package"], row["audience"]) for row in rows("package_audiences")
    }
    with (EXAMPLE_CONTENT / "needs.csv").open(encoding="utf-8") as table:
        curated = [row["id"] for row in csv.DictReader(table)]
    needs = rows("needs")
    assert [row["id"] for row in needs] == curated
    assert next(row for row in needs if row["id"] == "asystent-osobisty")["people"] == "18"


def test_hsds_json_validates_against_the_service_schema(example_site: Path) -> None:
    services = json.loads((example_site / "dane" / "hsds" / "services.json").read_text("utf-8"))
    assert len(services) == len(list((EXAMPLE_CONTENT / "services").glob("*.yaml")))
    for validator in (service_validator(), service_validator(strict_check=True)):
        errors = [f"{e.json_path}: {e.message}" for s in services for e in validator.iter_errors(s)]
        assert errors == []


def test_strict_schema_really_rejects_an_unknown_property(example_site: Path) -> None:
    services = json.loads((example_site / "dane" / "hsds" / "services.json").read_text("utf-8"))
    validator = service_validator(strict_check=True)
    tampered = copy.deepcopy(services[0])
    tampered["schedules"][0]["unit"] = "godzina"
    assert list(validator.iter_errors(tampered))


def test_hsds_services_carry_organisation_schedules_costs_and_attributes(
    example_site: Path,
) -> None:
    services = json.loads((example_site / "dane" / "hsds" / "services.json").read_text("utf-8"))
    service = next(s for s in services if s["name"] == "Usługi opiekuńcze w miejscu zamieszkania")
    assert service["organization"]["id"] == service["organization_id"]
    assert service["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"
    cost = service["cost_options"][0]
    assert (cost["currency"], cost["amount"], cost["amount_description"]) == (
        "PLN",
        28,
        "za godzinę",
    )
    values = {a["taxonomy_term"]["code"]: a.get("value") for a in service["attributes"]}
    assert values["unit"] == "godzina"
    assert values["fee-kind"] == "partial"
    assert "seniorzy" in values and "pomoc-spoleczna" in values


def test_hsds_tables_validate_against_hsds_own_datapackage(example_site: Path) -> None:
    descriptor = example_site / "dane" / "hsds" / "tabular" / "datapackage.json"
    assert validate_package(descriptor) == []
    ours = json.loads(descriptor.read_text("utf-8"))
    assert ours["resources"] == json.loads(VENDORED_DESCRIPTOR.read_text("utf-8"))["resources"]
    with (descriptor.parent / "services.csv").open(encoding="utf-8") as table:
        assert len(list(csv.DictReader(table))) == len(
            list((EXAMPLE_CONTENT / "services").glob("*.yaml"))
        )


def test_two_builds_give_identical_open_data(example_site: Path, tmp_path: Path) -> None:
    result = run_pelican(EXAMPLE_CONTENT, tmp_path / "again")
    assert result.returncode == 0, result.stderr
    first = sorted(
        p.relative_to(example_site) for p in (example_site / "dane").rglob("*") if p.is_file()
    )
    second = sorted(
        p.relative_to(tmp_path / "again")
        for p in (tmp_path / "again" / "dane").rglob("*")
        if p.is_file()
    )
    assert first == second
    for relative in first:
        if relative.suffix in (".json", ".csv"):
            assert (example_site / relative).read_bytes() == (
                tmp_path / "again" / relative
            ).read_bytes(), relative


def test_ids_are_uuid5_of_the_record_ids(example_site: Path) -> None:
    import uuid

    from cus_catalogue.settings import DEFAULTS

    services = json.loads((example_site / "dane" / "hsds" / "services.json").read_text("utf-8"))
    namespace = uuid.UUID(DEFAULTS["CATALOGUE_HSDS_NAMESPACE"])
    ids = {s["id"] for s in services}
    assert str(uuid.uuid5(namespace, "service/zlota-raczka")) in ids


def test_data_page_lists_every_download_in_polish(example_site: Path) -> None:
    page = (example_site / "dane" / "index.html").read_text("utf-8")
    assert "<h1>Otwarte dane</h1>" in page
    assert 'rel="license"' in page
    for path in ("katalog/datapackage.json", "katalog/services.csv", "hsds/services.json",
                 "hsds/tabular/datapackage.json", "hsds/tabular/services.csv"):  # fmt: skip
        assert f"dane/{path}" in page
        assert (example_site / "dane" / path).is_file()


def test_defect_25_hsds_opening_hours_carry_the_polish_time_zone(example_site: Path) -> None:
    """Without schedule.timezone HSDS reads times as UTC: 08:00 in Przykładowo is not 08:00 UTC."""
    from cus_catalogue.opendata.hsds_export import utc_offset

    services = json.loads((example_site / "dane" / "hsds" / "services.json").read_text("utf-8"))
    weekly = [s for svc in services for s in svc.get("schedules", []) if "opens_at" in s]
    assert weekly and {s["timezone"] for s in weekly} == {1}  # built on 2026-11-23: CET
    with (example_site / "dane" / "hsds" / "tabular" / "schedules.csv").open(
        encoding="utf-8"
    ) as table:
        assert {row["timezone"] for row in csv.DictReader(table) if row["opens_at"]} == {"1"}
    assert utc_offset("Europe/Warsaw", dt.date(2026, 7, 1)) == 2  # summer: CEST
