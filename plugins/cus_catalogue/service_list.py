"""``uslugi.json``: what the build tells the form backend, in the shape of its JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator

from .views import ProviderView, ServiceView

if TYPE_CHECKING:
    from .site_settings import SiteSettings

# schemas/uslugi.schema.json describes the file; raise both together.
VERSION = 1
SCHEMA = Path(__file__).parent / "schemas" / "uslugi.schema.json"


@cache
def _privacy_validator() -> Draft202012Validator:
    """The schema's ``privacy`` definition: the shape the RODO setting must have."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/privacy"})


def privacy_problem(clause: Any) -> str | None:
    """What is wrong with a RODO setting (where and why), or None when every form has its clause."""
    error = next(iter(_privacy_validator().iter_errors(clause)), None)
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path)
    return f"RODO/{where}: {error.message}" if where else f"RODO: {error.message}"


def recipient(service: ServiceView) -> dict[str, str]:
    """A regional catalogue's service names its centre's forms address (centres/feature.py)."""
    centre = service.extras.get("centre")
    return {"recipient": centre.forms_email} if centre is not None else {}


def service_listing(
    services: Iterable[ServiceView], providers: Iterable[ProviderView], settings: SiteSettings
) -> bytes:
    """The file's bytes: the same catalogue and settings always give the same bytes."""
    forms = [
        {"id": PurePosixPath(template).stem, "page": url}
        for url, template in settings.form_pages.items()
        if PurePosixPath(template).stem in settings.rodo["forms"]
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
                **recipient(service),
            }
            for service in services
        ],
        "providers": [{"id": provider.id, "name": provider.name} for provider in providers],
        "forms": sorted(forms, key=lambda form: form["id"]),
        "privacy": settings.rodo,
    }
    return json.dumps(listing, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
