"""Signals through which each feature (search, open data, offline, publishing) joins the build.

A feature module connects its receivers in ``register()``; the generator never imports it.
"""

from __future__ import annotations

from blinker import signal

# Sent with the CatalogueGenerator after every record is validated and its view is built.
# Receivers may add to ``generator.context`` (seen by every page) and to the ``extras`` dict
# of any ServiceView or ProviderView (seen by that record's page).
catalogue_ready = signal("cus_catalogue.catalogue_ready")

# Sent with the CatalogueGenerator and ``writer=`` once the catalogue pages are written.
# Receivers write their own pages (``generator.write_page``) and files (``generator.write_bytes``).
catalogue_written = signal("cus_catalogue.catalogue_written")
