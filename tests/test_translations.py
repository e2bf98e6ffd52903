"""Every interface string has its Polish translation (Ukrainian and English will follow)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from cus_catalogue.i18n import load_translations

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
SOURCES = [
    # (folder with sources, extraction method, glob, locale folder of its translations)
    ("plugins/cus_catalogue", "python", "**.py", "plugins/cus_catalogue/locale"),
    ("katalog", "python", "**.py", "plugins/cus_catalogue/locale"),
    ("themes/cus/templates", "jinja2.ext:babel_extract", "**.html", "themes/cus/translations"),
]


def messages(folder: str, method: str, pattern: str) -> list[tuple[str, int, object]]:
    """Every msgid of a source folder, with its file and line."""
    found = extract_from_dir(
        ROOT / folder,
        method_map=[(pattern, method)],
        options_map={pattern: {"extensions": "jinja2.ext.i18n"}},
        keywords=KEYWORDS | {"_": None},
    )
    return [(filename, line, message) for filename, line, message, _comments, _ctx in found]


@pytest.mark.parametrize(("folder", "method", "pattern", "locale"), SOURCES)
def test_every_message_has_a_polish_translation(folder, method, pattern, locale):
    translations = load_translations(ROOT / locale, "pl")
    missing = []
    for filename, line, message in messages(folder, method, pattern):
        singular = message[0] if isinstance(message, tuple) else message
        catalog = translations._catalog  # merged .po files, as the site and the command use them
        if isinstance(message, tuple):
            ok = (singular, 0) in catalog and all(catalog.get((singular, n)) for n in range(3))
        else:
            ok = bool(catalog.get(singular))
        if not ok and singular:
            missing.append(f"{folder}/{filename}:{line}: {singular!r}")
    assert not missing, "Untranslated messages:\n" + "\n".join(missing)
