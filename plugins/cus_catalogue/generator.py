"""The Pelican generator: validates the catalogue, writes the pages of the URL contract, and
runs every feature (``feature.py``) in its declared order (``features.py``)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator, PelicanTemplateNotFound
from pelican.log import LimitFilter
from pelican.utils import clean_output_dir

from .audiences import also_for
from .collation import by_initial
from .feature import Build, Contributions, merge
from .features import inspect_catalogue, make_features
from .i18n import gettext as _
from .i18n import ngettext, use_language
from .incremental.memo import shared_table
from .incremental.output import OutputFolder, keeps_output
from .incremental.pages import CachedPages
from .incremental.records import CachedRecords
from .incremental.store import open_cache, tree_digest
from .languages import OWN_NAMES, prefix
from .languages.links import LinkLocalizer
from .languages.setting_texts import localized_setting
from .markdown import render_markdown
from .parallel import SharedState, render_in_parallel, render_workers
from .problems import Problem
from .progress import Progress
from .script_paths import script_paths
from .service_list import service_listing
from .site_settings import SettingsInvalid, load_settings
from .summary import BuildSummary
from .views import ServiceView, build_views, localized_vocabularies, recently_updated

logger = logging.getLogger(__name__)
# Pelican's loggers drop a message already logged once in the process (``LimitFilter``); every
# build, including the next one ``katalog serve`` runs, must report its own problems and summary.
for repeated_message_filter in [f for f in logger.filters if isinstance(f, LimitFilter)]:
    logger.removeFilter(repeated_message_filter)
SERVICE_LIST = "uslugi.json"


def stop_build(problems: Iterable[Problem]) -> None:
    """Log every problem; stop the build (exit code 1, no traceback) when any is an error.

    Pelican prints a traceback for any exception a generator raises; ``SystemExit`` is the one
    way to end a build with only our messages on screen, so this is the single place that
    raises it.
    """
    problems = list(problems)
    for problem in problems:
        level = logging.ERROR if problem.severity == "error" else logging.WARNING
        logger.log(level, "%s", problem.format(), extra={"problem": problem})
    errors = sum(problem.severity == "error" for problem in problems)
    if errors:
        logger.error(
            "%s",
            ngettext("The catalogue has %(n)d error.", "The catalogue has %(n)d errors.", errors)
            % {"n": errors},
        )
        raise SystemExit(1)


class PageJob(NamedTuple):
    """One page to render: where, with which template and values."""

    url: str
    template: str
    values: dict[str, Any]
    relative_urls: bool | None = None


class LocalizedTemplate:
    """A page template whose pages link to the pages of its language: Pelican's writer writes
    them once, localized."""

    def __init__(self, template: Any, links: LinkLocalizer, name: str, siteurl: str) -> None:
        self.template, self.links, self.name, self.siteurl = template, links, name, siteurl

    def render(self, context: dict[str, Any]) -> str:
        """The page as the template renders it, its page links under the language's prefix."""
        return self.links.localize(self.template.render(context), self.name, self.siteurl)


class PageWriter:
    """The ``SiteWriter`` features write through: Pelican's writer, with every page counted.

    In another language than Polish, pages and files go under the language's folder
    (``uk/...``) and the links of each page to other pages lead to that language too.
    """

    def __init__(self, generator: CatalogueGenerator, writer: Any, build: Build) -> None:
        self.generator = generator
        self.writer = writer
        self.build = build
        settings = build.settings
        others = {prefix(code, settings.languages) for code in settings.languages[1:]}
        self.links = LinkLocalizer(build.prefix, others)
        cache = generator.cache
        self.cached = None
        if cache is not None:
            output, context = Path(generator.output_path), generator.context
            translations = tree_digest(Path(generator.theme) / "translations")  # templates read
            self.cached = CachedPages(
                cache,
                generator.env,
                build.language,
                context,
                output,
                translations,
                generator.output_folder,
            )

    def page(
        self, url: str, template: str, relative_urls: bool | None = None, **values: Any
    ) -> None:
        """Render ``template`` at ``url`` (``uslugi/x/`` → ``uslugi/x/index.html``)."""
        self.pages([PageJob(url, template, values, relative_urls)])

    def pages(self, jobs: list[PageJob], label: str = "") -> None:
        """Render many pages of one context (records, lists): on every core once they are
        many (``CATALOGUE_PARALLEL_PAGES_FROM``), each worker writing its share."""
        generator = self.generator
        workers = render_workers(len(jobs), generator.site_settings)

        def track(share: list[PageJob]) -> Iterable[PageJob]:
            return generator.progress.track(share, label, len(share)) if label else share

        if workers == 1:
            for job in track(jobs):
                self._render(job)
        else:
            kept = [generator.output_folder] if generator.output_folder else []
            state = SharedState(self.writer, generator.cache, [*generator.memos, *kept])
            render_in_parallel(jobs, workers, self._render, state, track)
        if self.build.is_primary:  # the summary counts the pages of one language
            for job in jobs:
                generator.summary.count_page(job.template)

    def _render(self, job: PageJob) -> None:
        generator, build = self.generator, self.build
        url, template = job.url, job.template
        relative_urls = job.relative_urls
        if relative_urls is None:
            relative_urls = generator.site_settings.relative_urls
        name = build.prefix + (f"{url}index.html" if url.endswith("/") or not url else url)
        values = {"page_url": url, "template_name": template, **job.values}

        def render() -> None:  # the cache keeps the page as this leaves it, links localized
            page_template = generator.get_template(template.removesuffix(".html"))
            if not build.is_primary:
                siteurl = "" if relative_urls else build.settings.siteurl
                page_template = LocalizedTemplate(page_template, self.links, name, siteurl)
            self.writer.write_file(
                name, page_template, generator.context, relative_urls=relative_urls, **values
            )

        if self.cached is None:
            render()
        else:
            self.cached.write(name, template, relative_urls, values, render)

    def file(self, path: str, content: bytes, shared: bool = False) -> Path:
        """Write a file (index, data, script) into the language's folder, or the root."""
        target = Path(self.generator.output_path) / path if shared else self.open_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return target

    def open_path(self, path: str) -> Path:
        """Where a feature streams a large file itself; its folder is made."""
        target = Path(self.generator.output_path) / (self.build.prefix + path)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target


