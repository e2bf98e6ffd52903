/* The check "Is it for me?" (/sprawdz/): the answers in the page's address, the services that
 * fit in [data-screener-results], those that depend on an unanswered question in
 * [data-screener-maybe]. On a phone and in the kiosk the form asks one question at a time.
 * Nothing leaves the device: the answers are compared with the catalogue's data here. */
import { answersQuery, makeJudge, parseAnswers, NO, UNKNOWN, YES } from "./eligibility.js";
import { householdFee, formatZloty } from "./fees.js";
import { fill, plural, readJson } from "./page-data.js";
import { startStepper } from "./screener-steps.js";

const ANSWER_FIELDS = /^(wiek|dla|mieszkaniec|warunki|nie|dochod|osoby|warunek-.+)$/;

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

function hasAnswers(params) {
  return [...params.keys()].some((name) => ANSWER_FIELDS.test(name));
}

async function loadData(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error("HTTP " + response.status);
  return response.json();
}

/* The form's answers as the contract's address (conditions as warunki= and nie= lists). */
function queryFromForm(form, data) {
  const values = new FormData(form);
  const params = new URLSearchParams();
  for (const name of ["wiek", "dla", "mieszkaniec", "dochod", "osoby"]) {
    const value = String(values.get(name) || "").trim();
    if (value) params.set(name, value);
  }
  for (const condition of data.conditions) {
    const value = values.get("warunek-" + condition.id);
    if (value) params.set("warunek-" + condition.id, String(value));
  }
  if (!params.get("dochod")) params.delete("osoby");
  const { answers, problems } = parseAnswers(params, data);
  if (problems.length) return params.toString();
  return answersQuery(answers, params.get("dochod"), params.get("osoby"));
}

/* Put the address's answers into the form, so they can be changed and sent again. */
function fillForm(form, answers, params) {
  const set = (name, value) => {
    for (const field of form.querySelectorAll(`[name="${name}"]`)) {
      if (field.type === "radio") field.checked = field.value === value;
      else field.value = value;
    }
  };
  set("wiek", params.get("wiek") || "");
  set("dla", answers.audience || "");
  set("mieszkaniec", answers.resident === null ? "" : answers.resident ? "1" : "0");
  for (const field of form.querySelectorAll('input[type="radio"][name^="warunek-"]')) {
    const id = field.name.slice("warunek-".length);
    const value = answers.yes.has(id) ? "tak" : answers.no.has(id) ? "nie" : "";
    field.checked = field.value === value;
  }
  set("dochod", params.get("dochod") || "");
  set("osoby", params.get("osoby") || "");
}

function feeLine(service, answers, data, messages) {
  const fee = service.fee;
  if (fee.table && answers.income !== null) {
    const estimate = householdFee(fee, answers.income, answers.people, data.criteria);
    if (estimate) {
      const unit = data.units[service.unit] || { per_unit: "" };
      const text = formatZloty(estimate.perUnit) + " " + unit.per_unit;
      return { estimate: true, text: estimate.free ? fill(messages.free_for_you, { text }) : text };
    }
  }
  const hint = fee.table ? " " + messages.give_income : "";
  return { estimate: false, text: messages.fee + " " + fee.text + hint };
}

function resultItem(service, verdict, answers, data, messages, root) {
  const item = element("li", { class: "screener-result", "data-service-id": service.id });
  const heading = element("h3", { class: "screener-result-title" });
  const url = new URL("uslugi/" + encodeURIComponent(service.id) + "/", root);
  if (answers.income !== null && service.fee.table) {
    // The service page counts the fee again from the same answers.
    url.search = new URLSearchParams({ dochod: answers.incomeText, osoby: String(answers.people) })
      .toString();
  }
  heading.appendChild(element("a", { href: url.href }, service.name));
  item.appendChild(heading);
  item.appendChild(element("p", {}, service.summary));
  const fee = feeLine(service, answers, data, messages);
  item.appendChild(element("p", fee.estimate ? { "data-fee-estimate": "" } : {}, fee.text));
  if (service.capacity) {
    const capacity = element("p", { class: "screener-capacity" });
    capacity.textContent = [service.capacity.sentence, ...service.capacity.people,
      service.capacity.as_of_sentence, service.capacity.stale_sentence].filter(Boolean).join(" ");
    item.appendChild(capacity);
  }
  if (verdict.status === UNKNOWN && verdict.unknown.length) {
    item.appendChild(element("p", { class: "screener-ask" },
      fill(messages.ask_about, { items: verdict.unknown.join("; ") })));
  }
  return item;
}

function summaryText(answers, data, messages, audienceLabels) {
  const parts = [];
  if (answers.age !== null) parts.push(plural(messages.age, answers.age));
  if (answers.audience) parts.push(audienceLabels[answers.audience] || answers.audience);
  if (answers.resident !== null) parts.push(answers.resident ? messages.resident : messages.not_resident);
  const labels = new Map(data.conditions.map((condition) => [condition.id, condition.label]));
  for (const id of answers.yes) parts.push(labels.get(id));
  for (const id of answers.no) parts.push(fill(messages.not, { label: labels.get(id) }));
  if (answers.income !== null) {
    parts.push(fill(messages.income, { amount: formatZloty(answers.income) }));
    parts.push(plural(messages.people, answers.people));
  }
  return parts.length ? messages.your_answers + " " + parts.join(" · ") + "." : "";
}

