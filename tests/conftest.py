"""Shared fixtures: real Pelican builds, a real HTTP server on a free port, real Chromium."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from a11y_support import new_context, pages_by_width_and_mode
from playwright.sync_api import expect
from records import copy_mini
from sitekit import EXAMPLE_CONTENT, FIXTURES, chromium_executable, run_pelican, serve_folder

# expect() returns as soon as its condition holds, so a long ceiling costs time only when a test
# fails. Playwright's 5 s is too short on two cores shared by Chromium, the servers, pytest-xdist
# and other work (stress-ng --cpu 2 in issue 10): the search index or the service worker's
# precache of the whole site can take longer to arrive there.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="session")
def build_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Build a content folder once per session and settings; fail loudly if Pelican fails."""

    @functools.cache
    def build(content: Path, **extra: object) -> Path:
        output = tmp_path_factory.mktemp(content.name + "-site")
        result = run_pelican(content, output, **extra)
        assert result.returncode == 0, result.stdout + result.stderr
        return output

    def build_with(content: Path, **extra: object) -> Path:
        return build(content, **{k: v for k, v in sorted(extra.items())})

    return build_with


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh, valid copy of the two-service fixture catalogue, for a test to edit."""
    return copy_mini(tmp_path / "katalog")


@pytest.fixture(scope="session")
def example_site(build_site: Callable[..., Path]) -> Path:
    """The example catalogue, built with the development settings."""
    return build_site(EXAMPLE_CONTENT)


@pytest.fixture(scope="session")
def mini_site(build_site: Callable[..., Path]) -> Path:
    """A two-service fixture catalogue whose every value the tests know."""
    return build_site(FIXTURES / "mini")


@pytest.fixture(scope="session")
def example_server(example_site: Path) -> Iterator[str]:
    """The example site over HTTP."""
    with serve_folder(example_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page per test (no shared storage or cache)."""
    context = browser.new_context(locale="pl-PL")  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A page on an old phone's narrow screen (375 px) in a fresh context, closed afterwards."""
    context = new_context(browser, width=375)
    yield context.new_page()
    context.close()


@pytest.fixture
def kiosk(browser: object) -> Iterator[object]:
    """A tab in kiosk mode (as /kiosk/ leaves it), with a clock the test moves on."""
    context = new_context(browser, width=1280, kiosk=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.clock.install()
    yield page
    context.close()


@pytest.fixture(scope="module")
def axe_pages(browser: object) -> Iterator[dict[tuple[int, bool], object]]:
    """One page per width and mode with axe-core, reused by every page kind of a module."""
    with pages_by_width_and_mode(browser) as opened:
        yield opened
