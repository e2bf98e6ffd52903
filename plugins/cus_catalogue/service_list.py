"""``uslugi.json``: what the build tells the form backend, in the shape of its JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from .views import ProviderView, ServiceView

# schemas/uslugi.schema.json describes the file; raise both together.
VERSION = 1


def service_listing(
    services: Iterable[ServiceView], providers: Iterable[ProviderView], settings: dict[str, Any]
) -> bytes:
    """The file's bytes: the same catalogue and settings always give the same bytes."""
    privacy = settings["RODO"]
    forms = [
        {"id": PurePosixPath(template).stem, "page": url}
        for url, template in settings["CATALOGUE_FORM_PAGES"].items()
        if PurePosixPath(template).stem in privacy["forms"]
    ]
    listing = {
        "version": VERSION,
        "services": [
            {
                "id": service.id,
                "name": service.name,
                "provider": service.provider.id,
                "provider_name": service.provider.name,
                "status": service.status,
                "apply_online": service.accepts_applications,
            }
            for service in services
        ],
        "providers": [{"id": provider.id, "name": provider.name} for provider in providers],
        "forms": sorted(forms, key=lambda form: form["id"]),
        "privacy": privacy,
    }
    return json.dumps(listing, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
