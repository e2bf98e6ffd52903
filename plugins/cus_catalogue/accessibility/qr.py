"""QR codes made at build time with segno: on every service card and for kiosk links out."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import segno
from markupsafe import Markup, escape

from ..i18n import gettext as _
from ..site_settings import SiteSettings

QR_DIR = "kiosk/qr"
LINKS_FILE = "kiosk/links.json"
# Our templates quote every attribute, so a pattern finds every link out of a page far faster
# than an HTML parser (which took most of a 10,000-service build).
OUTBOUND_HREF = re.compile(r'<a\b[^>]*?\shref="\s*((?:https?|mailto|tel):[^"]*)"', re.I)
# Any of the eight masks gives a valid code; choosing the "best" one costs 4x the encoding and
# decides nothing a phone camera notices. One fixed mask also keeps builds reproducible.
QR_MASK = 2
QR_CHUNK = 250


def qr_svg(data: str, label: str, scale: int = 4) -> str:
    """An SVG QR code with an accessible name; white modules stay white in high contrast."""
    svg = segno.make(data, error="m", mask=QR_MASK).svg_inline(
        scale=scale, omitsize=True, dark="#000", light="#fff", svgclass="qr-code", lineclass=None
    )
    # Named image for assistive technology; the caption beside it says what to do.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def service_qr(settings: SiteSettings, service: Any) -> Markup:
    """The QR code of a service page, for the printed card and for phones."""
    url = settings.url(service.url)
    return Markup(qr_svg(url, _("QR code with the address %(url)s") % {"url": url}))


def _qr_chunk(items: list[tuple[str, str]]) -> list[str]:
    return [qr_svg(url, label) for url, label in items]


class PendingQr:
    """A service's QR code still being made in a worker; it is awaited when its page renders."""

    def __init__(self, chunk: Future[list[str]], index: int, source: tuple[str, str]) -> None:
        self._chunk, self._index, self._source = chunk, index, source

    def fingerprint_source(self) -> tuple[str, str]:
        """What the code is made from (address, label): a cached page's key, without waiting."""
        return self._source

    def __html__(self) -> str:
        return self._chunk.result()[self._index]


def service_qr_codes(
    settings: SiteSettings, services: list[Any]
) -> tuple[list[Markup | PendingQr], ProcessPoolExecutor | None]:
    """Every service's QR code; large catalogues encode them in worker processes meanwhile.

    Encoding is most of the cost of a 10,000-service build; the main process renders pages
    while spare cores encode. The caller shuts the returned pool down once pages are written.
    """
    if len(services) < settings.qr_parallel_from:
        return [service_qr(settings, service) for service in services], None
    items = []
    for service in services:
        url = settings.url(service.url)
        items.append((url, _("QR code with the address %(url)s") % {"url": url}))
    pool = ProcessPoolExecutor(max_workers=max(1, (os.cpu_count() or 2) - 1))
    codes: list[Markup | PendingQr] = []
    for start in range(0, len(items), QR_CHUNK):
        chunk = pool.submit(_qr_chunk, items[start : start + QR_CHUNK])
        codes.extend(
            PendingQr(chunk, index, item)
            for index, item in enumerate(items[start : start + QR_CHUNK])
        )
    return codes, pool


def outbound_links(output: Path) -> set[str]:
    """Every link in the built pages that leaves the site (other origins, e-mail, phone)."""
    found: set[str] = set()
    for page in sorted(output.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        found.update(html.unescape(href).strip() for href in OUTBOUND_HREF.findall(text))
    return found


def shown_address(href: str) -> str:
    """What the kiosk prints under the code: the address without the scheme noise."""
    return re.sub(r"^(mailto:|tel:)", "", href)


def write_outbound_qr(output: Path) -> dict[str, dict[str, str]]:
    """Kiosk: one SVG per outbound link and ``kiosk/links.json`` mapping each link to it."""
    links: dict[str, dict[str, str]] = {}
    for href in sorted(outbound_links(output)):
        name = hashlib.sha256(href.encode()).hexdigest()[:16] + ".svg"
        path = output / QR_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        svg = segno.make(href, error="m", mask=QR_MASK).svg_inline(
            scale=6, dark="#000", light="#fff", svgclass=None, lineclass=None
        )
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg" ' + svg[5:], encoding="utf-8")
        links[href] = {"qr": f"{QR_DIR}/{name}", "text": shown_address(href)}
    target = output / LINKS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(links, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return links
