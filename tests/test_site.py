"""The built site: every page of the URL contract, in words a resident understands."""

from __future__ import annotations

import json
import re
from pathlib import Path

from pages import page, text

from cus_catalogue.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent


def test_example_builds_every_service_and_provider_page(example_site: Path) -> None:
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    assert len(catalogue.services) >= 40 and len(catalogue.providers) >= 12
    for service_id, record in catalogue.services.items():
        assert record.data["name"] in text(page(example_site, f"/uslugi/{service_id}/"))
    for provider_id, record in catalogue.providers.items():
        assert record.data["name"] in text(page(example_site, f"/realizatorzy/{provider_id}/"))
    for audience in catalogue.audiences:
        assert page(example_site, f"/dla/{audience}/").is_file()
    for area in catalogue.areas:
        assert page(example_site, f"/obszary/{area}/").is_file()


def test_service_page_says_everything_in_plain_polish(mini_site: Path) -> None:
    shown = text(page(mini_site, "/uslugi/zlota-raczka/"))
    for expected in [
        "Złota rączka dla seniora",
        "Ile kosztuje 25,00 zł za godzinę Materiały kupuje mieszkaniec.",
        "Ile możesz dostać 4 usługi w roku, każda najwyżej 2 godziny",
        "Kto prowadzi usługę Fundacja Pomocna Dłoń",
        "Kto może skorzystać Osoby, które ukończyły 75 lat i mieszkają samotnie.",
        "Wiek: co najmniej 75 lat",
        "Tylko dla mieszkańców gminy",
        "Poniedziałek 9:00–15:00 Wtorek nieczynne Środa 9:00–15:00",
        "Usługę prowadzi: Fundacja Pomocna Dłoń",
        "Telefon: +48 91 000 11 22",
        "E-mail: biuro@pomocna.example",
        "Ostatnio sprawdzono: 15 września 2026",
        "Poproś o kontakt przez internet",
    ]:
        assert expected in shown, expected
    html = page(mini_site, "/uslugi/zlota-raczka/").read_text(encoding="utf-8")
    assert '<a href="tel:+48910001122">' in html
    assert '<a class="button" href="../../wniosek/?usluga=zlota-raczka">' in html


def test_free_suspended_service_with_its_own_contact(mini_site: Path) -> None:
    shown = text(page(mini_site, "/uslugi/porada-prawna/"))
    assert "Usługa zawieszona: teraz nie działa" in shown
    assert "Ile kosztuje bezpłatna" in shown
    assert "Po wcześniejszym umówieniu telefonicznym." in shown
    assert "Telefon: +48 91 000 99 99" in shown
    assert "Usługę prowadzi:" not in shown
    assert "Poproś o kontakt przez internet" not in shown  # not while suspended


def test_provider_page_lists_its_services(mini_site: Path) -> None:
    shown = text(page(mini_site, "/realizatorzy/fundacja-pomocna-dlon/"))
    assert "Fundacja Pomocna Dłoń Organizacja pozarządowa" in shown
    assert "2 usługi" in shown
    assert shown.index("Nieodpłatna pomoc prawna") < shown.index("Złota rączka dla seniora")
    assert "Wejście bez progów, winda" in shown


def test_browse_lists_and_a_to_z(mini_site: Path) -> None:
    seniors = text(page(mini_site, "/dla/seniorzy/"))
    assert "Usługi dla grupy: Seniorzy" in seniors and "2 usługi." in seniors
    everyone = text(page(mini_site, "/dla/wszyscy-mieszkancy/"))
    assert "Nieodpłatna pomoc prawna" in everyone and "Złota rączka" not in everyone
    assert "Nie ma tu jeszcze usług" in text(page(mini_site, "/obszary/kultura/"))
    a_to_z = text(page(mini_site, "/uslugi/"))
    assert "W katalogu są 2 usługi." in a_to_z
    assert re.search(r"N .*Nieodpłatna pomoc prawna.* Z .*Złota rączka", a_to_z)
    tiles = text(page(mini_site, "/dla/"))
    assert "Seniorzy 2 usługi" in tiles and "Cudzoziemcy 0 usług" in tiles


def test_start_page_has_search_tiles_and_recent_services(mini_site: Path) -> None:
    html = page(mini_site, "/").read_text(encoding="utf-8")
    assert 'action="./szukaj/"' in html and 'name="q"' in html
    shown = text(page(mini_site, "/"))
    assert "Dla kogo? Seniorzy Osoby z niepełnosprawnościami" in shown
    assert shown.index("Złota rączka") < shown.index("Nieodpłatna pomoc prawna")  # newer first


def test_service_list_for_the_form_backend(mini_site: Path) -> None:
    listing = json.loads((mini_site / "uslugi.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in listing["services"]] == ["porada-prawna", "zlota-raczka"]
    assert listing["services"][1]["apply_online"] is True


def test_no_page_loads_anything_from_another_origin(example_site: Path) -> None:
    # Elements the browser fetches by itself (a feed's rel="alternate" link is not fetched).
    fetched = re.compile(
        r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="(https?:)?//', re.I
    )
    loads = re.compile(r'rel="[^"]*(stylesheet|icon|preload|manifest)[^"]*"', re.I)
    foreign = re.compile(r'href="(https?:)?//', re.I)
    for html_file in example_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not fetched.search(html), html_file
        for link in re.findall(r"<link\b[^>]*>", html, re.I):
            assert not (loads.search(link) and foreign.search(link)), (html_file, link)
        assert "@import" not in html and "fonts.googleapis" not in html


def test_every_page_is_in_the_language_of_its_folder(example_site: Path) -> None:
    """Polish at the root, Ukrainian under uk/, English under en/; no English msgid leaks."""
    for html_file in example_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        folder = html_file.relative_to(example_site).parts[0]
        language = folder if folder in ("uk", "en") else "pl"
        assert f'<html lang="{language}">' in html, html_file
        if language == "en":
            continue
        for english in ("Skip to main content", "Who is it for", "Last checked"):
            assert english not in html, (html_file, english)
