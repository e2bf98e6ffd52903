"""Rebuild benchmark (issue 17): a full build beside rebuilds from the cache of the one before,
after one record changes and after a template changes, on synthetic catalogues.

Every build runs `katalog build` in a fresh process (as `katalog serve` does); the last
rebuild is compared file by file with the full build of the same sources, so a fast but stale
rebuild cannot pass. Budget at 100,000 services: one record <= 10 s, a template <= the full build.

    .venv/bin/python benchmarks/rebuild_bench.py [--sizes 1000]
        [--steps full fill record template]
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
import tempfile
from pathlib import Path

from build_bench import assert_pages, machine_line, measure_cpu
from synthetic import synthetic_catalogue

ROOT = Path(__file__).resolve().parent.parent
KATALOG = str(Path(sys.executable).parent / "katalog")


def differing(left: Path, right: Path) -> list[str]:
    """Files present in one folder only, or with other bytes (recursively)."""
    compared = filecmp.dircmp(left, right)
    found = compared.left_only + compared.right_only + compared.diff_files
    found += [
        name
        for name in compared.common_files
        if not filecmp.cmp(left / name, right / name, shallow=False)
    ]
    for name in compared.common_dirs:
        found += [f"{name}/{item}" for item in differing(left / name, right / name)]
    return sorted(set(found))


STEPS = ["full", "fill", "record", "template"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument(
        "--steps",
        nargs="+",
        choices=STEPS,
        default=STEPS,
        help="which builds run, in this order: the build without a cache (the peer), the one"
        " filling the cache, the rebuilds after a record and a template edit; at 100,000"
        " services each takes over half an hour, so some can be measured on their own. The"
        " last cached build is compared with a full build of the same sources when 'full' ran too",
    )
    args = parser.parse_args()
    print(machine_line())
    print("| services | build | wall s | CPU s | peak MB |")
    print("|---:|---|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            measure_size(Path(tmp), size, args.steps)


def measure_size(work: Path, size: int, chosen: list[str]) -> None:
    """The chosen builds of one synthetic catalogue of ``size`` services, in ``work``."""
    catalogue = synthetic_catalogue(work / "catalogue", size)
    theme = work / "theme"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    settings = work / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"THEME = {str(theme)!r}\n",
        encoding="utf-8",
    )
    build = [KATALOG, "build", str(catalogue), "--settings", str(settings)]
    full = [*build, "--output", str(work / "full")]
    cached = [*build, "--output", str(work / "site"), "--cache", str(work / "cache")]
    service = sorted((catalogue / "services").glob("*.yaml"))[size // 2]
    base = theme / "templates" / "base.html"
    steps = {
        "full": ("full, no cache", full, None),
        "fill": ("first, filling the cache", cached, None),
        "record": ("one record changed", cached, (service, "\nname: ", "\nname: Nowa ")),
        "template": ("a template changed", cached, (base, "</html>", "</html>\n<!-- -->")),
    }
    for step in [step for step in STEPS if step in chosen]:
        label, command, change = steps[step]
        if change:
            edit(*change)
        elapsed, cpu, peak = measure_cpu(command)
        print(f"| {size:,} | {label} | {elapsed:.1f} | {cpu:.1f} | {peak:.0f} |", flush=True)
    if {"fill", "record", "template"} & set(chosen):
        assert_pages(work / "site", size)
    if "full" in chosen and {"fill", "record", "template"} & set(chosen):
        if {"record", "template"} & set(chosen):
            measure_cpu(full)  # the same sources as the last rebuild
        stale = differing(work / "site", work / "full")
        assert not stale, f"the rebuild differs from a full build: {stale[:10]}"


def edit(path: Path, old: str, new: str) -> None:
    """One change between two builds, as a volunteer or a designer would make it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


if __name__ == "__main__":
    main()
