"""Load and fault benchmark of the form backend.

5,000 applications from 50 concurrent clients on loopback against the real app under uvicorn,
with the SMTP server stopped for part of the run and the app SIGKILLed and restarted once.
Clients retry a failed request with the same idempotency key, as the form's script does.
Prints accepted, delivered, lost, duplicates (after Message-ID dedupe), throughput and p99.

    .venv/bin/python benchmarks/forms_load.py [--submissions 5000] [--clients 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINK = r"""
import email, email.policy, re, signal, sys, threading
from aiosmtpd.controller import Controller
out = open(sys.argv[2], "a", buffering=1)
class Handler:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        index = re.search(r"bench-(\d+)", message.get_content()).group(1)
        out.write(f"{message['Message-ID']}\t{index}\n")
        return "250 OK"
controller = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *a: stop.set())
stop.wait()
controller.stop()
"""
PEER = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
async def accept(request):
    await request.json()
    return JSONResponse({"reference": "X-0000-0000"}, status_code=201)
app = Starlette(routes=[Route("/api/applications", accept, methods=["POST"])])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nothing listens on {port}")


def built_catalogue(output: Path) -> Path:
    """The backend reads what the build writes: build the mini fixture catalogue once."""
    command = [sys.executable, "-m", "pelican", str(ROOT / "tests/fixtures/mini"),
               "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), "-q"]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return output / "uslugi.json"


class Run:
    """The processes of one run: the SMTP sink, the app instances and any worker processes."""

    def __init__(
        self, workdir: Path, *, instances: int = 1, workers: int = 0, store: dict | None = None
    ) -> None:
        self.workdir = workdir
        self.smtp_port = free_port()
        self.app_ports = [free_port() for _ in range(instances)]
        self.received = workdir / "received.tsv"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("FORMS_")},
            "FORMS_DATABASE_PATH": str(workdir / "forms.db"),
            "FORMS_CATALOGUE_PATH": str(built_catalogue(workdir / "site")),
            "FORMS_SMTP_HOST": "127.0.0.1",
            "FORMS_SMTP_PORT": str(self.smtp_port),
            "FORMS_MAIL_FROM": "formularze@cus.example",
            "FORMS_RATE_LIMIT_PER_MINUTE": "0",
            "FORMS_RETRY_BASE_SECONDS": "0.2",
            "FORMS_RETRY_MAX_SECONDS": "2",
            "FORMS_LEASE_SECONDS": "3",
            # Separate worker processes deliver; the app instances only store.
            "FORMS_BACKGROUND_WORKER": "false" if workers else "true",
            **(store or {}),
        }
        self.workers_wanted = workers
        self.smtp: subprocess.Popen | None = None
        self.apps: list[subprocess.Popen | None] = [None] * instances
        self.workers: list[subprocess.Popen] = []

    def start_smtp(self) -> None:
        self.smtp = subprocess.Popen(
            [sys.executable, "-c", SINK, str(self.smtp_port), str(self.received)], env=self.env
        )
        wait_port(self.smtp_port)

    def stop_smtp(self) -> None:
        if self.smtp is not None:
            self.smtp.terminate()
            self.smtp.wait(timeout=10)
            self.smtp = None

    def start_app(self, index: int = 0, target: str = "forms_backend.app:app") -> None:
        (self.workdir / "peer_app.py").write_text(PEER, encoding="utf-8")
        self.apps[index] = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", target, "--port", str(self.app_ports[index]),
             "--no-access-log", "--log-level", "warning", "--app-dir", str(self.workdir)],
            env=self.env, cwd=ROOT,
        )  # fmt: skip
        wait_port(self.app_ports[index])

    def kill_app(self, index: int = 0) -> None:
        app = self.apps[index]
        if app is not None:
            app.send_signal(signal.SIGKILL)
            app.wait(timeout=10)
            self.apps[index] = None

    def restart_app(self, index: int = 0) -> None:
        """SIGKILL one instance, then start it again at once (as systemd would)."""
        self.kill_app(index)
        self.start_app(index)

    def start(self, target: str = "forms_backend.app:app") -> None:
        """The app instances, then the worker processes."""
        for index in range(len(self.apps)):
            self.start_app(index, target)
        for _ in range(self.workers_wanted):
            command = [sys.executable, "-m", "forms_backend", "worker", "--forever"]
            self.workers.append(
                subprocess.Popen(command, env=self.env, cwd=ROOT, stderr=subprocess.DEVNULL)
            )

    def close(self) -> None:
        for index in range(len(self.apps)):
            self.kill_app(index)
        for worker in self.workers:
            worker.kill()
            worker.wait(timeout=10)
        self.stop_smtp()


@dataclass(frozen=True)
class Fault:
    """Something done to the system once this share of the submissions was acknowledged."""

    at: float
    what: str
    action: Callable[[], None]


async def post(port: int, conn: list, body: bytes) -> tuple[int, bytes]:
    """One HTTP/1.1 request on a kept-alive connection (a tiny client keeps the CPU for the app)."""
    if not conn:
        conn.extend(await asyncio.open_connection("127.0.0.1", port))
    reader, writer = conn
    writer.write(
        b"POST /api/applications HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return int(status_line.split()[1]), await reader.readexactly(length)


async def load(run: Run, total: int, clients: int, faults: Sequence[Fault] = ()) -> dict:
    """Send every submission until it is acknowledged; inject the faults along the way.

    Client ``n`` talks to instance ``n mod instances``; when its instance does not answer it
    tries the next one, as a load balancer would.
    """
    next_index = iter(range(total))
    latencies: list[float] = []
    references: dict[int, str] = {}
    retries = 0
    done: list[str] = []

    async def fault_injector() -> None:
        actions = []  # a slow fault (a restart on a busy machine) does not delay the next one
        for fault in faults:
            while len(references) < fault.at * total:
                await asyncio.sleep(0.01)
            done.append(f"{fault.what} at {len(references)} accepted")
            actions.append(asyncio.create_task(asyncio.to_thread(fault.action)))
        await asyncio.gather(*actions)

    async def client(number: int) -> None:
        nonlocal retries
        conn: list = []
        instance = number % len(run.app_ports)
        for index in next_index:
            body = json.dumps({
                "service": "zlota-raczka", "name": "Jan Testowy", "phone": "600 123 456",
                "consent": True, "message": f"bench-{index}",
                "idempotency_key": f"bench-{index:08d}",
            }).encode()  # fmt: skip
            while True:
                started = time.perf_counter()
                try:
                    status, payload = await post(run.app_ports[instance], conn, body)
                except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
                    if conn:
                        conn[1].close()
                    conn.clear()
                    retries += 1
                    instance = (instance + 1) % len(run.app_ports)
                    await asyncio.sleep(0.05)
                    continue
                if status == 201:
                    latencies.append(time.perf_counter() - started)
                    references[index] = json.loads(payload)["reference"]
                    break
                retries += 1
                await asyncio.sleep(0.05)
        if conn:
            conn[1].close()

    injector = asyncio.create_task(fault_injector())
    started = time.perf_counter()
    await asyncio.gather(*(client(number) for number in range(clients)))
    elapsed = time.perf_counter() - started
    await injector
    latencies.sort()
    return {
        "references": references,
        "elapsed": elapsed,
        "retries": retries,
        "faults": done,
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(len(latencies) * 0.99) - 1],
    }


def received(run: Run) -> list[tuple[str, int]]:
    if not run.received.exists():
        return []
    lines = run.received.read_text().splitlines()
    return [(mid, int(index)) for mid, index in (line.split("\t") for line in lines if line)]


def measure(run: Run, total: int, clients: int, faults: Sequence[Fault], drain_timeout: float):
    """Start the run, load it, wait for the outbox to drain; count what arrived, and how often."""
    try:
        run.start_smtp()
        run.start()
        result = asyncio.run(load(run, total, clients, faults))
        accepted = result["references"]
        expected = {f"<{ref}@cus.example>" for ref in accepted.values()}
        drain_started = time.perf_counter()
        deadline = time.monotonic() + drain_timeout
        while time.monotonic() < deadline:
            if expected <= {mid for mid, _ in received(run)}:
                break
            time.sleep(0.2)
        result["drain"] = time.perf_counter() - drain_started
        time.sleep(4)  # let any lease held at a fault expire, so late re-sends are counted
    finally:
        run.close()
    messages = received(run)
    ids_by_index: dict[int, set[str]] = defaultdict(set)
    for mid, index in messages:
        ids_by_index[index].add(mid)
    delivered = {index for index, ids in ids_by_index.items() if ids & expected}
    result.update(
        accepted=len(accepted),
        delivered=len(delivered & set(accepted)),
        lost=len(set(accepted) - delivered),
        received=len(messages),
        distinct=len({mid for mid, _ in messages}),
        duplicates=sum(len(ids) > 1 for ids in ids_by_index.values()),
        throughput=len(accepted) / result["elapsed"],
    )
    return result


def report(name: str, result: dict, total: int) -> None:
    """The figures of one run, one a line."""
    print(f"== {name}")
    for fault in result["faults"]:
        print(f"fault:      {fault}")
    print(f"accepted:   {result['accepted']} of {total} ({result['retries']} client retries)")
    print(f"delivered:  {result['delivered']}")
    print(f"lost:       {result['lost']}")
    print(f"received:   {result['received']} messages, {result['distinct']} distinct Message-IDs")
    print(f"duplicates after Message-ID dedupe: {result['duplicates']}")
    print(f"throughput: {result['throughput']:.0f} accepted/s over {result['elapsed']:.1f} s "
          "(including the faults)")  # fmt: skip
    print(f"latency:    p50 {result['p50'] * 1000:.1f} ms, p99 {result['p99'] * 1000:.1f} ms")
    print(f"drain:      {result['drain']:.1f} s after the last acknowledgement")


def machine() -> str:
    """What the figures were measured on; the machine is shared, so its load too."""
    load_1, load_5, _ = os.getloadavg()
    return (f"machine: {time.strftime('%Y-%m-%d')} arch={platform.machine()} "
            f"nproc={os.cpu_count()} python={platform.python_version()} "
            f"load average {load_1:.1f} (1 min) {load_5:.1f} (5 min)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--drain-timeout", type=float, default=180)
    args = parser.parse_args()
    print(machine())
    peer = run_peer(args.submissions, args.clients)
    with tempfile.TemporaryDirectory(prefix="forms-load-") as tmp:
        run = Run(Path(tmp))
        faults = [
            Fault(0.2, "SMTP stopped", run.stop_smtp),
            Fault(0.4, "app SIGKILLed and restarted", run.restart_app),
            Fault(0.6, "SMTP started again", run.start_smtp),
        ]
        result = measure(run, args.submissions, args.clients, faults, args.drain_timeout)
    report("form backend (SQLite), with faults", result, args.submissions)
    print(
        f"peer (no-op Starlette endpoint under the same uvicorn and clients, no faults): "
        f"{peer['throughput']:.0f} req/s, p99 {peer['p99'] * 1000:.1f} ms; ratio backend/peer: "
        f"throughput {result['throughput'] / peer['throughput']:.2f}, "
        f"p99 {result['p99'] / peer['p99']:.2f}"
    )
    print(machine())


def run_peer(total: int, clients: int) -> dict:
    """The same load against an endpoint that stores and checks nothing: the floor."""
    with tempfile.TemporaryDirectory(prefix="forms-peer-") as tmp:
        run = Run(Path(tmp))
        try:
            run.start("peer_app:app")
            result = asyncio.run(load(run, total, clients))
        finally:
            run.close()
    return result | {"throughput": len(result["references"]) / result["elapsed"]}


if __name__ == "__main__":
    main()
