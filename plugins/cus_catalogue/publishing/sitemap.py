"""sitemap.xml of every public page in the output, and robots.txt pointing to it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from ..site_settings import absolute
from .sitepaths import page_url

SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
# Pages that say so in their head are left out (the 404 page, staff pages).
NOINDEX = re.compile(rb"<meta\s+name=[\"']robots[\"']\s+content=[\"'][^\"']*noindex", re.I)
HEAD_BYTES = 16_384


def public_pages(output: Path) -> list[str]:
    """URL of every HTML page in ``output`` that does not ask to stay out of search engines."""
    urls = []
    for path in sorted(output.rglob("*.html")):
        with path.open("rb") as page:
            head = page.read(HEAD_BYTES)
        if NOINDEX.search(head):
            continue
        urls.append(page_url(path.relative_to(output).as_posix()))
    return sorted(urls, key=lambda url: (url.count("/"), url))


def sitemap_xml(base: str, urls: Iterable[str], lastmod: Mapping[str, str]) -> bytes:
    """The sitemaps.org 0.9 document; ``lastmod`` gives ISO dates of the pages that have one."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url in urls:
        modified = lastmod.get(url)
        entry = f"<url><loc>{escape(absolute(base, url))}</loc>"
        if modified:
            entry += f"<lastmod>{escape(modified)}</lastmod>"
        lines.append(entry + "</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def base_path(base: str) -> str:
    """The path part of the site's address, ``/`` or ``/katalog/``, for robots.txt rules."""
    return urlsplit(base).path.rstrip("/") + "/"


def robots_txt(base: str, disallowed: Iterable[str]) -> bytes:
    """Every crawler welcome, except in staff folders; where the sitemap is."""
    root = base_path(base)
    lines = ["User-agent: *"]
    lines += [f"Disallow: {root}{folder.strip('/')}/" for folder in disallowed]
    lines += ["", f"Sitemap: {absolute(base, SITEMAP_FILE)}"]
    return ("\n".join(lines) + "\n").encode("utf-8")
