"""Opening the example site in Chromium, as the page benchmarks measure it."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sitekit import EXAMPLE_CONTENT, chromium_executable, run_pelican, serve_folder


@contextlib.contextmanager
def example_site_in_chromium(site: Path | None) -> Iterator[tuple[Path, str, Any]]:
    """The given built site, or the example catalogue built now, served and opened in Chromium:
    what the page benchmarks measure. Yields (site folder, base URL, browser)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary:
        if site is None:
            site = Path(temporary) / "site"
            result = run_pelican(EXAMPLE_CONTENT, site)
            if result.returncode:
                raise SystemExit(result.stdout + result.stderr)
        with serve_folder(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=["--no-sandbox"]
            )
            try:
                yield site, base, browser
            finally:
                browser.close()
