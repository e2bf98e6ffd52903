"""Build benchmark: `katalog build` on 1,000 and 10,000 synthetic services beside plain Pelican.

Synthetic catalogues repeat the example records under new ids; the peer builds the same number
of equivalent Markdown articles with Pelican's defaults. Prints seconds, ms per service, peak
memory and the ratio. Budget (issue 2): 10,000 services in <= 60 s (<= 6 ms each), <= 1 GB.

    .venv/bin/python benchmarks/build_bench.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from synthetic import synthetic_catalogue

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def markdown_articles(target: Path, size: int) -> Path:
    """The same services as plain Pelican articles: title, summary, description and facts."""
    target.mkdir(parents=True)
    examples = sorted((CONTENT / "services").glob("*.yaml"))
    records = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in examples]
    for index in range(size):
        record = records[index % len(records)]
        body = "\n\n".join(
            [
                record["description"],
                f"**Dla kogo:** {record['eligibility']['text']}",
                f"**Realizator:** {record['provider']}",
                f"**Jednostka:** {record['unit']}",
                record.get("how_to_apply", ""),
            ]
        )
        article = (
            f"Title: {index} {record['name']}\nDate: 2026-01-01\nCategory: uslugi\n"
            f"Tags: {', '.join(record['audiences'])}\nSummary: {record['summary']}\n\n{body}\n"
        )
        (target / f"usluga-{index}.md").write_text(article, encoding="utf-8")
    return target


def measure(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command, run in a fresh child."""
    elapsed, _cpu, peak = measure_cpu(command, cwd)
    return elapsed, peak


def measure_cpu(command: list[str], cwd: Path = ROOT) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, the command and its children) and peak
    resident memory (MB) of one command. CPU time barely moves with the machine's load."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
        "elapsed = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(code, elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, cwd=cwd
    )
    code, elapsed, cpu, peak = output.stdout.split()
    if code != "0":
        raise SystemExit(f"failed: {' '.join(command)}\n{output.stderr}")
    return float(elapsed), float(cpu), float(peak)


def plain_pelican(work: Path, size: int) -> tuple[float, float]:
    """The peer: seconds and peak MB of plain Pelican on ``size`` equivalent articles."""
    elapsed, _cpu, peak = plain_pelican_cpu(work, size)
    return elapsed, peak


def plain_pelican_cpu(work: Path, size: int) -> tuple[float, float, float]:
    """The peer: wall seconds, CPU seconds and peak MB of plain Pelican on ``size`` articles."""
    articles = markdown_articles(work / "articles", size)
    pelican = str(Path(sys.executable).parent / "pelican")
    peer = measure_cpu(
        [pelican, str(articles), "-o", str(work / "peer"), "-q"],
        cwd=work,  # no pelicanconf.py there: Pelican's defaults and its default theme
    )
    pages = sum(1 for _ in (work / "peer").glob("*.html")) - 5  # index, lists
    assert pages >= size, f"plain Pelican wrote {pages} pages for {size}"
    return peer


def assert_pages(site: Path, size: int) -> None:
    """Every service got its page (a build that skipped some would look fast)."""
    pages = sum(1 for _ in (site / "uslugi").glob("*/index.html"))
    assert pages == size, f"{pages} service pages for {size} services"


def machine_line() -> str:
    """The date and machine every table of figures starts with."""
    cores = len(os.sched_getaffinity(0))
    return (
        f"# {time.strftime('%Y-%m-%d')} · {platform.machine()} · {cores} cores · "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    print(machine_line())
    print("| services | katalog build s | ms/service | peak MB | plain Pelican s | ms/article | "
          "peak MB | ratio katalog/Pelican | katalog CPU s | Pelican CPU s | "
          "CPU ratio |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            catalogue = synthetic_catalogue(work / "catalogue", size)
            ours, ours_cpu, ours_mb = measure_cpu(
                [str(bin_dir / "katalog"), "build", str(catalogue), "--output", str(work / "site")]
            )
            assert_pages(work / "site", size)
            peer, peer_cpu, peer_mb = plain_pelican_cpu(work, size)
        print(
            f"| {size:,} | {ours:.1f} | {ours / size * 1000:.2f} | {ours_mb:.0f} | "
            f"{peer:.1f} | {peer / size * 1000:.2f} | {peer_mb:.0f} | {ours / peer:.2f} | "
            f"{ours_cpu:.1f} | {peer_cpu:.1f} | {ours_cpu / peer_cpu:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
