"""One name for each thing (docs/glossary.md): no forbidden variant, one translation per msgid.

The glossary's "Nie pisz" column is the list of forbidden variants; a variant found in a
Polish msgstr, a record, a vocabulary, the settings texts, CONTRIBUTING, a record template or
a record schema's descriptions fails with its file and line. "^Word" forbids a msgstr that is
exactly that word (an old label).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import pytest
from polish_texts import (
    ROOT,
    Text,
    markdown_lines,
    msgstr_texts,
    po_entries,
    record_texts,
    schema_texts,
    settings_texts,
    template_lines,
    vocabulary_texts,
)

from cus_catalogue.abbreviations import read_abbreviations, unexplained

GLOSSARY = ROOT / "docs" / "glossary.md"
# Forms that tell the reader's gender: "znalazłeś", "zadowolony/zadowolona", "sam albo sama".
GENDERED = re.compile(
    r"\b\w+(?:łeś|łaś|łbyś|łabyś)\b|\b\w{3,}/\w{3,}a\b|\bsam albo sama\b|\bzapoznał(?:em|am)\b",
    re.IGNORECASE,
)


def glossary_rows() -> list[list[str]]:
    """The cells of every row of the glossary's table of words."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 5 and not set(cells[0]) <= {"-"}:
            rows.append(cells)
    return rows[1:]  # the header


def forbidden_variants() -> list[str]:
    """Every backticked phrase of the "Nie pisz" column."""
    return [phrase for row in glossary_rows() for phrase in re.findall(r"`([^`]+)`", row[4])]


def prose_texts() -> Iterator[Text]:
    """Every Polish text a resident or provider reads, apart from the msgstrs (templates and
    schema descriptions too: `katalog new` and editors show them to providers)."""
    yield from record_texts()
    yield from vocabulary_texts()
    yield from settings_texts()
    yield from markdown_lines(ROOT / "CONTRIBUTING.md")
    yield from template_lines()
    yield from schema_texts()


def where(text: Text, word: str) -> str:
    return f"{text.path.relative_to(ROOT)}:{text.locate(word)}: {text.text[:80]!r}"


def test_the_glossary_names_every_word_in_polish_ukrainian_and_english() -> None:
    rows = glossary_rows()
    assert len(rows) >= 30
    for polish, msgid, ukrainian, english, _ in rows:
        assert polish and msgid and ukrainian and english, polish
        assert re.search(r"[а-яіїєґ]", ukrainian, re.IGNORECASE), f"not Ukrainian: {ukrainian}"


@pytest.mark.parametrize("variant", forbidden_variants())
def test_no_forbidden_variant_is_written(variant: str) -> None:
    """ "Zgłoś brakującą usługę" beside "Zgłoś brak usługi": one name, the glossary's."""
    found = []
    if variant.startswith("^"):
        label = variant[1:]
        for text in msgstr_texts():
            if text.text.strip().rstrip(":") == label:
                found.append(where(text, label))
    else:
        pattern = re.compile(rf"(?<!\w){re.escape(variant)}", re.IGNORECASE)
        for text in [*msgstr_texts(), *prose_texts()]:
            match = pattern.search(text.text)
            if match:
                found.append(where(text, match.group(0)))
    assert not found, f"“{variant}” is not the glossary's word (docs/glossary.md):\n" + "\n".join(
        found
    )


def test_one_msgid_has_one_polish_translation() -> None:
    """The .po files of a folder are merged, so a msgid translated twice shows either."""
    translations: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for entry in po_entries():
        folder = str(entry.path.parent.relative_to(ROOT))
        translations[folder, entry.msgid].add(entry.msgstrs)
    twice = {key: forms for key, forms in translations.items() if len(forms) > 1}
    assert not twice, f"Translated differently in two files: {twice}"


def test_no_form_tells_the_readers_gender() -> None:
    """ "Nie znalazłeś…?" and "zadowolony/zadowolona" address men, or split readers in two."""
    found = [
        where(text, match.group(0))
        for text in [*msgstr_texts(), *prose_texts()]
        if (match := GENDERED.search(text.text))
    ]
    assert not found, "Use forms that do not depend on the reader's gender:\n" + "\n".join(found)


def test_an_abbreviation_in_an_interface_string_is_explained_in_it() -> None:
    abbreviations = read_abbreviations(ROOT / "data")
    found = [
        f"{where(text, missing[0])} ({', '.join(missing)})"
        for text in msgstr_texts()
        if (missing := unexplained([text.text], abbreviations))
    ]
    assert not found, "Write the abbreviation out in the same message:\n" + "\n".join(found)
