"""Link checks of a built site: internal references must resolve to files (a broken one stops
the publish); external addresses are tried with short timeouts and only reported."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cus_catalogue.publishing.sitepaths import is_external, line_of, references, resolves, site_path

# Returns the HTTP status of an address; raises OSError (or a subclass) when it cannot connect.
Fetch = Callable[[str], int]
USER_AGENT = "katalog-linkcheck/1"


@dataclass(frozen=True)
class BrokenLink:
    """A reference in ``page`` (line ``line``) to ``target``, which is not in the site."""

    page: str
    line: int
    target: str


@dataclass
class ExternalFailure:
    """An external address that did not answer well, and the pages that link to it."""

    url: str
    reason: str
    pages: list[str] = field(default_factory=list)


def _files(output: Path) -> Iterable[tuple[str, str, bool]]:
    """(relative path, text, is_css) of every page and stylesheet."""
    for pattern, css in (("*.html", False), ("*.css", True)):
        for path in sorted(output.rglob(pattern)):
            yield path.relative_to(output).as_posix(), path.read_text(encoding="utf-8"), css


def check_internal(output: Path, siteurl: str) -> list[BrokenLink]:
    """Every href/src (and CSS url()) that points inside the site but names no file."""
    broken = []
    for page, text, css in _files(output):
        for start, _end, value in references(text, css):
            target = site_path(value, page, siteurl)
            if target is not None and not resolves(output, target):
                broken.append(BrokenLink(page, line_of(text, start), value))
    return broken


def external_links(output: Path, siteurl: str) -> dict[str, list[str]]:
    """External http(s) address → the pages linking to it."""
    found: dict[str, list[str]] = {}
    for page, text, css in _files(output):
        for _start, _end, value in references(text, css):
            url = value.strip().split("#", 1)[0]
            if is_external(url, siteurl):
                pages = found.setdefault(url, [])
                if page not in pages:
                    pages.append(page)
    return found


def http_status(url: str, timeout: float = 5.0) -> int:
    """HEAD, then GET for servers that refuse HEAD; the final status after redirects."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return int(error.code)
    return 0  # pragma: no cover - the loop always returns


def check_external(
    links: dict[str, list[str]], fetch: Fetch | None = None, workers: int = 8
) -> list[ExternalFailure]:
    """Try every address at once (a few at a time); report those that fail, never raise."""
    fetch = fetch or http_status

    def attempt(url: str) -> ExternalFailure | None:
        try:
            status = fetch(url)
        except (OSError, ValueError) as error:
            reason = getattr(error, "reason", None) or error
            return ExternalFailure(url, str(reason), links[url])
        if status >= 400:
            return ExternalFailure(url, f"HTTP {status}", links[url])
        return None

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(attempt, sorted(links)))
    return [result for result in results if result is not None]