class CatalogueGenerator(Generator):
    """Reads ``<content>/services`` and ``<content>/providers`` and writes every catalogue page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.progress = Progress()
        self.memos: list = []  # tables pages fill as they render (``Contributions.memos``)
        self.summary = BuildSummary()
        try:
            self.site_settings, self.settings_problems = load_settings(self.settings)
            self.features = make_features(self.site_settings)
        except SettingsInvalid as invalid:
            stop_build(invalid.problems)

    def generate_context(self) -> None:
        """Validate everything first: nothing is written from an invalid catalogue."""
        settings = self.site_settings
        self.cache = open_cache(settings.build_cache, self.settings, settings.data_path)
        self.output_folder = self._keep_output()
        memo = None
        if self.cache is not None:
            memo = CachedRecords(self.cache, settings.today, settings.stale_months)
        catalogue = inspect_catalogue(Path(self.path), settings, self.features, memo)
        stop_build(self.settings_problems + catalogue.problems)
        self.summary.problems(catalogue.problems + self.settings_problems)
        # One pass a language, Polish first: the files every language shares are written then.
        # Only the Polish views live all build (finalize and the summary read them); another
        # language's are made when its pass starts and dropped when it ends.
        markdown = shared_table(self.cache, "markdown")

        def render(text: str | None) -> Markup:  # pure: the text's HTML, remembered
            return markdown.get(str(text or ""), functools.partial(render_markdown, text))

        self.catalogue, self.render = catalogue, render
        self.build = self._language_build(settings.languages[0])

    def _language_build(self, language: str) -> Build:
        """One language's pass: the catalogue's views in that language."""
        settings = self.site_settings
        with use_language(language):
            services, providers = build_views(self.catalogue, self.render)
        return Build(
            self.catalogue,
            services,
            providers,
            settings,
            Path(self.path),
            Path(self.output_path),
            self.progress,
            language,
            self.cache,
        )

    def _keep_output(self) -> OutputFolder | None:
        """Empty the output folder where the hooks kept Pelican from deleting it: but for the
        pages the cache can tell are unchanged, when there is a cache to tell."""
        if not keeps_output(self.settings):
            return None
        retained = tuple(self.settings.get("OUTPUT_RETENTION", ()))
        if self.cache is None:  # a setting without a stable digest: no cache after all
            clean_output_dir(self.output_path, retained)
            return None
        return OutputFolder(self.cache.folder, Path(self.output_path), retained)

    def _language_context(self, build: Build) -> dict[str, Any]:
        """What every page of one language's pass reads: records and vocabularies in it."""
        vocabularies = localized_vocabularies(build.catalogue)
        settings = build.settings
        return {
            **script_paths(),
            "CATALOGUE_SERVICES": build.services,
            "CATALOGUE_PROVIDERS": build.providers,
            "audiences": list(vocabularies["audiences"].values()),
            "areas": list(vocabularies["areas"].values()),
            "services": [
                {
                    "id": s.id,
                    "name": s.name,
                    "apply_online": s.accepts_applications,
                    "status": s.status,
                }
                for s in build.services
            ],
            "providers": [{"id": p.id, "name": p.name} for p in build.providers],
            "BUILD_DATE": settings.today.isoformat(),
            "SEARCH_ASSETS": {},
            "PAGE_LANG": build.language,
            "LANGUAGE_PREFIX": build.prefix,
            "LANGUAGE_LINKS": [
                (code, OWN_NAMES[code], prefix(code, settings.languages))
                for code in settings.languages
            ],
            # The centre's own texts, in the pass's language where the settings translate them.
            "CENTRE": localized_setting(settings.centre, build.language),
            "ACCESSIBILITY_STATEMENT": localized_setting(
                settings.accessibility_statement, build.language
            ),
            "EASY_TO_READ": localized_setting(settings.easy_to_read, build.language),
            "RODO": localized_setting(settings.rodo, build.language),
        }

    def _apply(self, build: Build, contributions: Contributions) -> None:
        """Put what the features contribute where templates find it."""
        self.context.update(contributions.context)
        self.context["HEAD_EXTRAS"] = contributions.head
        self.memos = contributions.memos
        for service in build.services:
            service.extras.update(contributions.service_extras.get(service.id, {}))
        for provider in build.providers:
            provider.extras.update(contributions.provider_extras.get(provider.id, {}))

    def generate_output(self, writer: Any) -> None:
        """The catalogue's pages, then each feature's; the rest once Pelican has finished."""
        for language in self.site_settings.languages:
            self._write_language(language, writer)
        # Pelican's static files (the theme's CSS and JS) are copied after this generator:
        # finalize runs at Pelican's ``finalized``, on the complete output folder.
        signals.finalized.connect(self._finalize)

    def _write_language(self, language: str, writer: Any) -> None:
        """One language's pass: its views (the Polish ones are kept for finalize; another
        language's are made now and dropped at the end, so one such set lives at a time)."""
        build = self.build if language == self.build.language else self._language_build(language)
        with use_language(language):
            self.context.update(self._language_context(build))
            self._apply(build, merge(feature.contribute(build) for feature in self.features))
            site = PageWriter(self, writer, build)
            self._write_catalogue_pages(site)
            for feature in self.features:
                stop_build(feature.write(build, site))
        for key in ("CATALOGUE_SERVICES", "CATALOGUE_PROVIDERS"):
            del self.context[key]  # the next pass's views are made without these alive

    def _finalize(self, pelican: Any) -> None:
        """Each feature's work on the finished output, then the summary of the build."""
        if Path(pelican.output_path).resolve() != Path(self.output_path).resolve():
            return
        signals.finalized.disconnect(self._finalize)
        output = Path(self.output_path)
        if self.output_folder is not None:  # before any feature lists the finished files
            self.output_folder.finish()
        for feature in self.features:
            stop_build(feature.finalize(self.build, output))
        if self.cache is not None:
            self.cache.save()
        self.summary.finish(output, self.build, self.progress.elapsed())
        for feature in self.features:
            self.summary.notes += feature.summary()
        logger.info("%s", self.summary.text(), extra={"build_summary": self.summary})

    def _write_catalogue_pages(self, site: PageWriter) -> None:
        """Start page, A–Z, service and provider pages, browse lists, form pages, uslugi.json."""
        build = site.build
        services, providers = build.services, build.providers
        vocabularies = localized_vocabularies(build.catalogue)
        length = self.site_settings.home_list_length
        jobs = [PageJob("", "index.html", {"recently_updated": recently_updated(services, length)})]
        letters = by_initial(services, lambda service: service.name)
        jobs.append(
            PageJob("uslugi/", "services_az.html", {"listed": services, "letters": letters})
        )
        jobs += [PageJob(s.url, "service.html", {"service": s}) for s in services]
        jobs.append(PageJob("realizatorzy/", "providers.html", {"listed": providers}))
        jobs += [PageJob(p.url, "provider.html", {"provider": p}) for p in providers]
        jobs += self._browse_pages(services, "dla", "audiences", vocabularies["audiences"])
        jobs += self._browse_pages(services, "obszary", "areas", vocabularies["areas"])
        site.pages(jobs, _("Service pages"))
        for url, template in self._optional_pages():
            site.page(url, template)
        if build.is_primary:  # the form backend's list: one, in Polish
            site.file(SERVICE_LIST, service_listing(services, providers, self.site_settings))

    def _browse_pages(
        self,
        services: list[ServiceView],
        prefix: str,
        field: str,
        terms: dict[str, dict[str, str]],
    ) -> list[PageJob]:
        """A page for each term (audience, area) listing its services, and their index."""
        counts = {term_id: 0 for term_id in terms}
        jobs = []
        for term_id, term in terms.items():
            listed = [s for s in services if term_id in s.data[field]]
            counts[term_id] = len(listed)
            also = also_for(services, term_id) if field == "audiences" else []
            values = {"term": term, "kind": field, "listed": listed, "for_everyone": also}
            jobs.append(PageJob(f"{prefix}/{term_id}/", "browse.html", values))
        values = {"terms": list(terms.values()), "kind": field, "counts": counts}
        jobs.append(PageJob(f"{prefix}/", "browse_index.html", values))
        return jobs

    def _optional_pages(self) -> list[tuple[str, str]]:
        """Pages whose template the theme may leave out (forms, search, statements)."""
        pages = dict(self.site_settings.form_pages) | dict(self.site_settings.static_pages)
        present = []
        for url, template in sorted(pages.items()):
            try:
                self.get_template(template.removesuffix(".html"))
            except PelicanTemplateNotFound:
                logger.warning("Theme has no template %s: page /%s skipped", template, url)
                continue
            present.append((url, template))
        return present
