"""Translations: every .po file of a folder merged into one catalogue, compiled in memory.

The language a message is translated into is the one being built: ``use_language("uk")``
sets it for everything said inside (Python messages, templates, dates, money), like Django's
``translation.override``; outside any ``use_language`` it is Polish.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import Environment, pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

DEFAULT_LOCALE = "pl"
PLUGIN_LOCALE_DIR = Path(__file__).parent / "locale"
# CLDR locales for dates, day names, money and plural categories of each published language.
BABEL_LOCALES = {"pl": "pl_PL", "uk": "uk_UA", "en": "en_GB"}
_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default=DEFAULT_LOCALE)


def current_language() -> str:
    """The language being built (``pl`` outside any ``use_language``)."""
    return _language.get()


def babel_locale() -> str:
    """The CLDR locale of the language being built (``pl_PL``, ``uk_UA``, ``en_GB``)."""
    return BABEL_LOCALES[current_language()]


@contextlib.contextmanager
def use_language(language: str) -> Iterator[None]:
    """Say everything inside in ``language``; the previous language is back afterwards."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


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
    """Translate a message of the plugin (validation messages) into the language being built."""
    return load_translations(PLUGIN_LOCALE_DIR, current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Plural-aware translation of a plugin message (Polish and Ukrainian have three forms)."""
    return load_translations(PLUGIN_LOCALE_DIR, current_language()).ngettext(
        singular, plural, count
    )


def template_callables(locale_dir: Path) -> tuple[Any, Any]:
    """``gettext`` and ``ngettext`` for Jinja that follow the language being built."""

    def template_gettext(message: str) -> str:
        return load_translations(locale_dir, current_language()).gettext(message)

    def template_ngettext(singular: str, plural: str, count: int) -> str:
        return load_translations(locale_dir, current_language()).ngettext(singular, plural, count)

    return template_gettext, template_ngettext


def install_template_translations(environment: Environment, locale_dir: Path) -> None:
    """Jinja's newstyle ``_``, ``gettext`` and ``ngettext`` (the i18n extension is loaded) in
    the language being built, each message translated once a language: a page asks for about
    a hundred, all constant."""
    gettext_of, ngettext_of = template_callables(locale_dir)
    translated: dict[tuple[str, str, bool], str] = {}

    @pass_eval_context
    def gettext(eval_context: EvalContext, message: str, /, **variables: Any) -> str:
        # As Jinja's newstyle gettext: the translation is markup, always a format string.
        if variables:
            text = gettext_of(message)
            return (Markup(text) if eval_context.autoescape else text) % variables
        key = (current_language(), message, eval_context.autoescape)
        result = translated.get(key)
        if result is None:
            text = gettext_of(message)
            result = translated[key] = (Markup(text) if eval_context.autoescape else text) % {}
        return result

    @pass_eval_context
    def ngettext(
        eval_context: EvalContext, singular: str, plural: str, num: int, /, **variables: Any
    ) -> str:
        variables.setdefault("num", num)
        text = ngettext_of(singular, plural, num)
        return (Markup(text) if eval_context.autoescape else text) % variables

    environment.install_gettext_callables(gettext_of, ngettext_of, newstyle=True)  # type: ignore[attr-defined]
    environment.globals.update(_=gettext, gettext=gettext, ngettext=ngettext)


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated where it is shown."""
    return message
