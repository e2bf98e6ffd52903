"""How search joins the Pelican build: through the catalogue signals, never by the generator
importing it.  At ``catalogue_ready`` the files are built (so every page sees SEARCH_ASSETS);
at ``catalogue_written`` they and the /szukaj/ page are written."""

from __future__ import annotations

import logging
from typing import Any

from . import build_search_assets, search_asset_urls
from .thesaurus import ThesaurusError

logger = logging.getLogger(__name__)

SEARCH_PAGE_URL = "szukaj/"
SEARCH_TEMPLATE = "search.html"


class SearchBuildError(SystemExit):
    """Stops the build (exit code 1) after the thesaurus problems were logged."""

    def __init__(self) -> None:
        super().__init__(1)


def on_catalogue_ready(generator: Any) -> None:
    """Build the index and scripts once; expose their URLs to every template."""
    try:
        assets = build_search_assets(generator.catalogue, generator.settings)
    except ThesaurusError as error:
        for message in error.messages:
            logger.error("%s", message)
        raise SearchBuildError from error
    generator.search_assets = assets
    generator.context["SEARCH_ASSETS"] = search_asset_urls(assets)


def on_catalogue_written(generator: Any, writer: Any = None) -> None:
    """Write the index files, the script bundle and the search page."""
    for path, content in sorted(getattr(generator, "search_assets", {}).items()):
        generator.write_bytes(path, content)
    generator.write_page(writer, SEARCH_PAGE_URL, SEARCH_TEMPLATE)


def register() -> None:
    """Connect search to the build signals (called from the plugin's register())."""
    from ..extensions import catalogue_ready, catalogue_written

    catalogue_ready.connect(on_catalogue_ready, weak=False)
    catalogue_written.connect(on_catalogue_written, weak=False)
