"""Reading built pages the way a person sees them: text of elements, not raw markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _TextOf(HTMLParser):
    """Collects the visible text of the page's <main> (or the whole body)."""

    def __init__(self, root_tag: str) -> None:
        super().__init__()
        self.root_tag, self.depth, self.parts = root_tag, 0, []
        self.skip = 0

    def handle_starttag(self, tag: str, _attrs: list) -> None:
        if tag == self.root_tag:
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self.root_tag:
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth > 0 and not self.skip:
            self.parts.append(data)


def text(path: Path, root_tag: str = "main") -> str:
    """Visible text inside ``root_tag`` with white space folded."""
    parser = _TextOf(root_tag)
    parser.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def page(site: Path, url: str) -> Path:
    """The file a URL of the contract is served from."""
    return site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
