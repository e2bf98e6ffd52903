"""Defaults of the plugin's Pelican settings; a site overrides any of them in pelicanconf.py.

Derived from their one declaration, ``site_settings.PluginSettings`` (types, defaults, what
each is for); the example centre's texts are in ``example_centre.py``.
"""

from __future__ import annotations

from typing import Any

from .site_settings import PluginSettings

DEFAULTS: dict[str, Any] = PluginSettings.defaults()
