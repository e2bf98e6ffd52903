"""How publishing joins the Pelican build: pages and files at the catalogue signals, and the
sitemap at Pelican's ``finalized``, when every feature has written its pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..i18n import gettext as _
from .feed import FEED_FILE, atom_feed
from .freshness import (
    FRESHNESS_CSV,
    FRESHNESS_URL,
    STAFF_FOLDERS,
    freshness_csv,
    stale_by_provider,
)
from .sitemap import ROBOTS_FILE, SITEMAP_FILE, public_pages, robots_txt, sitemap_xml
from .urls import absolute, site_base

NOT_FOUND_FILE = "404.html"
# Output folder → {page URL: ISO date} from the catalogue, for the sitemap's <lastmod>.
_LASTMOD: dict[str, dict[str, str]] = {}


def _today(settings: dict[str, Any]) -> dt.date:
    pinned = settings.get("CATALOGUE_TODAY")
    return dt.date.fromisoformat(str(pinned)) if pinned else dt.date.today()


def on_catalogue_ready(generator: Any) -> None:
    """Let browsers and feed readers find the feed from every page."""
    href = absolute(site_base(generator.settings), FEED_FILE)
    title = _("New and updated services")
    generator.context.setdefault("HEAD_EXTRAS", []).append(
        Markup('<link rel="alternate" type="application/atom+xml" title="{}" href="{}">').format(
            escape(title), escape(href)
        )
    )


def on_catalogue_written(generator: Any, writer: Any = None) -> None:
    """The feed, the 404 page, the staff freshness page and CSV, and robots.txt."""
    settings = generator.settings
    base = site_base(settings)
    length = int(settings.get("CATALOGUE_FEED_LENGTH", 50))
    generator.write_bytes(FEED_FILE, atom_feed(generator.services, settings, base, length))
    # Served for any missing address, so its links must not be relative to where it lies.
    writer.write_file(
        NOT_FOUND_FILE,
        generator.get_template("404"),
        generator.context,
        relative_urls=False,
        page_url=NOT_FOUND_FILE,
        template_name=NOT_FOUND_FILE,
    )
    groups = stale_by_provider(
        generator.catalogue,
        _today(settings),
        int(settings["CATALOGUE_STALE_MONTHS"]),
        Path(generator.path),
    )
    generator.write_page(
        writer,
        FRESHNESS_URL,
        "freshness.html",
        groups=groups,
        stale_count=sum(len(group.records) for group in groups),
        stale_months=int(settings["CATALOGUE_STALE_MONTHS"]),
        csv_url=FRESHNESS_CSV,
    )
    generator.write_bytes(FRESHNESS_CSV, freshness_csv(groups, base))
    generator.write_bytes(ROBOTS_FILE, robots_txt(base, STAFF_FOLDERS))
    lastmod = {s.url: s.data["last_verified"] for s in generator.services}
    lastmod |= {p.url: p.data["last_verified"] for p in generator.providers}
    _LASTMOD[str(Path(generator.output_path).resolve())] = lastmod


def on_finalized(pelican: Any) -> None:
    """sitemap.xml of every public page any feature wrote."""
    output = Path(pelican.output_path).resolve()
    lastmod = _LASTMOD.pop(str(output), None)
    if lastmod is None:  # not a catalogue build
        return
    base = site_base(pelican.settings)
    (output / SITEMAP_FILE).write_bytes(sitemap_xml(base, public_pages(output), lastmod))


def register() -> None:
    """Connect publishing to the build signals (one line in the plugin's register())."""
    from pelican import signals

    from ..extensions import catalogue_ready, catalogue_written

    catalogue_ready.connect(on_catalogue_ready, weak=False)
    catalogue_written.connect(on_catalogue_written, weak=False)
    signals.finalized.connect(on_finalized, weak=False)
