"""The plugin's settings, typed and checked once; every feature reads them from here.

Pelican keeps settings as one dict (templates read it as their context). ``SiteSettings``
is the typed view of it that Python code uses: the defaults come from ``settings.DEFAULTS``,
values are converted and checked by pydantic, and a ``CATALOGUE_*`` key nobody declares is a
warning naming the closest declared one (a typo must not pass silently).
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

from .i18n import BABEL_LOCALES, DEFAULT_LOCALE, N_, gettext
from .problems import Problem
from .service_list import privacy_problem
from .settings import DEFAULTS

LANGUAGES_RULE = N_("write pl first, then any of {known}, each once (now: {now})")
# Every CATALOGUE_* key the plugin reads; the unknown-key warning compares against these.
PREFIX = "CATALOGUE_"


class SiteSettings(BaseModel):
    """Typed settings of one build (field aliases are the Pelican setting names)."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    data_path: Path = Field(alias="CATALOGUE_DATA_PATH")
    stale_months: int = Field(alias="CATALOGUE_STALE_MONTHS", ge=1)
    today_pinned: dt.date | None = Field(alias="CATALOGUE_TODAY")
    home_list_length: int = Field(alias="CATALOGUE_HOME_LIST_LENGTH", ge=0)
    data_license: dict[str, str] = Field(alias="CATALOGUE_DATA_LICENSE")
    capacity_max_age_days: int = Field(alias="CATALOGUE_CAPACITY_MAX_AGE_DAYS", ge=0)
    hsds_namespace: str = Field(alias="CATALOGUE_HSDS_NAMESPACE")
    hsds_state_province: str = Field(alias="CATALOGUE_HSDS_STATE_PROVINCE")
    opendata_validate: bool = Field(alias="CATALOGUE_OPENDATA_VALIDATE")
    form_pages: dict[str, str] = Field(alias="CATALOGUE_FORM_PAGES")
    static_pages: dict[str, str] = Field(alias="CATALOGUE_STATIC_PAGES")
    forms_endpoint: str = Field(alias="FORMS_ENDPOINT")
    centre: dict[str, Any] = Field(alias="CENTRE")
    editors: list[str] = Field(alias="CATALOGUE_EDITORS")
    public_url: str = Field(alias="CATALOGUE_PUBLIC_URL")
    feed_length: int = Field(alias="CATALOGUE_FEED_LENGTH", ge=1)
    deploy_target: str = Field(alias="CATALOGUE_DEPLOY_TARGET")
    deploy_s3_endpoint: str = Field(alias="CATALOGUE_DEPLOY_S3_ENDPOINT")
    crisis: dict[str, list[str]] = Field(alias="CATALOGUE_CRISIS")
    kiosk_idle_seconds: int = Field(alias="CATALOGUE_KIOSK_IDLE_SECONDS", ge=20)
    kiosk_warning_seconds: int = Field(alias="CATALOGUE_KIOSK_WARNING_SECONDS", ge=20)
    qr_parallel_from: int = Field(alias="CATALOGUE_QR_PARALLEL_FROM", ge=0)
    offline_exclude: tuple[str, ...] = Field(alias="CATALOGUE_OFFLINE_EXCLUDE")
    document_formats: tuple[str, ...] = Field(alias="CATALOGUE_DOCUMENT_FORMATS")
    document_max_kb: int = Field(alias="CATALOGUE_DOCUMENT_MAX_KB", ge=1)
    offline_document_max_kb: int = Field(alias="CATALOGUE_OFFLINE_DOCUMENT_MAX_KB", ge=0)
    news_days: int = Field(alias="CATALOGUE_NEWS_DAYS", ge=0)
    hash_assets: bool = Field(alias="CATALOGUE_HASH_ASSETS")
    extra_features: tuple[str, ...] = Field(alias="CATALOGUE_EXTRA_FEATURES")
    languages: tuple[str, ...] = Field(alias="CATALOGUE_LANGUAGES", min_length=1)
    # The forms' information clause; its shape is "privacy" in schemas/uslugi.schema.json.
    rodo: dict[str, Any] = Field(alias="RODO")
    # Pelican's own settings that features need.
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
    for key, value in DEFAULTS.items():
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


def unknown_keys(settings: Mapping[str, Any], source: Path | None = None) -> list[Problem]:
    """A warning for every ``CATALOGUE_*`` key the plugin does not read, naming a close one."""
    known = sorted(key for key in DEFAULTS if key.startswith(PREFIX))
    problems = []
    for key in sorted(k for k in settings if k.startswith(PREFIX) and k not in DEFAULTS):
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        problems.append(
            Problem(
                "unknown-setting",
                source or Path("pelicanconf.py"),
                _line_of(source, key),
                key,
                {"name": key, "close": close[0] if close else ", ".join(known)},
                severity="warning",
            )
        )
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
                Problem(
                    "bad-setting",
                    source or Path("pelicanconf.py"),
                    _line_of(source, str(detail["loc"][0])),
                    str(detail["loc"][0]),
                    {"detail": detail["msg"]},
                )
                for detail in error.errors()
            ]
        ) from None
    return typed, unknown_keys(settings, source)
