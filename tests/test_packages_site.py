"""The built site: packages, documents, announcements and needed services on their pages of
the contract, in the sitemap, the feed, the offline cache and the calendar files."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from documentkit import pdf_bytes
from icalendar import Calendar
from pages import page, text
from sitekit import FIXTURES, ROOT
from test_offline_worker import precached

from cus_catalogue.catalogue import load_catalogue

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEW_PAGES = [
    "pakiety/",
    "pakiety/opiekuje-sie-bliskim/",
    "aktualnosci/",
    "aktualnosci/2026-11-16-konsultacje-programu-uslug/",
    "potrzebne-uslugi/",
    "zostan-realizatorem/",
]


def test_every_package_has_its_page_and_the_list_counts_their_services(example_site):
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    assert len(catalogue.packages) == 7
    listing = text(page(example_site, "/pakiety/"))
    for package_id, record in catalogue.packages.items():
        html = page(example_site, f"/pakiety/{package_id}/").read_text(encoding="utf-8")
        cards = re.findall(r'class="service-card-title"><a href="[^"]*">([^<]+)</a>', html)
        names = [catalogue.services[s].data["name"] for s in record.data["services"]]
        assert [unescape(card) for card in cards] == names  # in the package's own order
        count = len(names)
        assert f"{record.data['name']} {record.data['summary']} {count} usług" in listing
    carer = text(page(example_site, "/pakiety/opiekuje-sie-bliskim/"))
    assert "Pakiet usług Opiekuję się bliskim" in carer and "Dla kogo Opiekunowie" in carer
    assert "8 usług w pakiecie" in carer


def test_the_start_page_and_a_service_page_lead_to_the_packages(example_site):
    home = text(page(example_site, "/"))
    assert "Pomoc w Twojej sytuacji Nowi mieszkańcy z zagranicy 6 usług Opiekuję się" in home
    respite = text(page(example_site, "/uslugi/opieka-wytchnieniowa/"))
    assert "Usługa jest w pakietach Opiekuję się bliskim" in respite


def test_documents_are_published_unchanged_at_stable_urls_and_listed_with_format_and_size(
    example_site,
):
    for source in (ROOT / "content" / "documents").rglob("*.*"):
        relative = source.relative_to(ROOT / "content" / "documents").as_posix()
        assert (example_site / "dokumenty" / relative).read_bytes() == source.read_bytes()
    shown = text(page(example_site, "/uslugi/zlota-raczka/"))
    assert (
        "Dokumenty do pobrania Regulamin usługi „Złota rączka” (PDF, 1 KB) Regulamin usługi "
        "Wniosek o usługę „Złota rączka” (ODT, 1 KB) Druk do wypełnienia"
    ) in shown
    html = page(example_site, "/uslugi/zlota-raczka/").read_text(encoding="utf-8")
    assert 'href="../../dokumenty/zlota-raczka/regulamin.pdf"' in html


def test_announcements_newest_first_with_deadlines_open_or_closed(example_site):
    listing = page(example_site, "/aktualnosci/").read_text(encoding="utf-8")
    titles = re.findall(r'class="news-card-title"><a href="[^"]*">([^<]+)</a>', listing)
    assert titles == [
        "Konsultacje programu usług społecznych na 2027 rok",
        "Szukamy realizatorów usług na 2027 rok",
        "Konsultacje diagnozy potrzeb mieszkańców",
    ]
    june = page(example_site, "/aktualnosci/2026-06-01-konsultacje-diagnozy/").read_text("utf-8")
    assert re.search(r"<strong data-deadline-open hidden>Możesz wziąć udział", june)
    assert re.search(r"data-deadline-closed>Konsultacje są zamknięte. Skończyły się 26", june)
    november = page(example_site, "/aktualnosci/2026-11-16-konsultacje-programu-uslug/")
    html = november.read_text(encoding="utf-8")
    assert "<strong data-deadline-open>Możesz wziąć udział do 14 grudnia 2026.</strong>" in html
    assert "Kiedy: 3 grudnia 2026, 16:00–18:00. Gdzie: Sala konferencyjna" in text(november)
    home = text(page(example_site, "/"))  # the build's day is 2026-11-23
    assert "Ogłoszenia Konsultacje programu usług społecznych na 2027 rok" in home
    assert "Konsultacje diagnozy potrzeb mieszkańców" not in home


def test_dated_announcements_are_calendar_events(example_site):
    calendar = Calendar.from_ical(
        (example_site / "aktualnosci" / "2026-11-16-konsultacje-programu-uslug.ics").read_bytes()
    )
    events = {str(event["uid"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    meeting = events["2026-11-16-konsultacje-programu-uslug-event"]
    assert meeting.decoded("dtstart") == dt.datetime(2026, 12, 3, 15, 0, tzinfo=dt.UTC)
    assert str(meeting["location"]).startswith("Sala konferencyjna centrum")
    deadline = events["2026-11-16-konsultacje-programu-uslug-deadline"]
    assert deadline.decoded("dtstart") == dt.date(2026, 12, 14)
    assert str(deadline["summary"]).startswith("Ostatni dzień: Konsultacje programu")
    everything = Calendar.from_ical((example_site / "aktualnosci" / "kalendarz.ics").read_bytes())
    assert len(list(everything.walk("VEVENT"))) == 5  # 2 meetings and 3 last days


def test_needs_list_who_needs_them_and_how_many_and_link_the_offer_form(example_site):
    shown = text(page(example_site, "/potrzebne-uslugi/"))
    assert (
        "Bezpłatne zajęcia po szkole dla dzieci na wsiach Zajęcia sportowe, plastyczne i pomoc "
        "w lekcjach w świetlicach wiejskich, dwa razy w tygodniu. Dla kogo Dzieci i młodzież "
        "Ile osób jej potrzebuje 40 osób"
    ) in shown
    html = page(example_site, "/potrzebne-uslugi/").read_text(encoding="utf-8")
    assert 'href="../zostan-realizatorem/?potrzeba=asystent-osobisty"' in html


def test_new_pages_are_in_the_sitemap_with_their_dates_and_in_the_offline_cache(example_site):
    tree = ET.parse(example_site / "sitemap.xml")
    entries = {
        url.findtext(f"{SITEMAP}loc").split("/", 3)[3]: url.findtext(f"{SITEMAP}lastmod")
        for url in tree.getroot().iter(f"{SITEMAP}url")
    }
    assert set(NEW_PAGES) <= set(entries)
    assert entries["pakiety/opiekuje-sie-bliskim/"] == "2026-11-02"
    assert entries["aktualnosci/2026-11-16-konsultacje-programu-uslug/"] == "2026-11-16"
    listed = precached(example_site)
    assert set(NEW_PAGES) <= set(listed)
    assert "dokumenty/zlota-raczka/regulamin.pdf" in listed


def test_the_feed_carries_announcements_and_needs_besides_services(example_site):
    root = ET.parse(example_site / "atom.xml").getroot()
    links = [entry.find(f"{ATOM}link").get("href") for entry in root.findall(f"{ATOM}entry")]
    paths = [link.split("/", 3)[3] for link in links]
    assert "aktualnosci/2026-11-16-konsultacje-programu-uslug/" in paths
    assert "potrzebne-uslugi/#asystent-osobisty" in paths
    assert root.findtext(f"{ATOM}title").startswith("Nowości w katalogu")


@pytest.fixture(scope="module")
def documents_site(build_site: Callable[..., Path], tmp_path_factory) -> Path:
    """The mini catalogue with a small and a large document, small ones kept up to 20 KB."""
    content = tmp_path_factory.mktemp("docs") / "content"
    shutil.copytree(FIXTURES / "mini", content)
    (content / "documents").mkdir()
    (content / "documents" / "maly.pdf").write_bytes(pdf_bytes(["Krótki regulamin"], "Mały"))
    big = pdf_bytes([f"Paragraf {n}: zasady usługi." for n in range(40)], "Duży")
    (content / "documents" / "duzy.pdf").write_bytes(big + b"%" + b"0" * 30_000 + b"\n")
    service = content / "services" / "zlota-raczka.yaml"
    service.write_text(
        service.read_text(encoding="utf-8").replace(
            "last_verified:",
            "documents:\n  - {title: Mały, file: maly.pdf, kind: regulamin}\n"
            "  - {title: Duży, file: duzy.pdf, kind: informacja}\nlast_verified:",
        ),
        encoding="utf-8",
    )
    return build_site(content, CATALOGUE_OFFLINE_DOCUMENT_MAX_KB=20)


def test_only_small_documents_are_kept_offline(documents_site):
    listed = precached(documents_site)
    assert (documents_site / "dokumenty" / "duzy.pdf").stat().st_size > 20_000
    assert "dokumenty/maly.pdf" in listed and "dokumenty/duzy.pdf" not in listed
    assert "uslugi/zlota-raczka/" in listed
