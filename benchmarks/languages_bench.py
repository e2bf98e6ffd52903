"""Languages benchmark: the build in Polish only beside the build in Polish, Ukrainian and
English (issue 13), on the example catalogue and synthetic ones; and the gzip weight of each
language's start page.

Budgets: build time per page in three languages <= 1.3x the Polish-only build per page; the
start page of each language <= 60 KB gzip.

    .venv/bin/python benchmarks/languages_bench.py [--sizes 0 1000]   (0: the example catalogue)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from build_bench import machine_line, measure
from page_weight import START_BUDGET_KB, start_page_weight
from synthetic import synthetic_catalogue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sitekit import EXAMPLE_CONTENT, chromium_executable, serve_folder  # noqa: E402

RATIO_BUDGET = 1.3
POLISH_ONLY = '["pl"]'


def build(content: Path, output: Path, polish_only: bool) -> tuple[float, int]:
    """Seconds of one plain Pelican build and the number of pages it wrote."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
               "-o", str(output), "-q"]  # fmt: skip
    if polish_only:
        command += ["-e", f"CATALOGUE_LANGUAGES={POLISH_ONLY}"]
    seconds, _peak = measure(command)
    return seconds, sum(1 for _ in output.rglob("*.html"))


def start_pages(site: Path) -> dict[str, float]:
    """Gzip KB of each language's start page, as Chromium loads it."""
    from playwright.sync_api import sync_playwright

    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable())
        weights = {
            code: start_page_weight(browser, base, site, path)[0]
            for code, path in (("pl", "/"), ("uk", "/uk/"), ("en", "/en/"))
        }
        browser.close()
    return weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000])
    args = parser.parse_args()
    print(machine_line())
    print("| services | pl only: s | pages | ms/page | pl+uk+en: s | pages | ms/page | "
          f"ratio per page (budget {RATIO_BUDGET}) |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    weights: dict[str, float] = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            content = EXAMPLE_CONTENT if size == 0 else synthetic_catalogue(work / "c", size)
            one, one_pages = build(content, work / "one", polish_only=True)
            three, three_pages = build(content, work / "three", polish_only=False)
            if size == 0:
                weights = start_pages(work / "three")
        per_one, per_three = one / one_pages * 1000, three / three_pages * 1000
        label = "example (64)" if size == 0 else f"{size:,}"
        cells = [label, f"{one:.1f}", f"{one_pages:,}", f"{per_one:.2f}", f"{three:.1f}",
                 f"{three_pages:,}", f"{per_three:.2f}", f"{per_three / per_one:.2f}"]  # fmt: skip
        print("| " + " | ".join(cells) + " |", flush=True)
    if weights:
        print(f"\nStart page, gzip KB (budget {START_BUDGET_KB:.0f}): " + ", ".join(
            f"{code} {kb:.1f}" for code, kb in weights.items()))  # fmt: skip


if __name__ == "__main__":
    main()
