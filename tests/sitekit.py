"""Test helpers shared by many modules: real Pelican builds, a real HTTP server, Chromium."""

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
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

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


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url: str, timeout: float = 20.0) -> None:
    """Poll until the server answers (no fixed sleeps)."""
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


class QuietServer(http.server.ThreadingHTTPServer):
    """A browser that leaves a page mid-download (a busy machine, a new navigation) closes the
    connection: normal for a web host, so no traceback on the console for it."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve a built site over real HTTP on a free loopback port; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        wait_until_answers(base + "/")
        yield base
    finally:
        server.shutdown()
        server.server_close()


def chromium_executable() -> str | None:
    """CHROMIUM_PATH (set by scripts/test), else a system Chromium, else Playwright's own."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def run_katalog(*args: str) -> subprocess.CompletedProcess[str]:
    """The ``katalog`` command as a person runs it, from the project folder."""
    return subprocess.run(
        [sys.executable, "-m", "katalog", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def settings_with_feature(
    site: Path, module: str, source: str, feature: str, extra: str = ""
) -> Path:
    """A site's settings file whose own feature (``CATALOGUE_EXTRA_FEATURES``) is class
    ``feature`` of ``source``, written as ``site_features/<module>.py`` under ``site``."""
    (site / "site_features").mkdir(parents=True)
    (site / "site_features" / "__init__.py").write_text("", encoding="utf-8")
    (site / "site_features" / f"{module}.py").write_text(source, encoding="utf-8")
    conf = site / "siteconf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nsys.path.insert(0, {str(site)!r})\n"
        "from pelicanconf import *\n"
        f"CATALOGUE_EXTRA_FEATURES = ['site_features.{module}:{feature}']\n"
        f"CATALOGUE_TODAY = {TEST_TODAY!r}\n{extra}",
        encoding="utf-8",
    )
    return conf


def validate_with_data(data: Path, settings: Path) -> str:
    """``katalog validate`` of the mini catalogue with another data folder (settings written
    to ``settings``); its output, after checking that it failed without a traceback."""
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"CATALOGUE_DATA_PATH = {str(data)!r}\n",
        encoding="utf-8",
    )
    result = run_katalog("validate", str(ROOT / "tests/fixtures/mini"), "--settings", str(settings))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    return output
