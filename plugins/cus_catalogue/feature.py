"""The seam every feature joins the build through: a typed ``Build`` in, ``Contributions`` out.

A feature (search, open data, publishing, accessibility, ...) is an object that owns its state
for one build and answers four calls, in this order:

1. ``check(catalogue, settings)``: problems in the feature's own data. ``katalog validate``
   runs it too, so a pull request fails on everything a build or publish would stop on.
2. ``contribute(build)``: what every page or one record's page shows (context, head extras,
   page extras). Called once every record is validated and its view is built.
3. ``write(build, site)``: the feature's own pages and files.
4. ``finalize(build, output)``: work on the finished output folder, once every Pelican
   generator (the theme's static files too) has written.

Every call but ``contribute`` returns ``Problem``s; an error stops the build after the step that
found it. ``summary()`` adds lines about what the feature made to the build's closing summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from markupsafe import Markup

from .catalogue import Catalogue
from .incremental.memo import MemoTable
from .incremental.store import BuildCache
from .languages import prefix
from .problems import Problem
from .progress import Progress
from .site_settings import SiteSettings
from .views import ProviderView, ServiceView


@dataclass(frozen=True)
class Build:
    """What a feature may read about the build: made once, shared by every feature."""

    catalogue: Catalogue
    services: list[ServiceView]
    providers: list[ProviderView]
    settings: SiteSettings
    content: Path
    output: Path
    progress: Progress
    #: The language of this pass: every published language is built in turn (Polish first),
    #: with views, messages and pages in that language; its pages live under ``prefix``.
    language: str = "pl"
    #: The build cache (``katalog build --cache``) features keep per-record results in, or
    #: None; see ``incremental/memo.py``.
    cache: BuildCache | None = None

    @property
    def today(self) -> dt.date:
        """The build's day (pinned by ``CATALOGUE_TODAY`` in tests)."""
        return self.settings.today

    @property
    def is_primary(self) -> bool:
        """Polish, at the site's root: files shared by every language are written only then."""
        return self.language == self.settings.languages[0]

    @property
    def prefix(self) -> str:
        """Where this language's pages and files live: ``""`` (Polish) or ``uk/``."""
        return prefix(self.language, self.settings.languages)


@dataclass
class Contributions:
    """What a feature adds to pages: seen by every page, or by one record's page."""

    context: dict[str, Any] = field(default_factory=dict)
    head: list[Markup] = field(default_factory=list)
    service_extras: dict[str, dict[str, Any]] = field(default_factory=dict)
    provider_extras: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Tables pages fill as they render (QR codes): render workers send their new entries back.
    memos: list[MemoTable] = field(default_factory=list)


class SiteWriter(Protocol):
    """How a feature writes into the output folder."""

    def page(self, url: str, template: str, **values: Any) -> None:
        """Render ``template`` at ``url`` (``a/b/`` → ``a/b/index.html``), with every context."""

    def file(self, path: str, content: bytes, shared: bool = False) -> Path:
        """Write ``content`` at ``path`` in the language's folder (``shared``: at the root,
        for files every language loads, such as content-hashed scripts)."""

    def open_path(self, path: str) -> Path:
        """Where a feature streams a large file itself (its folder exists)."""


class Feature:
    """Base class: a feature overrides the calls it needs; each returns what it contributes."""

    #: Short English name, used in progress lines and the build summary.
    name: str = "feature"

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Problems in the feature's own data; no files are written."""
        return []

    def contribute(self, build: Build) -> Contributions:
        """Context, head extras and page extras for the pages about to be written."""
        return Contributions()

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """The feature's own pages and files."""
        return []

    def finalize(self, build: Build, output: Path) -> list[Problem]:
        """Work on the finished output folder (every page and static file is there)."""
        return []

    def summary(self) -> list[str]:
        """Lines the build's closing summary adds about what this feature made."""
        return []


def merge(contributions: Iterable[Contributions]) -> Contributions:
    """One ``Contributions`` from many, in feature order."""
    merged = Contributions()
    for part in contributions:
        merged.context.update(part.context)
        merged.head.extend(part.head)
        merged.memos.extend(part.memos)
        for target, source in (
            (merged.service_extras, part.service_extras),
            (merged.provider_extras, part.provider_extras),
        ):
            for record_id, extras in source.items():
                into = target.setdefault(record_id, {})
                for key, value in extras.items():
                    if isinstance(value, list) and isinstance(into.get(key), list):
                        into[key] = into[key] + value  # e.g. several features' head extras
                    else:
                        into[key] = value
    return merged
