"""QR codes made at build time with segno: on every service card and for kiosk links out."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import segno
from markupsafe import escape

from ..i18n import gettext as _
from ..incremental.memo import MemoTable
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


def _qr_chunk(items: list[tuple[str, str]]) -> list[str]:
    return [qr_svg(url, label) for url, label in items]


class ServiceQr:
    """A service's QR code: made now, remembered, or still being made in a worker (awaited
    when its page renders). A cached page's key names its source, the same whichever way the
    code was made."""

    def __init__(
        self, source: tuple[str, str], svg: str = "", pending: tuple[Future, int] | None = None
    ) -> None:
        self._source, self._svg, self.pending = source, svg, pending

    def fingerprint_source(self) -> tuple[str, str]:
        """What the code is made from (address, label): a cached page's key, without waiting."""
        return self._source

    def __html__(self) -> str:
        if self.pending is not None:
            chunk, index = self.pending
            return chunk.result()[index]
        return self._svg


def service_qr_codes(
    settings: SiteSettings, services: list[Any], remembered: MemoTable | None = None
) -> tuple[list[ServiceQr], ProcessPoolExecutor | None]:
    """Every service's QR code; large catalogues encode them in worker processes meanwhile.

    Encoding is most of the cost of a 10,000-service build; the main process renders pages
    while spare cores encode. The caller shuts the returned pool down once pages are written,
    then keeps the new codes (``remember_codes``). ``remembered``: codes of earlier builds by
    address and label.
    """
    table = remembered or MemoTable()
    items = []
    for service in services:
        url = settings.url(service.url)
        items.append((url, _("QR code with the address %(url)s") % {"url": url}))
    known = [table.peek(item) for item in items]
    missing = [item for item, svg in zip(items, known, strict=True) if svg is None]
    if not missing or len(missing) < settings.qr_parallel_from:
        made = {item: table.get(item, functools.partial(qr_svg, *item)) for item in missing}
        pairs = zip(items, known, strict=True)
        return [ServiceQr(item, svg or made[item]) for item, svg in pairs], None
    pool = ProcessPoolExecutor(max_workers=max(1, (os.cpu_count() or 2) - 1))
    pending: dict[tuple[str, str], ServiceQr] = {}
    for start in range(0, len(missing), QR_CHUNK):
        chunk = pool.submit(_qr_chunk, missing[start : start + QR_CHUNK])
        for index, item in enumerate(missing[start : start + QR_CHUNK]):
            pending[item] = ServiceQr(item, pending=(chunk, index))
    codes = [
        pending[item] if svg is None else ServiceQr(item, svg)
        for item, svg in zip(items, known, strict=True)
    ]
    return codes, pool


def remember_codes(codes: list[ServiceQr], remembered: MemoTable) -> None:
    """Keep the codes workers made for the next build (their pool is shut down)."""
    for code in codes:
        if code.pending is not None:
            remembered.remember(code.fingerprint_source(), code.__html__())


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
