"""Which scripts a built site's pages load, found the way a browser would: every
``<script src>`` and module a page names (``data-…-module``), then everything esbuild (the real
bundler, reading the built files) says those scripts import."""

from __future__ import annotations

import json
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from cus_catalogue.search.bundle import ESBUILD

LOCAL = "https://site.test/"


class _ScriptsOf(HTMLParser):
    """The addresses of the scripts one page names."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name, value in attrs:
            if value and ((tag == "script" and name == "src") or name.endswith("-module")):
                self.addresses.append(value)


def scripts_pages_load(site: Path, siteurl: str = LOCAL) -> set[str]:
    """Site-relative paths of every script some page loads, directly or by importing it."""
    named = set()
    for page in site.rglob("*.html"):
        parser = _ScriptsOf()
        parser.feed(page.read_text(encoding="utf-8"))
        base = urljoin(siteurl, page.relative_to(site).as_posix())
        for address in parser.addresses:
            url = urljoin(base, address)
            if url.startswith(siteurl):
                named.add(urlsplit(url).path.removeprefix(urlsplit(siteurl).path))
    with tempfile.TemporaryDirectory() as folder:
        metafile = Path(folder) / "meta.json"
        command = [str(ESBUILD), *sorted(named), "--bundle", "--format=esm", f"--outdir={folder}"]
        command += [f"--metafile={metafile}", "--log-level=error"]
        subprocess.run(command, cwd=site, check=True, capture_output=True)
        return set(json.loads(metafile.read_text(encoding="utf-8"))["inputs"])
