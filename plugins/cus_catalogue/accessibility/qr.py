"""QR codes made at build time with segno: on every service card and for kiosk links out."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import zlib
from pathlib import Path
from typing import Any

import segno
from markupsafe import escape

from ..i18n import gettext as _
from ..incremental.memo import MemoTable, memo_table
from ..incremental.output import stamp
from ..incremental.store import BuildCache
from ..publishing.sitepaths import site_files
from ..site_settings import SiteSettings

QR_DIR = "kiosk/qr"
LINKS_FILE = "kiosk/links.json"
# Our templates quote every attribute, so a pattern finds every link out of a page far faster
# than an HTML parser (which took most of a 10,000-service build).
OUTBOUND_HREF = re.compile(r'<a\b[^>]*?\shref="\s*((?:https?|mailto|tel):[^"]*)"', re.I)
# Any of the eight masks gives a valid code; choosing the "best" one costs 4x the encoding and
# decides nothing a phone camera notices. One fixed mask also keeps builds reproducible.
QR_MASK = 2


def qr_encoding(data: str, scale: int = 4) -> str:
    """The code of ``data`` as SVG, unnamed: the costly part, the same in every language."""
    return segno.make(data, error="m", mask=QR_MASK).svg_inline(
        scale=scale, omitsize=True, dark="#000", light="#fff", svgclass="qr-code", lineclass=None
    )


def labelled(svg: str, label: str) -> str:
    """Named image for assistive technology; the caption beside it says what to do."""
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


class ServiceQr:
    """A service's QR code, encoded when its page first renders (in whichever process renders
    it) or taken from ``encodings``: each address is encoded once a build, whatever the
    language of its label. A cached page's key names its source, without encoding."""

    def __init__(self, address: str, label: str, encodings: MemoTable) -> None:
        self.address, self.label, self.encodings = address, label, encodings

    def fingerprint_source(self) -> tuple[str, str]:
        """What the code is made from (address, label): a cached page's key."""
        return self.address, self.label

    def __html__(self) -> str:
        packed = self.encodings.get(self.address, functools.partial(packed_qr, self.address))
        return labelled(zlib.decompress(packed).decode(), self.label)


def packed_qr(address: str) -> bytes:
    """The code of ``address``, deflated as the build keeps it for every service until it ends
    (2.9 kB of SVG, 0.7 kB deflated: 290 against 70 MB at 100,000 services)."""
    return zlib.compress(qr_encoding(address).encode())


def service_qr_codes(
    settings: SiteSettings, services: list[Any], encodings: MemoTable
) -> list[ServiceQr]:
    """Every service's QR code; ``encodings`` (shared by every language pass and kept by the
    build cache) holds the codes by address. Render workers encode the codes of the pages
    they render (``parallel.py``) and send back the new ones; the known codes of pages taken
    from the cache are kept for the next build, which may render those pages again."""
    codes = []
    for service in services:
        url = settings.url(service.url)
        encodings.peek(url)
        codes.append(
            ServiceQr(url, _("QR code with the address %(url)s") % {"url": url}, encodings)
        )
    return codes


def links_out_of(page: Path) -> frozenset[str]:
    """The links in one built page that leave the site."""
    text = page.read_text(encoding="utf-8")
    return frozenset(html.unescape(href).strip() for href in OUTBOUND_HREF.findall(text))


def outbound_links(output: Path, cache: BuildCache | None = None) -> set[str]:
    """Every link in the built pages that leaves the site (other origins, e-mail, phone);
    ``cache`` remembers each page's by its stamp, so only pages written since are read."""
    found: set[str] = set()
    pages = memo_table(cache, "links out")
    for relative in site_files(output, ".html"):
        page = output / relative
        found |= pages.get((relative, stamp(page)), functools.partial(links_out_of, page))
    return found


def shown_address(href: str) -> str:
    """What the kiosk prints under the code: the address without the scheme noise."""
    return re.sub(r"^(mailto:|tel:)", "", href)


def kiosk_svg(href: str) -> str:
    """The kiosk's code for a link out: larger modules than a service card's."""
    svg = segno.make(href, error="m", mask=QR_MASK).svg_inline(
        scale=6, dark="#000", light="#fff", svgclass=None, lineclass=None
    )
    return '<svg xmlns="http://www.w3.org/2000/svg" ' + svg[5:]


def write_outbound_qr(output: Path, cache: BuildCache | None = None) -> dict[str, dict[str, str]]:
    """Kiosk: one SVG per outbound link and ``kiosk/links.json`` mapping each link to it
    (``cache`` remembers the pages' links and the codes)."""
    links: dict[str, dict[str, str]] = {}
    codes = memo_table(cache, "kiosk codes")
    for href in sorted(outbound_links(output, cache)):
        name = hashlib.sha256(href.encode()).hexdigest()[:16] + ".svg"
        path = output / QR_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(codes.get(href, functools.partial(kiosk_svg, href)), encoding="utf-8")
        links[href] = {"qr": f"{QR_DIR}/{name}", "text": shown_address(href)}
    target = output / LINKS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(links, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return links
