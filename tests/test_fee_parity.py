"""The browser counts fees like Python: fees.js (integers of grosze) and fees/estimate.py
(Decimal) give the same amount, row, parsing verdict and written amount on every edge case."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from test_fees import AMOUNT, CRITERION, HAND_COUNTED, TABLE

from cus_catalogue.fees.estimate import (
    IncomeInputError,
    estimate_fee,
    parse_income,
    parse_people,
    zloty,
)
from cus_catalogue.fees.feature import criteria_data, fee_data

pytestmark = pytest.mark.browser

FEES = [
    (AMOUNT, TABLE),
    (28, [{"income_up_to": 100, "pay": 0}, {"income_up_to": 250, "pay": 25}, {"pay": 100}]),
    (30, [{"income_up_to": 150, "pay": 33.33}, {"pay": 100}]),
    (27.5, [{"income_up_to": 137.5, "pay": 33.33}, {"income_up_to": 200, "pay": 70}]),
    (0.25, [{"pay": 50}]),
    (10000, [{"income_up_to": 1000, "pay": 99.99}, {"pay": 100}]),
]
# Every threshold of the tables at, a grosz below and a grosz above, and the hand-counted ones.
INCOMES = ["0", "0,01", "823", "1389", "2020", "2525", "2525,01", "2828,75", "10100",
           "999999,99", "1000000"] + [income for income, _people, _fee in HAND_COUNTED]  # fmt: skip
PEOPLE = ["1", "2", "3", "20"]
TEXTS = ["1500", "1 500,5", "1500.", "0001500", "-5", "-0", "abc", "", "1.500", "1000000,01",
         "１５００", "+5", "1e3", "12,", ",5", " 7 ", "1\u00a0234,56", "99999999"]  # fmt: skip
PEOPLE_TEXTS = ["1", " 2 ", "0", "21", "2.5", "dwie", "", "007"]


def python_side() -> dict[str, Any]:
    """What Python says for every case, in the shape the browser's answers take."""
    estimates = []
    for amount, table in FEES:
        for income in INCOMES:
            for people in PEOPLE:
                found = estimate_fee(amount, table, parse_income(income), int(people), CRITERION)
                estimates.append([int(found.per_unit * 100), found.row, int(found.pay * 100)])
    parsed = []
    for text in TEXTS:
        try:
            parsed.append(int(parse_income(text) * 100))
        except IncomeInputError as error:
            parsed.append(error.code)
    people = []
    for text in PEOPLE_TEXTS:
        try:
            people.append(parse_people(text))
        except IncomeInputError as error:
            people.append(error.code)
    written = [zloty(Decimal(n) / 100) for n in (0, 1, 140, 123450, 1234560, 100000000)]
    return {"estimates": estimates, "parsed": parsed, "people": people, "written": written}


BROWSER_SIDE = """async (cases) => {
  const m = await import(new URL("theme/js/fees.js", document.baseURI).href);
  const estimates = [];
  for (const fee of cases.fees) {
    for (const income of cases.incomes) {
      for (const people of cases.people) {
        const found = m.householdFee(fee, m.parseIncome(income), m.parsePeople(people),
          cases.criteria, "2026-11-23");
        estimates.push([found.perUnit, found.row, found.pay]);
      }
    }
  }
  const attempt = (parse, text) => {
    try { return parse(text); } catch (error) { return error.code; }
  };
  return {
    estimates,
    parsed: cases.texts.map((text) => attempt(m.parseIncome, text)),
    people: cases.peopleTexts.map((text) => attempt(m.parsePeople, text)),
    written: [0, 1, 140, 123450, 1234560, 100000000].map(m.formatZloty),
  };
}"""


def test_browser_and_python_count_every_edge_case_alike(page, example_server):
    page.goto(example_server + "/")
    cases = {
        "fees": [fee_data({"kind": "partial", "amount": a, "table": t}) for a, t in FEES],
        "incomes": INCOMES,
        "people": PEOPLE,
        "texts": TEXTS,
        "peopleTexts": PEOPLE_TEXTS,
        "criteria": criteria_data([CRITERION]),
    }
    browser = page.evaluate(BROWSER_SIDE, json.loads(json.dumps(cases)))
    python = python_side()
    assert len(python["estimates"]) == len(FEES) * len(INCOMES) * len(PEOPLE)
    assert browser == python
