"""Open data as a feature of the build: capacity figures checked and shown, JSON-LD on every
record's page, then the Data Package, the HSDS export and the /dane/ page."""

from __future__ import annotations

from typing import Any

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import gettext as _
from ..problems import Problem
from ..site_settings import SiteSettings
from .capacity import (
    FILE_NAME,
    check_capacity,
    current_capacity,
    read_capacity,
    table_problems,
)
from .capacity_text import capacity_view
from .files import CATALOGUE_DIR, PAGE_URL, package_problems, size_text, write_files
from .jsonld import in_language, provider_document, script_tag, service_document


class OpenData(Feature):
    """Frictionless Data Package, Open Referral HSDS 3.0, schema.org JSON-LD, capacity."""

    name = "opendata"

    def __init__(self) -> None:
        self.capacity: list[dict[str, Any]] = []
        self.sizes: dict[str, int] = {}

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """The capacity table: its schema, and rows that name no service or exceed a limit."""
        path = catalogue.content / FILE_NAME
        if not path.is_file():
            return []
        self.capacity = read_capacity(path)
        return table_problems(path) + check_capacity(
            self.capacity, catalogue.services, path, catalogue.units
        )

    def contribute(self, build: Build) -> Contributions:
        """JSON-LD in the head of every service and provider page; current capacity figures."""
        settings = build.settings
        municipality = str(settings.centre["city"])
        current = current_capacity(self.capacity, build.today, settings.capacity_max_age_days)
        contributions = Contributions()
        base, language, prefix = settings.base_url, build.language, build.prefix
        for service in build.services:
            document = service_document(service, base, municipality)
            in_language(document, language, prefix, base)
            extras: dict[str, Any] = {"head": [script_tag(document)]}
            if service.id in current:
                extras["capacity"] = capacity_view(
                    current[service.id], service.data["unit"], build.catalogue.units
                )
            contributions.service_extras[service.id] = extras
        for provider in build.providers:
            document = provider_document(provider, base)
            in_language(document, language, prefix, base)
            contributions.provider_extras[provider.id] = {"head": [script_tag(document)]}
        return contributions

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The Data Package, the HSDS export and /dane/; the package is validated when the
        settings ask (``katalog publish`` always does)."""
        if build.is_primary:  # the files are shared; each language has its own /dane/ page
            with build.progress.step(_("Open data")):
                self.sizes = write_files(build, site, self.capacity)
        sizes = self.sizes
        problems = []
        if build.settings.opendata_validate and build.is_primary:
            # Not in every build: frictionless reads and casts every table, then again for each
            # foreign key (docs/open-data.md). The HSDS tables are validated in the tests.
            problems = package_problems(build.output / CATALOGUE_DIR / "datapackage.json")
        downloads = {
            path.removeprefix(PAGE_URL): {"url": path, "size": size_text(size)}
            for path, size in sizes.items()
        }
        site.page(
            PAGE_URL,
            "data.html",
            downloads=downloads,
            data_license=build.settings.data_license,
            counts={"services": len(build.services), "providers": len(build.providers)},
        )
        return problems
