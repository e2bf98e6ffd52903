"""Start-up: the configuration and the built catalogue, checked against each other."""

from __future__ import annotations

from forms_backend.catalogue import Catalogue
from forms_backend.config import Config
from forms_backend.problems import Problem, StartupError


def load(config: Config | None = None) -> tuple[Config, Catalogue]:
    """The configuration (from ``FORMS_*`` unless given) with the retention the site states."""
    config = config or Config.from_env()
    catalogue = Catalogue(config.catalogue_path)
    stated = catalogue.snapshot().privacy["retention_days"]
    if config.retention_days not in (None, stated):
        params = {"configured": config.retention_days, "stated": stated}
        raise StartupError([Problem("retention_differs", "FORMS_RETENTION_DAYS", params)])
    return config.model_copy(update={"retention_days": stated}), catalogue
