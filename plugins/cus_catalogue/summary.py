"""What a build made, in the webmaster's words: services, providers, pages by kind, files, time.

Pelican's own closing line counts articles and pages of a blog ("Processed 0 articles"),
which says nothing about a catalogue; ``katalog`` prints this summary instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from .i18n import babel_locale, ngettext
from .i18n import gettext as _
from .problems import Problem
from .publishing.sitepaths import site_files

if TYPE_CHECKING:
    from .feature import Build

# Page kinds by template, as the summary names them; others count as "other pages".
PAGE_KINDS: dict[str, Callable[[int], str]] = {
    "service.html": lambda n: ngettext("%(n)d service page", "%(n)d service pages", n),
    "provider.html": lambda n: ngettext("%(n)d provider page", "%(n)d provider pages", n),
    "browse.html": lambda n: ngettext(
        "%(n)d list by audience or area", "%(n)d lists by audience or area", n
    ),
}


@dataclass
class BuildSummary:
    """Counters filled while the build runs, and the closing lines made from them."""

    pages: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    services: int = 0
    providers: int = 0
    files: int = 0
    megabytes: float = 0.0
    seconds: float = 0.0
    language: str = "pl"

    def count_page(self, template: str) -> None:
        """One more page rendered from ``template``."""
        self.pages[template] += 1

    def problems(self, problems: list[Problem]) -> None:
        """Count the errors and warnings the checks found."""
        self.errors += sum(p.severity == "error" for p in problems)
        self.warnings += sum(p.severity == "warning" for p in problems)

    def finish(self, output: Path, build: Build, seconds: float) -> None:
        """Count what the finished output folder holds."""
        sizes = [(output / name).stat().st_size for name in site_files(output)]
        self.files = len(sizes)
        self.megabytes = sum(sizes) / 1_000_000
        self.services = len(build.services)
        self.providers = len(build.providers)
        self.seconds = seconds
        self.language = build.settings.language

    def page_counts(self) -> list[str]:
        """``64 strony usług``, … in a fixed order, then the other pages."""
        parts = []
        for template, label in PAGE_KINDS.items():
            if self.pages[template]:
                parts.append(label(self.pages[template]) % {"n": self.pages[template]})
        others = sum(n for t, n in self.pages.items() if t not in PAGE_KINDS)
        if others:
            parts.append(ngettext("%(n)d other page", "%(n)d other pages", others) % {"n": others})
        return parts

    def text(self) -> str:
        """The closing lines of a build."""
        total = sum(self.pages.values())
        lines = [
            _("Built {services} and {providers} in {seconds} s.").format(
                services=ngettext("{n} service", "{n} services", self.services).format(
                    n=self.services
                ),
                providers=ngettext("{n} provider", "{n} providers", self.providers).format(
                    n=self.providers
                ),
                seconds=format_decimal(round(self.seconds, 1), format="0.0", locale=babel_locale()),
            ),
            _("Pages ({language}): {total}: {kinds}.").format(
                language=self.language,
                total=total,
                kinds=", ".join(self.page_counts()),
            ),
            ngettext(
                "{n} file in the output folder ({size} MB).",
                "{n} files in the output folder ({size} MB).",
                self.files,
            ).format(
                n=self.files,
                size=format_decimal(self.megabytes, format="0.0", locale=babel_locale()),
            ),
            _("Problems: {errors}, {warnings}.").format(
                errors=ngettext("{n} error", "{n} errors", self.errors).format(n=self.errors),
                warnings=ngettext("{n} warning", "{n} warnings", self.warnings).format(
                    n=self.warnings
                ),
            ),
        ]
        return "\n".join(lines[:3] + self.notes + lines[3:])
