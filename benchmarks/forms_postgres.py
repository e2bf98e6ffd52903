"""The form backend on several machines: PostgreSQL beside SQLite, in the same run.

Per store: two app instances (uvicorn, storing only) and two worker processes
(``python -m forms_backend worker --forever``) on one outbox; 10,000 requests for contact from
100 keep-alive clients on loopback, half to each instance (a client whose instance does not
answer tries the other, as a load balancer would), retrying with the same idempotency key.
Faults: one app instance SIGKILLed at 30 % of the acknowledgements (and started again at once,
as systemd would); for PostgreSQL the database server restarted at 60 % (``pg_ctl restart -m
fast``: every connection dropped). SQLite has no server to restart. PostgreSQL runs durably
(fsync on), as SQLite does (``synchronous=FULL``), as the unprivileged ``postgres`` account.

    .venv/bin/python benchmarks/forms_postgres.py [--submissions 10000] [--clients 100]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from forms_load import Fault, Run, free_port, machine, measure, report

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "forms"))
from pgserver import PostgresServer  # noqa: E402

# Any valid Fernet key: every instance and worker must share it (no key file with PostgreSQL).
KEY = "mYs2dhBqKZ5Yq8tI7lV0F6w9sX3cR1eN4uJ2pA8oQ0E="


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--drain-timeout", type=float, default=300)
    args = parser.parse_args()
    print(machine())
    results = {}
    with tempfile.TemporaryDirectory(prefix="forms-sqlite-") as tmp:
        run = Run(Path(tmp), instances=2, workers=2)
        faults = [Fault(0.3, "app instance 1 SIGKILLed and restarted", run.restart_app)]
        results["SQLite"] = measure(run, args.submissions, args.clients, faults, args.drain_timeout)
    print(machine())
    with PostgresServer(free_port()) as server, tempfile.TemporaryDirectory() as tmp:
        server.create_database("forms")
        store = {"FORMS_DATABASE_URL": server.url("forms"), "FORMS_ENCRYPTION_KEY": KEY}
        run = Run(Path(tmp), instances=2, workers=2, store=store)
        faults = [
            Fault(0.3, "app instance 1 SIGKILLed and restarted", run.restart_app),
            Fault(0.6, "PostgreSQL restarted", server.restart),
        ]
        results["PostgreSQL"] = measure(
            run, args.submissions, args.clients, faults, args.drain_timeout
        )
    for name, result in results.items():
        report(f"{name}: 2 app instances, 2 workers", result, args.submissions)
    sqlite, postgres = results["SQLite"], results["PostgreSQL"]
    print(
        f"ratio PostgreSQL/SQLite: throughput {postgres['throughput'] / sqlite['throughput']:.2f},"
        f" p99 {postgres['p99'] / sqlite['p99']:.2f}"
    )
    print(machine())


if __name__ == "__main__":
    main()
