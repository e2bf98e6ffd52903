"""Client addresses behind a proxy: a header counts only when the operator named the proxy."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import httpx
import pytest
from formkit import ROOT, VALID, free_port, running_server, server_env

DOCS = ROOT / "docs/forms-backend.md"


def documented_uvicorn_command() -> list[str]:
    """The ``uvicorn forms_backend.app:app ...`` line of the docs, exactly as written there."""
    (line,) = re.findall(r"^uvicorn forms_backend\.app:app .*$", DOCS.read_text(), re.M)
    return shlex.split(line.split("#")[0])


def commands(port: int) -> dict[str, list[str]]:
    documented = documented_uvicorn_command()
    documented[documented.index("--port") + 1] = str(port)
    return {
        "python -m forms_backend serve": [
            sys.executable, "-m", "forms_backend", "serve", "--port", str(port),
        ],
        "documented uvicorn command": [sys.executable, "-m", *documented],
    }  # fmt: skip


@pytest.mark.parametrize("how", ["python -m forms_backend serve", "documented uvicorn command"])
def test_x_forwarded_for_from_an_unnamed_proxy_does_not_bypass_the_rate_limit(
    tmp_path: Path, built_catalogue: Path, how: str
):
    """Defect (issue 10, item 11): uvicorn trusted X-Forwarded-For from loopback by default."""
    port = free_port()
    env = server_env(
        tmp_path, built_catalogue, FORMS_RATE_LIMIT_PER_MINUTE="1", FORMS_RATE_LIMIT_BURST="3",
        FORMS_BACKGROUND_WORKER="false",
    )  # fmt: skip
    with running_server(commands(port)[how], env, port) as base, httpx.Client() as client:
        statuses = [
            client.post(
                base + "/api/feedback",
                json=VALID["feedback"],
                headers={"X-Forwarded-For": f"203.0.113.{index}"},
            ).status_code
            for index in range(10)
        ]
    assert statuses == [201] * 3 + [429] * 7


def test_a_named_proxy_gives_each_client_its_own_limit_and_forged_hops_do_not_count(
    tmp_path: Path, built_catalogue: Path
):
    port = free_port()
    env = server_env(
        tmp_path, built_catalogue, FORMS_RATE_LIMIT_PER_MINUTE="1", FORMS_RATE_LIMIT_BURST="2",
        FORMS_BACKGROUND_WORKER="false", FORMS_CLIENT_IP_HEADER="X-Forwarded-For",
        FORMS_TRUSTED_PROXIES="127.0.0.0/8, ::1",
    )  # fmt: skip
    command = commands(port)["python -m forms_backend serve"]
    with running_server(command, env, port) as base, httpx.Client() as client:

        def post(forwarded: str) -> int:
            headers = {"X-Forwarded-For": forwarded}
            return client.post(
                base + "/api/feedback", json=VALID["feedback"], headers=headers
            ).status_code

        first = [post("203.0.113.1") for _ in range(3)]
        # A client who writes its own hops in front: the proxy appends the real address last.
        forged = [post(f"198.51.100.{index}, 203.0.113.1") for index in range(3)]
        other = post("203.0.113.2")
    assert first == [201, 201, 429]
    assert forged == [429, 429, 429]
    assert other == 201
