"""Command line: serve, drain the outbox (e.g. on a schedule), purge, requeue dead letters."""

from __future__ import annotations

import argparse
import logging
import sys
import time

from forms_backend import retention, startup, store
from forms_backend.config import Config
from forms_backend.crypto import Sealer, load_or_create_key
from forms_backend.database import OutboxError
from forms_backend.logs import get_logger
from forms_backend.problems import StartupError
from forms_backend.worker import Worker

log = get_logger("forms_backend")


def drain(config: Config, *, forever: bool) -> dict[str, int]:
    """Deliver everything due; with ``forever`` keep polling like the in-app worker."""
    worker = Worker(config, Sealer(load_or_create_key(config.encryption_key, config.database_path)))
    while True:
        try:
            if worker.run_once():
                continue
            pause = min(worker.seconds_until_due(), config.worker_poll_seconds)
        except OutboxError as error:
            if not forever:
                raise
            # The database restarts or the network dropped: a resident's request waits, not lost.
            log.warning("outbox unavailable (%s); trying again", error)
            pause = config.worker_poll_seconds
        if not forever:
            break
        time.sleep(pause)
    worker.purge()
    return store.counts(worker.conn)


def main(argv: list[str] | None = None) -> int:
    """Run one command of the form backend."""
    parser = argparse.ArgumentParser(prog="python -m forms_backend")
    commands = parser.add_subparsers(dest="command", required=True)
    worker = commands.add_parser("worker", help="deliver what is due in the outbox, then exit")
    worker.add_argument("--forever", action="store_true", help="keep running and polling")
    commands.add_parser("requeue-dead", help="retry every dead letter from scratch")
    commands.add_parser("purge", help="delete every copy whose retention period is over")
    serve = commands.add_parser("serve", help="run the app under uvicorn (no access log)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        config, _catalogue = startup.load()
    except StartupError as error:  # every wrong setting in Polish, not a traceback
        print(error, file=sys.stderr)
        return 1
    if args.command == "worker":
        counts = drain(config, forever=args.forever)
        print(" ".join(f"{key}={value}" for key, value in counts.items()))
        return 0
    if args.command == "purge":
        conn = store.connect(config)
        print(f"purged {retention.purge(conn, config)}")
        return 0
    if args.command == "requeue-dead":
        conn = store.connect(config)
        print(f"requeued={store.requeue_dead(conn)}")
        return 0
    import uvicorn

    # The app reads a client address header itself, and only from the proxies the operator named.
    uvicorn.run(
        "forms_backend.app:app",
        host=args.host,
        port=args.port,
        access_log=False,
        proxy_headers=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
