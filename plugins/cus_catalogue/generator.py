"""The Pelican generator that turns the validated catalogue into the pages of the URL contract."""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator, PelicanTemplateNotFound

from .catalogue import Catalogue, load_catalogue
from .extensions import catalogue_ready, catalogue_written
from .i18n import ngettext
from .service_list import service_listing
from .views import ProviderView, ServiceView, build_views

logger = logging.getLogger(__name__)


class CatalogueInvalid(SystemExit):
    """Stops the build with exit code 1; the problems were already logged, no traceback."""

    def __init__(self) -> None:
        super().__init__(1)


def _today(settings: dict[str, Any]) -> dt.date:
    pinned = settings.get("CATALOGUE_TODAY")
    return dt.date.fromisoformat(str(pinned)) if pinned else dt.date.today()


def load_or_stop(content: Path, settings: dict[str, Any]) -> Catalogue:
    """Read the catalogue, log every problem, and stop the build when any is an error."""
    catalogue = load_catalogue(
        content,
        Path(settings["CATALOGUE_DATA_PATH"]),
        today=_today(settings),
        stale_months=int(settings["CATALOGUE_STALE_MONTHS"]),
    )
    for problem in catalogue.warnings:
        logger.warning("%s", problem.format())
    for problem in catalogue.errors:
        logger.error("%s", problem.format())
    if catalogue.errors:
        count = len(catalogue.errors)
        logger.error(
            "%s",
            ngettext("The catalogue has %(n)d error.", "The catalogue has %(n)d errors.", count)
            % {"n": count},
        )
        raise CatalogueInvalid
    return catalogue


class CatalogueGenerator(Generator):
    """Reads ``<content>/services`` and ``<content>/providers`` and writes every catalogue page."""

    def generate_context(self) -> None:
        """Validate all records first: nothing is written from an invalid catalogue."""
        self.catalogue = load_or_stop(Path(self.path), self.settings)
        self.services, self.providers = build_views(self.catalogue)
        today = _today(self.settings)
        self.context.update(
            {
                "CATALOGUE_SERVICES": self.services,
                "CATALOGUE_PROVIDERS": self.providers,
                "audiences": list(self.catalogue.audiences.values()),
                "areas": list(self.catalogue.areas.values()),
                "services": [
                    {"id": s.id, "name": s.name, "apply_online": s.accepts_applications}
                    for s in self.services
                ],
                "providers": [{"id": p.id, "name": p.name} for p in self.providers],
                "BUILD_DATE": today.isoformat(),
                # Filled by features through the catalogue_ready signal.
                "SEARCH_ASSETS": {},
                "HEAD_EXTRAS": [],
            }
        )
        catalogue_ready.send(self)

    def write_page(self, writer: Any, url: str, template: str, **page: Any) -> None:
        """Render ``template`` to the page at ``url`` (``uslugi/x/`` → ``uslugi/x/index.html``)."""
        writer.write_file(
            f"{url}index.html" if url.endswith("/") or not url else url,
            self.get_template(template.removesuffix(".html")),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            page_url=url,
            template_name=template,
            **page,
        )

    def generate_output(self, writer: Any) -> None:
        """Write the start page, service and provider pages, browse lists and form pages."""
        services, providers = self.services, self.providers
        length = int(self.settings["CATALOGUE_HOME_LIST_LENGTH"])
        recent = sorted(services, key=lambda s: s.data["last_verified"], reverse=True)
        self.write_page(writer, "", "index.html", recently_updated=recent[:length])
        letters = [
            (letter, list(group))
            for letter, group in itertools.groupby(services, key=lambda s: s.name[:1].upper())
        ]
        self.write_page(writer, "uslugi/", "services_az.html", listed=services, letters=letters)
        for service in services:
            self.write_page(writer, service.url, "service.html", service=service)
        self.write_page(writer, "realizatorzy/", "providers.html", listed=providers)
        for provider in providers:
            self.write_page(writer, provider.url, "provider.html", provider=provider)
        self._write_browse(writer, services, "dla", "audiences", self.catalogue.audiences)
        self._write_browse(writer, services, "obszary", "areas", self.catalogue.areas)
        for url, template in self._optional_pages():
            self.write_page(writer, url, template)
        self.write_bytes("uslugi.json", service_listing(services, providers, self.settings))
        catalogue_written.send(self, writer=writer)

    def write_bytes(self, relative_path: str, content: bytes) -> Path:
        """Write a file (index, data, script) into the output folder."""
        path = Path(self.output_path) / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return path

    def _write_browse(
        self,
        writer: Any,
        services: list[ServiceView],
        prefix: str,
        field: str,
        terms: dict[str, dict[str, str]],
    ) -> None:
        counts = {term_id: 0 for term_id in terms}
        for term_id, term in terms.items():
            listed = [s for s in services if term_id in s.data[field]]
            counts[term_id] = len(listed)
            self.write_page(
                writer, f"{prefix}/{term_id}/", "browse.html", term=term, kind=field, listed=listed
            )
        self.write_page(
            writer,
            f"{prefix}/",
            "browse_index.html",
            terms=list(terms.values()),
            kind=field,
            counts=counts,
        )

    def _optional_pages(self) -> list[tuple[str, str]]:
        """Pages whose template the theme may leave out (forms, search, statements)."""
        pages = dict(self.settings["CATALOGUE_FORM_PAGES"])
        pages.update(self.settings.get("CATALOGUE_STATIC_PAGES", {}))
        present = []
        for url, template in sorted(pages.items()):
            try:
                self.get_template(template.removesuffix(".html"))
            except PelicanTemplateNotFound:
                logger.warning("Theme has no template %s: page /%s skipped", template, url)
                continue
            present.append((url, template))
        return present


__all__ = ["CatalogueGenerator", "CatalogueInvalid", "ProviderView", "ServiceView", "load_or_stop"]
