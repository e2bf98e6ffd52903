"""Builds the site with real Pelican in this process, so problems print once and plainly."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from cus_catalogue.generator import CatalogueInvalid
from cus_catalogue.i18n import gettext as _

from .messages import fail, say
from .paths import DEV_SETTINGS


@dataclass
class LogCounter(logging.Handler):
    """Prints log records plainly and counts warnings, which a publish treats as fatal."""

    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        """One line a record; the plugin's records are already ``path:line: field: message``."""
        message = record.getMessage()
        if record.levelno == logging.WARNING:
            self.warnings.append(message)
        print(message, flush=True)

    def __hash__(self) -> int:
        return id(self)


def build_site(
    content: Path,
    output: Path,
    settings_file: Path = DEV_SETTINGS,
    overrides: dict | None = None,
) -> tuple[int, list[str]]:
    """Run Pelican; return the exit code and the warnings it logged."""
    from pelican import Pelican
    from pelican.settings import read_settings

    if not (content / "services").is_dir():
        return fail(_("There is no services folder in {path}.").format(path=content)), []
    counter = LogCounter()
    root = logging.getLogger()
    root.addHandler(counter)
    root.setLevel(logging.WARNING)
    try:
        override = {"PATH": str(content.resolve()), "OUTPUT_PATH": str(output.resolve())}
        settings = read_settings(str(settings_file), override=override | (overrides or {}))
        Pelican(settings).run()
    except CatalogueInvalid:
        return 1, counter.warnings
    except Exception as error:  # a theme or settings fault: say what, not a traceback
        return fail(_("The build failed: {error}").format(error=error)), counter.warnings
    finally:
        root.removeHandler(counter)
    say(_("The site is ready in {path}.").format(path=output))
    return 0, counter.warnings
