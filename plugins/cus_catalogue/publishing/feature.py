"""Publishing as a feature of the build: the feed link on every page; the feed, 404 page,
staff freshness report and robots.txt; and, once every page exists, the sitemap."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import gettext as _
from ..news.feature import feed_entries as news_entries
from ..news.views import LIST_URL as NEWS
from ..packages.feature import LIST_URL as PACKAGES
from ..partners.feature import feed_entries as need_entries
from ..problems import Problem
from .feed import FEED_FILE, atom_feed, service_entries
from .freshness import (
    FRESHNESS_CSV,
    FRESHNESS_URL,
    STAFF_FOLDERS,
    freshness_csv,
    stale_by_provider,
)
from .sitemap import ROBOTS_FILE, SITEMAP_FILE, public_pages, robots_txt, sitemap_xml

NOT_FOUND_FILE = "404.html"


class Publishing(Feature):
    """Sitemap, Atom feed, robots.txt, the 404 page and the staff freshness report."""

    name = "publishing"

    def contribute(self, build: Build) -> Contributions:
        """Let browsers and feed readers find the feed from every page."""
        link = Markup('<link rel="alternate" type="application/atom+xml" title="{}" href="{}">')
        title = _("What is new in the catalogue")
        return Contributions(
            head=[link.format(escape(title), escape(build.settings.url(build.prefix + FEED_FILE)))]
        )

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The feed, the 404 page, the staff freshness page and CSV, and robots.txt."""
        settings = build.settings
        entries = service_entries(build.services) + news_entries(build) + need_entries(build)
        site.file(FEED_FILE, atom_feed(entries, settings, settings.feed_length, build.prefix))
        # Served for any missing address, so its links must not be relative to where it lies.
        site.page(NOT_FOUND_FILE, NOT_FOUND_FILE, relative_urls=False)
        if not build.is_primary:  # the staff report and robots.txt: once, in Polish
            return []
        groups = stale_by_provider(
            build.catalogue, build.today, settings.stale_months, build.content
        )
        site.page(
            FRESHNESS_URL,
            "freshness.html",
            LANGUAGE_LINKS=[],  # a staff page, in Polish only
            groups=groups,
            stale_count=sum(len(group.records) for group in groups),
            stale_months=settings.stale_months,
            csv_url=FRESHNESS_CSV,
        )
        site.file(FRESHNESS_CSV, freshness_csv(groups, settings.base_url))
        site.file(ROBOTS_FILE, robots_txt(settings.base_url, STAFF_FOLDERS))
        return []

    def finalize(self, build: Build, output: Path) -> list[Problem]:
        """sitemap.xml of every public page any feature or generator wrote."""
        lastmod = {s.url: s.data["last_verified"] for s in build.services}
        lastmod |= {p.url: p.data["last_verified"] for p in build.providers}
        catalogue = build.catalogue
        lastmod |= {
            f"{PACKAGES}{p.id}/": p.data["last_verified"] for p in catalogue.packages.values()
        }
        lastmod |= {f"{NEWS}{n.id}/": n.data["date"] for n in catalogue.news.values()}
        sitemap = sitemap_xml(
            build.settings.base_url,
            public_pages(output, build.cache),
            lastmod,
            build.settings.languages,
        )
        (output / SITEMAP_FILE).write_bytes(sitemap)
        return []
