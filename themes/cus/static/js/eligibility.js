/* Does a service fit a resident's answers? Yes, no, or "ask the coordinator" (unknown).
 *
 * The answers come from the address of /sprawdz/ (the contract):
 *   wiek=<years>&dla=<audience>&mieszkaniec=1&warunki=<id>,<id>&dochod=<PLN>&osoby=<N>
 * plus nie=<id>,<id> for conditions answered "no" and warunek-<id>=tak|nie, which the form
 * sends without JavaScript. A condition not answered is unknown; kryterium-dochodowe is decided
 * from dochod and osoby when they are given. Every structured requirement of a service
 * (eligibility: age_min, age_max, residents_only, conditions; any_of: one set must hold) is
 * judged in three values: all yes → the service fits; any no → it does not; else it depends on
 * what the coordinator learns.
 */
import { IncomeInputError, criterionOn, parseIncome, parsePeople } from "./fees.js";

export const YES = "yes";
export const NO = "no";
export const UNKNOWN = "unknown";
const EVERYONE = "wszyscy-mieszkancy";
const AVAILABLE = "active";

function listed(params, name) {
  return params
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter(Boolean);
}

/* {answers, problems}: problems are {field, code, value} for the page to say in words. */
export function parseAnswers(params, data) {
  const problems = [];
  const known = new Set(data.conditions.map((condition) => condition.id));
  const answers = {
    age: null, audience: null, resident: null, yes: new Set(), no: new Set(),
    income: null, people: null, incomeText: null,
  };
  const age = (params.get("wiek") || "").trim();
  if (age) {
    if (/^\d{1,3}$/.test(age) && Number(age) <= 120) {
      answers.age = Number(age);
    } else {
      problems.push({ field: "wiek", code: "age", value: age });
    }
  }
  const audience = (params.get("dla") || "").trim();
  if (audience) {
    if (data.audiences.includes(audience)) {
      answers.audience = audience;
    } else {
      problems.push({ field: "dla", code: "audience", value: audience });
    }
  }
  const resident = (params.get("mieszkaniec") || "").trim();
  if (resident) {
    if (["1", "tak"].includes(resident)) {
      answers.resident = true;
    } else if (["0", "nie"].includes(resident)) {
      answers.resident = false;
    } else {
      problems.push({ field: "mieszkaniec", code: "resident", value: resident });
    }
  }
  const said = [
    ...listed(params, "warunki").map((id) => [id, answers.yes, "warunki"]),
    ...listed(params, "nie").map((id) => [id, answers.no, "nie"]),
  ];
  for (const [name, value] of params) {
    if (name.startsWith("warunek-") && value) {
      const id = name.slice("warunek-".length);
      if (value === "tak" || value === "nie") {
        said.push([id, value === "tak" ? answers.yes : answers.no, name]);
      } else {
        problems.push({ field: name, code: "yes-no", value });
      }
    }
  }
  for (const [id, into, field] of said) {
    if (known.has(id)) {
      into.add(id);
    } else {
      problems.push({ field, code: "condition", value: id });
    }
  }
  for (const id of answers.yes) {
    if (answers.no.has(id)) {
      problems.push({ field: "warunki", code: "both", value: id });
      answers.yes.delete(id);
      answers.no.delete(id);
    }
  }
  const income = params.get("dochod") || "";
  if (income.trim()) {
    try {
      answers.income = parseIncome(income);
      answers.people = parsePeople(params.get("osoby") || "1");
      answers.incomeText = income.trim();
    } catch (error) {
      if (!(error instanceof IncomeInputError)) {
        throw error;
      }
      answers.income = null;
      const field = error.code.startsWith("people") ? "osoby" : "dochod";
      problems.push({ field, code: error.code, value: params.get(field) });
    }
  }
  return { answers, problems };
}

