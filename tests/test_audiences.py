"""Issue 10 item 3: services for every resident appear on every audience's page and filter,
marked as such; the filter's no-choice option is named plainly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pages import page, text


def section(html: str, heading_id: str) -> str:
    """The HTML of the section a heading id names."""
    match = re.search(rf'<section aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return match.group(0)


def test_audience_page_lists_services_for_everyone_in_their_own_section(example_site: Path):
    """Defect: free legal advice, open to all, was missing from /dla/seniorzy/."""
    html = page(example_site, "/dla/seniorzy/").read_text(encoding="utf-8")
    everyone = section(html, "for-everyone-heading")
    assert "Także dla Ciebie: usługi dla wszystkich mieszkańców" in everyone
    assert "uslugi/poradnictwo-specjalistyczne/" in everyone
    assert "uslugi/teleopieka/" not in everyone  # a senior service stays in the main list
    shown = text(page(example_site, "/dla/seniorzy/"))
    assert re.search(r"\d+ usług\w* dla tej grupy\.", shown)
    assert re.search(r"\d+ usług\w* dla wszystkich mieszkańców gminy\.", shown)


def test_the_everyone_page_has_no_second_list(example_site: Path):
    html = page(example_site, "/dla/wszyscy-mieszkancy/").read_text(encoding="utf-8")
    assert "for-everyone-heading" not in html
    assert "uslugi/poradnictwo-specjalistyczne/" in html


def test_area_pages_are_unchanged(example_site: Path):
    html = page(example_site, "/obszary/pomoc-spoleczna/").read_text(encoding="utf-8")
    assert "for-everyone-heading" not in html


@pytest.mark.browser
def test_audience_filter_keeps_services_for_everyone_marked(phone, example_server):
    """Defect: /szukaj/?q=prawnik&dla=seniorzy found nothing."""
    from playwright.sync_api import expect

    phone.goto(example_server + "/szukaj/?q=prawnik&dla=seniorzy")
    advice = phone.locator('[data-service-id="poradnictwo-specjalistyczne"]')
    expect(advice).to_be_visible()
    expect(advice.locator(".search-result-everyone")).to_have_text("Dla wszystkich mieszkańców")
    no_filter = phone.locator("#search-dla option").first
    expect(no_filter).to_have_text("Wszystkie grupy")
