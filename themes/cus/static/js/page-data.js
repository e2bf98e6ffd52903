/* What the build puts into a page for its scripts: JSON in <script type="application/json">
 * elements, messages translated by the build, their placeholders and plural forms. */

/* The JSON of the first element matching `selector` (the fallback when there is none or it
 * cannot be read). */
export function readJson(selector, fallback = null, root = document) {
  const element = root.querySelector(selector);
  if (!element) {
    return fallback;
  }
  try {
    return JSON.parse(element.textContent);
  } catch {
    return fallback;
  }
}

/* "Otwarte teraz, do {time}" with {time} filled in. */
export function fill(template, values = {}) {
  return String(template ?? "").replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/* The form of a message the number asks for: forms is {one, few, many} (CLDR categories). */
export function plural(forms, count, values = {}) {
  let category = "other";
  try {
    category = new Intl.PluralRules(document.documentElement.lang || "pl").select(count);
  } catch {
    /* an unknown language: "other" */
  }
  const form = forms[category] ?? forms.other ?? forms.many ?? "";
  return fill(form, { count, ...values });
}

/* The forms of a unit after a number: 1 godzina, 2 godziny, 5 godzin. */
export function countOf(count, unit) {
  return plural({ one: "{count} " + unit.one, few: "{count} " + unit.few,
    many: "{count} " + unit.many, other: "{count} " + unit.many }, count);
}
