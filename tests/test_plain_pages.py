"""Plain words on the pages residents read most: easy-to-read page, statement, labels, filters."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from a11y_support import new_context
from pages import page as page_file
from pages import text
from sitekit import FIXTURES, run_pelican

from cus_catalogue.abbreviations import read_abbreviations, unexplained

ROOT = Path(__file__).resolve().parent.parent
ETR = "/tekst-latwy-do-czytania/"
MAX_WORDS = 12  # Inclusion Europe: short sentences, one idea each


def etr_parts(site: Path) -> list[str]:
    """The HTML of each main point of the easy-to-read page."""
    page = page_file(site, ETR).read_text(encoding="utf-8")
    return re.findall(r'<section class="etr-part".*?</section>', page, re.S)


def inner_texts(fragment: str, tag: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        for inner in re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", fragment, re.S)
    ]


def test_easy_to_read_page_does_not_send_readers_to_a_search_box_at_the_top(example_site):
    """The page said "Na górze strony jest wyszukiwarka", which is not where the search is."""
    words = text(page_file(example_site, ETR))
    assert "Na górze strony jest wyszukiwarka" not in words
    assert "Na stronie głównej jest pole: Czego szukasz?" in words


def test_easy_to_read_page_has_one_short_sentence_a_paragraph_and_lists(example_site):
    parts = etr_parts(example_site)
    assert len(parts) >= 6
    for part in parts:
        for sentence in inner_texts(part, "p"):
            assert len(sentence.split()) <= MAX_WORDS, sentence
            assert sentence.count(",") <= 1, f"a comma chain, use a list: {sentence}"
            assert not re.search(r"[.?!]\s+\w", sentence), f"more than one sentence: {sentence}"
    items = [item for part in parts for item in inner_texts(part, "li")]
    assert len(items) >= 10 and all(len(item.split()) <= 6 for item in items), items


def test_every_main_point_has_a_self_hosted_svg_picture_with_alt_text(example_site):
    for part in etr_parts(example_site):
        [img] = re.findall(r"<img\b[^>]*>", part)
        alt = re.search(r'alt="([^"]*)"', img).group(1)
        src = re.search(r'src="([^"]*)"', img).group(1)
        assert len(alt.split()) >= 1 and alt.endswith("."), img
        assert not src.startswith(("http:", "https:", "//")), img
        picture = (example_site / "tekst-latwy-do-czytania" / src).resolve()
        assert picture.suffix == ".svg" and picture.is_relative_to(example_site.resolve())
        assert ET.parse(picture).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_easy_to_read_page_says_help_is_free_and_how_deaf_people_get_in_touch(example_site):
    words = text(page_file(example_site, ETR))
    assert "Rozmowa w centrum nic nie kosztuje." in words
    assert "Możesz napisać do nas SMS." in words
    assert "W centrum jest tłumacz polskiego języka migowego." in words
    assert "Napisz do nas SMS albo e-mail 3 dni wcześniej." in words
    assert "Tłumacz nic nie kosztuje." in words
    page = page_file(example_site, ETR).read_text(encoding="utf-8")
    assert '<a href="sms:+48500000000">+48 500 000 000</a>' in page


def test_easy_to_read_page_uses_no_unexplained_abbreviation(example_site):
    words = text(page_file(example_site, ETR))
    assert unexplained([words], read_abbreviations(ROOT / "data")) == []


def test_every_polish_page_explains_the_abbreviations_it_uses(example_site):
    """Defect: RODO (the Polish GDPR) was not on the list of abbreviations, and each form's
    information clause said "Art. 6 ust. 1 lit. e RODO" without a word on what RODO is; the
    service name "indywidualny plan usług (IPUS)" did not count as explaining IPUS."""
    abbreviations = read_abbreviations(ROOT / "data")
    assert "RODO" in {item.text for item in abbreviations}
    found = {
        path.relative_to(example_site).as_posix(): missing
        for path in sorted(example_site.rglob("*.html"))
        if not path.relative_to(example_site).as_posix().startswith(("uk/", "en/"))
        if (missing := unexplained([text(path)], abbreviations))
    }
    assert found == {}


def test_the_easy_to_read_logo_is_not_shown_unless_readers_checked_the_text(mini_site):
    page = page_file(mini_site, ETR).read_text(encoding="utf-8")
    assert "Inclusion Europe" not in page
    assert "sprawdziły, że ten tekst jest łatwy do czytania" not in page


def test_the_easy_to_read_logo_is_shown_when_the_centre_says_readers_checked_it(tmp_path):
    site = tmp_path / "site"
    review = {"checked_by_readers": True, "logo": "etr/logo-easy-to-read.png"}
    result = run_pelican(FIXTURES / "mini", site, EASY_TO_READ_REVIEW=review)
    assert result.returncode == 0, result.stdout + result.stderr
    page = page_file(site, ETR).read_text(encoding="utf-8")
    assert re.search(
        r'<img src="[./]*etr/logo-easy-to-read.png" alt="Europejski znak tekstu łatwego do '
        r'czytania"',
        page,
    )
    words = text(page_file(site, ETR))
    assert "Osoby z niepełnosprawnością intelektualną sprawdziły, że ten tekst" in words
    assert "© Inclusion Europe" in words


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 1280])
def test_easy_to_read_pictures_load_beside_their_text(browser, example_server, width):
    from playwright.sync_api import expect

    context = new_context(browser, width=width)
    page = context.new_page()
    page.goto(example_server + ETR)
    pictures = page.locator("img.etr-picture")
    expect(pictures.first).to_be_visible()
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
        )
        heading = picture.locator("xpath=following-sibling::div//h2")
        picture_left, heading_left = picture.bounding_box()["x"], heading.bounding_box()["x"]
        assert picture_left < heading_left
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= width
    context.close()


def test_statement_says_things_plainly(example_site):
    words = text(page_file(example_site, "/deklaracja-dostepnosci/"))
    # "skargę do: Dyrektor Centrum" needed the genitive.
    assert "Skargę wyślij do: Dyrektora Centrum Usług Społecznych w Przykładowie" in words
    assert "Jeśli skarga nie pomoże, napisz do Rzecznika Praw Obywatelskich" in words
    assert "Możesz przyjść z osobą, która pomoże Ci się porozumieć." in words
    assert "przybran" not in words
    assert "Tłumacz jest bezpłatny." in words
    assert "Numer do SMS-ów: +48 500 000 000" in words


def test_search_filters_name_the_no_filter_choice_and_groups_plainly(example_site):
    page = page_file(example_site, "/szukaj/").read_text(encoding="utf-8")
    select = re.search(r'<select id="search-dla".*?</select>', page, re.S).group(0)
    options = inner_texts(select, "option")
    assert options[0] == "Wszystkie grupy" and "Dla wszystkich" not in options
    assert "Osoby bez pracy" in options and "Wszyscy mieszkańcy" in options
    assert '<label for="search-realizator">Kto prowadzi usługę</label>' in page


def test_audience_page_title_is_grammatical(example_site):
    """ "Usługi dla: Cudzoziemcy" mixed a preposition with the nominative."""
    words = text(page_file(example_site, "/dla/cudzoziemcy/"))
    assert words.startswith("Start Dla kogo Cudzoziemcy Usługi dla grupy: Cudzoziemcy")


def test_fee_notes_that_name_the_income_criterion_say_the_amounts(example_site):
    """ "150% kryterium dochodowego" alone does not tell a resident whether they pay."""
    for folder in sorted((example_site / "uslugi").iterdir()):
        if not folder.is_dir():
            continue
        words = text(folder / "index.html")
        if "kryterium dochodowe" in words:
            assert "1010 zł" in words and "823 zł" in words, folder.name


def test_a_service_priced_per_bag_counts_bags(example_site):
    """The laundry was priced per bag of washing but its unit was "usługa"."""
    words = text(page_file(example_site, "/uslugi/usluga-pralnicza/"))
    assert "Ile kosztuje 20,00 zł za worek" in words
    assert "Ile możesz dostać do 4 worków w miesiącu" in words
