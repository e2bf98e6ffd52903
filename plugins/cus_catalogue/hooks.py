"""What the plugin does at Pelican's signals: settings, translations, filters, the generator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from . import formatting
from .generator import CatalogueGenerator
from .i18n import install_template_translations
from .incremental.output import keeps_output
from .languages.content import in_polish, lang_attribute, polish_only
from .site_settings import apply_defaults

JINJA_FILTERS = {
    "money": formatting.money,
    "date_text": formatting.date_text,
    "phone_href": formatting.phone_href,
    "nl2br": formatting.nl2br,
    "in_polish": in_polish,
    "polish_only": polish_only,
    "lang_attribute": lang_attribute,
}


def configure(pelican: Any) -> None:
    """Plugin defaults, the i18n extension and our filters, before any generator starts."""
    settings = pelican.settings
    apply_defaults(settings)
    if keeps_output(settings):  # a cached build keeps its unchanged pages (incremental/output.py)
        pelican.delete_outputdir = False
    environment = settings.setdefault("JINJA_ENVIRONMENT", {})
    # Pelican leaves autoescaping off; record text comes from outside and must stay text.
    environment["autoescape"] = True
    extensions = environment.setdefault("extensions", [])
    if "jinja2.ext.i18n" not in extensions:
        extensions.append("jinja2.ext.i18n")
    settings.setdefault("JINJA_FILTERS", {}).update(JINJA_FILTERS)


def install_translations(generator: Generator) -> None:
    """Every generator with templates gets its own Jinja environment: give each the theme's
    translations, in the language being built (Pelican's static and source-file generators
    have none)."""
    if isinstance(generator, Generator):
        locale_dir = Path(generator.settings["THEME"]) / "translations"
        install_template_translations(generator.env, locale_dir)


def add_generator(pelican: Any) -> type[CatalogueGenerator]:
    """The catalogue pages come from a Generator subclass, never from patching Pelican."""
    return CatalogueGenerator
