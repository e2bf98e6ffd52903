/* The fee a household pays per unit of a partly paid service: the twin of
 * plugins/cus_catalogue/fees/estimate.py, in integers of grosze so that no float rounds.
 *
 * Money is in grosze (1 zł = 100), percentages in hundredths of a percent (150 % = 15000).
 * A row applies when the per-person income D/N is at most income_up_to % of the criterion
 * (single person when N = 1, else per person in a family), compared without dividing:
 * D × 10000 ≤ income_up_to × criterion × N. The fee is amount × pay / 10000, half up.
 * The limits below keep every product under 2^53, so Numbers stay exact.
 *
 *   import { householdFee, parseIncome, parsePeople, formatZloty } from "./fees.js";
 *   const estimate = householdFee(fee, parseIncome("1500,50"), parsePeople("2"), criteria);
 *   estimate && formatZloty(estimate.perUnit);   // "2,80 zł"
 *
 * fee: {amount: grosze, table: [{income_up_to: hundredths | null, pay: hundredths}, ...]}
 * criteria: [{valid_from: "YYYY-MM-DD", single_person: grosze, per_person_in_family: grosze,
 *             source: text}, ...] (the build writes both).
 */

export const MAX_INCOME = 100000000; // 1 000 000 zł, in grosze
export const MAX_PEOPLE = 20;
const AMOUNT = /^([0-9]+)(?:[.,]([0-9]*))?$/;
const PEOPLE = /^[ \t]*([0-9]+)[ \t]*$/;
const SPACES = /[ \t\u00a0\u202f]/g; // the Python twin strips the same characters

/* What is wrong with typed input, as a code the page turns into its own words. */
export class IncomeInputError extends Error {
  constructor(code) {
    super(code);
    this.name = "IncomeInputError";
    this.code = code;
  }
}

/* "1500", "1500,50", "1 500.5" → grosze; a comma or a dot before the grosze. */
export function parseIncome(text) {
  const cleaned = String(text ?? "").replace(SPACES, "");
  if (cleaned.startsWith("-") && AMOUNT.test(cleaned.slice(1))) {
    throw new IncomeInputError("negative");
  }
  const match = AMOUNT.exec(cleaned);
  if (!match) {
    throw new IncomeInputError(cleaned ? "not-a-number" : "empty");
  }
  const whole = match[1].replace(/^0+(?=\d)/, "");
  const fraction = match[2] || "";
  if (fraction.length > 2) {
    throw new IncomeInputError("too-precise");
  }
  if (whole.length > 7) {
    throw new IncomeInputError("too-large");
  }
  const grosze = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (grosze > MAX_INCOME) {
    throw new IncomeInputError("too-large");
  }
  return grosze;
}

/* How many people live in the household: a whole number from 1 to MAX_PEOPLE. */
export function parsePeople(text) {
  const match = PEOPLE.exec(String(text ?? ""));
  if (!match) {
    throw new IncomeInputError("people-not-a-number");
  }
  const people = Number(match[1]);
  if (people < 1 || people > MAX_PEOPLE) {
    throw new IncomeInputError("people-out-of-range");
  }
  return people;
}

/* Today's date in Poland, "YYYY-MM-DD" (the criterion changes at midnight there). */
export function todayInPoland(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Warsaw",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/* The amounts valid on `day`: the newest row that has started (null before the first). */
export function criterionOn(criteria, day = todayInPoland()) {
  let found = null;
  for (const criterion of criteria || []) {
    if (criterion.valid_from <= day && (!found || criterion.valid_from > found.valid_from)) {
      found = criterion;
    }
  }
  return found;
}

function halfUp(numerator, denominator) {
  return Math.floor((numerator + denominator / 2) / denominator);
}

/* {perUnit, pay, row, criterion, free}, or null when the fee has no table or no criterion is
 * valid on `day`. income in grosze, people a whole number (see parseIncome, parsePeople). */
export function householdFee(fee, income, people, criteria, day = todayInPoland()) {
  if (!fee || !Array.isArray(fee.table) || !fee.table.length) {
    return null;
  }
  const criterion = criterionOn(criteria, day);
  if (!criterion) {
    return null;
  }
  const base = people === 1 ? criterion.single_person : criterion.per_person_in_family;
  for (let row = 0; row < fee.table.length; row += 1) {
    const limit = fee.table[row].income_up_to;
    if (limit === null || limit === undefined || income * 10000 <= limit * base * people) {
      const pay = fee.table[row].pay;
      const perUnit = halfUp(fee.amount * pay, 10000);
      return { perUnit, pay, row, criterion: base, free: perUnit === 0 };
    }
  }
  return { perUnit: fee.amount, pay: 10000, row: fee.table.length, criterion: base,
    free: fee.amount === 0 };
}

/* The per-person income limit of a row in grosze (null for the open last row). */
export function rowThreshold(row, criterion) {
  return row.income_up_to === null || row.income_up_to === undefined
    ? null
    : halfUp(row.income_up_to * criterion, 10000);
}

/* "7,00 zł", "1234,50 zł", "12 345,00 zł": digits grouped from five on, as in Python. */
export function formatZloty(grosze) {
  const whole = Math.floor(grosze / 100);
  const cents = String(grosze % 100).padStart(2, "0");
  let digits = String(whole);
  if (digits.length >= 5) {
    digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  }
  return digits + "," + cents + " zł";
}

/* Hundredths of a złoty or of a percent from a record's number (35, 35.5, 33.33). */
function hundredths(value) {
  return Math.round(Number(value) * 100);
}

/* My plan's hook (plan-fees.js): the page's fee data, {criteria, units}, from the file its
 * body names in data-fee-data (the check's sprawdz/dane.json); undefined without one. */
export async function loadCriteria() {
  const url = document.body.dataset.feeData;
  if (!url) return undefined;
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) return undefined;
  const data = await response.json();
  return { criteria: data.criteria, units: data.units };
}

/* My plan's hook: a record's fee ({kind, amount, table, unit} in złoty and percent, as in the
 * YAML) for a household income in złoty, as text ("7,00 zł za godzinę"); null without a table,
 * a valid income or the data of loadCriteria. */
export function estimateFee(fee, income, people, feeData) {
  if (!fee || !Array.isArray(fee.table) || !feeData || !(income >= 0) || !(people >= 1)) {
    return null;
  }
  const inGrosze = {
    amount: hundredths(fee.amount),
    table: fee.table.map((row) => ({
      income_up_to: row.income_up_to === undefined || row.income_up_to === null
        ? null : hundredths(row.income_up_to),
      pay: hundredths(row.pay),
    })),
  };
  const estimate = householdFee(inGrosze, hundredths(income), people, feeData.criteria);
  if (!estimate) return null;
  const unit = (feeData.units || {})[fee.unit];
  return formatZloty(estimate.perUnit) + (unit && unit.per_unit ? " " + unit.per_unit : "");
}
