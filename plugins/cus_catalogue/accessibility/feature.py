"""Accessibility, kiosk and offline as features of the build.

``Accessibility``: a QR code on every service card, the statement, easy-to-read, kiosk and
offline pages, the web app manifest, and QR codes of the links out for the kiosk.
``Offline``: the service worker, whose precache list hashes every finished file; it runs last.
"""

from __future__ import annotations

from pathlib import Path

from ..documents.feature import PUBLISHED as PUBLISHED_DOCUMENTS
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import gettext as _
from ..i18n import ngettext
from ..incremental.memo import MemoTable, shared_table
from ..languages import prefix
from ..problems import Problem
from .offline import MANIFEST, url_of, web_manifest, write_service_worker
from .pages import write_pages
from .qr import service_qr_codes, write_outbound_qr


class Accessibility(Feature):
    """The pages the law and the front office need, and QR codes to take a page home."""

    name = "accessibility"

    def __init__(self) -> None:
        self.qr_encodings = MemoTable()

    def contribute(self, build: Build) -> Contributions:
        """QR code on every service card, each address encoded once a build (the build cache
        keeps the codes by address)."""
        if build.is_primary:
            self.qr_encodings = shared_table(build.cache, "qr")
        codes = service_qr_codes(build.settings, build.services, self.qr_encodings)
        return Contributions(
            service_extras={
                service.id: {"qr_svg": code}
                for service, code in zip(build.services, codes, strict=True)
            },
            memos=[self.qr_encodings],
        )

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The required pages and the manifest."""
        write_pages(site)
        if build.is_primary:
            site.file(MANIFEST, web_manifest(build.settings))
        return []

    def finalize(self, build: Build, output: Path) -> list[Problem]:
        """Kiosk: a QR code for every link out of the site, read from the finished pages."""
        with build.progress.step(_("QR codes of links out")):
            write_outbound_qr(output, build.cache)
        return []


class Offline(Feature):
    """The service worker: every file of this version with its content hash."""

    name = "offline"

    def __init__(self) -> None:
        self.precached = 0

    def finalize(self, build: Build, output: Path) -> list[Problem]:
        """Hash the finished output folder and write ``sw.js`` (after asset hashing)."""
        settings = build.settings
        # Documents only while small: a resident's first visit must not fetch every rule book.
        documents = {f"{PUBLISHED_DOCUMENTS}*": settings.offline_document_max_kb * 1000}
        folders = {code: prefix(code, settings.languages) for code in settings.languages}
        written = write_service_worker(
            output,
            settings.offline_exclude,
            folders,
            documents,
            optional=theme_files(output, settings.theme_static_dir),
            language_max_bytes=settings.offline_language_max_kb * 1000,
            cache=build.cache,
        )
        self.precached = len(written)
        return []

    def summary(self) -> list[str]:
        """How many files residents keep offline after their first visit."""
        return [
            ngettext(
                "{n} file kept for offline use.", "{n} files kept for offline use.", self.precached
            ).format(n=self.precached)
        ]


def theme_files(output: Path, static_dir: str) -> set[str]:
    """The theme's files in the output, kept offline only where some page or its files name
    them: a single-centre site never loads centre-filter.js, no page loads a licence text, and
    pages get the search bundle's sources inside the bundle."""
    return {
        url_of(path.relative_to(output).as_posix())
        for path in (output / static_dir).rglob("*")
        if path.is_file()
    }