function problemText(problem, messages) {
  const template = messages.problems[problem.code] || messages.problems.condition;
  return fill(template, { value: problem.value });
}

function showProblems(box, problems, messages) {
  const list = box.querySelector("ul");
  list.textContent = "";
  for (const problem of problems) {
    const item = element("li");
    const target = document.querySelector(`[data-answer="${problem.field}"]`);
    if (target && target.id) {
      item.appendChild(element("a", { href: "#" + target.id }, problemText(problem, messages)));
    } else {
      item.textContent = problemText(problem, messages);
    }
    list.appendChild(item);
  }
  box.hidden = problems.length === 0;
  if (problems.length) {
    // Its top in view, below a sticky bar (scroll-padding), not its middle: a long list of
    // problems centred by focus() would start under the kiosk bar.
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "start" });
  }
}

function render(params, data, page, focus) {
  const { form, answer, messages, root } = page;
  const { answers, problems } = parseAnswers(params, data);
  fillForm(form, answers, params);
  showProblems(page.problems, problems, messages);
  const labels = { age: messages.age_label, resident: messages.resident_label };
  const judge = makeJudge(answers, data);
  const judged = data.services.map((service, order) => ({ service, order,
    verdict: judge(service, labels) }));
  const byScore = (a, b) => b.verdict.score - a.verdict.score || a.order - b.order;
  const fits = judged.filter((j) => j.verdict.status === YES).sort(byScore);
  const maybe = judged.filter((j) => j.verdict.status === UNKNOWN).sort(byScore);
  for (const [list, found] of [[page.results, fits], [page.maybe, maybe]]) {
    list.textContent = "";
    for (const { service, verdict } of found) {
      list.appendChild(resultItem(service, verdict, answers, data, messages, root));
    }
  }
  page.resultsEmpty.hidden = fits.length > 0;
  page.maybeSection.hidden = maybe.length === 0;
  page.summary.textContent = summaryText(answers, data, messages, page.audienceLabels);
  page.status.textContent = plural(messages.found, fits.length) + " " +
    (maybe.length ? plural(messages.found_maybe, maybe.length) : "");
  answer.hidden = false;
  const excluded = judged.filter((j) => j.verdict.status === NO).length;
  answer.setAttribute("data-excluded", String(excluded));
  if (focus && !problems.length) page.heading.focus();
}

async function start() {
  const form = document.querySelector("form[data-screener-form]");
  const answer = document.querySelector("[data-screener-answer]");
  if (!form || !answer) return;
  const messages = readJson("script[data-screener-messages]", {});
  const page = {
    form, answer, messages,
    root: new URL(document.body.dataset.siteRoot || "/", window.location.href),
    problems: document.querySelector("[data-screener-problems]"),
    results: answer.querySelector("[data-screener-results] ol"),
    maybe: answer.querySelector("[data-screener-maybe] ol"),
    maybeSection: answer.querySelector("[data-screener-maybe]"),
    resultsEmpty: answer.querySelector("[data-screener-none]"),
    summary: answer.querySelector("[data-screener-summary]"),
    status: answer.querySelector("[data-screener-status]"),
    heading: answer.querySelector("h2"),
    audienceLabels: Object.fromEntries([...form.querySelectorAll('input[name="dla"]')]
      .map((input) => [input.value, input.labels[0]?.textContent.trim() || input.value])),
  };
  let data;
  try {
    data = await loadData(form.dataset.screenerData);
  } catch {
    const failed = document.querySelector("[data-screener-failed]");
    if (failed) failed.hidden = false;
    document.body.setAttribute("data-screener-ready", "");
    return;
  }
  const params = new URLSearchParams(window.location.search);
  const stepper = startStepper(form, data, messages);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (stepper.active && !stepper.atEnd()) {
      stepper.next(); // Enter in a field of a step goes to the next question
      return;
    }
    const query = queryFromForm(form, data);
    window.history.pushState(null, "", window.location.pathname + "?" + query);
    render(new URLSearchParams(query), data, page, true);
    stepper.finished();
  });
  window.addEventListener("popstate", () => {
    const next = new URLSearchParams(window.location.search);
    if (hasAnswers(next)) render(next, data, page, false);
    else answer.hidden = true;
  });
  if (hasAnswers(params)) {
    const { answers, problems } = parseAnswers(params, data);
    render(params, data, page, false);
    if (!problems.length) {
      const canonical = answersQuery(answers, params.get("dochod"), params.get("osoby"));
      window.history.replaceState(null, "", window.location.pathname + "?" + canonical);
    }
    stepper.finished();
  }
  document.body.setAttribute("data-screener-ready", "");
}

start();
