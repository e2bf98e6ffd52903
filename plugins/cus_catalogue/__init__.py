"""Pelican plugin: the social-services catalogue (records, validation, pages, search, open data).

Every feature joins the build through ``feature.py``; ``features.py`` lists them in order.
"""

from pelican import signals

from .hooks import add_generator, configure, install_translations


def register() -> None:
    """Connect the plugin to Pelican."""
    signals.initialized.connect(configure)
    signals.generator_init.connect(install_translations)
    signals.get_generators.connect(add_generator)
