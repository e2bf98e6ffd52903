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


def wait_port(port: int, timeout: float = 20.0) -> None:
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
    """The processes of one run: the SMTP sink and the app."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.smtp_port, self.app_port = free_port(), free_port()
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
        }
        self.smtp: subprocess.Popen | None = None
        self.app: subprocess.Popen | None = None

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

    def start_app(self, target: str = "forms_backend.app:app") -> None:
        (self.workdir / "peer_app.py").write_text(PEER, encoding="utf-8")
        self.app = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", target, "--port", str(self.app_port),
             "--no-access-log", "--log-level", "warning", "--app-dir", str(self.workdir)],
            env=self.env, cwd=ROOT,
        )  # fmt: skip
        wait_port(self.app_port)

    def kill_app(self) -> None:
        if self.app is not None:
            self.app.send_signal(signal.SIGKILL)
            self.app.wait(timeout=10)
            self.app = None

    def close(self) -> None:
        self.kill_app()
        self.stop_smtp()


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


async def load(run: Run, total: int, clients: int, *, faults_on: bool = True) -> dict:
    """Send every submission until it is acknowledged; inject the faults along the way."""
    next_index = iter(range(total))
    latencies: list[float] = []
    references: dict[int, str] = {}
    retries = 0
    faults: list[str] = []

    async def fault_injector() -> None:
        while len(references) < total // 5:
            await asyncio.sleep(0.01)
        run.stop_smtp()
        faults.append(f"SMTP stopped at {len(references)} accepted")
        while len(references) < 2 * total // 5:
            await asyncio.sleep(0.01)
        run.kill_app()
        faults.append(f"app SIGKILLed at {len(references)} accepted")
        await asyncio.to_thread(run.start_app)
        faults.append("app restarted")
        while len(references) < 3 * total // 5:
            await asyncio.sleep(0.01)
        await asyncio.to_thread(run.start_smtp)
        faults.append(f"SMTP started again at {len(references)} accepted")

    async def client() -> None:
        nonlocal retries
        conn: list = []
        for index in next_index:
            body = json.dumps({
                "service": "zlota-raczka", "name": "Jan Testowy", "phone": "600 123 456",
                "consent": True, "message": f"bench-{index}",
                "idempotency_key": f"bench-{index:08d}",
            }).encode()  # fmt: skip
            while True:
                started = time.perf_counter()
                try:
                    status, payload = await post(run.app_port, conn, body)
                except (OSError, ConnectionError, asyncio.IncompleteReadError, ValueError):
                    if conn:
                        conn[1].close()
                    conn.clear()
                    retries += 1
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

    injector = asyncio.create_task(fault_injector() if faults_on else asyncio.sleep(0))
    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - started
    await injector
    latencies.sort()
    return {
        "references": references,
        "elapsed": elapsed,
        "retries": retries,
        "faults": faults,
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(len(latencies) * 0.99) - 1],
    }


def received(run: Run) -> list[tuple[str, int]]:
    if not run.received.exists():
        return []
    lines = run.received.read_text().splitlines()
    return [(mid, int(index)) for mid, index in (line.split("\t") for line in lines if line)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--drain-timeout", type=float, default=180)
    args = parser.parse_args()
    peer = run_peer(args.submissions, args.clients)
    with tempfile.TemporaryDirectory(prefix="forms-load-") as tmp:
        run = Run(Path(tmp))
        try:
            run.start_smtp()
            run.start_app()
            result = asyncio.run(load(run, args.submissions, args.clients))
            accepted = result["references"]
            expected = {f"<{ref}@cus.example>": index for index, ref in accepted.items()}
            drain_started = time.perf_counter()
            deadline = time.monotonic() + args.drain_timeout
            while time.monotonic() < deadline:
                if set(expected) <= {mid for mid, _ in received(run)}:
                    break
                time.sleep(0.2)
            drain = time.perf_counter() - drain_started
            time.sleep(4)  # let any lease held at the kill expire, so late re-sends are counted
        finally:
            run.close()
        messages = received(run)
    ids_by_index: dict[int, set[str]] = defaultdict(set)
    for mid, index in messages:
        ids_by_index[index].add(mid)
    delivered = {index for index, ids in ids_by_index.items() if ids & set(expected)}
    print(f"machine: nproc={os.cpu_count()} arch={platform.machine()} "
          f"python={platform.python_version()}")  # fmt: skip
    for fault in result["faults"]:
        print(f"fault: {fault}")
    print(f"accepted:   {len(accepted)} of {args.submissions} ({result['retries']} client retries)")
    print(f"delivered:  {len(delivered & set(accepted))}")
    print(f"lost:       {len(set(accepted) - delivered)}")
    distinct = len({m for m, _ in messages})
    print(f"received:   {len(messages)} messages, {distinct} distinct Message-IDs")
    print(f"duplicates after Message-ID dedupe: {sum(len(i) > 1 for i in ids_by_index.values())}")
    print(f"throughput: {len(accepted) / result['elapsed']:.0f} accepted/s over "
          f"{result['elapsed']:.1f} s (including the restart)")  # fmt: skip
    print(f"latency:    p50 {result['p50'] * 1000:.1f} ms, p99 {result['p99'] * 1000:.1f} ms")
    print(f"drain:      {drain:.1f} s after the last acknowledgement")
    throughput = len(accepted) / result["elapsed"]
    peer_throughput = len(peer["references"]) / peer["elapsed"]
    print(
        f"peer (no-op Starlette endpoint under the same uvicorn and clients, no faults): "
        f"{peer_throughput:.0f} req/s, p99 {peer['p99'] * 1000:.1f} ms; ratio backend/peer: "
        f"throughput {throughput / peer_throughput:.2f}, p99 {result['p99'] / peer['p99']:.2f}"
    )


def run_peer(total: int, clients: int) -> dict:
    """The same load against an endpoint that stores and checks nothing: the floor."""
    with tempfile.TemporaryDirectory(prefix="forms-peer-") as tmp:
        run = Run(Path(tmp))
        try:
            run.start_app("peer_app:app")
            return asyncio.run(load(run, total, clients, faults_on=False))
        finally:
            run.close()


if __name__ == "__main__":
    main()
