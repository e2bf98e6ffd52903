"""Issue 10 item 24: nothing moves under the finger while a page loads (CLS <= 0.05).

Every script file is held until the browser has painted the server's HTML, as on a slow phone,
so a script that adds or shows something above the content is caught whatever the machine's
speed. Figures with a throttled network: benchmarks/layout_shift.py, docs/performance.md.
"""

from __future__ import annotations

import pytest
from a11y_support import PAGE_KINDS, new_context, settle
from layout_shift import ScriptsAfterFirstPaint, cls, culprits, record, shifts

pytestmark = pytest.mark.browser

BUDGET = 0.05
PROFILES = {"desktop": (1280, False), "mobile": (375, False), "kiosk": (1280, True)}


def layout_shift_of(context, url: str, kiosk: bool) -> tuple[float, list[str]]:
    """CLS of one page load whose scripts run after the first paint, and what moved."""
    page = context.new_page()
    ScriptsAfterFirstPaint(page).goto(url)
    settle(page, kiosk=kiosk)
    entries = shifts(page)
    page.close()
    return cls(entries), culprits(entries)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_no_page_kind_moves_while_its_scripts_start(browser, example_server, profile):
    """Defect: reading-aids.js showed its bar after load (every page moved down 52 px),
    kiosk.js inserted its toolbar at the top, and search results pushed the footer."""
    width, kiosk = PROFILES[profile]
    context = new_context(browser, width=width, kiosk=kiosk)
    record(context)
    moved = []
    for kind, url in PAGE_KINDS.items():
        value, what = layout_shift_of(context, example_server + url, kiosk or kind == "kiosk")
        if value > BUDGET:
            moved.append(f"{kind} {url}: CLS {value:.3f}; {what[:2]}")
    context.close()
    assert moved == []


def test_switched_on_reading_aids_and_crisis_numbers_do_not_move_the_page(browser, example_server):
    context = new_context(browser, width=375)
    context.add_init_script(
        "localStorage.setItem('cus-text', 'large'); localStorage.setItem('cus-contrast', 'high');"
    )
    record(context)
    for url in ("/", "/uslugi/zlota-raczka/", "/szukaj/?q=przemoc"):
        value, what = layout_shift_of(context, example_server + url, kiosk=False)
        assert value <= BUDGET, (url, value, what)
    context.close()
