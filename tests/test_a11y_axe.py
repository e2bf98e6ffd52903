"""axe-core (pinned, loaded from disk) finds no WCAG 2.x A/AA violation on any page kind,
at 375 and 1280 px, in the normal and the kiosk mode, nor on any other page of the site."""

from __future__ import annotations

from pathlib import Path

import pytest
from a11y_support import (
    PAGE_KINDS,
    WIDTHS,
    describe,
    new_context,
    preview_server,
    run_axe,
    settle,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_kind_has_no_axe_violations(axe_pages, example_server, kind, width, kiosk):
    page = axe_pages[(width, kiosk)]
    response = page.goto(example_server + PAGE_KINDS[kind])
    assert response is not None and response.ok, f"{kind}: HTTP {response and response.status}"
    settle(page, kiosk=kiosk)
    violations = run_axe(page)
    assert not violations, f"{kind} at {width}px ({'kiosk' if kiosk else 'normal'}):\n" + describe(
        violations
    )


def every_page(site: Path) -> list[str]:
    """URL of every HTML page the build wrote."""
    urls = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        urls.append("/" if relative == "." else f"/{relative}/")
    return urls


def test_every_page_of_the_site_has_no_axe_violations(browser, example_site, example_server):
    page = new_context(browser, axe=True).new_page()
    failures = []
    kinds = {url.split("?")[0] for url in PAGE_KINDS.values()}
    for url in every_page(example_site):
        if url in kinds:
            continue  # checked above at both widths and in both modes
        page.goto(example_server + url)
        settle(page)
        violations = run_axe(page)
        if violations:
            failures.append(f"{url}:\n{describe(violations)}")
    page.context.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_application_form_in_its_error_state_has_no_axe_violations(
    browser, example_site, tmp_path, width, kiosk
):
    # The real form backend answers an empty submission with the page in its error state.
    with preview_server(example_site, tmp_path) as base:
        context = new_context(browser, width=width, kiosk=kiosk)
        page = context.new_page()
        page.goto(base + "/wniosek/?usluga=zlota-raczka")
        settle(page, kiosk=kiosk)
        page.get_by_role("button", name="Wyślij prośbę").click()
        settle(page, kiosk=kiosk)
        expect(page.locator("[data-error-summary]")).to_be_focused()
        violations = run_axe(page)
        context.close()
    assert not violations, describe(violations)


@pytest.mark.parametrize(
    "state", ["keyboard open", "idle dialog", "link dialog", "larger text", "high contrast"]
)
def test_kiosk_and_reading_aid_states_have_no_axe_violations(browser, example_server, state):
    context = new_context(browser, width=1280, kiosk=state not in ("larger text", "high contrast"))
    page = context.new_page()
    if state == "idle dialog":
        page.clock.install()
    url = "/realizatorzy/cus-przykladowo/" if state == "link dialog" else "/kiosk/"
    page.goto(example_server + url)
    settle(page, kiosk="dialog" in state or state == "keyboard open")
    if state == "keyboard open":
        page.locator("#kiosk-q").click()
        page.wait_for_selector("[data-keyboard]:not([hidden])")
    elif state == "idle dialog":
        page.clock.run_for(91_000)
        page.wait_for_selector("dialog[data-idle-dialog][open]")
    elif state == "link dialog":
        page.locator("main a[href^='mailto:']").first.click()
        page.wait_for_selector("dialog.kiosk-dialog[open]")
    else:
        aid = page.get_by_role(
            "button", name="Większy tekst" if state == "larger text" else "Wysoki kontrast"
        )
        aid.click()
        expect(aid).to_have_attribute("aria-pressed", "true")
    violations = run_axe(page)
    context.close()
    assert not violations, f"{state}:\n" + describe(violations)
