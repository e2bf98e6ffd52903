"""Messages for residents in the language of the page they wrote from, looked up from English
msgids; staff messages (e-mails to the centre, alerts) are composed outside any page's
language, so in Polish."""

from __future__ import annotations

from pathlib import Path

from cus_catalogue.i18n import current_language, load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def gettext(message: str) -> str:
    """Translate one backend message into the current language (Polish by default)."""
    return load_translations(LOCALE_DIR, current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a count-dependent message (Polish and Ukrainian have three plural forms)."""
    return load_translations(LOCALE_DIR, current_language()).ngettext(singular, plural, count)


_ = gettext
