"""Hunspell's Polish dictionary over msgstrs, records, vocabularies, settings and CONTRIBUTING.

A word the dictionary does not know fails the test with its file and line. Names and terms
spelled right on purpose go into tests/spelling-words.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from polish_texts import (
    ROOT,
    Text,
    markdown_lines,
    msgstr_texts,
    record_texts,
    settings_texts,
    vocabulary_texts,
)
from spelling import misspellings, project_words

SOURCES = {
    "msgstrs": msgstr_texts,
    "example records": record_texts,
    "settings texts": settings_texts,
    "vocabularies": vocabulary_texts,
    "CONTRIBUTING.md": lambda: markdown_lines(ROOT / "CONTRIBUTING.md"),
}


def report(found: list[tuple[Text, str]]) -> str:
    """``path:line: word (where)``, one a line, as editors and CI annotations read it."""
    lines = []
    for text, word in found:
        path = text.path.relative_to(ROOT) if text.path.is_relative_to(ROOT) else text.path
        where = f" ({text.where})" if text.where else ""
        lines.append(f"{path}:{text.locate(word)}: {word}{where}")
    return "\n".join(lines)


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_polish_text_is_spelled_right(source: str) -> None:
    found = misspellings(SOURCES[source]())
    assert not found, "Unknown words (fix them, or add a name to tests/spelling-words.txt):\n" + (
        report(found)
    )


def test_a_misspelled_record_word_is_reported_with_file_and_line(tmp_path: Path) -> None:
    """The check can fail: a typo in a record is named with its file and line."""
    services = tmp_path / "services"
    services.mkdir()
    (tmp_path / "providers").mkdir()
    (services / "literowka.yaml").write_text(
        "name: Pomoc w domu\n"
        "summary: Opiekunka przychodzi do domu.\n"
        "description: |\n"
        "  Pomagamy w codziennych sprawach.\n"
        "  Zapoznałem sie z informacją o przetważaniu danych.\n",
        encoding="utf-8",
    )
    found = misspellings(record_texts(tmp_path))
    assert report(found).replace(f"{tmp_path}/", "") == (
        "services/literowka.yaml:5: sie (description)\n"
        "services/literowka.yaml:5: przetważaniu (description)"
    )


def test_a_misspelled_word_in_the_table_of_needed_services_is_reported(tmp_path: Path) -> None:
    """content/needs.csv is read on /potrzebne-uslugi/ but was left out of the checked records."""
    (tmp_path / "needs.csv").write_text(
        "id,name,description,audience,people,area,updated_on\n"
        "asystent,Asystent osobisty,Pomoc w wyjściu z domu.,seniorzy,3,,2026-11-10\n"
        "opieka,Opieka w weekendy,Opiekun przychodzi w sobote.,opiekunowie,2,,2026-11-10\n",
        encoding="utf-8",
    )
    found = misspellings(record_texts(tmp_path))
    assert report(found).replace(f"{tmp_path}/", "") == "needs.csv:3: sobote (opieka.description)"


def test_placeholders_addresses_and_ids_are_not_read_as_words() -> None:
    """Placeholders, e-mail and web addresses and record ids are not Polish words to check."""
    text = Text(
        ROOT / "x.po",
        1,
        "Plik {path} i %(num)d usług: zlota-raczka.yaml, biuro@example.org, https://example.org",
    )
    assert misspellings([text]) == []


def test_the_word_list_holds_no_word_twice() -> None:
    words = project_words()
    assert len(words) == len(set(words)), "tests/spelling-words.txt lists a word twice"
