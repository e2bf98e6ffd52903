"""sitemap.xml of every public page in the output, and robots.txt pointing to it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from ..incremental.memo import memo_table
from ..incremental.output import stamp
from ..incremental.store import BuildCache
from ..site_settings import absolute
from .sitepaths import page_url, site_files

SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
# Pages that say so in their head are left out (the 404 page, staff pages).
NOINDEX = re.compile(rb"<meta\s+name=[\"']robots[\"']\s+content=[\"'][^\"']*noindex", re.I)
HEAD_BYTES = 16_384


def asks_to_stay_out(path: Path) -> bool:
    """Whether a page's head says ``noindex``."""
    with path.open("rb") as page:
        return NOINDEX.search(page.read(HEAD_BYTES)) is not None


def public_pages(output: Path, cache: BuildCache | None = None) -> list[str]:
    """URL of every HTML page in ``output`` that does not ask to stay out of search engines
    (``cache`` remembers each page's answer by its stamp: only pages written since are read)."""
    answers = memo_table(cache, "noindex")
    urls = []
    for relative in site_files(output, ".html"):
        path = output / relative
        if not answers.get((relative, stamp(path)), partial(asks_to_stay_out, path)):
            urls.append(page_url(relative))
    return sorted(urls, key=lambda url: (url.count("/"), url))


def sitemap_xml(
    base: str,
    urls: Iterable[str],
    lastmod: Mapping[str, str],
    languages: Sequence[str] = ("pl",),
) -> bytes:
    """The sitemaps.org 0.9 document; ``lastmod`` gives ISO dates of the pages that have one.

    A page in several languages lists every version as ``xhtml:link`` alternates (Google's
    multilingual sitemaps), Polish as ``x-default``.
    """
    urls = list(urls)
    versions = language_versions(urls, languages)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in urls:
        polish, _language = split_language(url, languages)
        modified = lastmod.get(polish)
        entry = f"<url><loc>{escape(absolute(base, url))}</loc>"
        if modified:
            entry += f"<lastmod>{escape(modified)}</lastmod>"
        alternates = versions.get(polish, {})
        if len(alternates) > 1:
            ordered = [(code, alternates[code]) for code in languages if code in alternates]
            for code, version in [*ordered, ("x-default", polish)]:
                entry += (
                    f'<xhtml:link rel="alternate" hreflang="{code}"'
                    f' href="{escape(absolute(base, version))}"/>'
                )
        lines.append(entry + "</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def split_language(url: str, languages: Sequence[str]) -> tuple[str, str]:
    """``uk/uslugi/x/`` → (``uslugi/x/``, ``uk``); a Polish page is its own Polish version."""
    for code in languages[1:]:
        if url.startswith(f"{code}/"):
            return url.removeprefix(f"{code}/"), code
    return url, languages[0]


def language_versions(urls: Iterable[str], languages: Sequence[str]) -> dict[str, dict[str, str]]:
    """Each Polish page's versions by language code, for the pages that exist."""
    versions: dict[str, dict[str, str]] = {}
    for url in urls:
        polish, code = split_language(url, languages)
        versions.setdefault(polish, {})[code] = url
    return versions


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
