"""Translations in records (the contract's ``translations.<lang>``) and the languages a
service is provided in: checked with file and line, shown in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from records import copy_mini, problems_of
from sitekit import run_katalog

from cus_catalogue.search.model import load_search_model

ROOT = Path(__file__).resolve().parent.parent
UK_NAME = "Майстер на дрібний ремонт удома"
TRANSLATED = f"""translations:
  uk:
    name: {UK_NAME}
    summary: Майстер прийде додому і зробить дрібний ремонт, наприклад замінить лампочку.
  en:
    name: Handyman at home
languages: [pl, uk]
"""


def append(record: Path, text: str) -> int:
    """Add fields at the end of a record; the line number of the first one."""
    lines = record.read_text(encoding="utf-8").count("\n")
    record.write_text(record.read_text(encoding="utf-8") + text, encoding="utf-8")
    return lines + 1


def test_a_valid_translation_passes(mini: Path) -> None:
    append(mini / "services" / "zlota-raczka.yaml", TRANSLATED)
    assert problems_of(mini) == []


def test_a_key_outside_the_contract_fails_with_file_and_line(mini: Path) -> None:
    record = mini / "services" / "zlota-raczka.yaml"
    first = append(record, TRANSLATED.replace("    name: Handyman", "    nazwa: x\n    name: H"))
    assert problems_of(mini) == [
        f"services/zlota-raczka.yaml:{first + 5}: translations.en.nazwa: nieznane pole „nazwa” "
        "(literówka?); dozwolone pola: description, eligibility, fee, hours_note, how_to_apply, "
        "keywords, limits, name, summary"
    ]


def test_a_language_outside_the_contract_fails_with_file_and_line(mini: Path) -> None:
    record = mini / "providers" / "fundacja-pomocna-dlon.yaml"
    first = append(record, "translations:\n  de:\n    name: Stiftung Helfende Hand\n")
    assert problems_of(mini) == [
        f"providers/fundacja-pomocna-dlon.yaml:{first + 1}: translations.de: nieznane pole „de” "
        "(literówka?); dozwolone pola: en, uk"
    ]


def test_a_ukrainian_translation_without_a_name_is_explained(mini: Path) -> None:
    record = mini / "services" / "zlota-raczka.yaml"
    first = append(record, "translations:\n  uk:\n    summary: Майстер прийде додому.\n")
    assert problems_of(mini) == [
        f"services/zlota-raczka.yaml:{first + 1}: translations.uk.name: tłumaczenie nie ma "
        "nazwy: najpierw wpisz nazwę w tym języku (translations.uk.name)"
    ]


def test_a_language_code_must_be_iso_639_1(mini: Path) -> None:
    record = mini / "services" / "zlota-raczka.yaml"
    first = append(record, "languages: [pl, ua, UK]\n")
    result = run_katalog("validate", str(mini))
    assert result.returncode == 1
    lines = [line.split("zlota-raczka.yaml:", 1)[1] for line in result.stderr.splitlines()]
    assert lines == [
        f"{first}: languages[1]: „ua” nie jest kodem języka z normy ISO 639-1, np. pl, uk, en, ru",
        f"{first}: languages[2]: „UK” ma zły format: dwuliterowy kod języka (ISO 639-1) małymi "
        "literami, np. uk",
    ]


def test_a_translated_record_is_shown_in_the_page_language(tmp_path: Path, build_site) -> None:
    mini = copy_mini(tmp_path / "translated")
    append(mini / "services" / "zlota-raczka.yaml", TRANSLATED)
    site = build_site(mini)
    uk = (site / "uk" / "uslugi" / "zlota-raczka" / "index.html").read_text(encoding="utf-8")
    assert f'<h1 id="service-title">{UK_NAME}</h1>' in uk
    assert "<dt>Мови послуги</dt>" in uk
    assert '<a href="../../../uk/jezyk/uk/">українська</a>' in uk
    assert '<a href="../../../uk/jezyk/pl/">польська</a>' in uk
    assert '<div lang="pl">' in uk  # the description has no translation: Polish, marked
    en = (site / "en" / "uslugi" / "zlota-raczka" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="service-title">Handyman at home</h1>' in en
    assert '<p class="lead"><span lang="pl">' in en  # no English summary
    listed = (site / "uk" / "jezyk" / "uk" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Послуги мовою: українська</h1>" in listed and UK_NAME in listed
    polish = (site / "jezyk" / "uk" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Usługi w języku: ukraiński</h1>" in polish
    assert UK_NAME not in polish


def test_open_data_carries_translations_and_languages(example_site: Path) -> None:
    """HSDS ``languages`` for each service; the Data Package's translations table."""
    import csv
    import json

    services = json.loads((example_site / "dane/hsds/services.json").read_text(encoding="utf-8"))
    point = next(s for s in services if s["name"].startswith("Punkt informacyjny dla cudz"))
    assert [(item["code"], item["name"]) for item in point["languages"]] == [
        ("uk", "Ukrainian"),
        ("ru", "Russian"),
        ("pl", "Polish"),
    ]
    table = example_site / "dane/katalog/translations.csv"
    with table.open(encoding="utf-8", newline="") as rows:
        found = {(r["record"], r["language"], r["field"]): r["text"] for r in csv.DictReader(rows)}
    assert found[("noclegownia", "uk", "name")] == "Нічліжка"
    assert found[("noclegownia", "en", "eligibility.text")].startswith("Adults who are homeless")
    assert found[("cus-przykladowo", "en", "name")] == "Social Services Centre in Przykładowo"
    package = json.loads((example_site / "dane/katalog/datapackage.json").read_text("utf-8"))
    assert {"translations", "service_languages"} <= {r["name"] for r in package["resources"]}


