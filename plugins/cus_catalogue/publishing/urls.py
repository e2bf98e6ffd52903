"""Absolute addresses for files read outside the site (sitemap, feed), whatever SITEURL is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

DEFAULT_PREVIEW_URL = "http://127.0.0.1:8000"


def site_base(settings: Mapping[str, Any]) -> str:
    """SITEURL when it is absolute (publishing), else the preview address (development)."""
    siteurl = str(settings.get("SITEURL") or "")
    if urlsplit(siteurl).scheme in ("http", "https"):
        return siteurl.rstrip("/")
    return str(settings.get("CATALOGUE_PREVIEW_URL") or DEFAULT_PREVIEW_URL).rstrip("/")


def absolute(base: str, path: str) -> str:
    """``base`` + ``/`` + output-relative ``path`` (``""`` is the start page)."""
    return f"{base}/{path.lstrip('/')}"


def base_path(base: str) -> str:
    """The path part of the site's address, ``/`` or ``/katalog/``, for robots.txt rules."""
    path = urlsplit(base).path
    return path.rstrip("/") + "/"
