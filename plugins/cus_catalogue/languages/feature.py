"""The languages a service is provided in (``languages: [pl, uk]``): checked against ISO
639-1, named on the service's page in the page's language, and a list of the services in
each language at ``/jezyk/<code>/`` ("services in Ukrainian")."""

from __future__ import annotations

import functools

from babel import Locale

from ..catalogue import Catalogue
from ..collation import sort_key
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import N_, babel_locale
from ..problems import Problem
from ..site_settings import SiteSettings

LIST_URL = "jezyk/{code}/"
UNKNOWN_LANGUAGE = N_("“{value}” is not a language code of ISO 639-1, e.g. pl, uk, en, ru")


@functools.cache
def iso_639_1() -> frozenset[str]:
    """Every two-letter language code CLDR names."""
    return frozenset(str(code) for code in Locale.parse("en").languages if len(str(code)) == 2)


def language_name(code: str) -> str:
    """``ukraiński`` / ``українська`` / ``Ukrainian``: in the language being built."""
    return Locale.parse(babel_locale()).languages.get(code, code)


class ServiceLanguages(Feature):
    """``languages`` of services: on their pages, and a list of services per language."""

    name = "languages"

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """A code CLDR does not know as ISO 639-1 is a typo (``ua`` for Ukrainian)."""
        return [
            Problem(
                "unknown-language",
                record.path,
                record.line_of("languages", index),
                f"languages[{index}]",
                {"value": code},
                template=UNKNOWN_LANGUAGE,
            )
            for record in catalogue.services.values()
            for index, code in enumerate(record.data.get("languages") or [])
            if isinstance(code, str) and code.islower() and code not in iso_639_1()
        ]  # a code of another form already has the schema's message

    def contribute(self, build: Build) -> Contributions:
        """Each service's languages, named in the page's language, with their list's URL."""
        extras = {}
        for service in build.services:
            codes = service.data.get("languages") or []
            named = [
                {"code": code, "name": language_name(code), "url": LIST_URL.format(code=code)}
                for code in codes
            ]
            if named:
                extras[service.id] = {"languages": named}
        return Contributions(service_extras=extras)

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """``/jezyk/<code>/``: the services provided in each language some service names."""
        codes = sorted({code for s in build.services for code in s.data.get("languages") or []})
        for code in codes:
            listed = [s for s in build.services if code in (s.data.get("languages") or [])]
            site.page(
                LIST_URL.format(code=code),
                "languages_list.html",
                language={"code": code, "name": language_name(code)},
                listed=sorted(listed, key=lambda s: sort_key(s.name)),
            )
        return []