@pytest.mark.parametrize("languages", [["uk", "pl"], ["pl", "de"], ["pl", "uk", "uk"]])
def test_the_languages_setting_lists_polish_first_and_known_languages(languages) -> None:
    from cus_catalogue.site_settings import SettingsInvalid, load_settings

    with pytest.raises(SettingsInvalid) as invalid:
        load_settings({"THEME": str(ROOT / "themes/cus"), "CATALOGUE_LANGUAGES": languages})
    (problem,) = invalid.value.problems
    assert problem.field == "CATALOGUE_LANGUAGES"
    assert problem.message == (
        "ustawienie ma wartość, której nie da się użyć: wpisz najpierw pl, potem dowolne z: "
        f"en, pl, uk, każdy raz (teraz: {', '.join(languages)})"
    )


def test_a_centre_translation_outside_the_contract_fails_with_file_and_line(tmp_path: Path) -> None:
    from cus_catalogue.catalogue import read_centres

    (tmp_path / "centres").mkdir()
    (tmp_path / "centres" / "alfa.yaml").write_text(
        "name: Centrum Usług Społecznych w Alfowie\nphone: '+48 91 111 11 11'\n"
        "email: cus@alfa.example\ncontent: ../alfa\n"
        "translations:\n  uk:\n    nazwa: Центр\n",
        encoding="utf-8",
    )
    _centres, problems = read_centres(tmp_path)
    assert [problem.format(tmp_path) for problem in problems] == [
        "centres/alfa.yaml:7: translations.uk.nazwa: nieznane pole „nazwa” (literówka?); "
        "dozwolone pola: name",
        "centres/alfa.yaml:6: translations.uk.name: tłumaczenie nie ma nazwy: najpierw wpisz "
        "nazwę w tym języku (translations.uk.name)",
    ]


@pytest.mark.parametrize("service", ["porada-prawna", "zlota-raczka"])
def test_a_ukrainian_query_finds_a_service_by_its_translations_own_keyword(mini, service):
    """Defect: a translation's ``keywords`` reached the Ukrainian index only when the Polish
    record had keywords too (porada-prawna has none), so a resident's own word, written only
    in the translation, found nothing."""
    append(
        mini / "services" / f"{service}.yaml",
        "translations:\n  uk:\n    name: Послуга для перевірки\n    keywords: [нотаріус]\n",
    )
    assert problems_of(mini) == []
    ukrainian = load_search_model(mini, ROOT / "data", "uk")
    assert ukrainian.ids("нотаріуса") == [service]  # another form of the word
    assert load_search_model(mini, ROOT / "data").ids("нотаріус") == []  # Polish: only Polish
