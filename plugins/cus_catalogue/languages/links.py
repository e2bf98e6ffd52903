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
from urllib.parse import urlsplit

from ..publishing.sitepaths import site_path

TAG = re.compile(r"<(?:a|form)\b[^>]*>", re.I)
TARGET = re.compile(r"""\b(href|action)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def localize_links(text: str, page: str, siteurl: str, prefix: str, prefixes: set[str]) -> str:
    """``text`` of the page at output path ``page`` with its page links under ``prefix``."""
    return TAG.sub(lambda tag: _tag(tag.group(0), page, siteurl, prefix, prefixes), text)


def _tag(tag: str, page: str, siteurl: str, prefix: str, prefixes: set[str]) -> str:
    if "hreflang" in tag.lower():
        return tag
    match = TARGET.search(tag)
    if not match:
        return tag
    group = 2 if match.group(2) is not None else 3
    value = html.unescape(match.group(group))
    target = site_path(value, page, siteurl)
    if target is None or not (target == "" or target.endswith("/")):
        return tag
    if any(target.startswith(other) for other in prefixes):
        return tag
    new = _pointing_to(value, target, prefix + target, page)
    return tag[: match.start(group)] + html.escape(new) + tag[match.end(group) :]


def _pointing_to(value: str, target: str, new_target: str, page: str) -> str:
    """``value`` changed to name ``new_target`` in the same style (relative or absolute)."""
    tail = value[len(value.split("#", 1)[0].split("?", 1)[0]) :]
    path = value[: len(value) - len(tail)]
    if path.endswith(target):
        head = path[: len(path) - len(target)]
        if head and not head.endswith("/"):
            head += "/"
        return head + new_target + tail
    if urlsplit(value).scheme or value.startswith("/"):
        return value
    relative = posixpath.relpath("/" + new_target, "/" + posixpath.dirname(page))
    return relative.rstrip("/") + "/" + tail
