"""Record reading benchmark: ``parse_record`` (event by event, with every node's line and the
checks against anchors, aliases and deep nesting) beside plain ``yaml.load`` with libyaml (no
lines, no checks), on the example records repeated. Prints ms per record and the ratio.

    .venv/bin/python benchmarks/records_bench.py [--rounds 50]
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from cus_catalogue.records import parse_record

ROOT = Path(__file__).resolve().parent.parent


def best_of(texts: list[str], read: Callable[[str], object], repeats: int = 3) -> float:
    """The fastest of ``repeats`` passes over every text, in seconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        for text in texts:
            read(text)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    """Time both readers in the same run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50, help="copies of the example records")
    args = parser.parse_args()
    records = sorted((ROOT / "content").glob("*/*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in records] * args.rounds
    ours = best_of(texts, parse_record)
    plain = best_of(texts, lambda text: yaml.load(text, Loader=yaml.CSafeLoader))
    print(f"{len(texts)} records, {platform.machine()}, Python {platform.python_version()}")
    print(f"parse_record:          {1000 * ours / len(texts):.3f} ms per record")
    print(f"yaml.load (CSafeLoader): {1000 * plain / len(texts):.3f} ms per record")
    print(f"ratio: {ours / plain:.2f}")


if __name__ == "__main__":
    main()
