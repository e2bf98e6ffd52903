"""Fixtures of the form backend tests: a small catalogue, a real SMTP server, a real app."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from formkit import ROOT, SmtpSink, free_port, write_catalogue

from forms_backend.app import create_app
from forms_backend.config import Config

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


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_catalogue(tmp_path / "content")


@pytest.fixture
def make_config(tmp_path: Path, content: Path) -> Callable[..., Config]:
    """A configuration in a temporary folder, quick retries, rate limit off unless asked."""

    def make(**overrides: object) -> Config:
        base = Config(
            database_path=tmp_path / "var" / "forms.db",
            content_path=content,
            templates_path=ROOT / "themes/cus/templates",
            translations_path=ROOT / "themes/cus/translations",
            pelican_settings=ROOT / "pelicanconf.py",
            mail_from="formularze@cus.example",
            mail_to="wnioski@cus.example",
            rate_limit_per_minute=0,
            retry_base_seconds=0.05,
            retry_max_seconds=0.3,
            lease_seconds=2.0,
            worker_poll_seconds=0.1,
        )
        return dataclasses.replace(base, **overrides)

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
