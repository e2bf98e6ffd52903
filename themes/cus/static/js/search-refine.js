/* The search filters that need the catalogue's data rather than the index: open now or at a
 * chosen day and hour (otwarte=teraz, dzien=pn…nd, godzina=HH:MM) and "free of charge for
 * me" (bezplatne=1 with dochod and osoby). Loaded by the search page only when one is set. */
import { IncomeInputError, householdFee, parseIncome, parsePeople } from "./fees.js";
import {
  DAY_CODES, isOpenAt, isOpenOnDay, parseHour, warsawClock, weekMinute,
} from "./hours.js";

let loaded = null;

function data(url) {
  if (!loaded) {
    loaded = fetch(url, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
    loaded.catch(() => { loaded = null; }); // a later search may try again
  }
  return loaded;
}

/* Does any filter here apply? */
export function needed(filters) {
  return Boolean(filters.otwarte || filters.dzien || filters.godzina ||
    (filters.bezplatne && filters.dochod));
}

/* A test on hours for the moment the person asks about (null: no time filter); what cannot be
 * read goes to `problems` in the person's words. A chosen day or hour wins over "now". */
function timeTest(filters, messages, problems, now) {
  if (filters.otwarte && filters.otwarte !== "teraz") problems.push(messages.bad_open);
  if (filters.otwarte !== "teraz" && !filters.dzien && !filters.godzina) return null;
  const clock = warsawClock(now);
  const day = filters.dzien ? DAY_CODES.indexOf(filters.dzien) : clock.day;
  if (day < 0) {
    problems.push(messages.bad_day);
    return null;
  }
  if (filters.godzina) {
    const minute = parseHour(filters.godzina);
    if (minute === null) {
      problems.push(messages.bad_time);
      return null;
    }
    return (hours) => isOpenAt(hours, day * 1440 + minute);
  }
  if (filters.dzien) return (hours) => isOpenOnDay(hours, day);
  return (hours) => isOpenAt(hours, weekMinute(clock));
}

function freeTest(filters, messages, problems, criteria) {
  if (!filters.bezplatne || !filters.dochod) return null;
  try {
    const income = parseIncome(filters.dochod);
    const people = parsePeople(filters.osoby || "1");
    return (service) => service.fee.kind === "free" ||
      Boolean(service.fee.table && householdFee(service.fee, income, people, criteria)?.free);
  } catch (error) {
    if (!(error instanceof IncomeInputError)) throw error;
    problems.push(messages.errors[error.code] || messages.errors["not-a-number"]);
    return (service) => service.fee.kind === "free";
  }
}

/* {ids: Set of service ids the filters keep (null: no such filter), problems: [text]}. */
export async function refine(filters, config, now = new Date()) {
  const problems = [];
  const catalogue = await data(config.data);
  const open = timeTest(filters, config.messages, problems, now);
  const free = freeTest(filters, config.messages, problems, catalogue.criteria);
  if (!open && !free) return { ids: null, problems };
  const ids = new Set(catalogue.services
    .filter((service) => (!open || open(service.hours)) && (!free || free(service)))
    .map((service) => service.id));
  return { ids, problems };
}
