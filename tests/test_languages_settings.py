"""The centre's own texts (easy-to-read page, accessibility statement, data protection clause,
the centre's name and hours) and the check's questions in the page's language: translated
where the settings and data/conditions.csv translate them, Polish and marked where not."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from records import copy_mini
from sitekit import run_pelican

from cus_catalogue.example_centre import ACCESSIBILITY_STATEMENT, RODO
from cus_catalogue.languages.setting_texts import SettingTranslations
from cus_catalogue.site_settings import SettingsInvalid, load_settings

ROOT = Path(__file__).resolve().parent.parent


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_easy_to_read_statement_and_clause_are_in_the_page_language(example_site: Path) -> None:
    easy = page(example_site, "uk/tekst-latwy-do-czytania")
    assert '<h2 id="etr-2">Що таке послуга?</h2>' in easy
    assert 'alt="Лупа."' in easy and 'alt="Lupa."' not in easy
    assert "<p>Години роботи: з понеділка до п&#39;ятниці, 7:30–15:30</p>" in easy
    statement = page(example_site, "en/deklaracja-dostepnosci")
    assert '<span id="a11y-podmiot">The Social Services Centre in Przykładowo</span>' in statement
    assert "The website is <strong>compliant</strong>" in statement
    assert '<span id="a11y-osoba"><span lang="pl">Anna Przykładowa</span></span>' in statement
    form = page(example_site, "uk/wniosek")
    assert "<dd>Ми хочемо зв&#39;язатися з вами щодо послуги, про яку ви питаєте.</dd>" in form
    assert "Chcemy się z Tobą skontaktować" not in form
    polish = page(example_site, "tekst-latwy-do-czytania")
    assert '<h2 id="etr-2">Co to jest usługa?</h2>' in polish and "Що таке" not in polish


def test_the_check_asks_its_questions_in_the_page_language(example_site: Path) -> None:
    screener = page(example_site, "uk/sprawdz")
    assert ">Чи живете ви самі?</span></legend>" in screener
    assert "Ніхто інший не живе з вами вдома." in screener
    english = page(example_site, "en/sprawdz")
    assert ">Do you live alone?</span></legend>" in english
    data = (example_site / "en" / "sprawdz" / "dane.json").read_text(encoding="utf-8")
    assert '"label":"living alone"' in data and '"label":"mieszkanie samotnie"' not in data


def test_a_centre_that_has_not_translated_keeps_polish_marked(tmp_path: Path) -> None:
    easy_to_read = [
        {
            "heading": "Co to jest usługa?",
            "picture": "etr/pomoc.svg",
            "picture_alt": "Dłoń, na której leży serce.",
            "paragraphs": ["Usługa to pomoc, którą możesz dostać."],
            "translations": {"en": {"heading": "What is a service?"}},
        }
    ]
    statement = {k: v for k, v in ACCESSIBILITY_STATEMENT.items() if k != "translations"}
    site = tmp_path / "site"
    built = run_pelican(
        copy_mini(tmp_path / "untranslated"),
        site,
        EASY_TO_READ=easy_to_read,
        ACCESSIBILITY_STATEMENT=statement,
    )
    assert built.returncode == 0, built.stderr
    uk = page(site, "uk/tekst-latwy-do-czytania")
    assert '<h2 id="etr-1"><span lang="pl">Co to jest usługa?</span></h2>' in uk
    assert 'alt="Dłoń, na której leży serce." lang="pl"' in uk
    en = page(site, "en/tekst-latwy-do-czytania")
    assert '<h2 id="etr-1">What is a service?</h2>' in en
    assert '<p><span lang="pl">Usługa to pomoc, którą możesz dostać.</span></p>' in en
    en_statement = page(site, "en/deklaracja-dostepnosci")
    assert 'The website is <strong><span lang="pl">zgodna</span></strong>' in en_statement


def settings_with(**values: object) -> dict[str, object]:
    return {"THEME": str(ROOT / "themes" / "cus"), **values}


def test_a_settings_translation_without_its_polish_text_is_named() -> None:
    statement = copy.deepcopy(ACCESSIBILITY_STATEMENT)
    statement["translations"]["uk"]["entiti"] = "Центр"
    statement["translations"]["de"] = {"entity": "Zentrum"}
    settings, _ = load_settings(settings_with(ACCESSIBILITY_STATEMENT=statement))
    problems = SettingTranslations().check(None, settings)  # type: ignore[arg-type]
    assert [(p.field, p.params["name"]) for p in problems] == [
        ("ACCESSIBILITY_STATEMENT.translations.uk", "entiti"),
        ("ACCESSIBILITY_STATEMENT.translations.de", "de"),
    ]
    assert [p.format() for p in problems][1] == (
        "pelicanconf.py:1: ACCESSIBILITY_STATEMENT.translations.de: nieznane pole „de” "
        "(literówka?); dozwolone pola: uk, en"
    )


def test_a_clause_translation_with_an_unknown_row_stops_the_build() -> None:
    clause = copy.deepcopy(RODO)
    clause["translations"]["uk"]["forms"]["application"]["purpos"] = "Мета"
    with pytest.raises(SettingsInvalid) as stopped:
        load_settings(settings_with(RODO=clause))
    (problem,) = stopped.value.problems
    assert re.search(r"RODO/translations/uk/forms/application.*'purpos'", problem.params["detail"])