/* The contract's address for the answers: /sprawdz/?wiek=…&dla=…&mieszkaniec=1&warunki=… */
export function answersQuery(answers, incomeText = null, peopleText = null) {
  const params = new URLSearchParams();
  if (answers.age !== null) params.set("wiek", String(answers.age));
  if (answers.audience) params.set("dla", answers.audience);
  if (answers.resident !== null) params.set("mieszkaniec", answers.resident ? "1" : "0");
  if (answers.yes.size) params.set("warunki", [...answers.yes].join(","));
  if (answers.no.size) params.set("nie", [...answers.no].join(","));
  if (incomeText) params.set("dochod", incomeText);
  if (incomeText && peopleText) params.set("osoby", peopleText);
  return params.toString().replaceAll("%2C", ",");
}

function all(parts) {
  if (parts.some((part) => part.status === NO)) return NO;
  return parts.some((part) => part.status === UNKNOWN) ? UNKNOWN : YES;
}

/* A judge of services for one person's answers. */
export function makeJudge(answers, data) {
  const conditions = new Map(data.conditions.map((condition) => [condition.id, condition]));
  const criterion = criterionOn(data.criteria);
  const decidedByIncome = answers.income !== null && criterion !== null;
  const held = new Set();
  // Income, when given, decides the income criterion whatever else was said about it.
  const pending = [...answers.yes].filter((id) => !decidedByIncome || id !== data.income_condition);
  if (decidedByIncome) {
    const base = answers.people === 1 ? criterion.single_person : criterion.per_person_in_family;
    if (answers.income <= base * answers.people) {
      pending.push(data.income_condition);
    }
  }
  while (pending.length) {
    const id = pending.pop();
    if (!held.has(id)) {
      held.add(id);
      const implies = conditions.get(id)?.implies;
      if (implies) pending.push(implies);
    }
  }

  function condition(id) {
    const label = conditions.get(id)?.label ?? id;
    if (held.has(id)) return { status: YES, label };
    if (answers.no.has(id) || (id === data.income_condition && decidedByIncome)) {
      return { status: NO, label };
    }
    const implies = conditions.get(id)?.implies;
    if (implies && condition(implies).status === NO) return { status: NO, label };
    return { status: UNKNOWN, label };
  }

  function requirements(set, ageLabel) {
    const parts = [];
    if (set.age_min !== undefined || set.age_max !== undefined) {
      const fits = answers.age !== null &&
        (set.age_min === undefined || answers.age >= set.age_min) &&
        (set.age_max === undefined || answers.age <= set.age_max);
      const status = answers.age === null ? UNKNOWN : fits ? YES : NO;
      parts.push({ status, label: ageLabel });
    }
    for (const id of set.conditions || []) parts.push(condition(id));
    return parts;
  }

  /* {status, score, unknown: [labels of what the coordinator must learn]} of one service. */
  return function judge(service, labels) {
    const eligibility = service.eligibility;
    const parts = requirements(eligibility, labels.age);
    if (eligibility.residents_only) {
      const status = answers.resident === null ? UNKNOWN : answers.resident ? YES : NO;
      parts.push({ status, label: labels.resident });
    }
    let chosen = [];
    if (eligibility.any_of) {
      const options = eligibility.any_of.map((set) => requirements(set, labels.age));
      const open = options.filter((option) => all(option) === UNKNOWN);
      chosen = options.find((option) => all(option) === YES) || [];
      const status = chosen.length ? YES : open.length ? UNKNOWN : NO;
      const unknown = open.flat().filter((part) => part.status === UNKNOWN);
      parts.push({ status, label: null, unknown: unknown.map((part) => part.label) });
    }
    const audienceFits = !answers.audience || service.audiences.includes(answers.audience) ||
      service.audiences.includes(EVERYONE);
    const status = audienceFits && service.status === AVAILABLE ? all(parts) : NO;
    const unknown = parts
      .filter((part) => part.status === UNKNOWN)
      .flatMap((part) => part.unknown || [part.label]);
    const specific = answers.audience && service.audiences.includes(answers.audience) ? 10 : 0;
    const met = parts.concat(chosen).filter((part) => part.status === YES && part.label);
    return { status, score: specific + met.length, unknown: [...new Set(unknown)] };
  };
}
