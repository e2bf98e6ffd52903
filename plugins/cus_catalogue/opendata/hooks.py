"""What open data does at the catalogue's signals: page extras first, then files and /dane/."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

from ..formatting import LOCALE
from ..i18n import gettext as _
from .capacity import capacity_view, check_capacity, current_capacity, read_capacity
from .common import absolute_base, canonical_json
from .datapackage import package_files
from .hsds_export import HsdsExporter
from .hsds_tabular import TabularWriter
from .jsonld import provider_document, script_tag, service_document

logger = logging.getLogger(__name__)
PAGE_URL = "dane/"
CATALOGUE_DIR = "dane/katalog/"
HSDS_JSON = "dane/hsds/services.json"
HSDS_TABULAR_DIR = "dane/hsds/tabular/"
HSDS_SOURCE = {
    "title": "Human Services Data Specification 3.0: an Open Referral resource",
    "path": "https://docs.openreferral.org/en/3.0/",
}


def _today(settings: dict[str, Any]) -> dt.date:
    pinned = settings.get("CATALOGUE_TODAY")
    return dt.date.fromisoformat(str(pinned)) if pinned else dt.date.today()


def on_catalogue_ready(generator: Any) -> None:
    """JSON-LD in the head of every service and provider page; current capacity figures."""
    settings = generator.settings
    base = absolute_base(settings)
    municipality = str(settings["CENTRE"]["city"])
    for service in generator.services:
        service.extras.setdefault("head", []).append(
            script_tag(service_document(service, base, municipality))
        )
    for provider in generator.providers:
        provider.extras.setdefault("head", []).append(script_tag(provider_document(provider, base)))
    rows = read_capacity(Path(settings["CATALOGUE_DATA_PATH"]))
    for note in check_capacity(rows, generator.catalogue.services):
        logger.warning("%s", note)
    current = current_capacity(
        rows, _today(settings), int(settings["CATALOGUE_CAPACITY_MAX_AGE_DAYS"])
    )
    for service in generator.services:
        if service.id in current:
            service.extras["capacity"] = capacity_view(
                current[service.id], service.data["unit"], generator.catalogue.units
            )
    generator.opendata_capacity = rows


def _metadata(settings: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    """Name, title, licence and publisher shared by both packages."""
    centre = settings["CENTRE"]
    metadata: dict[str, Any] = {
        "name": name,
        "title": f"{title} – {centre['name']}",
        "licenses": [dict(settings["CATALOGUE_DATA_LICENSE"])],
        "contributors": [{"title": centre["name"], "role": "publisher", "email": centre["email"]}],
    }
    base = absolute_base(settings)
    if base:
        metadata["homepage"] = f"{base}/{PAGE_URL}"
    return metadata


def write_files(generator: Any) -> dict[str, int]:
    """Write every open-data file of the site; their sizes by path in the output folder.

    The HSDS export of a large catalogue runs to hundreds of megabytes, so it is streamed
    to disk service by service instead of going through ``generator.write_bytes``.
    """
    settings = generator.settings
    catalogue = generator.catalogue
    output = Path(generator.output_path)
    capacity = getattr(generator, "opendata_capacity", None)
    if capacity is None:
        capacity = read_capacity(Path(settings["CATALOGUE_DATA_PATH"]))
    package = package_files(
        catalogue,
        capacity,
        {
            **_metadata(settings, "katalog-uslug-spolecznych", "Katalog usług społecznych"),
            "description": (
                "Usługi społeczne dostępne w gminie, ich realizatorzy, grupy odbiorców, "
                "obszary, godziny, miejsca i dostępność miejsc. Opis kolumn w schematach tabel."
            ),
        },
        absolute_base(settings),
    )
    for name in sorted(package):
        generator.write_bytes(CATALOGUE_DIR + name, package[name])
    del package
    exporter = HsdsExporter(catalogue, settings)
    tables = TabularWriter(output / HSDS_TABULAR_DIR)
    for taxonomy in exporter.taxonomies():
        tables.add("taxonomy", taxonomy)
    json_path = output / HSDS_JSON
    json_path.parent.mkdir(parents=True, exist_ok=True)
    # The same bytes as canonical_json(list, indent=None), one service at a time.
    with json_path.open("wb") as export:
        export.write(b"[")
        for index, service_id in enumerate(sorted(catalogue.services)):
            service = exporter.service(catalogue.services[service_id])
            export.write(b"," if index else b"")
            export.write(canonical_json(service, indent=None).rstrip(b"\n"))
            tables.add("service", service)
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


def package_errors(descriptor: Path) -> list[str]:
    """Every frictionless error of a written package (descriptor, tables, keys)."""
    from frictionless import FrictionlessException, Package  # slow import, once per build

    try:
        report = Package(str(descriptor)).validate()
    except FrictionlessException as error:
        return [error.error.message]
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    return errors + [error.message for error in report.errors]


def size_text(size: int) -> str:
    """``12,3 kB``: file sizes in the Polish way."""
    if size < 1000:
        return f"{size} B"
    return f"{format_decimal(size / 1000, format='#,##0.0', locale=LOCALE)} kB"


def on_catalogue_written(generator: Any, writer: Any = None) -> None:
    """Write the Data Package, the HSDS export and /dane/; stop the build if a package is bad."""
    from ..generator import CatalogueInvalid

    sizes = write_files(generator)
    if generator.settings.get("CATALOGUE_OPENDATA_VALIDATE", True):
        output = Path(generator.output_path)
        errors = []
        # The HSDS tables are validated in the tests: in the build they would double its time.
        descriptor = output / CATALOGUE_DIR / "datapackage.json"
        errors += [f"{CATALOGUE_DIR}{e}" for e in package_errors(descriptor)]
        for error in errors:
            logger.error("%s", _("Open data package is invalid: {error}").format(error=error))
        if errors:
            raise CatalogueInvalid
    downloads = {
        path.removeprefix(PAGE_URL): {"url": path, "size": size_text(size)}
        for path, size in sizes.items()
    }
    generator.write_page(
        writer,
        PAGE_URL,
        "data.html",
        downloads=downloads,
        data_license=generator.settings["CATALOGUE_DATA_LICENSE"],
        counts={
            "services": len(generator.catalogue.services),
            "providers": len(generator.catalogue.providers),
        },
    )
