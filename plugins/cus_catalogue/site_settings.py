"""The plugin's settings, typed and checked once; every feature reads them from here.

Pelican keeps settings as one dict (templates read it as their context). ``PluginSettings``
declares each of the plugin's settings once (name, type, default); ``SiteSettings`` is the
typed view of the dict that Python code uses: values are converted and checked by pydantic,
and a ``CATALOGUE_*`` key nobody declares is a warning naming the closest declared one (a typo
must not pass silently).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from . import example_centre
from .i18n import BABEL_LOCALES, DEFAULT_LOCALE, N_, gettext
from .problems import Problem, Severity
from .service_list import privacy_problem

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Every CATALOGUE_* key the plugin reads; the unknown-key warning compares against these.
PREFIX = "CATALOGUE_"


LANGUAGES_RULE = N_("write pl first, then any of {known}, each once (now: {now})")


class PluginSettings(BaseModel):
    """Every setting of the plugin, declared once: Pelican name (alias), type, default.

    ``settings.DEFAULTS`` (what Pelican and the templates see when a site sets nothing) is
    derived from the defaults here; a new setting is one more field.
    """

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    # Vocabularies (audiences, areas, units, synonyms) and their datapackage.json.
    data_path: Path = Field(PROJECT_ROOT / "data", alias="CATALOGUE_DATA_PATH")
    # Records older than this many months are reported as warnings.
    stale_months: int = Field(12, alias="CATALOGUE_STALE_MONTHS", ge=1)
    # "Today" for date checks; None means the real date (tests pin it).
    today_pinned: dt.date | None = Field(None, alias="CATALOGUE_TODAY")
    # How many services the start page lists as newest and recently updated.
    home_list_length: int = Field(6, alias="CATALOGUE_HOME_LIST_LENGTH", ge=0)
    # Open data (/dane/): licence of the published data, and capacity figures older than
    # this many days are not shown on service pages.
    data_license: dict[str, str] = Field(
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/deed.pl",
            "title": "Creative Commons Uznanie autorstwa 4.0 Międzynarodowe",
        },
        alias="CATALOGUE_DATA_LICENSE",
    )
    capacity_max_age_days: int = Field(45, alias="CATALOGUE_CAPACITY_MAX_AGE_DAYS", ge=0)
    # HSDS ids are UUIDv5 of the record ids in this namespace: keep it, and ids stay stable.
    hsds_namespace: str = Field(
        "4a43c836-0ae1-4220-8ca9-667ff2e1b148", alias="CATALOGUE_HSDS_NAMESPACE"
    )
    # HSDS addresses require a region: the centre's voivodeship.
    hsds_state_province: str = Field("zachodniopomorskie", alias="CATALOGUE_HSDS_STATE_PROVINCE")
    # Validate the written Data Package with frictionless in every build (`katalog publish`
    # always does: docs/open-data.md).
    opendata_validate: bool = Field(False, alias="CATALOGUE_OPENDATA_VALIDATE")
    # Pages rendered from a template: URL path -> template name (any others, then forms).
    static_pages: dict[str, str] = Field({}, alias="CATALOGUE_STATIC_PAGES")
    form_pages: dict[str, str] = Field(
        {
            "wniosek/": "forms/application.html",
            "wniosek/wyslano/": "forms/confirmation.html",
            "zglos-zmiane/": "forms/catalogue_update.html",
            "zglos-brak-uslugi/": "forms/missing_service.html",
            "zglos-blad/": "forms/error_report.html",
            "ocen-usluge/": "forms/feedback.html",
            "zostan-realizatorem/": "forms/partner_offer.html",
        },
        alias="CATALOGUE_FORM_PAGES",
    )
    # Base URL of the form backend ('' when it shares the site's origin).
    forms_endpoint: str = Field("", alias="FORMS_ENDPOINT")
    # The centre itself: shown in the header, footer, empty states and statements.
    centre: dict[str, Any] = Field(example_centre.CENTRE, alias="CENTRE")
    # Publishing (issue 6). Account names on the code host allowed to change every record.
    editors: list[str] = Field(["cus-przykladowo"], alias="CATALOGUE_EDITORS")
    # How many services the Atom feed of new and updated services lists.
    feed_length: int = Field(50, alias="CATALOGUE_FEED_LENGTH", ge=1)
    # Where `katalog publish` deploys: "" (nowhere), "rsync:USER@HOST:/PATH/",
    # "s3://BUCKET/PREFIX" or "git:REPOSITORY#BRANCH"; see docs/publishing.md.
    deploy_target: str = Field("", alias="CATALOGUE_DEPLOY_TARGET")
    # Endpoint of an S3-compatible service other than AWS ("" means AWS itself).
    deploy_s3_endpoint: str = Field("", alias="CATALOGUE_DEPLOY_S3_ENDPOINT")
    # Accessibility statement (/deklaracja-dostepnosci/), ministry template version 2.
    accessibility_statement: dict[str, Any] = Field(
        example_centre.ACCESSIBILITY_STATEMENT, alias="ACCESSIBILITY_STATEMENT"
    )
    # The easy-to-read page (/tekst-latwy-do-czytania/).
    easy_to_read: list[Any] = Field(example_centre.EASY_TO_READ, alias="EASY_TO_READ")
    # Help in a crisis: the numbers of data/crisis-lines.csv are shown at once on the pages of
    # these audiences, on the kiosk, and above search results for these words (any form of
    # them: they are analysed like the index); a service shows them with emergency_numbers.
    crisis: dict[str, list[str]] = Field(
        {"audiences": ["osoby-w-kryzysie"], "words": example_centre.CRISIS_WORDS},
        alias="CATALOGUE_CRISIS",
    )
    # The European easy-to-read logo is shown only when people with intellectual
    # disabilities checked the text (Inclusion Europe's rule); "logo" is the path of the logo
    # file the centre downloaded from inclusion-europe.eu and publishes with the site.
    easy_to_read_review: dict[str, Any] = Field(
        {"checked_by_readers": False, "logo": ""}, alias="EASY_TO_READ_REVIEW"
    )
    # Kiosk mode (/kiosk/): seconds without a touch before the "more time?" dialog, and how
    # long the dialog waits (at least 20 s, WCAG 2.2.1) before the kiosk resets itself.
    kiosk_idle_seconds: int = Field(90, alias="CATALOGUE_KIOSK_IDLE_SECONDS", ge=20)
    kiosk_warning_seconds: int = Field(30, alias="CATALOGUE_KIOSK_WARNING_SECONDS", ge=20)
    # From this many pages of one kind on (service, provider and list pages of a language),
    # every core renders a share of them in a forked process; small catalogues stay in one.
    parallel_pages_from: int = Field(300, alias="CATALOGUE_PARALLEL_PAGES_FROM", ge=0)
    # How many processes render them then (0: one for each core the build may use).
    render_processes: int = Field(0, alias="CATALOGUE_RENDER_PROCESSES", ge=0)
    # Where the catalogue is published. Sitemap, feed, JSON-LD, open data and QR codes use
    # SITEURL when it is absolute, else this address (`katalog serve` sets its own).
    public_url: str = Field("https://katalog.przykladowo.example", alias="CATALOGUE_PUBLIC_URL")
    # A site's own features, "package.module:ClassName" (docs/architecture.md shows one).
    extra_features: tuple[str, ...] = Field((), alias="CATALOGUE_EXTRA_FEATURES")
    # Incremental builds: a folder where a build keeps what it computed for the next one
    # ("" builds from scratch; `katalog serve` and `katalog build --cache` set it).
    build_cache: str = Field("", alias="CATALOGUE_BUILD_CACHE")
    # Production builds minify CSS and JS and name them by content (publishconf.py sets it).
    hash_assets: bool = Field(False, alias="CATALOGUE_HASH_ASSETS")
    # Never precached by the offline worker: the worker itself, files residents need no offline.
    offline_exclude: tuple[str, ...] = Field(
        ("sw.js", "dane/*", "*.map"), alias="CATALOGUE_OFFLINE_EXCLUDE"
    )
    # Documents of services (content/documents/, published at /dokumenty/): the formats
    # allowed, the largest file allowed, and the largest one the offline worker keeps (a
    # resident on a weak connection should not download every rule book on the first visit).
    document_formats: tuple[str, ...] = Field(
        ("pdf", "docx", "odt"), alias="CATALOGUE_DOCUMENT_FORMATS"
    )
    document_max_kb: int = Field(5000, alias="CATALOGUE_DOCUMENT_MAX_KB", ge=1)
    offline_document_max_kb: int = Field(300, alias="CATALOGUE_OFFLINE_DOCUMENT_MAX_KB", ge=0)
    # What a first visit keeps of its own language at most (a regional catalogue of 100,000
    # services would otherwise precache about 100,000 pages): the start, list and form pages
    # and the search files first, then the service and provider pages as far as it goes; a
    # page left out is kept once the visitor opens it.
    offline_language_max_kb: int = Field(20_000, alias="CATALOGUE_OFFLINE_LANGUAGE_MAX_KB", ge=0)
    # An announcement without a deadline or a date of its event stays on the start page for
    # this many days after it was published.
    news_days: int = Field(30, alias="CATALOGUE_NEWS_DAYS", ge=0)
    # The RODO (GDPR) information clause of the forms: the rows every form shares, then each
    # form's own purpose, legal basis, recipients and how long the centre keeps the case.
    # The build writes it into uslugi.json (shape: "privacy" in schemas/uslugi.schema.json),
    # and the form backend shows the same clause.
    rodo: dict[str, Any] = Field(example_centre.RODO, alias="RODO")
    # Published languages: Polish (the source, at the root) first; the others mirror every
    # page under /<code>/ (docs/languages.md).
    languages: tuple[str, ...] = Field(
        ("pl", "uk", "en"), alias="CATALOGUE_LANGUAGES", min_length=1
    )

    @field_validator("languages")
    @classmethod
    def _polish_first_and_translated(cls, languages: tuple[str, ...]) -> tuple[str, ...]:
        """Polish is the source at the root; every other language needs its translations."""
        unknown = [code for code in languages if code not in BABEL_LOCALES]
        if languages[0] != DEFAULT_LOCALE or unknown or len(set(languages)) != len(languages):
            raise PydanticCustomError(
                "languages",
                gettext(LANGUAGES_RULE),
                {"known": ", ".join(sorted(BABEL_LOCALES)), "now": ", ".join(languages)},
            )
        return languages

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """Each setting's default by its Pelican name: what a site that sets nothing gets."""
        return {
            str(field.alias): field.get_default(call_default_factory=True)
            for field in cls.model_fields.values()
        }


