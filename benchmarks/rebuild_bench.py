"""Rebuild benchmark (issue 17): a full build beside rebuilds from the cache of the one before,
after one record changes and after a template changes, on synthetic catalogues.

Every build runs `katalog build` in a fresh process (as `katalog serve` does); the last
rebuild is compared file by file with the full build of the same sources, so a fast but stale
rebuild cannot pass. Budget at 100,000 services: one record <= 10 s, a template <= the full build.

    .venv/bin/python benchmarks/rebuild_bench.py [--sizes 1000] [--cached-only]
        [--edits record template]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="skip the build without a cache and the closing comparison with it: at 100,000"
        " services each takes over an hour and 14 GB (build_bench.py measures that build;"
        " tests/test_incremental.py checks the rebuilt bytes)",
    )
    parser.add_argument(
        "--edits",
        nargs="+",
        choices=["record", "template"],
        default=["record", "template"],
        help="which rebuilds follow the cache-filling build: at 100,000 services each takes"
        " over half an hour, so one can be measured on its own",
    )
    args = parser.parse_args()
    print(machine_line())
    print("| services | build | wall s | CPU s | peak MB |")
    print("|---:|---|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
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
            cached = [*build, "--output", str(work / "site"), "--cache", str(work / "cache")]
            service = sorted((catalogue / "services").glob("*.yaml"))[size // 2]
            base = theme / "templates" / "base.html"
            full = ("full, no cache", [*build, "--output", str(work / "full")], None)
            steps = [
                *([] if args.cached_only else [full]),
                ("first, filling the cache", cached, None),
                *(
                    [("one record changed", cached, (service, "\nname: ", "\nname: Nowa "))]
                    if "record" in args.edits
                    else []
                ),
                *(
                    [("a template changed", cached, (base, "</html>", "</html>\n<!-- -->"))]
                    if "template" in args.edits
                    else []
                ),
            ]
            for label, command, change in steps:
                if change:
                    edit(*change)
                elapsed, cpu, peak = measure_cpu(command)
                print(
                    f"| {size:,} | {label} | {elapsed:.1f} | {cpu:.1f} | {peak:.0f} |", flush=True
                )
            assert_pages(work / "site", size)
            if args.cached_only:
                continue
            measure_cpu([*build, "--output", str(work / "full")])
            stale = differing(work / "site", work / "full")
            assert not stale, f"the rebuild differs from a full build: {stale[:10]}"


def edit(path: Path, old: str, new: str) -> None:
    """One change between two builds, as a volunteer or a designer would make it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


if __name__ == "__main__":
    main()
