"""Links of a page in another language lead to that language's pages.

Templates write links to pages as ``{{ SITEURL }}/uslugi/`` whatever the language, so a theme
(and every template a new feature adds) needs no change for languages: once a page in, say,
Ukrainian is written, each link of an ``<a>`` or ``<form>`` to a page of the site (an address
ending in ``/``) gets the ``uk/`` prefix. Files (``.css``, ``.pdf``, ``.json``) stay shared, and
a link that names its language (``hreflang``: the language switch) is left as it is.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote, urlsplit

from ..publishing.sitepaths import site_path

TAG = re.compile(r"<(?:a|form)\b[^>]*>", re.I)
TARGET = re.compile(r"""\b(href|action)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


# Tags remembered by one localizer before it starts afresh: a page repeats the site's menus,
# but a large catalogue has a few links of its own on each of its many pages.
REMEMBERED_TAGS = 50_000


def localize_links(text: str, page: str, siteurl: str, prefix: str, prefixes: set[str]) -> str:
    """``text`` of the page at output path ``page`` with its page links under ``prefix``."""
    return LinkLocalizer(prefix, prefixes).localize(text, page, siteurl)


class LinkLocalizer:
    """Localizes the pages of one language, each distinct tag worked out once.

    A tag's new form depends on the page's folder only through a relative link that does not
    climb to the site's root (``{{ SITEURL }}`` on a page two folders deep is ``../..``): other
    tags are remembered by the folder's depth, and so serve every page of that depth.
    """

    def __init__(self, prefix: str, prefixes: set[str]) -> None:
        self.prefix, self.prefixes = prefix, prefixes
        self._by_depth: dict[tuple[str, int, str], str] = {}
        self._by_folder: dict[tuple[str, str, str], str] = {}

    def localize(self, text: str, page: str, siteurl: str) -> str:
        """``text`` of the page at output path ``page`` with its page links under the prefix."""
        folder = posixpath.dirname(page)
        names = folder.split("/") if folder else []
        depth = len(names)
        if "%" in folder or any(name in ("", ".", "..") for name in names):
            depth = -1  # only plain folders share tags by depth
        by_depth, by_folder = self._by_depth, self._by_folder
        if len(by_depth) + len(by_folder) > REMEMBERED_TAGS:
            by_depth.clear()
            by_folder.clear()

        def replace(found: re.Match[str]) -> str:
            tag = found.group(0)
            known = by_depth.get((tag, depth, siteurl))
            if known is None:
                known = by_folder.get((tag, folder, siteurl))
            if known is None:
                known, needs_folder = self._tag(tag, page, siteurl, depth)
                if needs_folder:
                    by_folder[(tag, folder, siteurl)] = known
                else:
                    by_depth[(tag, depth, siteurl)] = known
            return known

        return TAG.sub(replace, text)

    def _tag(self, tag: str, page: str, siteurl: str, depth: int) -> tuple[str, bool]:
        """The localized tag, and whether it took the names of the page's folder."""
        if "hreflang" in tag.lower():
            return tag, False
        match = TARGET.search(tag)
        if not match:
            return tag, False
        group = 2 if match.group(2) is not None else 3
        value = html.unescape(match.group(group))
        needs_folder = _needs_folder(value, depth)
        target = site_path(value, page, siteurl)
        if target is None or not (target == "" or target.endswith("/")):
            return tag, needs_folder
        if any(target.startswith(other) for other in self.prefixes):
            return tag, needs_folder
        new, relinked = _pointing_to(value, target, self.prefix + target, page)
        localized = tag[: match.start(group)] + html.escape(new) + tag[match.end(group) :]
        return localized, needs_folder or relinked


def _needs_folder(value: str, depth: int) -> bool:
    """Whether ``value`` names a page only together with the names of the page's folder: a
    relative path that does not climb out of all ``depth`` folders first."""
    reference = value.strip()
    parts = urlsplit(reference)
    if parts.scheme or reference.startswith("/"):
        return False
    return depth < 0 or not unquote(parts.path).startswith("../" * depth) or not parts.path


def _pointing_to(value: str, target: str, new_target: str, page: str) -> tuple[str, bool]:
    """``value`` changed to name ``new_target`` in the same style (relative or absolute), and
    whether that took the page's folder."""
    tail = value[len(value.split("#", 1)[0].split("?", 1)[0]) :]
    path = value[: len(value) - len(tail)]
    if path.endswith(target):
        head = path[: len(path) - len(target)]
        if head and not head.endswith("/"):
            head += "/"
        return head + new_target + tail, False
    if urlsplit(value).scheme or value.startswith("/"):
        return value, False
    relative = posixpath.relpath("/" + new_target, "/" + posixpath.dirname(page))
    return relative.rstrip("/") + "/" + tail, True
