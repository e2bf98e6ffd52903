"""My plan counts the fee of a partly paid service for the household in the page's address,
with the fee module of the check (fees.js) through the plan's hook."""

from __future__ import annotations

import pytest
from plan_support import keep_plan, open_plan
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_plan_shows_the_fee_for_the_household_in_the_address(page, example_server):
    """Issue 14 meets issue 15: plan-fees.js calls fees.js's estimateFee and loadCriteria; with
    1500 zł for one person (148.5 % of 1010 zł) care services cost 5 % of 28 zł an hour."""
    page.goto(example_server + "/")
    keep_plan(page, [{"id": "uslugi-opiekuncze"}, {"id": "zlota-raczka"}])
    open_plan(page, example_server, "?dochod=1500&osoby=1")
    care = page.locator("[data-plan-item='uslugi-opiekuncze'] [data-slot='estimate']")
    expect(care).to_have_text("Dla Twojego gospodarstwa domowego: 1,40 zł za godzinę")
    handyman = page.locator("[data-plan-item='zlota-raczka'] [data-slot='estimate']")
    expect(handyman).to_have_text("")
    open_plan(page, example_server, "?dochod=2020&osoby=2")  # 1010 zł a person: 122.7 % of 823 zł
    expect(care).to_have_text("Dla Twojego gospodarstwa domowego: 1,40 zł za godzinę")
    open_plan(page, example_server, "?dochod=1010&osoby=1")  # exactly the criterion: free
    expect(care).to_have_text("Dla Twojego gospodarstwa domowego: 0,00 zł za godzinę")
