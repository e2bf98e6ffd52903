"""Per-request cost of the form backend's rate limiter with many clients.

The limiter is filled with distinct clients (all within their refill time, so no bucket is
idle), then timed on requests from clients it has not seen and from clients it knows.
Prints microseconds per request and the number of buckets it holds.

    .venv/bin/python benchmarks/forms_ratelimit.py [--clients 50000 100000] [--requests 2000]
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import platform
import time

from forms_backend.limits import RateLimiter

FIRST = int(ipaddress.IPv4Address("10.0.0.0"))


def address(index: int) -> str:
    """The index-th client address of the run."""
    return str(ipaddress.IPv4Address(FIRST + index))


def per_request_us(limiter: RateLimiter, indexes: range) -> float:
    """Mean microseconds of one ``allow`` over the given clients."""
    addresses = [address(index) for index in indexes]
    started = time.perf_counter()
    for client in addresses:
        limiter.allow(client)
    return (time.perf_counter() - started) / len(addresses) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, nargs="+", default=[50_000, 100_000])
    parser.add_argument("--requests", type=int, default=2_000)
    args = parser.parse_args()
    print(f"machine: nproc={os.cpu_count()} arch={platform.machine()} "
          f"python={platform.python_version()}")  # fmt: skip
    print("clients  buckets  new client µs/request  known client µs/request")
    for clients in args.clients:
        limiter = RateLimiter(per_minute=10, burst=20)  # the defaults, 50,000 clients kept
        for index in range(clients):
            limiter.allow(address(index))
        new = per_request_us(limiter, range(clients, clients + args.requests))
        known = per_request_us(limiter, range(clients - args.requests, clients))
        buckets = len(limiter)
        print(f"{clients:>7}  {buckets:>7}  {new:>21.1f}  {known:>23.1f}")


if __name__ == "__main__":
    main()
