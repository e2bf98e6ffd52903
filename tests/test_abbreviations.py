"""`katalog validate` warns on an abbreviation (CUS, MOSiR, maks.) the record never writes out."""

from __future__ import annotations

from pathlib import Path

import pytest
from records import DATA, TODAY, edit, warnings_of
from sitekit import run_katalog

from cus_catalogue.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent


def service(mini: Path) -> Path:
    return mini / "services" / "zlota-raczka.yaml"


def test_an_abbreviation_without_its_expansion_is_a_warning_at_its_line(mini: Path) -> None:
    edit(service(mini), "  - naprawa kranu.\n", "  - naprawa kranu.\n\n  Zgłoś się w CUS-ie.\n")
    assert warnings_of(mini) == [
        "services/zlota-raczka.yaml:10: ostrzeżenie: description: skrót „CUS” nie jest "
        "wyjaśniony w tym rekordzie: napisz „centrum usług społecznych” (przy pierwszym użyciu "
        "możesz dodać skrót w nawiasie)"
    ]


def test_a_shortening_such_as_maks_is_reported_too(mini: Path) -> None:
    edit(service(mini), "każda najwyżej 2 godziny", "po maks. 2 godziny")
    [warning] = warnings_of(mini)
    assert warning.startswith("services/zlota-raczka.yaml:25: ostrzeżenie: limits: skrót „maks.”")
    assert "napisz „najwyżej”" in warning


@pytest.mark.parametrize(
    "explained",
    [
        "  Zgłoś się w centrum usług społecznych (CUS).\n",
        # Another form of the words, split over two lines, anywhere in the record.
        "  Pomaga Centrum Usług\n  Społecznych. Zgłoś się w CUS.\n",
    ],
    ids=["written out at first use", "inflected across a line break"],
)
def test_an_explained_abbreviation_is_fine(mini: Path, explained: str) -> None:
    edit(service(mini), "  - naprawa kranu.\n", "  - naprawa kranu.\n\n" + explained)
    assert warnings_of(mini) == []


def test_search_words_and_longer_words_are_not_abbreviations(mini: Path) -> None:
    """Keywords are what residents type; "CUSTOM" or "focus" do not contain the word CUS."""
    edit(service(mini), "keywords: [hydraulik, naprawa]", "keywords: [hydraulik, naprawa, CUS]")
    edit(service(mini), "  - naprawa kranu.\n", "  - naprawa kranu, tryb FOCUS i CUSTOM.\n")
    assert warnings_of(mini) == []


def test_the_warning_does_not_stop_validation(mini: Path) -> None:
    edit(service(mini), "każda najwyżej 2 godziny", "po maks. 2 godziny")
    result = run_katalog("validate", str(mini))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "limits: skrót „maks.” nie jest wyjaśniony" in result.stdout + result.stderr


def test_the_example_catalogue_explains_every_abbreviation() -> None:
    catalogue = load_catalogue(ROOT / "content", DATA, today=TODAY)
    found = [p.format(ROOT) for p in catalogue.warnings if p.code == "unexplained-abbreviation"]
    assert found == []
