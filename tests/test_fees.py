"""Income-dependent fees in Python: exact to the grosz, thresholds inclusive, the criterion as
data, and fee tables checked with messages in Polish at their line."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sitekit import FIXTURES, ROOT, run_katalog

from cus_catalogue.fees.criteria import IncomeCriterion, criterion_on, read_criteria
from cus_catalogue.fees.estimate import (
    IncomeInputError,
    estimate_fee,
    parse_income,
    parse_people,
    zloty,
)

CRITERION = IncomeCriterion(dt.date(2025, 1, 1), Decimal("1010"), Decimal("823"), "test")
# The fixture's table (tests/fixtures/screener/services/opieka-z-tabela.yaml).
AMOUNT = 12.25
TABLE = [{"income_up_to": 100, "pay": 0}, {"income_up_to": 150, "pay": 50}, {"pay": 100}]
# Household income, people → what they pay per hour, counted by hand:
# one person: limits 1010,00 zł and 1515,00 zł; two: 823,00 and 1234,50 zł a person
# (1646,00 and 2469,00 zł a household); 12,25 × 50% = 6,125 → 6,13 zł (half up).
HAND_COUNTED = [
    ("0", 1, "0,00 zł"),
    ("1009,99", 1, "0,00 zł"),
    ("1010", 1, "0,00 zł"),
    ("1010,01", 1, "6,13 zł"),
    ("1514.99", 1, "6,13 zł"),
    ("1515,00", 1, "6,13 zł"),
    ("1515,01", 1, "12,25 zł"),
    ("1645,99", 2, "0,00 zł"),
    ("1646", 2, "0,00 zł"),
    ("1646,01", 2, "6,13 zł"),
    ("2469", 2, "6,13 zł"),
    ("2469,01", 2, "12,25 zł"),
    ("2469", 3, "0,00 zł"),
    ("1010", 2, "0,00 zł"),
]


@pytest.mark.parametrize(("income", "people", "expected"), HAND_COUNTED)
def test_fee_equals_the_hand_counted_amount_at_below_and_above_each_threshold(
    income, people, expected
):
    estimate = estimate_fee(AMOUNT, TABLE, parse_income(income), people, CRITERION)
    assert zloty(estimate.per_unit) == expected


def test_one_person_is_compared_with_the_single_amount_two_with_the_family_amount():
    single = estimate_fee(AMOUNT, TABLE, Decimal("1200"), 1, CRITERION)
    family = estimate_fee(AMOUNT, TABLE, Decimal("2400"), 2, CRITERION)  # 1200 zł a person
    assert (single.row, single.criterion) == (1, Decimal("1010"))
    # 1200 zł is 118.8% of 1010 zł but 145.8% of 823 zł.
    assert (family.row, family.criterion) == (1, Decimal("823"))
    assert single.row == 1 and estimate_fee(AMOUNT, TABLE, Decimal(1200), 2, CRITERION).row == 0


@pytest.mark.parametrize(
    ("amount", "pay", "expected"),
    [(12.25, 50, "6.13"), (30, 33.33, "10.00"), (27.5, 33.33, "9.17"), (0.25, 50, "0.13")],
)
def test_rounding_is_half_up_to_the_grosz(amount, pay, expected):
    estimate = estimate_fee(amount, [{"pay": pay}], Decimal(0), 1, CRITERION)
    assert estimate.per_unit == Decimal(expected)


def test_income_above_a_table_without_an_open_row_pays_the_full_amount():
    estimate = estimate_fee(20, [{"income_up_to": 100, "pay": 0}], Decimal(5000), 1, CRITERION)
    assert (estimate.per_unit, estimate.row) == (Decimal("20.00"), 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1500", "1500"), ("1 500,5", "1500.5"), ("1500.", "1500"), ("0001500", "1500"), ("0", "0")],
)
def test_income_accepts_a_comma_or_a_dot_and_spaces(text, expected):
    assert parse_income(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-5", "negative"),
        ("abc", "not-a-number"),
        ("", "empty"),
        ("1.500", "too-precise"),
        ("1000000,01", "too-large"),
        ("１５００", "not-a-number"),
        ("+5", "not-a-number"),
    ],
)
def test_bad_income_is_a_code_the_page_says_in_words(text, code):
    with pytest.raises(IncomeInputError) as raised:
        parse_income(text)
    assert raised.value.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0", "out-of-range"),
        ("21", "out-of-range"),
        ("2.5", "not-a-number"),
        ("dwie", "not-a-number"),
    ],
)
def test_bad_number_of_people_is_refused(text, code):
    with pytest.raises(IncomeInputError) as raised:
        parse_people(text)
    assert raised.value.code == "people-" + code


def test_money_is_written_as_in_poland():
    assert [zloty(Decimal(v)) for v in ("0", "7", "1234.5", "12345.6", "1000000")] == [
        "0,00 zł", "7,00 zł", "1234,50 zł", "12 345,60 zł", "1 000 000,00 zł"
    ]  # fmt: skip


def test_next_years_criterion_is_one_more_row(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "income-criteria.csv", data)
    with (data / "income-criteria.csv").open("a", encoding="utf-8") as table:
        table.write("2026-01-01,1100.00,900.00,nowe kwoty\n")
    criteria = read_criteria(data)
    assert criterion_on(criteria, dt.date(2025, 12, 31)).single_person == Decimal("1010.00")
    assert criterion_on(criteria, dt.date(2026, 1, 1)).single_person == Decimal("1100.00")
    assert criterion_on(criteria, dt.date(2024, 12, 31)) is None


def content_with_fee(tmp_path: Path, fee: str) -> Path:
    """The screener fixture with the fee of one service replaced."""
    content = Path(shutil.copytree(FIXTURES / "screener", tmp_path / "content"))
    path = content / "services" / "opieka-z-tabela.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("fee:"), text.index("eligibility:")
    path.write_text(text[:start] + fee + text[end:], encoding="utf-8")
    return content


@pytest.mark.parametrize(
    ("fee", "message"),
    [
        (
            "fee:\n  kind: free\n  table:\n    - {pay: 0}\n",
            "services/opieka-z-tabela.yaml:15: fee.table: tabelę opłat zależnych od dochodu ma "
            "tylko usługa częściowo płatna (fee.kind: partial)",
        ),
        (
            "fee:\n  kind: partial\n  amount: 10\n  table:\n    - {income_up_to: 150, pay: 0}\n"
            "    - {income_up_to: 100, pay: 50}\n",
            "services/opieka-z-tabela.yaml:18: fee.table[1].income_up_to: income_up_to musi "
            "rosnąć z wiersza na wiersz: 100 nie jest większe niż 150 w wierszu wyżej",
        ),
        (
            "fee:\n  kind: partial\n  amount: 10\n  table:\n    - {pay: 0}\n    - {pay: 50}\n",
            "services/opieka-z-tabela.yaml:17: fee.table[0]: tylko ostatni wiersz może nie mieć "
            "income_up_to (oznacza każdy wyższy dochód)",
        ),
        (
            "fee:\n  kind: partial\n  amount: 10.005\n  table:\n    - {pay: 0}\n",
            "services/opieka-z-tabela.yaml:15: fee.amount: 10.005 ma więcej niż dwie cyfry po "
            "przecinku",
        ),
        (
            "fee:\n  kind: partial\n  amount: 10\n  table:\n    - {pay: 120}\n",
            "services/opieka-z-tabela.yaml:17: fee.table[0].pay: musi wynosić najwyżej 100",
        ),
    ],
    ids=["not-partial", "not-rising", "open-row-first", "too-precise", "over-100"],
)
def test_a_wrong_fee_table_fails_validate_at_its_line(tmp_path, fee, message):
    content = content_with_fee(tmp_path, fee)
    result = run_katalog("validate", str(content))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert message in output
    assert "Traceback" not in output


def test_a_fee_table_without_a_valid_criterion_stops_the_check(tmp_path):
    content = Path(shutil.copytree(FIXTURES / "screener", tmp_path / "content"))
    data = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    (data / "income-criteria.csv").write_text(
        "valid_from,single_person,per_person_in_family,source\n2030-01-01,1,1,x\n", "utf-8"
    )
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"from pelicanconf import *\nCATALOGUE_DATA_PATH = {str(data)!r}\n", encoding="utf-8"
    )
    result = run_katalog("validate", str(content), "--settings", str(settings))
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "income-criteria.csv:1: valid_from: w dniu" in output
    assert "nie obowiązuje żadne kryterium dochodowe" in output
