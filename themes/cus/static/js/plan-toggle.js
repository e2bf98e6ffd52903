/* "In my plan" on every page: the toggle buttons (service pages, lists, search results), the
 * count in the menu, and a spoken and a visible message for every change or failure. */
import { el } from "./dom.js";
import { getJson } from "./json.js";
import { MAX_SERVICES, readPlan, writePlan } from "./plan-store.js";

let messagesLoading = null;

/* The translated strings of the plan scripts (the page names them: body data-plan-messages),
 * loaded once; null when they cannot be had. */
export function loadMessages() {
  if (!messagesLoading) {
    const url = document.body.dataset.planMessages;
    messagesLoading = url
      ? getJson(new URL(url, window.location.href).href).catch(() => null)
      : Promise.resolve(null);
  }
  return messagesLoading;
}

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

export function countText(messages, count) {
  const forms = messages.count;
  const category = new Intl.PluralRules(document.documentElement.lang || "pl").select(count);
  return fill(forms[category] ?? forms.other, { n: count });
}

/* Said by screen readers (the page's live region). */
export function announce(text) {
  const live = document.querySelector("[data-plan-live]");
  if (!live) {
    return;
  }
  live.textContent = "";
  window.setTimeout(() => {
    live.textContent = text;
  }, 50);
}

/* A plain message beside what the resident just used, also read out at once. */
export function showProblem(near, text) {
  let notice = document.querySelector("[data-plan-notice]");
  if (!notice) {
    notice = el("p", { class: "status", role: "alert", "data-plan-notice": "" });
  }
  notice.textContent = text;
  (near.closest("li, p") || near).after(notice);
}

function addToggle(item, messages) {
  const link = item.querySelector('a[href*="/uslugi/"]');
  const match = link && new URL(link.href).pathname.match(/\/uslugi\/([a-z0-9-]+)\/$/);
  if (!match || item.querySelector("[data-plan-toggle]")) {
    return;
  }
  const planName = link.textContent.trim();
  const button = el(
    "button",
    { type: "button", class: "plan-toggle", "data-plan-toggle": match[1], "data-plan-name": planName },
    el("span", { class: "plan-toggle-mark", "aria-hidden": "true" }),
    messages.toggle,
    el("span", { class: "visually-hidden" }, " (" + planName + ")"),
  );
  item.append(button);
}

/* Every toggle's state and the count in the menu, as the plan kept now says. */
export async function refreshPlanState() {
  const { items } = readPlan();
  const ids = new Set(items.map((item) => item.id));
  for (const button of document.querySelectorAll("[data-plan-toggle]")) {
    button.setAttribute("aria-pressed", String(ids.has(button.dataset.planToggle)));
  }
  for (const count of document.querySelectorAll("[data-plan-count]")) {
    count.textContent = String(items.length);
  }
  const messages = await loadMessages();
  for (const label of document.querySelectorAll("[data-plan-count-text]")) {
    label.textContent = messages ? " (" + countText(messages, items.length) + ")" : "";
  }
}

export function setUpPlanToggles() {
  const refresh = () => refreshPlanState();

  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-plan-toggle]") : null;
    if (!button) {
      return;
    }
    const messages = await loadMessages();
    const { items, problem } = readPlan();
    const id = button.dataset.planToggle;
    const name = button.dataset.planName || id;
    const kept = items.some((item) => item.id === id);
    if (!kept && items.length >= MAX_SERVICES) {
      showProblem(button, messages ? messages.full : "");
      return;
    }
    const next = kept
      ? items.filter((item) => item.id !== id)
      : [...items, { id, name, how_often: "", since: "", note: "" }];
    const failure = writePlan(next) || (problem === "corrupt" ? "" : problem);
    await refresh();
    if (failure) {
      showProblem(button, messages ? messages[failure] : "");
      return;
    }
    if (problem === "corrupt" && messages) {
      showProblem(button, messages.corrupt);
    }
    if (messages) {
      announce(fill(kept ? messages.removed : messages.added, { name }));
    }
  });

  window.addEventListener("storage", refresh);
  const results = document.querySelector("[data-search-results]");
  if (results) {
    const enhance = async () => {
      const messages = await loadMessages();
      if (messages) {
        results.querySelectorAll("li").forEach((item) => addToggle(item, messages));
        refresh();
      }
    };
    new MutationObserver(enhance).observe(results, { childList: true, subtree: true });
    enhance();
  }
  return refresh();
}
