"""Every interface string has its translation in every published language (pl, uk, en)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.plurals import get_plural

from cus_catalogue.i18n import load_translations

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["pl", "uk", "en"]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
SOURCES = [
    # (folder with sources, extraction method, glob, locale folder of its translations)
    ("plugins/cus_catalogue", "python", "**.py", "plugins/cus_catalogue/locale"),
    ("katalog", "python", "**.py", "plugins/cus_catalogue/locale"),
    ("themes/cus/templates", "jinja2.ext:babel_extract", "**.html", "themes/cus/translations"),
    ("forms_backend", "python", "**.py", "forms_backend/locale"),
]


def messages(folder: str, method: str, pattern: str) -> list[tuple[str, int, object]]:
    """Every msgid of a source folder, with its file and line."""
    found = extract_from_dir(
        ROOT / folder,
        method_map=[(pattern, method)],
        options_map={pattern: {"extensions": "jinja2.ext.i18n"}},
        keywords=KEYWORDS,
    )
    return [(filename, line, message) for filename, line, message, _comments, _ctx in found]


def untranslated(folder: str, method: str, pattern: str, locale: str, language: str) -> list[str]:
    """Messages of a source folder without a translation (every plural form) in ``language``."""
    catalog = load_translations(ROOT / locale, language)._catalog  # merged .po files
    forms = get_plural(language).num_plurals
    missing = []
    for filename, line, message in messages(folder, method, pattern):
        singular = message[0] if isinstance(message, tuple) else message
        if isinstance(message, tuple):
            ok = all(catalog.get((singular, n)) for n in range(forms))
        else:
            ok = bool(catalog.get(singular))
        if not ok and singular:
            missing.append(f"{folder}/{filename}:{line}: {singular!r}")
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("folder", "method", "pattern", "locale"), SOURCES)
def test_every_message_has_a_translation(folder, method, pattern, locale, language):
    assert messages(folder, method, pattern), "the extraction saw no message"
    missing = untranslated(folder, method, pattern, locale, language)
    assert not missing, f"Untranslated messages ({language}):\n" + "\n".join(missing)


def test_a_missing_ukrainian_translation_is_found(tmp_path):
    """The check itself fails on a msgid with no Ukrainian msgstr (the guard cannot pass idly)."""
    folder = tmp_path / "uk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "x.po").write_text('msgid "Search"\nmsgstr "Пошук"\n', encoding="utf-8")
    (tmp_path / "page.html").write_text("{{ _('Search') }} {{ _('Back') }}", encoding="utf-8")
    missing = untranslated(
        str(tmp_path), "jinja2.ext:babel_extract", "**.html", str(tmp_path), "uk"
    )
    assert [entry.rsplit(": ", 1)[1] for entry in missing] == ["'Back'"]


@pytest.mark.parametrize("language", ["uk", "en"])
def test_ukrainian_and_english_have_their_own_plural_forms(language):
    """Ukrainian, like Polish, has three plural forms (1 послуга, 2 послуги, 5 послуг)."""
    translations = load_translations(ROOT / "themes/cus/translations", language)
    words = {
        n: translations.ngettext("%(num)d service", "%(num)d services", n) % {"num": n}
        for n in (1, 2, 5, 21, 12)
    }
    expected = {
        "uk": ["1 послуга", "2 послуги", "5 послуг", "21 послуга", "12 послуг"],
        "en": ["1 service", "2 services", "5 services", "21 services", "12 services"],
    }
    assert list(words.values()) == expected[language]
