"""``uslugi.json``: the services and providers the form backend accepts, from the same build."""

from __future__ import annotations

import json
from typing import Any

from .views import ProviderView, ServiceView


def service_listing(
    services: list[ServiceView], providers: list[ProviderView], settings: Any
) -> bytes:
    """The listing the form backend reads, in bytes that are the same for the same catalogue."""
    listing = {
        "services": [
            {
                "id": s.id,
                "name": s.name,
                "provider": s.provider.id,
                "apply_online": s.accepts_applications,
                "status": s.status,
            }
            for s in services
        ]
    }
    return json.dumps(listing, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
