"""How accessibility, kiosk and offline join the build: catalogue signals and ``finalized``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .offline import MANIFEST, web_manifest, write_service_worker
from .pages import write_pages
from .qr import service_qr_codes, write_outbound_qr

logger = logging.getLogger(__name__)


def on_catalogue_ready(generator: Any) -> None:
    """QR code on every service card (service.html shows ``extras.qr_svg``)."""
    codes, generator.qr_pool = service_qr_codes(generator.settings, generator.services)
    for service, code in zip(generator.services, codes, strict=True):
        service.extras["qr_svg"] = code


def on_catalogue_written(generator: Any, writer: Any = None) -> None:
    """The required pages and the web app manifest; the QR workers are done by now."""
    if getattr(generator, "qr_pool", None) is not None:
        generator.qr_pool.shutdown()
    write_pages(generator, writer)
    generator.write_bytes(MANIFEST, web_manifest(generator.settings))


def on_finalized(pelican: Any) -> None:
    """Once every writer ran: QR codes of links out (kiosk), then the service worker."""
    output = Path(pelican.output_path)
    if not (output / MANIFEST).is_file():
        return  # the catalogue generator did not run (no catalogue in this build)
    links = write_outbound_qr(output)
    entries = write_service_worker(output, pelican.settings)
    logger.info("Offline: %d files precached, %d kiosk link codes", len(entries), len(links))


def register() -> None:
    """Connect to the catalogue signals and to Pelican's ``finalized``."""
    from pelican import signals

    from ..extensions import catalogue_ready, catalogue_written

    catalogue_ready.connect(on_catalogue_ready, weak=False)
    catalogue_written.connect(on_catalogue_written, weak=False)
    signals.finalized.connect(on_finalized, weak=False)