class SiteSettings(PluginSettings):
    """Typed settings of one build: the plugin's, and Pelican's own that features need."""

    siteurl: str = Field(alias="SITEURL", default="")
    relative_urls: bool = Field(alias="RELATIVE_URLS", default=False)
    language: str = Field(alias="DEFAULT_LANG", default="pl")
    timezone: str = Field(alias="TIMEZONE", default="Europe/Warsaw")
    sitename: str = Field(alias="SITENAME", default="")
    theme: Path = Field(alias="THEME")
    theme_static_dir: str = Field(alias="THEME_STATIC_DIR", default="theme")

    @field_validator("rodo")
    @classmethod
    def _every_form_has_its_clause(cls, clause: dict[str, Any]) -> dict[str, Any]:
        """The backend refuses a uslugi.json without it: stop the build first."""
        problem = privacy_problem(clause)
        if problem:
            raise PydanticCustomError("rodo", problem)
        return clause

    @property
    def today(self) -> dt.date:
        """The build's day: pinned in tests, the real date otherwise."""
        return self.today_pinned or dt.date.today()

    @property
    def base_url(self) -> str:
        """The one absolute address of the site, for sitemap, feed, JSON-LD and QR codes.

        SITEURL when it is absolute (production); else CATALOGUE_PUBLIC_URL, the address the
        catalogue is published at (``katalog serve`` sets it to the preview's own address).
        """
        siteurl = self.siteurl.strip()
        if urlsplit(siteurl).scheme in ("http", "https"):
            return siteurl.rstrip("/")
        return self.public_url.strip().rstrip("/")

    def url(self, path: str) -> str:
        """Absolute address of an output-relative ``path`` (``""`` is the start page)."""
        return absolute(self.base_url, path)


