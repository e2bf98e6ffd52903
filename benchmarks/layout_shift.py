"""Cumulative layout shift of every page kind, desktop, mobile and kiosk (budget 0.05, issue 10).

Headless Chromium records ``layout-shift`` entries (PerformanceObserver) from the first paint;
CLS is the largest session window, as web-vitals and Lighthouse count it. Two conditions:

- ``throttled``: Lighthouse's network profiles through the DevTools protocol (mobile: slow 4G,
  150 ms round trip, 1.6 Mbit/s, CPU 4x slower; desktop and kiosk: 40 ms, 10 Mbit/s);
- ``scripts late``: every script file held until the first paint, the worst case of a slow
  phone (what tests/test_layout_shift.py asserts).

Usage: python benchmarks/layout_shift.py [--site BUILT_SITE] [--runs 1]
(without --site the example catalogue is built into a temporary folder first).
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from a11y_support import PAGE_KINDS, new_context, settle  # noqa: E402
from layout_shift import ScriptsAfterFirstPaint, cls, culprits, record, shifts  # noqa: E402
from layout_shift import throttle as throttle_page  # noqa: E402
from pagekit import example_site_in_chromium  # noqa: E402

BUDGET = 0.05
# profile -> viewport width, kiosk mode, network profile, CPU slowdown
PROFILES = {
    "desktop": (1280, False, "desktop", 1),
    "mobile": (375, False, "mobile", 4),
    "kiosk": (1280, True, "desktop", 1),
}
CONDITIONS = ("throttled", "scripts late")


def measure(browser: object, base: str, profile: str, condition: str) -> dict[str, tuple]:
    """CLS and the biggest shift of every page kind under one profile and condition."""
    width, kiosk, network, cpu = PROFILES[profile]
    # Not is_mobile: Chromium's mobile emulation marks every shift as after input.
    context = new_context(browser, width=width, kiosk=kiosk)
    record(context)
    figures = {}
    for kind, url in PAGE_KINDS.items():
        page = context.new_page()
        if condition == "throttled":
            throttle_page(page, network, cpu)
            page.goto(base + url)
        else:
            ScriptsAfterFirstPaint(page).goto(base + url)
        settle(page, kiosk=kiosk or kind == "kiosk")
        page.wait_for_load_state("networkidle")
        entries = shifts(page)
        page.close()
        figures[kind] = (cls(entries), (culprits(entries) or [""])[0])
    context.close()
    return figures


def main() -> int:
    """Build (or take) the site, measure every page kind, print a table beside the budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site")
    parser.add_argument("--runs", type=int, default=1, help="runs per figure (the worst is kept)")
    args = parser.parse_args()
    results: dict[tuple[str, str], dict[str, tuple]] = {}
    with example_site_in_chromium(args.site) as (_site, base, browser):
        for condition in CONDITIONS:
            for profile in PROFILES:
                for _run in range(args.runs):
                    figures = measure(browser, base, profile, condition)
                    worst = results.setdefault((condition, profile), figures)
                    for kind, figure in figures.items():
                        worst[kind] = max(worst[kind], figure)
        version = browser.version
    print(
        f"machine: {platform.machine()}, {platform.processor() or platform.system()}, "
        f"Python {platform.python_version()}, Chromium {version}; budget CLS <= {BUDGET}"
    )
    worst_of_all = 0.0
    for condition in CONDITIONS:
        print(f"\n{condition}: " + " | ".join(PROFILES))
        for kind in PAGE_KINDS:
            row = [results[(condition, profile)][kind] for profile in PROFILES]
            worst_of_all = max([worst_of_all, *(value for value, _ in row)])
            cells = " | ".join(f"{value:.3f}" for value, _ in row)
            moved = max(row)[1]
            print(f"  {kind:24} {cells}" + (f"   ({moved})" if moved else ""))
    print(f"\nworst: {worst_of_all:.3f}")
    return 0 if worst_of_all <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
