"""The open-data files of a build: the Data Package, the HSDS export (JSON and tables)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

from ..eligibility.conditions import read_conditions
from ..feature import Build, SiteWriter
from ..fees.criteria import read_criteria
from ..i18n import N_, babel_locale
from ..incremental.memo import entry_table
from ..problems import Problem
from ..records import Record
from ..site_settings import SiteSettings
from .common import canonical_json
from .datapackage import package_files
from .eligibility_tables import eligibility_tables
from .hsds_export import HsdsExporter
from .hsds_tabular import Row, RowMaker, TabularWriter

PAGE_URL = "dane/"
CATALOGUE_DIR = "dane/katalog/"
HSDS_JSON = "dane/hsds/services.json"
HSDS_TABULAR_DIR = "dane/hsds/tabular/"
INVALID = N_("Open data package is invalid: {error}")
HSDS_SOURCE = {
    "title": "Human Services Data Specification 3.0: an Open Referral resource",
    "path": "https://docs.openreferral.org/en/3.0/",
}


def _metadata(settings: SiteSettings, name: str, title: str) -> dict[str, Any]:
    """Name, title, licence, publisher and home page shared by both packages."""
    centre = settings.centre
    return {
        "name": name,
        "title": f"{title} – {centre['name']}",
        "licenses": [dict(settings.data_license)],
        "contributors": [{"title": centre["name"], "role": "publisher", "email": centre["email"]}],
        "homepage": settings.url(PAGE_URL),
    }


def write_files(build: Build, site: SiteWriter, capacity: list[dict[str, Any]]) -> dict[str, int]:
    """Write every open-data file of the site; their sizes by path in the output folder.

    The HSDS export of a large catalogue runs to hundreds of megabytes, so it is streamed
    to disk service by service instead of being held in memory.
    """
    settings = build.settings
    catalogue = build.catalogue
    output = build.output
    package = package_files(
        catalogue,
        capacity,
        {
            **_metadata(settings, "katalog-uslug-spolecznych", "Katalog usług społecznych"),
            "description": (
                "Usługi społeczne dostępne w gminie, ich realizatorzy, grupy odbiorców, "
                "obszary, godziny, miejsca, warunki, opłaty zależne od dochodu i dostępność "
                "miejsc. Opis kolumn w schematach tabel."
            ),
        },
        settings.base_url,
        eligibility_tables(
            catalogue, read_conditions(settings.data_path), read_criteria(settings.data_path)
        ),
    )
    for name in sorted(package):
        site.file(CATALOGUE_DIR + name, package[name])
    del package
    exporter = HsdsExporter(catalogue, settings)
    tables = TabularWriter(output / HSDS_TABULAR_DIR)
    for taxonomy in exporter.taxonomies():
        tables.add("taxonomy", taxonomy)
    json_path = site.open_path(HSDS_JSON)
    # A rebuild takes each unchanged service's JSON and rows from the build cache (an entry
    # each: one for every service was all in memory, about 2.6 GB at 100,000 services).
    memo = entry_table(build.cache, "hsds-services", exporter.inputs())
    row_maker = RowMaker()

    def exported(record: Record) -> tuple[bytes, list[Row]]:
        service = exporter.service(record)
        text = canonical_json(service, indent=None).rstrip(b"\n")
        return text, row_maker.rows("service", service)

    # The same bytes as canonical_json(list, indent=None), one service at a time.
    with json_path.open("wb") as export:
        export.write(b"[")
        for index, service_id in enumerate(sorted(catalogue.services)):
            record = catalogue.services[service_id]
            provider = catalogue.providers[record.data["provider"]]
            inputs = (record.id, record.data, provider.id, provider.data)
            text, service_rows = memo.get(inputs, functools.partial(exported, record))
            export.write(b"," if index else b"")
            export.write(text)
            tables.write(service_rows)
        export.write(b"]\n")
    tables.close(
        {
            **_metadata(settings, "katalog-uslug-spolecznych-hsds", "Katalog usług (HSDS 3.0)"),
            "description": (
                "Katalog usług społecznych w tabelach Human Services Data Specification 3.0 "
                "(Open Referral), opisanych schematami HSDS."
            ),
            "sources": [HSDS_SOURCE],
        }
    )
    written = [output / CATALOGUE_DIR, output / HSDS_TABULAR_DIR, json_path]
    files = [p for folder in written for p in ([folder] if folder.is_file() else folder.iterdir())]
    return {p.relative_to(output).as_posix(): p.stat().st_size for p in sorted(files)}


def package_problems(descriptor: Path) -> list[Problem]:
    """Every frictionless error of a written package (descriptor, tables, keys), at its row."""
    from frictionless import FrictionlessException, Package  # slow import, once per build

    def problem(path: Path, line: int, field: str, error: str) -> Problem:
        return Problem("opendata-invalid", path, line, field, {"error": error}, template=INVALID)

    try:
        report = Package(str(descriptor)).validate()
    except FrictionlessException as error:
        return [problem(descriptor, 1, "", error.error.message)]
    problems = [
        problem(
            descriptor.parent / task.place if task.place else descriptor,
            getattr(error, "row_number", None) or 1,
            getattr(error, "field_name", "") or "",
            error.message,
        )
        for task in report.tasks
        for error in task.errors
    ]
    return problems + [problem(descriptor, 1, "", error.message) for error in report.errors]


def size_text(size: int) -> str:
    """``12,3 kB``: file sizes in the Polish way."""
    if size < 1000:
        return f"{size} B"
    return f"{format_decimal(size / 1000, format='#,##0.0', locale=babel_locale())} kB"
