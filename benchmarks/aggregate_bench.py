"""Regional build benchmark: `katalog aggregate` of synthetic centres beside plain Pelican.

Each centre is a synthetic catalogue (benchmarks/synthetic.py, every centre with the same
record ids, so every id collides and is prefixed); the peer builds the same number of
equivalent Markdown articles with Pelican's defaults. Prints seconds, ms per service, peak
memory and the ratio. Budget (issue 17): 100,000 services across 50 centres in <= 300 s,
<= 2 GB.

    .venv/bin/python benchmarks/aggregate_bench.py [--runs 2000x5 10000x10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from build_bench import assert_pages, machine_line, measure, plain_pelican
from synthetic import synthetic_catalogue

CENTRE = (
    "name: Centrum Usług Społecznych {n}\nphone: +48 91 000 00 {n:02d}\nemail: cus{n}@example.org\n"
)


def region(target: Path, size: int, centres: int) -> Path:
    """``centres`` content folders of ``size / centres`` services each, and their region."""
    (target / "region" / "centres").mkdir(parents=True)
    for number in range(centres):
        synthetic_catalogue(target / f"centre-{number}", size // centres)
        text = CENTRE.format(n=number) + f"content: ../centre-{number}\n"
        (target / "region" / "centres" / f"c{number}.yaml").write_text(text, encoding="utf-8")
    return target / "region"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", nargs="+", default=["2000x5", "10000x10"])
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    print(machine_line())
    print("| services | centres | katalog aggregate s | ms/service | peak MB | plain Pelican s | "
          "peak MB | ratio aggregate/Pelican |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run in args.runs:
        size, centres = (int(part) for part in run.split("x"))
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            folder = region(work, size, centres)
            command = [str(bin_dir / "katalog"), "aggregate", str(folder), "-o", str(work / "site")]
            ours, ours_mb = measure(command)
            assert_pages(work / "site", size)
            peer, peer_mb = plain_pelican(work, size)
        print(
            f"| {size:,} | {centres} | {ours:.1f} | {ours / size * 1000:.2f} | {ours_mb:.0f} | "
            f"{peer:.1f} | {peer_mb:.0f} | {ours / peer:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
