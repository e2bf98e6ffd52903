"""Issue 10 item 1: every page reflows at 320 px (WCAG 1.4.10), normal and kiosk, also when
records hold very long unbroken words, addresses and web addresses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from a11y_support import new_context, settle
from records import copy_mini, edit
from sitekit import serve_folder

pytestmark = pytest.mark.browser

WIDTH = 320
WORD = "Najdłuższesłowowkatalogubezżadnejspacjiktóregonicniezłamie"
URL = "https://bardzo-dluga-domena-organizacji-pozarzadowej.example/" + "sciezka" * 12
EMAIL = "sekretariat.fundacji.pomocna.dlon.w.przykladowie.i.okolicach@" + "domena" * 8 + ".pl"


def pages_of(site: Path, service_id: str) -> list[str]:
    """Every page of the sitemap, and the form and search pages with what they are opened with."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    paths = [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)<", sitemap)]
    assert len(paths) > 10, "the sitemap lists too few pages"
    return [
        *paths,
        f"/wniosek/?usluga={service_id}",
        f"/zglos-blad/?usluga={service_id}",
        f"/ocen-usluge/?usluga={service_id}",
        "/szukaj/?q=pomoc",
    ]


def too_wide(server: str, browser, paths: list[str], kiosk: bool) -> list[str]:
    """Pages whose document is wider than the screen, with the width and the widest element."""
    context = new_context(browser, width=WIDTH, kiosk=kiosk)
    page = context.new_page()
    wide = []
    for path in paths:
        page.goto(server + path)
        settle(page, kiosk=kiosk)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            culprit = page.evaluate(
                """(limit) => {
                    const wide = [...document.body.querySelectorAll('*')]
                        .filter(e => e.getBoundingClientRect().right > limit + 1);
                    const leaf = wide.find(e => !wide.some(o => o !== e && e.contains(o)));
                    return leaf ? leaf.tagName + ' ' + leaf.textContent.trim().slice(0, 40) : '';
                }""",
                WIDTH,
            )
            wide.append(f"{path}: {width} px ({culprit})")
    context.close()
    return wide


@pytest.fixture(scope="module")
def long_words_site(
    tmp_path_factory, build_site: Callable[..., Path]
) -> Iterator[tuple[Path, str]]:
    """The mini catalogue whose records are full of words no line can hold."""
    content = copy_mini(tmp_path_factory.mktemp("long") / "dlugie")
    provider = content / "providers" / "fundacja-pomocna-dlon.yaml"
    edit(provider, "name: Fundacja Pomocna Dłoń", f"name: Fundacja {WORD}")
    edit(provider, "street: ul. Lipowa 5", f"street: ul. {WORD} 5")
    edit(provider, "email: biuro@pomocna.example", f"email: {EMAIL}")
    edit(provider, "website: https://pomocna.example", f"website: {URL}")
    service = content / "services" / "zlota-raczka.yaml"
    edit(service, "name: Złota rączka dla seniora", f"name: Złota rączka {WORD}")
    edit(service, "summary: Drobne naprawy", f"summary: {WORD} drobne naprawy")
    edit(service, "  - naprawa kranu.\n", f"  - naprawa kranu, zobacz {URL} i <{URL}>.\n")
    edit(service, "note: Materiały kupuje mieszkaniec.", f"note: {WORD}.")
    edit(service, "limits: 4 usługi", f"limits: {WORD} 4 usługi")
    edit(service, "keywords: [hydraulik, naprawa]", f"keywords: [hydraulik, {WORD}]")
    edit(
        service,
        "apply_online: true\n",
        f"apply_online: true\nhow_to_apply: Napisz na {EMAIL} albo wejdź na {URL}\n"
        f"contact:\n  email: {EMAIL}\n  phone: +48 91 000 11 22\n",
    )
    site = build_site(content)
    with serve_folder(site) as base:
        yield site, base


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
def test_every_example_page_reflows_at_320_px(browser, example_site, example_server, kiosk):
    """Defect: provider pages (long e-mail and web addresses), /dane/ and /ocen-usluge/ were
    wider than a 320 px screen; in kiosk mode most pages were."""
    paths = pages_of(example_site, "zlota-raczka")
    assert too_wide(example_server, browser, paths, kiosk) == []


@pytest.mark.parametrize("kiosk", [False, True], ids=["normal", "kiosk"])
def test_long_unbroken_words_and_addresses_reflow_at_320_px(browser, long_words_site, kiosk):
    site, server = long_words_site
    paths = [*pages_of(site, "zlota-raczka"), f"/szukaj/?q={WORD}"]
    assert too_wide(server, browser, paths, kiosk) == []