def absolute(base: str, path: str) -> str:
    """``base`` + ``/`` + output-relative ``path`` (``""`` is the start page)."""
    return f"{base}/{path.lstrip('/')}"


class SettingsInvalid(Exception):
    """Settings that cannot be used; ``problems`` says which and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(problem.format() for problem in problems))
        self.problems = problems


def apply_defaults(settings: dict[str, Any]) -> None:
    """Fill in every plugin setting the site did not set itself (templates read them too)."""
    for key, value in PluginSettings.defaults().items():
        settings.setdefault(key, value)


def _line_of(source: Path | None, key: str) -> int:
    """The line where a settings file assigns ``key`` (1 when it cannot be found)."""
    if source is None or not source.is_file():
        return 1
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*[:=]")
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def setting_problem(
    code: str,
    key: str,
    params: dict[str, Any],
    source: Path | None = None,
    severity: Severity = "error",
    template: str = "",
) -> Problem:
    """A problem with the setting ``key``, at the line of the settings file that assigns it."""
    return Problem(code, source or Path("pelicanconf.py"), _line_of(source, key), key, params,
                   severity=severity, template=template)  # fmt: skip


def unknown_keys(settings: Mapping[str, Any], source: Path | None = None) -> list[Problem]:
    """A warning for every ``CATALOGUE_*`` key the plugin does not read, naming a close one."""
    declared = {str(field.alias) for field in PluginSettings.model_fields.values()}
    known = sorted(key for key in declared if key.startswith(PREFIX))
    problems = []
    for key in sorted(k for k in settings if k.startswith(PREFIX) and k not in declared):
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        params = {"name": key, "close": close[0] if close else ", ".join(known)}
        problems.append(setting_problem("unknown-setting", key, params, source, "warning"))
    return problems


def load_settings(
    settings: dict[str, Any], source: Path | None = None
) -> tuple[SiteSettings, list[Problem]]:
    """Typed settings and warnings about them; ``SettingsInvalid`` when a value is unusable."""
    apply_defaults(settings)
    try:
        typed = SiteSettings.model_validate(settings)
    except ValidationError as error:
        raise SettingsInvalid(
            [
                setting_problem(
                    "bad-setting", str(detail["loc"][0]), {"detail": detail["msg"]}, source
                )
                for detail in error.errors()
            ]
        ) from None
    return typed, unknown_keys(settings, source)
