"""Shared parts of the plan tests: a plan put into a browser's storage, the page made ready."""

from __future__ import annotations

from typing import Any

from sitekit import ROOT

JSQR = ROOT / "node_modules" / "jsqr" / "dist" / "jsQR.js"
STORE = "/theme/js/plan-store.js"
PUBLIC_PLAN = "https://katalog.przykladowo.example/moj-plan/"


def keep_plan(page: Any, items: list[dict[str, str]]) -> None:
    """Write a plan with the site's own storage module, as the toggles would."""
    problem = page.evaluate(
        f"async (items) => (await import('{STORE}')).writePlan(items)",
        [{"how_often": "", "since": "", "note": "", "name": "", **item} for item in items],
    )
    assert problem == "", problem


def open_plan(page: Any, base: str, query: str = "") -> None:
    """/moj-plan/ once its script has filled it in."""
    page.goto(base + "/moj-plan/" + query)
    page.wait_for_selector("body[data-plan-ready]", state="attached", timeout=15_000)


def decode_qr(page: Any, selector: str) -> str:
    """What a QR code on the page says, decoded by jsQR (pinned in package.json) from pixels."""
    page.add_script_tag(path=str(JSQR))
    return page.evaluate(
        """async (selector) => {
            const svg = document.querySelector(selector);
            const image = new Image();
            image.src = 'data:image/svg+xml,' + encodeURIComponent(new XMLSerializer()
                .serializeToString(svg).replace('<svg ', '<svg width="400" height="400" '));
            await image.decode();
            const canvas = Object.assign(document.createElement('canvas'), {width: 400, height: 400});
            const context = canvas.getContext('2d');
            context.drawImage(image, 0, 0, 400, 400);
            const pixels = context.getImageData(0, 0, 400, 400);
            const code = jsQR(pixels.data, 400, 400);
            return code ? code.data : '';
        }""",
        selector,
    )
