"""Structured eligibility in records: condition ids from data/conditions.csv, sets of which one
is enough, hours past midnight, and warnings where the text names an age or a certificate the
structured fields do not carry (so the check "Is it for me?" would not know it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitekit import EXAMPLE_CONTENT, FIXTURES, ROOT, run_katalog

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.eligibility.conditions import read_conditions
from cus_catalogue.eligibility.text_check import ages_named, text_warnings

SERVICE = "services/taksowka-dla-seniora.yaml"


def edited(tmp_path: Path, old: str, new: str, service: str = SERVICE) -> Path:
    """The screener fixture with one text of one service replaced."""
    content = Path(shutil.copytree(FIXTURES / "screener", tmp_path / "content"))
    path = content / service
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return content


def validate(content: Path) -> tuple[int, str]:
    result = run_katalog("validate", str(content))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.returncode, output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "conditions: [mieszka-samotnie]",
            "conditions: [mieszka-sam]",
            "taksowka-dla-seniora.yaml:21: eligibility.any_of[0].conditions[0]: „mieszka-sam” "
            "nie jest identyfikatorem warunku z data/conditions.csv; dozwolone: "
            "orzeczenie-o-niepelnosprawnosci,",
        ),
        (
            "  residents_only: true\n",
            "  residents_only: true\n  conditions: [orzeczenie]\n",
            "taksowka-dla-seniora.yaml:19: eligibility.conditions[0]: „orzeczenie” nie jest "
            "identyfikatorem warunku",
        ),
        (
            "    - age_min: 75\n",
            "    - age_min: 75\n      age_max: 70\n",
            "taksowka-dla-seniora.yaml:20: eligibility.any_of[0].age_min: age_min (75) jest "
            "większe niż age_max (70)",
        ),
        (
            "    - conditions: [znaczny-stopien-niepelnosprawnosci]\n",
            "",
            "taksowka-dla-seniora.yaml:19: eligibility.any_of: musi zawierać co najmniej 2",
        ),
    ],
    ids=["unknown-in-any-of", "unknown-condition", "age-order-in-a-set", "one-set-only"],
)
def test_wrong_conditions_are_errors_at_their_line(tmp_path, old, new, message):
    returncode, output = validate(edited(tmp_path, old, new))
    assert returncode == 1, output
    assert message in output


def test_the_text_naming_an_age_or_a_certificate_the_fields_lack_is_a_warning(tmp_path):
    sets = (
        "  any_of:\n    - age_min: 75\n      conditions: [mieszka-samotnie]\n"
        "    - conditions: [znaczny-stopien-niepelnosprawnosci]\n"
    )
    returncode, output = validate(edited(tmp_path, sets, ""))
    assert returncode == 0, output
    assert (
        "taksowka-dla-seniora.yaml:15: ostrzeżenie: eligibility.text: tekst podaje wiek 75, "
        "a pola age_min, age_max i any_of nie: dopisz go, żeby sprawdzanie „Czy to dla mnie?” "
        "o nim wiedziało"
    ) in output
    assert (
        "tekst wymienia warunek „orzeczenie o znacznym stopniu niepełnosprawności”, a pola "
        "eligibility.conditions i any_of nie: dopisz znaczny-stopien-niepelnosprawnosci"
    ) in output


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Młodzież w wieku od 16 do 24 lat.", {16, 24}),
        ("Osoby w wieku 65 lat i więcej.", {65}),
        ("Osoby po 75. roku życia, które mieszkają samotnie.", {75}),
        ("Osoby od 18. roku życia.", {18}),
        ("Dzieci w wieku od 20 tygodni do 3 lat.", set()),
        ("Rodzice dzieci do 3. roku życia.", set()),
    ],
)
def test_ages_are_found_as_records_write_them(text, ages):
    assert ages_named(text) == ages


def test_the_example_catalogue_carries_every_age_and_certificate_its_texts_name():
    catalogue = load_catalogue(EXAMPLE_CONTENT, ROOT / "data")
    conditions = read_conditions(ROOT / "data")
    assert catalogue.errors == []
    warnings = [
        p.format() for r in catalogue.services.values() for p in text_warnings(r, conditions)
    ]
    assert warnings == []


def test_hours_past_midnight_are_valid_and_equal_hours_are_not(tmp_path):
    returncode, output = validate(edited(tmp_path, 'to: "08:00"', 'to: "06:00"',
                                         "services/noclegownia-testowa.yaml"))  # fmt: skip
    assert returncode == 0, output
    returncode, output = validate(edited(tmp_path / "same", 'to: "08:00"', 'to: "18:00"',
                                         "services/noclegownia-testowa.yaml"))  # fmt: skip
    assert returncode == 1
    assert (
        "noclegownia-testowa.yaml:9: hours[0].from: godzina rozpoczęcia 18:00 i godzina "
        "zakończenia 18:00 są takie same" in output
    )


def test_a_question_without_a_question_mark_is_a_vocabulary_error(tmp_path):
    data = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    path = data / "conditions.csv"
    path.write_text(
        path.read_text("utf-8").replace("Czy mieszkasz samotnie?", "Mieszkasz samotnie"), "utf-8"
    )
    catalogue = load_catalogue(FIXTURES / "mini", data)
    messages = [p.format() for p in catalogue.errors]
    assert any("conditions.csv:5: question:" in message for message in messages), messages
