"""Fixtures of the form backend tests: a catalogue built by real Pelican, SMTP, a real app."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from formkit import ROOT, SmtpSink, forms_catalogue, free_port

from forms_backend.app import create_app
from forms_backend.config import Config
from forms_backend.startup import load

if TYPE_CHECKING:
    from starlette.testclient import TestClient


def pytest_configure(config: pytest.Config) -> None:
    """Starlette 1.x prefers httpx2 for its TestClient; httpx is what the project declares."""
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink(free_port())
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture(scope="session")
def forms_site(build_site: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The forms' fixture catalogue built by real Pelican, as the site is built."""
    return build_site(forms_catalogue(tmp_path_factory.mktemp("forms") / "content"))


@pytest.fixture(scope="session")
def built_catalogue(forms_site: Path) -> Path:
    """The ``uslugi.json`` that build wrote: the backend reads nothing else."""
    return forms_site / "uslugi.json"


@pytest.fixture
def make_config(tmp_path: Path, built_catalogue: Path) -> Callable[..., Config]:
    """A checked configuration in a temporary folder, quick retries, rate limit off unless asked."""

    def make(**overrides: object) -> Config:
        settings: dict[str, object] = {
            "database_path": tmp_path / "var" / "forms.db",
            "catalogue_path": built_catalogue,
            "templates_path": ROOT / "themes/cus/templates",
            "translations_path": ROOT / "themes/cus/translations",
            "pelican_settings": ROOT / "pelicanconf.py",
            "mail_from": "formularze@cus.example",
            "mail_to": "wnioski@cus.example",
            "rate_limit_per_minute": 0,
            "retry_base_seconds": 0.05,
            "retry_max_seconds": 0.3,
            "lease_seconds": 2.0,
            "worker_poll_seconds": 0.1,
        }
        return load(Config(**{**settings, **overrides}))[0]

    return make


@pytest.fixture
def make_client(make_config: Callable[..., Config]) -> Iterator[Callable[..., TestClient]]:
    """A real app (with its lifespan and delivery worker) behind Starlette's TestClient."""
    from starlette.testclient import TestClient

    stack = contextlib.ExitStack()

    def make(peer: tuple[str, int] = ("testclient", 50000), **overrides: object) -> TestClient:
        app = create_app(make_config(**overrides))
        return stack.enter_context(TestClient(app, base_url="http://testserver", client=peer))

    with stack:
        yield make
