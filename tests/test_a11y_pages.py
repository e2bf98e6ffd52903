"""The pages the law requires (statement, easy-to-read), QR codes and the printed service card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from a11y_support import new_context
from pages import page as page_file
from pages import text
from playwright.sync_api import expect

# Element ids of the ministry's template (version 2.0) that monitoring tools read.
STATEMENT_IDS = [
    "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
    "a11y-status", "a11y-data-sporzadzenie", "a11y-data-przeglad", "a11y-kontakt", "a11y-osoba",
    "a11y-email", "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-komunikacja",
    "a11y-aplikacje",
]  # fmt: skip


def test_statement_has_every_element_of_the_template_once(example_site):
    html = page_file(example_site, "/deklaracja-dostepnosci/").read_text(encoding="utf-8")
    for element_id in STATEMENT_IDS:
        assert html.count(f'id="{element_id}"') == 1, element_id
    for element_id in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie"):
        match = re.search(rf'id="{element_id}" datetime="([^"]+)">([^<]+)<', html)
        assert match and re.fullmatch(r"\d{4}-\d{2}-\d{2}", match.group(2)), element_id


def test_statement_texts_come_from_the_settings(example_site):
    words = text(page_file(example_site, "/deklaracja-dostepnosci/"))
    assert (
        "Centrum Usług Społecznych w Przykładowie chce, żeby jego strona internetowa była dostępna"
        in words
    )
    assert "Strona internetowa jest zgodna z ustawą z dnia 4 kwietnia 2019 r." in words
    assert "Rzecznika Praw Obywatelskich" in words and "https://bip.brpo.gov.pl/" in (
        page_file(example_site, "/deklaracja-dostepnosci/").read_text(encoding="utf-8")
    )
    assert "polskiego języka migowego (PJM)" in words
    assert "Anna Przykładowa" in words and "dostepnosc@przykladowo.example" in words
    assert "winda" in words  # architectural accessibility of the building


def test_statement_easy_to_read_and_bip_are_linked_from_every_page(example_site):
    for path in sorted(example_site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        if "<footer" not in html:
            continue
        footer = html.split("<footer", 1)[1]
        assert "deklaracja-dostepnosci/" in footer, path
        assert "tekst-latwy-do-czytania/" in footer, path
        assert "https://bip.przykladowo.example" in footer, path


def test_easy_to_read_page_has_short_sentences(example_site):
    html = page_file(example_site, "/tekst-latwy-do-czytania/").read_text(encoding="utf-8")
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    paragraphs = [re.sub(r"<[^>]+>", " ", p) for p in re.findall(r"<p\b.*?</p>", main, re.S)]
    assert any("Centrum usług społecznych to urząd w naszej gminie." in p for p in paragraphs)
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.?!])\s+", p) if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 20


def test_every_service_page_has_a_qr_code_of_its_public_address(example_site):
    for folder in sorted((example_site / "uslugi").iterdir()):
        if not folder.is_dir():
            continue
        html = (folder / "index.html").read_text(encoding="utf-8")
        address = f"https://katalog.przykladowo.example/uslugi/{folder.name}/"
        assert f'<svg role="img" aria-label="Kod QR z adresem {address}"' in html, folder.name


@pytest.mark.browser
def test_qr_code_decodes_to_the_page_address(browser, example_server):
    context = new_context(browser)
    page = context.new_page()
    page.goto(example_server + "/uslugi/zlota-raczka/")
    supported = page.evaluate("'BarcodeDetector' in window")
    if supported:  # Chromium has a QR decoder on some platforms only
        decoded = page.evaluate(
            """async () => {
                const svg = document.querySelector('.qr svg');
                const image = new Image();
                image.src = 'data:image/svg+xml,' + encodeURIComponent(svg.outerHTML);
                await image.decode();
                const codes = await new BarcodeDetector({formats: ['qr_code']}).detect(image);
                return codes.map(c => c.rawValue);
            }"""
        )
        assert decoded == ["https://katalog.przykladowo.example/uslugi/zlota-raczka/"]
    context.close()


@pytest.mark.browser
def test_service_pages_print_as_one_a4_card(browser, example_site, example_server):
    # The longest service pages: if they fit on one A4 sheet, the others do too.
    pages = sorted(
        (p for p in (example_site / "uslugi").glob("*/index.html")),
        key=lambda p: len(text(p)),
        reverse=True,
    )[:4]
    context = new_context(browser)
    page = context.new_page()
    for path in pages:
        page.goto(f"{example_server}/uslugi/{path.parent.name}/", wait_until="networkidle")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        count = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert count == 1, f"{path.parent.name}: {count} pages"
    # What the card shows (media emulation last: page.pdf() would follow it).
    page.emulate_media(media="print")
    expect(page.get_by_text("Karta usługi").first).to_be_visible()
    expect(page.locator(".qr svg")).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()
    context.close()


def test_qr_codes_made_in_worker_processes_are_the_same(example_site: Path, tmp_path: Path) -> None:
    """Large catalogues render pages, and encode their QR codes, in forked workers; the pages
    must not change by a byte."""
    from sitekit import EXAMPLE_CONTENT, run_pelican

    parallel = {"CATALOGUE_PARALLEL_PAGES_FROM": 0, "CATALOGUE_RENDER_PROCESSES": 2}
    result = run_pelican(EXAMPLE_CONTENT, tmp_path / "parallel", **parallel)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in sorted((example_site / "uslugi").glob("*/index.html")):
        twin = tmp_path / "parallel" / page.relative_to(example_site)
        assert twin.read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), page
