"""Where a reference in a built page points: a file of the site, or somewhere else."""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# href="..." and src="..." in HTML; url(...) and @import "..." in CSS. Offsets give lines.
HTML_REFERENCE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
CSS_REFERENCE = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')"""
)
IGNORED_SCHEMES = ("mailto:", "tel:", "sms:", "javascript:", "data:", "blob:", "about:")


def references(text: str, css: bool) -> list[tuple[int, int, str]]:
    """(start, end, value) of every reference in a page or stylesheet, entities decoded."""
    pattern = CSS_REFERENCE if css else HTML_REFERENCE
    found = []
    for match in pattern.finditer(text):
        group = next(g for g in range(1, (pattern.groups or 0) + 1) if match.group(g) is not None)
        value = match.group(group)
        found.append((match.start(group), match.end(group), value if css else html.unescape(value)))
    return found


def site_files(output: Path, suffix: str = "") -> list[str]:
    """Every file under ``output`` (ending in ``suffix``), relative, in order (``os.walk``:
    pathlib's walk is several times slower at 300,000 files)."""
    found = []
    for folder, _subfolders, names in os.walk(output):
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        found += [prefix + name for name in names if name.endswith(suffix)]
    return sorted(found)


def page_url(relative: str) -> str:
    """``uslugi/x/index.html`` → ``uslugi/x/``; ``index.html`` → ``""``; others unchanged."""
    if relative == "index.html":
        return ""
    if relative.endswith("/index.html"):
        return relative.removesuffix("index.html")
    return relative


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset``."""
    return text.count("\n", 0, offset) + 1


def site_path(reference: str, page: str, siteurl: str) -> str | None:
    """Output-relative path a reference names, or None when it leaves the site (or is a
    fragment, mail or phone link). ``page`` is the referring file, relative to the output."""
    reference = reference.strip()
    if not reference or reference.startswith("#") or reference.lower().startswith(IGNORED_SCHEMES):
        return None
    base = urlsplit(siteurl)
    root = base.path.rstrip("/")
    parts = urlsplit(reference)
    if parts.scheme or reference.startswith("//"):
        same_host = parts.netloc == base.netloc and parts.scheme in ("http", "https", "")
        if not (base.netloc and same_host and parts.path.startswith(root)):
            return None
        path = parts.path[len(root) :]
    elif parts.path.startswith("/"):
        if root and not parts.path.startswith(root + "/"):
            return None
        path = parts.path[len(root) :]
    else:
        folder = posixpath.dirname(page)
        path = "/" + posixpath.join(folder, parts.path) if parts.path else "/" + page
    normal = posixpath.normpath(unquote(path)).lstrip("/")
    if normal in (".", ""):
        normal = ""
    if path.endswith("/") and normal:
        normal += "/"
    return normal


def resolves(output: Path, path: str) -> bool:
    """A page or file of the site: ``x/`` and ``x`` are ``x/index.html`` when x is a folder."""
    if path.startswith("../") or path == "..":
        return False
    target = output / path
    if path == "" or path.endswith("/") or target.is_dir():
        return (target / "index.html").is_file()
    return target.is_file()


def is_external(reference: str, siteurl: str) -> bool:
    """An http(s) address outside the site, to try over the network."""
    parts = urlsplit(reference.strip())
    if parts.scheme not in ("http", "https"):
        return False
    return site_path(reference, "index.html", siteurl) is None
