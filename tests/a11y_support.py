"""Shared parts of the accessibility, kiosk and offline tests: axe-core, page kinds, servers."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sitekit import ROOT, free_port, wait_until_answers

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (375, 1280)
KIOSK_FLAG = "sessionStorage.setItem('cus-kiosk', '1');"

# One page of every kind of the site contract (ids are records of the example catalogue).
PAGE_KINDS = {
    "start": "/",
    "service": "/uslugi/zlota-raczka/",
    "provider": "/realizatorzy/cus-przykladowo/",
    "browse index": "/dla/",
    "browse list": "/dla/seniorzy/",
    "areas index": "/obszary/",
    "area list": "/obszary/pomoc-spoleczna/",
    "A–Z": "/uslugi/",
    "providers": "/realizatorzy/",
    "search with results": "/szukaj/?q=pomoc+w+domu",
    "application form": "/wniosek/?usluga=zlota-raczka",
    "catalogue update form": "/zglos-zmiane/",
    "missing service form": "/zglos-brak-uslugi/",
    "error report form": "/zglos-blad/?usluga=zlota-raczka",
    "feedback form": "/ocen-usluge/?usluga=zlota-raczka",
    "statement": "/deklaracja-dostepnosci/",
    "easy to read": "/tekst-latwy-do-czytania/",
    "kiosk": "/kiosk/",
    "offline": "/offline/",
    "open data": "/dane/",
    "packages": "/pakiety/",
    "package": "/pakiety/opiekuje-sie-bliskim/",
    "announcements": "/aktualnosci/",
    "announcement": "/aktualnosci/2026-11-16-konsultacje-programu-uslug/",
    "needed services": "/potrzebne-uslugi/",
    "partner offer form": "/zostan-realizatorem/?potrzeba=asystent-osobisty",
    "check": "/sprawdz/",
    "check with answers": "/sprawdz/?wiek=72&dla=seniorzy&mieszkaniec=1&warunki=mieszka-samotnie"
    "&dochod=1500&osoby=1",
    "check with bad answers": "/sprawdz/?wiek=abc&dochod=-5&warunki=xyz",
    "fee estimate": "/uslugi/uslugi-opiekuncze/?dochod=2525&osoby=1&ile=20",
    "fee estimate with an error": "/uslugi/uslugi-opiekuncze/?dochod=-5",
    "search open now": "/szukaj/?otwarte=teraz&bezplatne=1&dochod=1500&osoby=1",
}


def axe_source() -> Path:
    """axe-core from node_modules (pinned in package.json; `npm ci` installs it)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (scripts/test does it)")
    return AXE


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core violations of the page as loaded now, WCAG 2.0–2.2 A and AA rules."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_source()))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary),
            }));
        }""",
        AXE_TAGS,
    )


def describe(violations: list[dict[str, Any]]) -> str:
    """Readable list of violations for an assertion message."""
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )


def settle(page: Any, kiosk: bool = False) -> None:
    """Wait until the page's scripts are done: search results, kiosk set-up."""
    page.wait_for_load_state("load")
    if kiosk:
        page.wait_for_selector("body[data-kiosk-ready]", state="attached")
    if "/szukaj/" in page.url and "q=" in page.url:
        # Results are listed before the count is written; aria-busy goes last.
        page.wait_for_selector("[data-search-results]:not([aria-busy]) li a")
    if "/sprawdz/" in page.url:
        page.wait_for_selector("body[data-screener-ready]", state="attached")
    if "/uslugi/" in page.url and page.url.rstrip("/").count("/") > 4:
        page.wait_for_selector("body[data-tools-ready]", state="attached")
    if "/szukaj/" in page.url and "otwarte=" in page.url:
        page.wait_for_selector("[data-search-status]:not(:empty)")


def wait_for_value(page: Any, expression: str, expected: Any) -> None:
    """Wait until a JavaScript expression equals ``expected`` (JSON), as expect.poll would;
    on timeout say what it was, not just that time ran out."""
    wanted = json.dumps(expected, ensure_ascii=False, separators=(",", ":"))
    try:
        page.wait_for_function(f"JSON.stringify({expression}) === {json.dumps(wanted)}")
    except PlaywrightTimeoutError:
        actual = page.evaluate(expression)
        raise AssertionError(f"{expression} is {actual!r}, expected {expected!r}") from None


def new_context(
    browser: Any, width: int = 1280, kiosk: bool = False, axe: bool = False, **options: Any
) -> Any:
    """A fresh context (own storage and cache); kiosk mode set as /kiosk/ would set it.

    Service workers are blocked unless asked for: what a page looks like does not depend on
    them, and a worker precaching the whole site in every context only slows the tests."""
    options.setdefault("service_workers", "block")
    context = browser.new_context(
        locale="pl-PL", viewport={"width": width, "height": 900}, **options
    )
    if kiosk:
        context.add_init_script(KIOSK_FLAG)
    if axe:  # registered once, cheaper than sending axe with every page
        context.add_init_script(path=str(axe_source()))
    return context


@contextlib.contextmanager
def pages_by_width_and_mode(browser: Any) -> Iterator[dict[tuple[int, bool], Any]]:
    """One page per width and mode (normal, kiosk) with axe registered, to reuse across page
    kinds: fast, and still isolated by mode."""
    opened = {}
    for width in WIDTHS:
        for kiosk in (False, True):
            context = new_context(browser, width=width, kiosk=kiosk, axe=True)
            opened[(width, kiosk)] = context.new_page()
    yield opened
    for page in opened.values():
        page.context.close()


@contextlib.contextmanager
def preview_server(site: Path, state: Path) -> Iterator[str]:
    """The built site and the real form backend on one origin (as `katalog serve` runs them)."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    from forms_backend.app import create_app
    from forms_backend.config import Config
    from katalog.serve import PreviewApp

    config = Config(
        database_path=state / "forms.db",
        mail_dir=state / "mail",
        catalogue_path=site / "uslugi.json",
        background_worker=False,
    )
    static = Starlette(routes=[Mount("/", StaticFiles(directory=site, html=True))])
    app = PreviewApp(static, create_app(config))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/")
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
