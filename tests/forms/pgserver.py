"""A throwaway PostgreSQL server on loopback, for the tests and the forms benchmark.

It is Debian's ``postgresql`` package (``scripts/lib/environment.sh`` installs it). The server
refuses to run as root, so under root it runs as the ``postgres`` account the package
creates; its data folder and socket live in a fresh temporary folder owned by that account.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

SERVER_ACCOUNT = "postgres"
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
# Only for tests: what a crash of the server would lose is not what they check.
NOT_DURABLE = " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def binaries() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: on PATH, or Debian's newest version."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(DEBIAN_BINARIES.glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not versions:
        raise RuntimeError(
            "PostgreSQL is not installed. Run ./scripts/test (it installs Debian's postgresql "
            "package) or: apt-get install postgresql"
        )
    return versions[-1].parent


class PostgresServer:
    """initdb, start, restart and stop a server that listens on 127.0.0.1 only."""

    def __init__(self, port: int, *, durable: bool = True) -> None:
        self.port = port
        self.bin = binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="forms-pg-"))
        self.data = self.folder / "data"
        self.options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self.options += "" if durable else NOT_DURABLE
        if os.geteuid() == 0:
            shutil.chown(self.folder, SERVER_ACCOUNT, SERVER_ACCOUNT)

    def _run(self, program: str, *args: str) -> None:
        """Run a server program as the unprivileged account; fail with its own words."""
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_ACCOUNT, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stdout}{result.stderr}")

    def start(self) -> None:
        """Create the cluster on first start, then start the server and wait until it accepts."""
        if not self.data.exists():
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--no-locale", "--no-sync")  # fmt: skip
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data),
                  "-l", str(self.folder / "server.log"), "-o", self.options)  # fmt: skip

    def restart(self) -> None:
        """Stop (closing every client's connection) and start again, as an operator would."""
        self._run("pg_ctl", "restart", "-w", "-t", "60", "-m", "fast", "-D", str(self.data),
                  "-l", str(self.folder / "server.log"), "-o", self.options)  # fmt: skip

    def stop(self) -> None:
        """Stop the server; the folder stays until ``close``."""
        self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data))

    def url(self, database: str = "postgres") -> str:
        """The address of a database of this server."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its address."""
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_schema(self, database: str, name: str) -> str:
        """A new empty schema, cheaper than a database; its address puts it first on the path."""
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return f"{self.url(database)}?options=-csearch_path%3D{name}"

    def close(self) -> None:
        """Stop the server if it runs and delete its folder."""
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
