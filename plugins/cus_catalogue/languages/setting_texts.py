"""The texts of the centre's settings (statement, easy-to-read page, data protection clause,
the centre itself) in the page's language.

A setting mirrors the contract of records: a mapping may carry ``translations.<lang>`` with
the same keys as its Polish texts (nested mappings mirror nested ones; a list is translated
whole). A text without a translation stays Polish as a ``PolishText``, which templates mark
``lang="pl"`` (the ``in_polish`` filter), so a centre that has not translated keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..catalogue import Catalogue
from ..feature import Feature
from ..i18n import DEFAULT_LOCALE
from ..problems import Problem
from ..site_settings import SiteSettings, setting_problem
from .content import PolishText

TRANSLATIONS = "translations"


def localized_setting(value: Any, language: str) -> Any:
    """A setting's value with every text in ``language`` where the setting translates it."""
    if language == DEFAULT_LOCALE:
        return value
    return _overlay(value, None, language)


def _overlay(polish: Any, translated: Any, language: str) -> Any:
    """``translated`` over ``polish``; a mapping's own ``translations`` when none is given."""
    if isinstance(polish, Mapping):
        if not isinstance(translated, Mapping):
            translated = (polish.get(TRANSLATIONS) or {}).get(language) or {}
        return {
            key: _overlay(inner, translated.get(key), language)
            for key, inner in polish.items()
            if key != TRANSLATIONS
        }
    if translated is not None:
        return translated
    if isinstance(polish, str):
        return PolishText(polish)
    if isinstance(polish, list):
        return [_overlay(item, None, language) for item in polish]
    return polish


class SettingTranslations(Feature):
    """A translation key the setting has no Polish text for is a typo: say where."""

    name = "setting-translations"

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Every ``translations`` of the centre's text settings mirrors the Polish keys."""
        languages = settings.languages[1:]
        return [
            problem
            for setting, value in (
                ("CENTRE", settings.centre),
                ("ACCESSIBILITY_STATEMENT", settings.accessibility_statement),
                ("EASY_TO_READ", settings.easy_to_read),
                ("RODO", settings.rodo),
            )
            for problem in _unmirrored(value, setting, languages)
        ]


def _unmirrored(polish: Any, where: str, languages: tuple[str, ...]) -> list[Problem]:
    """Problems of every ``translations`` inside a setting's value."""
    if isinstance(polish, list):
        return [
            p
            for i, item in enumerate(polish)
            for p in _unmirrored(item, f"{where}[{i}]", languages)
        ]
    if not isinstance(polish, Mapping):
        return []
    found = [
        p
        for key, inner in polish.items()
        if key != TRANSLATIONS
        for p in _unmirrored(inner, f"{where}.{key}", languages)
    ]
    for language, translated in (polish.get(TRANSLATIONS) or {}).items():
        field = f"{where}.{TRANSLATIONS}.{language}"
        if language not in languages:
            found.append(_unknown(field, language, languages))
        else:
            found += _extra_keys(polish, translated, field)
    return found


def _extra_keys(polish: Mapping[str, Any], translated: Any, where: str) -> list[Problem]:
    """Keys of a translation that the Polish mapping does not have, at any depth."""
    if not isinstance(translated, Mapping):
        return []
    found = []
    allowed = [key for key in polish if key != TRANSLATIONS]
    for key, inner in translated.items():
        if key not in allowed:
            found.append(_unknown(where, key, allowed))
        elif isinstance(polish[key], Mapping):
            found += _extra_keys(polish[key], inner, f"{where}.{key}")
    return found


def _unknown(field: str, name: str, allowed: Iterable[str]) -> Problem:
    return setting_problem("unknown-field", field, {"name": name, "allowed": ", ".join(allowed)})
