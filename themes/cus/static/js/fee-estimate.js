/* The fee calculator of a partly paid service's page: household income and people in,
 * "7,00 zł za godzinę; 20 godzin w miesiącu: 140,00 zł" out, in [data-fee-estimate].
 * The page's address holds the answers (/uslugi/<id>/?dochod=1500&osoby=2), so the estimate
 * can be bookmarked and shown to the coordinator; nothing is sent anywhere. */
import { countOf, fill, readJson } from "./page-data.js";
import {
  IncomeInputError,
  householdFee,
  formatZloty,
  parseIncome,
  parsePeople,
  rowThreshold,
} from "./fees.js";

const FIELDS = ["dochod", "osoby", "ile"];
const MAX_UNITS = 1000;

function percentText(hundredths) {
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return (rest ? whole + "," + String(rest).padStart(2, "0").replace(/0$/, "") : whole) + "%";
}

function parseUnits(text) {
  const cleaned = String(text ?? "").trim();
  if (!cleaned) return null;
  if (!/^\d+$/.test(cleaned) || Number(cleaned) < 1 || Number(cleaned) > MAX_UNITS) {
    throw new IncomeInputError("units");
  }
  return Number(cleaned);
}

/* The sentences of an estimate: the amount per unit first, then how it was counted. */
export function describe(estimate, data, income, people, units, messages) {
  const unit = data.unit;
  let line = formatZloty(estimate.perUnit) + " " + unit.per_unit;
  if (units) {
    line += "; " + fill(messages.per_month, {
      amount: countOf(units, unit),
      total: formatZloty(estimate.perUnit * units),
    });
  }
  const perPerson = Math.floor((2 * income + people) / (2 * people)); // half up
  const table = data.fee.table;
  const row = table[estimate.row];
  const limit = row ? rowThreshold(row, estimate.criterion) : null;
  const previous = estimate.row > 0 ? rowThreshold(table[estimate.row - 1], estimate.criterion) : null;
  const values = {
    income: formatZloty(perPerson),
    limit: formatZloty(limit ?? previous ?? 0),
    pay: percentText(estimate.pay),
    full: formatZloty(data.fee.amount),
  };
  const why = limit !== null ? messages.detail_up_to : previous !== null ? messages.detail_above
    : messages.detail_any;
  const detail = [fill(why, values), estimate.free ? messages.free : "", messages.decision];
  return { line, detail: detail.filter(Boolean).join(" ") };
}

function errorText(messages, code) {
  return messages.errors[code] || messages.errors["not-a-number"];
}

/* Wire one calculator section ([data-fee-calculator]) to the page's address. */
export function startCalculator(section, messages) {
  const data = readJson("script[data-fee-data]", null, section);
  const form = section.querySelector("form[data-fee-form]");
  const output = section.querySelector("[data-fee-estimate]");
  const detail = section.querySelector("[data-fee-detail]");
  if (!data || !form || !output) return;

  function fieldOf(name) {
    return form.elements[name];
  }

  function clearErrors() {
    for (const name of FIELDS) {
      const field = fieldOf(name);
      const error = section.querySelector(`[data-error-for="${name}"]`);
      if (field) field.removeAttribute("aria-invalid");
      if (error) {
        error.hidden = true;
        error.textContent = "";
      }
    }
  }

  function showError(name, code, focus) {
    const field = fieldOf(name);
    const error = section.querySelector(`[data-error-for="${name}"]`);
    if (error) {
      error.textContent = errorText(messages, code);
      error.hidden = false;
    }
    if (field) {
      field.setAttribute("aria-invalid", "true");
      if (focus) field.focus();
    }
  }

  function show(params, focus) {
    clearErrors();
    output.hidden = true;
    detail.textContent = "";
    const incomeText = params.get("dochod");
    if (incomeText === null || (incomeText.trim() === "" && !focus)) return;
    let income, people, units;
    let field = "dochod";
    try {
      income = parseIncome(incomeText);
      field = "osoby";
      people = parsePeople(params.get("osoby") || "1");
      field = "ile";
      units = parseUnits(params.get("ile"));
    } catch (error) {
      if (!(error instanceof IncomeInputError)) throw error;
      showError(field, error.code, focus);
      return;
    }
    const estimate = householdFee(data.fee, income, people, data.criteria);
    if (!estimate) {
      detail.textContent = messages.no_criterion;
      return;
    }
    const words = describe(estimate, data, income, people, units, messages);
    output.textContent = words.line;
    output.hidden = false;
    detail.textContent = words.detail;
  }

  const params = new URLSearchParams(window.location.search);
  for (const name of FIELDS) {
    if (params.has(name) && fieldOf(name)) fieldOf(name).value = params.get(name);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams(window.location.search);
    for (const name of FIELDS) {
      const value = (fieldOf(name)?.value || "").trim();
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!next.has("dochod")) next.set("dochod", "");
    const query = next.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    show(next, true);
  });
  show(params, false);
  section.setAttribute("data-fee-ready", "");
}
