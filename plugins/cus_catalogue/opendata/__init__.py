"""Open data: a Frictionless Data Package, an Open Referral HSDS export, and schema.org JSON-LD."""

from __future__ import annotations

from ..extensions import catalogue_ready, catalogue_written


def register() -> None:
    """Connect the open-data receivers to the catalogue's signals."""
    from .hooks import on_catalogue_ready, on_catalogue_written

    catalogue_ready.connect(on_catalogue_ready)
    catalogue_written.connect(on_catalogue_written)
