"""Pelican plugin: the social-services catalogue (records, validation, pages, search, open data)."""

from pelican import signals

from . import accessibility, crisis, opendata, publishing, search
from .hooks import add_generator, configure, install_translations


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(configure)
    signals.generator_init.connect(install_translations)
    signals.get_generators.connect(add_generator)
    crisis.register()
    opendata.register()
    search.register()
    publishing.register()
    accessibility.register()  # last: its finalized hashes every file the others wrote
