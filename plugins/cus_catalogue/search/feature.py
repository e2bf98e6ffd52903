"""Search as a feature of the build: the thesaurus is checked, each language's index and
scripts built once and written at once (content-hashed, under /static/search/, so no page can
link a stale one), their URLs given to every page (``SEARCH_ASSETS``), and the /szukaj/ page.

At 100,000 services a language's search files are about 250 MB: holding them until ``write``
kept two languages' worth alive through the Polish pass's page rendering."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import gettext as _
from ..i18n import use_language
from ..languages import OWN_NAMES, prefix
from ..languages.search import catalogue_in
from ..problems import Problem
from ..site_settings import SiteSettings
from . import build_search_assets, forget_word_caches, search_asset_urls, theme_static
from .bundle import bundler_problems
from .situations import FILE_NAME as SITUATIONS_FILE
from .situations import Situation, read_situations
from .thesaurus import SynonymGroup, read_thesaurus

SEARCH_PAGE_URL = "szukaj/"
SEARCH_TEMPLATE = "search.html"
THESAURUS_FILE = "synonyms.csv"
#: A query in Cyrillic on the Polish search page searches this language's index (issue 13).
CYRILLIC_LANGUAGE = "uk"


class Search(Feature):
    """The Polish search: thesaurus, sharded lunr index, script bundle and search page."""

    name = "search"

    def __init__(self) -> None:
        self.groups: list[SynonymGroup] = []
        self.situations: list[Situation] = []
        self.urls: dict[str, dict[str, str]] = {}  # language → its files' URLs, built once

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """The thesaurus and the life situations in the data folder (a site may have neither),
        and esbuild, which bundles the search script."""
        path = settings.data_path / THESAURUS_FILE
        problems: list[Problem] = []
        if path.is_file():
            self.groups, problems = read_thesaurus(path)
        self.situations, more = read_situations(settings.data_path / SITUATIONS_FILE, self.groups)
        return problems + more + bundler_problems()

    def contribute(self, build: Build) -> Contributions:
        """Build and write the index and scripts once; every page links them. The Polish search
        page also learns where the Ukrainian index is, for queries typed in Cyrillic."""
        with build.progress.step(_("Search index")):
            urls = self.language_urls(build, build.language)
            cyrillic = {}
            if build.is_primary and CYRILLIC_LANGUAGE in build.settings.languages[1:]:
                root = prefix(CYRILLIC_LANGUAGE, build.settings.languages)
                cyrillic = {
                    "index": self.language_urls(build, CYRILLIC_LANGUAGE)["index"],
                    "root": root,
                    "page": root + SEARCH_PAGE_URL,
                    "name": OWN_NAMES[CYRILLIC_LANGUAGE],
                    "language": CYRILLIC_LANGUAGE,
                }
        context = {"SEARCH_ASSETS": urls, "SEARCH_CYRILLIC": cyrillic}
        return Contributions(context=context)

    def language_urls(self, build: Build, language: str) -> dict[str, str]:
        """The URLs of ``language``'s search files, built and written on first use (every
        language's at the root's /static/search/: their names are content-hashed)."""
        if language not in self.urls:
            with use_language(language):
                assets = build_search_assets(
                    catalogue_in(build.catalogue, language),
                    self.groups,
                    theme_static(build.settings.theme),
                    language,  # the messages of that language's pages
                    build.settings.crisis.get("words", []),
                    self.situations,
                    build.cache,
                )
            for path, content in sorted(assets.items()):
                target = build.output / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
            self.urls[language] = search_asset_urls(assets)
            if len(self.urls) == len(build.settings.languages):
                forget_word_caches()  # the last index is built
        return self.urls[language]

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The search page (its files were written as they were built)."""
        site.page(SEARCH_PAGE_URL, SEARCH_TEMPLATE)
        return []
