"""Fixtures of the form backend tests: a catalogue built by real Pelican, SMTP, a real app."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.fernet import Fernet
from formkit import ROOT, SmtpSink, forms_catalogue, free_port
from pgserver import PostgresServer

from forms_backend.app import create_app
from forms_backend.config import Config
from forms_backend.startup import load

if TYPE_CHECKING:
    from starlette.testclient import TestClient


SCHEMAS = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    """Starlette 1.x prefers httpx2 for its TestClient; httpx is what the project declares."""
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
    config.addinivalue_line("markers", "stores(*names): run the test once per outbox store")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``stores`` (or in a marked module) runs against each store it names."""
    marker = metafunc.definition.get_closest_marker("stores")
    if marker is not None and "outbox" in metafunc.fixturenames:
        metafunc.parametrize("outbox", marker.args, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (per xdist worker), started on first use."""
    with PostgresServer(free_port(), durable=False) as server:
        server.create_database("forms")
        yield server


@pytest.fixture(scope="session")
def shared_key() -> str:
    """The key every instance sharing a PostgreSQL outbox is given (no key file)."""
    return Fernet.generate_key().decode()


@pytest.fixture
def outbox(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    """Where this test's outbox lives: an SQLite file, or a fresh schema in PostgreSQL."""
    settings: dict[str, Any] = {"database_path": tmp_path / "var" / "forms.db"}
    if getattr(request, "param", "sqlite") == "postgresql":
        server = request.getfixturevalue("postgres_server")
        settings["database_url"] = server.create_schema("forms", f"test_{next(SCHEMAS)}")
        settings["encryption_key"] = request.getfixturevalue("shared_key")
    return settings


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
def make_config(outbox: dict[str, Any], built_catalogue: Path) -> Callable[..., Config]:
    """A checked configuration of this test's outbox, quick retries, rate limit off unless asked."""

    def make(**overrides: object) -> Config:
        settings: dict[str, object] = {
            **outbox,
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
