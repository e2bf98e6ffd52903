"""The example catalogue in Ukrainian and English: every page under /uk/ and /en/, each in its
language, linked to its other versions, and no Polish interface string outside lang="pl"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from language_pages import polish_interface_strings, visible_text
from polish_texts import settings_texts, vocabulary_texts

from cus_catalogue.publishing.sitepaths import site_path

OTHERS = ("uk", "en")
SERVICE = "uslugi/zlota-raczka/index.html"


def polish_pages(site: Path) -> list[str]:
    """Every page at the root that offers a language switch (staff pages are Polish only)."""
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] not in OTHERS
        and 'class="wrap language-switch"' in path.read_text(encoding="utf-8")
    )


def test_every_page_has_a_ukrainian_and_an_english_version(example_site: Path) -> None:
    pages = polish_pages(example_site)
    assert len(pages) > 100 and SERVICE in pages
    missing = [f"{code}/{page}" for page in pages for code in OTHERS]
    missing = [page for page in missing if not (example_site / page).is_file()]
    assert not missing


@pytest.mark.parametrize("code", OTHERS)
def test_a_page_names_its_language_and_its_other_versions(example_site: Path, code: str) -> None:
    html = (example_site / code / SERVICE).read_text(encoding="utf-8")
    assert f'<html lang="{code}">' in html
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "pl": "../../../uslugi/zlota-raczka/",
        "uk": "../../../uk/uslugi/zlota-raczka/",
        "en": "../../../en/uslugi/zlota-raczka/",
        "x-default": "../../../uslugi/zlota-raczka/",
    }
    switch = re.search(r'<nav class="wrap language-switch"[^>]*>(.*?)</nav>', html, re.S)
    assert switch, "no language switch"
    links = re.findall(
        r'<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)"([^>]*)>([^<]+)</a>', switch[1]
    )
    assert [(href, hreflang, lang, name) for href, hreflang, lang, _, name in links] == [
        ("../../../uslugi/zlota-raczka/", "pl", "pl", "Polski"),
        ("../../../uk/uslugi/zlota-raczka/", "uk", "uk", "Українська"),
        ("../../../en/uslugi/zlota-raczka/", "en", "en", "English"),
    ]
    assert [extra for *_, extra, _ in links].index(' aria-current="true"') == 1 + OTHERS.index(code)


@pytest.mark.parametrize("code", OTHERS)
def test_links_of_a_page_lead_to_pages_in_its_language(example_site: Path, code: str) -> None:
    """A resident who chose Ukrainian is not thrown back into Polish by a menu or a card."""
    wrong = []
    for path in sorted((example_site / code).rglob("*.html")):
        page = path.relative_to(example_site).as_posix()
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<a\b[^>]*>", html):
            href = re.search(r'href="([^"]*)"', tag)
            if not href or "hreflang" in tag:
                continue
            target = site_path(href[1], page, "")
            is_page = target is not None and (target == "" or target.endswith("/"))
            if is_page and not target.startswith(f"{code}/"):
                wrong.append(f"{page}: {href[1]}")
    assert not wrong, wrong[:20]


def test_untranslated_record_text_is_polish_with_a_note_and_the_facts_are_translated(
    example_site: Path,
) -> None:
    html = (example_site / "uk" / SERVICE).read_text(encoding="utf-8")
    assert '<h1 id="service-title"><span lang="pl">Złota rączka' in html
    assert "Цей текст ще не перекладено, тому він поданий польською мовою." in html
    assert '<div lang="pl"><p>Konserwator' in html
    for ukrainian in ("Понеділок", "зачинено", "безкоштовна", "Хто може скористатися"):
        assert ukrainian in html


def test_sitemap_lists_every_language_version_of_a_page(example_site: Path) -> None:
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<url><loc>[^<]*/uk/uslugi/zlota-raczka/</loc>.*?</url>", sitemap)
    assert entry, "the Ukrainian page is not in the sitemap"
    hreflangs = re.findall(r'hreflang="([^"]+)" href="([^"]+)"', entry[0])
    assert [code for code, _ in hreflangs] == ["pl", "uk", "en", "x-default"]
    assert hreflangs[2][1].endswith("/en/uslugi/zlota-raczka/")
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap


@pytest.mark.parametrize("code", OTHERS)
def test_each_language_has_its_own_feed(example_site: Path, code: str) -> None:
    feed = (example_site / code / "atom.xml").read_text(encoding="utf-8")
    assert f'xml:lang="{code}"' in feed
    links = re.findall(r'<link href="([^"]+)" rel="alternate"', feed)
    assert links and all(f"/{code}/" in link for link in links), links
    page = (example_site / code / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'type="application/atom\+xml"[^>]*href="[^"]*/{code}/atom.xml"', page)


@pytest.mark.parametrize("code", OTHERS)
def test_json_ld_says_the_language_of_the_page(example_site: Path, code: str) -> None:
    html = (example_site / code / SERVICE).read_text(encoding="utf-8")
    document = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert document["inLanguage"] == code
    assert document["url"].endswith(f"/{code}/uslugi/zlota-raczka/")
    assert not document["@id"].count(f"/{code}/")  # the same service in every language


def shown_outside_polish(site: Path, code: str, pattern: re.Pattern[str]) -> dict[str, list[str]]:
    """What ``pattern`` finds on each page of a language outside its lang="pl" passages."""
    found = {}
    for path in sorted((site / code).rglob("*.html")):
        hits = set(pattern.findall(visible_text(path.read_text(encoding="utf-8"))))
        if hits:
            found[path.relative_to(site).as_posix()] = sorted(hits)
    return found


@pytest.mark.parametrize("code", OTHERS)
def test_no_polish_interface_string_outside_polish_passages(example_site: Path, code: str) -> None:
    """Every page of the language: no Polish msgstr shown or read aloud outside lang="pl"."""
    strings = polish_interface_strings()
    assert len(strings) > 500
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, strings)) + r")(?!\w)")
    found = shown_outside_polish(example_site, code, pattern)
    assert not found, list(found.items())[:10]


@pytest.mark.parametrize("code", OTHERS)
def test_no_polish_text_of_the_centre_or_the_check_outside_polish_passages(
    example_site: Path, code: str
) -> None:
    """Defect: the centre's opening hours were Polish, unmarked, on the start and search pages
    of other languages. The centre's texts of the settings and the check's questions are
    translated, or marked lang="pl" where a centre has not translated them."""
    texts = {t.text for t in settings_texts() if len(re.findall(r"[^\W\d]+", t.text)) >= 4}
    texts |= {t.text for t in vocabulary_texts() if t.path.name == "conditions.csv"}
    assert len(texts) > 100
    pattern = re.compile("|".join(map(re.escape, sorted(texts, key=len, reverse=True))))
    found = shown_outside_polish(example_site, code, pattern)
    assert not found, list(found.items())[:10]
