"""How much of its own language a first visit keeps offline: its start and offline pages
always, then its scripts and styles (every page kept needs them), then the other pages every
visitor uses (lists, forms, statements), then the other files (search files, smallest first),
then the service and provider pages in order, up to a byte limit. The worker keeps a page left
out once the visitor opens it, so a regional catalogue of 100,000 services does not fill a
resident's phone on the first visit."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .precache_groups import SHARED, file_of

RECORD_PAGE = re.compile(r"(?:^|/)(?:uslugi|realizatorzy)/[^/]+/$")
# What the kept pages need to work and look right: before any other page or file.
CODE_AND_STYLE = (".js", ".mjs", ".css")


def within_limit(
    groups: Mapping[str, Mapping[str, str]],
    sizes: Mapping[str, int],
    folders: Mapping[str, str],
    max_bytes: int,
) -> dict[str, dict[str, str]]:
    """``groups`` with each language's files cut to ``max_bytes`` (the shared files stay);
    ``sizes`` in bytes by URL, as the precache list found them."""
    limited: dict[str, dict[str, str]] = {}
    for code, entries in groups.items():
        if code == SHARED:
            limited[code] = dict(entries)
            continue
        folder = folders[code]
        always = {folder or "./", f"{folder}offline/"}
        kept: dict[str, str] = {}
        room = max_bytes
        for url in sorted(entries, key=lambda url: _order(url, always, sizes[url])):
            if url in always or sizes[url] <= room:
                kept[url] = entries[url]
                room -= sizes[url]
        limited[code] = kept
    return limited


def _order(url: str, always: set[str], size: int) -> tuple[int, int, str]:
    """Start and offline pages, scripts and styles, other pages, other files (smallest first),
    record pages."""
    if url in always:
        return (0, 0, url)
    if url.endswith(CODE_AND_STYLE):
        return (1, size, url)
    if RECORD_PAGE.search(url):
        return (4, 0, url)
    if file_of(url).endswith(".html"):
        return (2, 0, url)
    return (3, size, url)
