"""Accessibility, kiosk and offline as features of the build.

``Accessibility``: a QR code on every service card, the statement, easy-to-read, kiosk and
offline pages, the web app manifest, and QR codes of the links out for the kiosk.
``Offline``: the service worker, whose precache list hashes every finished file; it runs last.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..documents.feature import PUBLISHED as PUBLISHED_DOCUMENTS
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import gettext as _
from ..i18n import ngettext
from ..incremental.memo import MemoTable, memo_table
from ..languages import prefix
from ..problems import Problem
from ..search import theme_static
from ..search.bundle import bundle_inputs
from .loaded_scripts import loaded_scripts
from .offline import MANIFEST, web_manifest, write_service_worker
from .pages import write_pages
from .qr import remember_codes, service_qr_codes, write_outbound_qr


class Accessibility(Feature):
    """The pages the law and the front office need, and QR codes to take a page home."""

    name = "accessibility"

    def __init__(self) -> None:
        self.qr_pool: ProcessPoolExecutor | None = None
        self.qr_codes: list = []
        self.remembered_qr = MemoTable()

    def contribute(self, build: Build) -> Contributions:
        """QR code on every service card (large catalogues encode them in worker processes;
        the build cache keeps them by address and label)."""
        self.remembered_qr = memo_table(build.cache, "qr")
        codes, self.qr_pool = service_qr_codes(build.settings, build.services, self.remembered_qr)
        self.qr_codes = codes
        return Contributions(
            service_extras={
                service.id: {"qr_svg": code}
                for service, code in zip(build.services, codes, strict=True)
            }
        )

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The required pages and the manifest; every service page is written, so the QR
        workers are done."""
        if self.qr_pool is not None:
            self.qr_pool.shutdown()
            self.qr_pool = None
            remember_codes(self.qr_codes, self.remembered_qr)
        write_pages(site)
        if build.is_primary:
            site.file(MANIFEST, web_manifest(build.settings))
        return []

    def finalize(self, build: Build, output: Path) -> list[Problem]:
        """Kiosk: a QR code for every link out of the site, read from the finished pages."""
        with build.progress.step(_("QR codes of links out")):
            write_outbound_qr(output)
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
        exclude = settings.offline_exclude + bundled_only(output, build)
        written = write_service_worker(output, exclude, folders, documents)
        self.precached = len(written)
        return []

    def summary(self) -> list[str]:
        """How many files residents keep offline after their first visit."""
        return [
            ngettext(
                "{n} file kept for offline use.", "{n} files kept for offline use.", self.precached
            ).format(n=self.precached)
        ]


def bundled_only(output: Path, build: Build) -> tuple[str, ...]:
    """The search bundle's inputs no page loads on its own (they reach pages in the bundle)."""
    settings = build.settings
    static = settings.theme_static_dir
    inputs = {f"{static}/{name}" for name in bundle_inputs(theme_static(settings.theme))}
    return tuple(sorted(inputs - loaded_scripts(output, settings.siteurl.rstrip("/"))))
