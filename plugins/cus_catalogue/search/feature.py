"""Search as a feature of the build: the thesaurus is checked, the index and scripts built once,
their URLs given to every page (``SEARCH_ASSETS``), then written with the /szukaj/ page."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import gettext as _
from ..languages.search import catalogue_in
from ..problems import Problem
from ..site_settings import SiteSettings
from . import build_search_assets, search_asset_urls, theme_static
from .bundle import bundler_problems
from .situations import FILE_NAME as SITUATIONS_FILE
from .situations import Situation, read_situations
from .thesaurus import SynonymGroup, read_thesaurus

SEARCH_PAGE_URL = "szukaj/"
SEARCH_TEMPLATE = "search.html"
THESAURUS_FILE = "synonyms.csv"


class Search(Feature):
    """The Polish search: thesaurus, sharded lunr index, script bundle and search page."""

    name = "search"

    def __init__(self) -> None:
        self.groups: list[SynonymGroup] = []
        self.situations: list[Situation] = []
        self.assets: dict[str, bytes] = {}

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
        """Build the index and scripts once; every page links them."""
        with build.progress.step(_("Search index")):
            self.assets = build_search_assets(
                catalogue_in(build.catalogue, build.language),  # the pass's language
                self.groups,
                theme_static(build.settings.theme),
                build.language,  # the messages of this pass's pages
                build.settings.crisis.get("words", []),
                self.situations,
            )
        return Contributions(context={"SEARCH_ASSETS": search_asset_urls(self.assets)})

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The index files, the script bundle and the search page."""
        for path, content in sorted(self.assets.items()):
            site.file(path, content, shared=True)  # content-hashed: every language's at /static/
        site.page(SEARCH_PAGE_URL, SEARCH_TEMPLATE)
        return []
