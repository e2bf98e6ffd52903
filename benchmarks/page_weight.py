"""Page weight and offline speed of the built site, against the budgets of issue 4.

1. Start page: every file Chromium requests for ``/`` (search index files excluded), each
   gzip-compressed as a web server would send it; budget 60 KB.
2. Service pages opened offline from the service worker's cache after one visit: time from
   navigation start to the load event in headless Chromium; budget 200 ms.
3. First visit: everything the start page of each language and the service worker's precache
   download until the worker is ready (the offline copy of that language), gzip as above.

Usage: python benchmarks/page_weight.py [--site BUILT_SITE] [--pages 20]
(without --site the example catalogue is built into a temporary folder first).
"""

from __future__ import annotations

import argparse
import gzip
import platform
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pagekit import example_site_in_chromium  # noqa: E402

START_BUDGET_KB = 60.0
OFFLINE_BUDGET_MS = 200.0
SEARCH_INDEX = ("index.", "postings-", "docs-", "facets.")
FIRST_VISITS = ("/", "/uk/")


def is_search_index(path: str) -> bool:
    """The lunr index and its shards: loaded on the first search, outside the budget."""
    name = path.rsplit("/", 1)[-1]
    return "/static/search/" in path and name.startswith(SEARCH_INDEX) and name.endswith(".json")


def file_of(site: Path, path: str) -> Path:
    """The file a same-origin URL path is served from."""
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def start_page_weight(
    browser: object, base: str, site: Path, path: str = "/"
) -> tuple[float, list[str]]:
    """Gzip kilobytes of everything the start page (or the page at ``path``) loads, and the
    files counted."""
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + path, wait_until="networkidle")
    context.close()
    total = 0
    counted = []
    for url in dict.fromkeys(requested):
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != base:
            raise SystemExit(f"request to another origin: {url}")
        if is_search_index(parts.path):
            continue
        total += len(gzip.compress(file_of(site, parts.path).read_bytes(), compresslevel=6))
        counted.append(parts.path)
    return total / 1024, counted


def first_visit_weight(browser: object, base: str, site: Path, path: str) -> tuple[float, int]:
    """Gzip kilobytes and number of every response of a first visit to ``path``: the page, its
    files and the worker's precache, until the worker is ready."""
    context = browser.new_context(service_workers="allow")  # type: ignore[attr-defined]
    responses: list[str] = []
    context.on("response", lambda response: responses.append(response.url))
    page = context.new_page()
    page.goto(base + path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    context.close()
    total = 0
    for url in responses:
        target = file_of(site, urlsplit(url).path)
        if target.is_file():
            total += len(gzip.compress(target.read_bytes(), compresslevel=6))
    return total / 1024, len(responses)


def offline_render_times(browser: object, base: str, site: Path, pages: int) -> list[float]:
    """Milliseconds from navigation start to load, offline, for service pages never opened."""
    context = browser.new_context(service_workers="allow")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base + "/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    context.set_offline(True)
    services = sorted(p.name for p in (site / "uslugi").iterdir() if p.is_dir())[:pages]
    times = []
    for service in services:
        page.goto(f"{base}/uslugi/{service}/")
        times.append(
            page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                " if (!(n.workerStart > 0)) throw new Error('not from the worker');"
                " return n.loadEventEnd - n.startTime; }"
            )
        )
    context.close()
    return times


def main() -> int:
    """Build (or take) the site, measure both figures, print them beside the budgets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site")
    parser.add_argument("--pages", type=int, default=20, help="service pages opened offline")
    args = parser.parse_args()
    with example_site_in_chromium(args.site) as (site, base, browser):
        weight, counted = start_page_weight(browser, base, site)
        times = offline_render_times(browser, base, site, args.pages)
        first_visits = {
            path: first_visit_weight(browser, base, site, path) for path in FIRST_VISITS
        }
        version = browser.version
    print(
        f"machine: {platform.machine()}, {platform.processor() or platform.system()}, "
        f"Python {platform.python_version()}, Chromium {version}"
    )
    print(
        f"start page: {weight:.1f} KB gzip in {len(counted)} files "
        f"(budget {START_BUDGET_KB:.0f} KB, search index excluded)"
    )
    for path in counted:
        print(f"  {path}")
    print(
        f"service page offline, {len(times)} pages: median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms (budget {OFFLINE_BUDGET_MS:.0f} ms)"
    )
    for path, (kilobytes, count) in first_visits.items():
        print(f"first visit to {path}: {kilobytes / 1024:.2f} MB gzip in {count} responses")
    ok = weight <= START_BUDGET_KB and statistics.median(times) <= OFFLINE_BUDGET_MS
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
