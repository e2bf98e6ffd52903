"""Polish messages for residents and staff, looked up from English msgids."""

from __future__ import annotations

from pathlib import Path

from cus_catalogue.i18n import load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def gettext(message: str) -> str:
    """Translate one backend message into Polish."""
    return load_translations(LOCALE_DIR, "pl").gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a count-dependent message (Polish has three plural forms)."""
    return load_translations(LOCALE_DIR, "pl").ngettext(singular, plural, count)


_ = gettext
