"""Translations: every .po file of a folder merged into one catalogue, compiled in memory."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

DEFAULT_LOCALE = "pl"
PLUGIN_LOCALE_DIR = Path(__file__).parent / "locale"


@functools.cache
def load_translations(locale_dir: Path, locale: str = DEFAULT_LOCALE) -> NullTranslations:
    """Merge every ``<locale_dir>/<locale>/LC_MESSAGES/*.po`` so each owner keeps its own file."""
    merged: NullTranslations = NullTranslations()
    folder = Path(locale_dir) / locale / "LC_MESSAGES"
    for po_path in sorted(folder.glob("*.po")):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=locale)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        translations = Translations(buffer, domain=po_path.stem)
        if isinstance(merged, Translations):
            merged.merge(translations)
        else:
            merged = translations
    return merged


def gettext(message: str) -> str:
    """Translate a message of the plugin (validation messages) into the default locale."""
    return load_translations(PLUGIN_LOCALE_DIR).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Plural-aware translation of a plugin message (Polish has three plural forms)."""
    return load_translations(PLUGIN_LOCALE_DIR).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message
