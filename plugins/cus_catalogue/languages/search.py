"""The catalogue as one language's search index reads it: every record's texts in that
language, with the Polish name, summary and keywords kept as keywords, because a newcomer
may know the Polish word (issue 13). The search code itself is unchanged."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..catalogue import Catalogue
from ..i18n import DEFAULT_LOCALE
from .content import PolishText, localized, localized_terms

#: Package fields shown in results: packages have no translations, so they are marked Polish.
PACKAGE_TEXTS = ("name", "summary")


def catalogue_in(catalogue: Catalogue, language: str) -> Catalogue:
    """A copy of ``catalogue`` with services, providers and vocabularies in ``language``."""
    if language == DEFAULT_LOCALE:
        return catalogue
    services = {
        key: dataclasses.replace(record, data=searchable(record.data, language))
        for key, record in catalogue.services.items()
    }
    providers = {
        key: dataclasses.replace(record, data=localized(record.data, "provider", language))
        for key, record in catalogue.providers.items()
    }
    packages = {
        key: dataclasses.replace(record, data=polish_marked(record.data, PACKAGE_TEXTS))
        for key, record in catalogue.packages.items()
    }
    return dataclasses.replace(
        catalogue,
        services=services,
        providers=providers,
        packages=packages,
        audiences=localized_terms(catalogue.audiences, language),
        units=localized_terms(catalogue.units, language),
    )


def searchable(data: Mapping[str, Any], language: str) -> dict[str, Any]:
    """A service's data in ``language``, its Polish name, summary and keywords as keywords;
    the translation's own keywords also where the Polish record has none."""
    own = localized(data, "service", language)
    translation = (data.get("translations") or {}).get(language) or {}
    keywords = [str(word) for word in own.get("keywords") or translation.get("keywords") or []]
    polish = [data.get("name", ""), data.get("summary", ""), *(data.get("keywords") or [])]
    own["keywords"] = keywords + [str(text) for text in polish if text and text not in keywords]
    return own


def polish_marked(data: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """A copy of untranslatable data whose shown texts are marked as Polish."""
    return {
        **data,
        **{name: PolishText(data[name]) for name in fields if isinstance(data.get(name), str)},
    }
