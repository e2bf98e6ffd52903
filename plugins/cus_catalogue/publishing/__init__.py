"""Publishing: sitemap.xml, robots.txt, the Atom feed, the 404 page and the freshness report."""

from __future__ import annotations

from .build import register

__all__ = ["register"]
