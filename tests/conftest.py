"""Shared fixtures: real Pelican builds, a real HTTP server on a free port, real Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE_CONTENT = ROOT / "content"
# Record dates are checked against this day in tests, so results do not drift with the calendar.
TEST_TODAY = "2026-11-23"


def run_pelican(
    content: Path, output: Path, settings: Path | None = None, **extra: object
) -> subprocess.CompletedProcess[str]:
    """Plain ``pelican CONTENT -s SETTINGS -o OUTPUT``, as a webmaster would run it."""
    extra.setdefault("CATALOGUE_TODAY", TEST_TODAY)
    command = [
        sys.executable, "-m", "pelican", str(content),
        "-s", str(settings or ROOT / "pelicanconf.py"),
        "-o", str(output),
        "-e", *[f"{key}={json.dumps(value)}" for key, value in extra.items()],
    ]  # fmt: skip
    # Wide enough that Pelican's console log never wraps a problem line.
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)


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


@pytest.fixture(scope="session")
def example_site(build_site: Callable[..., Path]) -> Path:
    """The example catalogue, built with the development settings."""
    return build_site(EXAMPLE_CONTENT)


@pytest.fixture(scope="session")
def mini_site(build_site: Callable[..., Path]) -> Path:
    """A two-service fixture catalogue whose every value the tests know."""
    return build_site(FIXTURES / "mini")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url: str, timeout: float = 20.0) -> None:
    """Poll until the server answers (no fixed sleeps)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server like any web host, without request logs on the console."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site over real HTTP on a free loopback port; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        wait_until_answers(base + "/")
        yield base
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def example_server(example_site: Path) -> Iterator[str]:
    """The example site over HTTP."""
    with serve_folder(example_site) as base:
        yield base


def chromium_executable() -> str | None:
    """CHROMIUM_PATH (set by scripts/test), else a system Chromium, else Playwright's own."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


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
