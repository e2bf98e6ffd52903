/* One question at a time, on a phone and in the kiosk: "Dalej" and "Wstecz", the question's
 * number, and only the conditions some service still in play asks about. On a wide screen
 * every question stays on the page, as it is without JavaScript. */
import { makeJudge, parseAnswers, NO } from "./eligibility.js";
import { fill } from "./page-data.js";

const NARROW = "(max-width: 40em)";
const PERSON = ["wiek", "dla", "mieszkaniec"];

function wanted() {
  return window.matchMedia(NARROW).matches || document.documentElement.classList.contains("kiosk");
}

/* Condition ids named by the services the person-level answers leave in play. */
function namedConditions(form, data) {
  const values = new FormData(form);
  const params = new URLSearchParams();
  for (const name of PERSON) {
    const value = String(values.get(name) || "").trim();
    if (value) params.set(name, value);
  }
  const { answers } = parseAnswers(params, data);
  const judge = makeJudge(answers, data);
  const named = new Set();
  for (const service of data.services) {
    if (judge(service, { age: "", resident: "" }).status === NO) continue;
    const eligibility = service.eligibility;
    for (const set of [eligibility, ...(eligibility.any_of || [])]) {
      for (const id of set.conditions || []) named.add(id);
    }
  }
  return named;
}

/* {active, atEnd(), next(), finished()} for the form; inactive on a wide screen. */
export function startStepper(form, data, messages) {
  const steps = [...form.querySelectorAll("[data-step]")];
  const nav = form.querySelector("[data-step-nav]");
  const change = document.querySelector("[data-screener-change]");
  const controls = {
    active: false,
    atEnd: () => true,
    next: () => {},
    finished: () => {},
  };
  if (!nav || !steps.length || !wanted()) {
    return controls;
  }
  const back = nav.querySelector("[data-step-back]");
  const forward = nav.querySelector("[data-step-next]");
  const submit = form.querySelector("[data-screener-submit]");
  let index = 0;

  function relevant() {
    const named = namedConditions(form, data);
    return steps.filter((step) => !step.dataset.condition || named.has(step.dataset.condition));
  }

  function show(target, focus) {
    const shown = relevant();
    index = Math.max(0, Math.min(target, shown.length - 1));
    for (const step of steps) step.hidden = step !== shown[index];
    const current = shown[index];
    const progress = current.querySelector("[data-step-progress]");
    if (progress) {
      progress.textContent = fill(messages.step, { number: index + 1, total: shown.length });
    }
    back.hidden = index === 0;
    forward.hidden = index === shown.length - 1;
    submit.hidden = index !== shown.length - 1;
    if (focus) current.querySelector("[data-step-heading]")?.focus();
  }

  controls.active = true;
  controls.atEnd = () => index === relevant().length - 1;
  controls.next = () => show(index + 1, true);
  controls.finished = () => {
    form.hidden = true;
    if (change) change.hidden = false;
  };
  form.classList.add("screener-stepper");
  nav.hidden = false;
  forward.addEventListener("click", () => show(index + 1, true));
  back.addEventListener("click", () => show(index - 1, true));
  if (change) {
    change.addEventListener("click", () => {
      form.hidden = false;
      change.hidden = true;
      show(0, true);
    });
  }
  show(0, false);
  return controls;
}
