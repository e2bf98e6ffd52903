"""Minified, content-hashed CSS and JS: ``main.css`` → ``main.3f2a9c01d4.css``, and every
reference to it rewritten (pages, stylesheets, and quoted paths in scripts such as the service
worker's precache list), so browsers may cache it for a year.

Only files that pages or stylesheets load are renamed; a script loaded only by other scripts
(the service worker at its fixed address, modules it imports) keeps its name and is minified.
Files already named by their content (the search index and bundle) are left as they are.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from ..feature import Build, Feature
from ..i18n import ngettext
from ..problems import Problem
from .sitepaths import references, site_path

HASHED = re.compile(r"\.[0-9a-f]{8,}\.(?:css|js|mjs|json)$")
SUFFIXES = (".css", ".js", ".mjs")
DIGEST_LENGTH = 10
# A quoted path to a stylesheet or script inside a script: "theme/css/main.css", './x.js'.
SCRIPT_REFERENCE = re.compile(r"""(["'`])([^"'`\s<>()]+\.(?:css|js|mjs))\1""")


def minify(path: Path, text: str) -> str:
    """rcssmin for stylesheets, rjsmin for scripts (both keep licence comments /*! ... */)."""
    if path.suffix == ".css":
        import rcssmin

        return rcssmin.cssmin(text, keep_bang_comments=True)
    import rjsmin

    return rjsmin.jsmin(text, keep_bang_comments=True)


def hashed_name(path: str, content: bytes) -> str:
    """``theme/css/main.css`` → ``theme/css/main.<sha256[:10]>.css``."""
    stem, suffix = posixpath.splitext(path)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:DIGEST_LENGTH]}{suffix}"


def file_references(text: str, kind: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of references in a page (html), stylesheet (css) or script (js)."""
    if kind == "js":
        return [(m.start(2), m.end(2), m.group(2)) for m in SCRIPT_REFERENCE.finditer(text)]
    return references(text, css=kind == "css")


def _kind(path: str) -> str:
    return "css" if path.endswith(".css") else "html" if path.endswith(".html") else "js"


def rewrite(text: str, page: str, siteurl: str, renamed: dict[str, str]) -> str:
    """Point every reference to a renamed file at its new name (query and fragment kept)."""
    pieces, last = [], 0
    for start, end, value in file_references(text, _kind(page)):
        target = site_path(value, page, siteurl)
        if target not in renamed:
            continue
        old_name = posixpath.basename(target)
        new_name = posixpath.basename(renamed[target])
        path_end = len(value.split("#", 1)[0].split("?", 1)[0])
        head = value[:path_end]
        if head.endswith(old_name):
            pieces += [text[last:start], head[: -len(old_name)] + new_name + value[path_end:]]
            last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _loaded_by_pages(output: Path, siteurl: str) -> set[str]:
    """Output paths that pages and stylesheets reference."""
    loaded = set()
    for pattern in ("*.html", "*.css"):
        for path in output.rglob(pattern):
            relative = path.relative_to(output).as_posix()
            text = path.read_text(encoding="utf-8")
            for _start, _end, value in file_references(text, _kind(relative)):
                if (target := site_path(value, relative, siteurl)) is not None:
                    loaded.add(target)
    return loaded


def hash_assets(output: Path, siteurl: str) -> dict[str, str]:
    """Minify every CSS/JS file not already hashed, rename those pages load; old → new paths."""
    assets = {
        path.relative_to(output).as_posix(): path
        for path in sorted(output.rglob("*"))
        if path.suffix in SUFFIXES and path.is_file() and not HASHED.search(path.name)
    }
    loaded = _loaded_by_pages(output, siteurl)
    texts = {name: minify(path, path.read_text(encoding="utf-8")) for name, path in assets.items()}
    to_hash = {name for name in texts if name in loaded}
    renamed: dict[str, str] = {}
    # A file is hashed after the files it references, so its name changes when theirs do.
    while to_hash:
        ready = [
            name
            for name in sorted(to_hash)
            if not any(
                site_path(value, name, siteurl) in to_hash - {name}
                for _s, _e, value in file_references(texts[name], _kind(name))
            )
        ] or sorted(to_hash)  # a reference cycle: hash the rest as they are
        for name in ready:
            content = rewrite(texts[name], name, siteurl, renamed).encode("utf-8")
            renamed[name] = hashed_name(name, content)
            (output / renamed[name]).write_bytes(content)
            assets[name].unlink()
            to_hash.discard(name)
    for name, text in texts.items():
        if name not in renamed:
            assets[name].write_text(rewrite(text, name, siteurl, renamed), encoding="utf-8")
    for page in sorted(output.rglob("*.html")):
        relative = page.relative_to(output).as_posix()
        text = page.read_text(encoding="utf-8")
        updated = rewrite(text, relative, siteurl, renamed)
        if updated != text:
            page.write_text(updated, encoding="utf-8")
    return renamed


class AssetHashing(Feature):
    """Production builds (``CATALOGUE_HASH_ASSETS``): assets named by content once every page
    exists, before the offline worker lists the files, so its list names what is published."""

    name = "assets"

    def __init__(self) -> None:
        self.renamed: dict[str, str] = {}

    def finalize(self, build: Build, output: Path) -> list[Problem]:
        """Minify and rename the finished site's stylesheets and scripts."""
        self.renamed = hash_assets(output, build.settings.siteurl.rstrip("/"))
        return []

    def summary(self) -> list[str]:
        """How many files were minified and renamed."""
        count = len(self.renamed)
        return [
            ngettext(
                "Minified and hashed {n} stylesheet or script.",
                "Minified and hashed {n} stylesheets and scripts.",
                count,
            ).format(n=count)
        ]
