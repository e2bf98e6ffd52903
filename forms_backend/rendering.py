"""The theme's form templates rendered by the backend: no-JavaScript errors and thanks."""

from __future__ import annotations

import functools
import runpy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape

from forms_backend.catalogue import Snapshot
from forms_backend.config import Config
from forms_backend.logs import get_logger

log = get_logger("forms_backend.rendering")


def _phone_href(phone: str) -> str:
    """Fallback of the theme's filter when the catalogue plugin cannot be imported."""
    return "tel:" + "".join(ch for ch in str(phone) if ch.isdigit() or ch == "+")


@functools.cache
def site_settings(pelican_settings: Path) -> dict[str, Any]:
    """The site's settings (pelicanconf.py over the plugin's defaults) that base.html reads."""
    settings: dict[str, Any] = {"DEFAULT_LANG": "pl", "THEME_STATIC_DIR": "theme"}
    try:
        from cus_catalogue.script_paths import script_paths
        from cus_catalogue.settings import DEFAULTS

        settings.update(DEFAULTS)
        settings.update(script_paths())  # where the theme's scripts find their files
    except ImportError:
        log.warning("catalogue plugin not importable; rendering with minimal settings")
    if pelican_settings.is_file():
        try:
            loaded = runpy.run_path(str(pelican_settings))
        except Exception:  # a broken site setting must not break the forms
            log.exception("could not read %s", pelican_settings.name)
        else:
            settings.update({k: v for k, v in loaded.items() if k.isupper()})
    return settings


def _filters() -> dict[str, Any]:
    """The theme's Jinja filters, from the catalogue plugin when it is importable."""
    try:
        from cus_catalogue.hooks import JINJA_FILTERS

        return dict(JINJA_FILTERS)
    except ImportError:  # the page language filters then leave Polish text as it is
        return {
            "phone_href": _phone_href,
            "in_polish": str,
            "polish_only": str,
            "lang_attribute": lambda _value: "",
        }


# The languages a form page can be in (the catalogue's CATALOGUE_LANGUAGES may be fewer).
PAGE_LANGUAGES = ("pl", "uk", "en")


class Pages:
    """Renders ``forms/*.html`` from the theme, with the site's translations and settings."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._env: Environment | None = None

    @property
    def env(self) -> Environment:
        """The Jinja environment, built on first use (it imports the site's plugin)."""
        if self._env is None:
            from cus_catalogue.i18n import template_callables

            env = Environment(
                loader=FileSystemLoader(str(self.config.templates_path)),
                autoescape=select_autoescape(["html"]),
                extensions=["jinja2.ext.i18n"],
                undefined=ChainableUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
            )
            env.install_gettext_callables(  # type: ignore[attr-defined]
                *template_callables(self.config.translations_path), newstyle=True
            )
            env.filters.update(_filters())
            self._env = env
        return self._env

    def context(self, catalogue: Snapshot) -> dict[str, Any]:
        """What Pelican gives the same template: settings, services, providers, the clause."""
        settings = site_settings(self.config.pelican_settings)
        context = dict(settings)
        context["SITEURL"] = self.config.site_url or settings.get("SITEURL", "")
        context["FORMS_ENDPOINT"] = self.config.endpoint
        context["RODO"] = catalogue.privacy  # the clause the build wrote: the site's own
        context["services"] = [
            {"id": s.id, "name": s.name, "provider": s.provider, "apply_online": s.apply_online}
            for s in catalogue.services.values()  # in the build's (Polish) order
        ]
        context["providers"] = [{"id": p.id, "name": p.name} for p in catalogue.providers.values()]
        return context

    def render(self, template: str, catalogue: Snapshot, **extra: Any) -> str:
        """Render one form page, in the language of the page it was sent from (``use_language``);
        ``errors`` and ``values`` turn it into the error state."""
        from cus_catalogue.i18n import current_language
        from cus_catalogue.languages.links import localize_links
        from cus_catalogue.languages.setting_texts import localized_setting

        context = self.context(catalogue)
        language = current_language()
        for name in ("RODO", "CENTRE"):  # the clause and the centre in the page's language
            context[name] = localized_setting(context.get(name, {}), language)
        prefix = "" if language == "pl" else f"{language}/"
        context.update(PAGE_LANG=language, LANGUAGE_PREFIX=prefix)
        context.update(extra)
        html = self.env.get_template(template).render(context)
        if not prefix:
            return html
        others = {f"{code}/" for code in PAGE_LANGUAGES if code != "pl"}
        return localize_links(html, "api/index.html", context["SITEURL"], prefix, others)


def page_language(value: object) -> str:
    """The language of the page a form came from (its ``lang`` field); Polish when unknown."""
    return value if isinstance(value, str) and value in PAGE_LANGUAGES else "pl"


def kept_values(raw: Mapping[str, object]) -> dict[str, str]:
    """What the resident typed, as text, to put back into the form (never the honeypot)."""
    return {
        key: value if isinstance(value, str) else str(value)
        for key, value in raw.items()
        if key != "website" and isinstance(value, str | int | float | bool)
    }
