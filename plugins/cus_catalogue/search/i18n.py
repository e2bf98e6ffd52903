"""Translations of the search package's own build messages (its locale folder, merged .po)."""

from __future__ import annotations

from pathlib import Path

from ..i18n import DEFAULT_LOCALE, load_translations

LOCALE_DIR = Path(__file__).parent / "locale"


def gettext(message: str) -> str:
    """Translate a thesaurus/index build message into the default locale (Polish)."""
    return load_translations(LOCALE_DIR, DEFAULT_LOCALE).gettext(message)
