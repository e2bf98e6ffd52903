/* The plan page (/moj-plan/): the services of the plan kept on this device (or of a shared
 * link, ?uslugi=<id>,<id>), with the resident's notes; reorder, remove, print, share, and one
 * request for contact. The facts come from moj-plan/uslugi.json of this version of the site. */
import { getJson } from "./json.js";
import { ID, MAX_SERVICES, NOTE_LIMITS, readPlan, writePlan } from "./plan-store.js";
import { announce, fill, loadMessages, refreshPlanState, showProblem } from "./plan-toggle.js";
import { qrSvg } from "./plan-qr.js";
import { fillSheet } from "./plan-sheet.js";
import { setUpRequest } from "./plan-request.js";
import { feeEstimates } from "./plan-fees.js";

const body = document.body;
// The page's language folder: the plan's messages, service list and links are in its language.
const root = new URL(
  body.dataset.languageRoot || body.dataset.siteRoot || "/",
  window.location.href,
);
const list = document.querySelector("[data-plan-items]");
const template = document.querySelector("[data-plan-item-template]");
const problemBox = document.querySelector("[data-plan-problem]");
const sharedBox = document.querySelector("[data-plan-shared]");
const requestSection = document.querySelector("[data-plan-request-section]");

function sharedIds() {
  const raw = new URLSearchParams(window.location.search).get("uslugi");
  if (raw === null) {
    return null;
  }
  const ids = raw.split(",").map((id) => id.trim()).filter((id) => ID.test(id));
  return [...new Set(ids)].slice(0, MAX_SERVICES);
}

async function loadFacts() {
  try {
    return (await getJson(body.dataset.planData)).services;
  } catch {
    return null; // offline before the site was kept: names only
  }
}

const messages = (await loadMessages()) || {};
const facts = await loadFacts();
const estimates = facts ? await feeEstimates(body.dataset.planFees, facts) : new Map();
const own = readPlan();
let items = own.items;
let shared = false;
const fromLink = sharedIds();
if (fromLink && fromLink.length) {
  const kept = new Set(items.map((item) => item.id));
  shared = !fromLink.every((id) => kept.has(id));
  if (shared) {
    items = fromLink.map((id) => ({
      id,
      name: facts && facts[id] ? facts[id].name : id,
      how_often: "",
      since: "",
      note: "",
    }));
  }
}
if (own.problem) {
  problemBox.textContent = messages[own.problem] || "";
  problemBox.hidden = false;
}

function shareLink() {
  const link = new URL(body.dataset.planShare);
  link.search = items.length ? "?uslugi=" + items.map((item) => item.id).join(",") : "";
  return link.href.replace(/%2C/g, ",");
}

function save(near) {
  const failure = writePlan(items);
  refreshPlanState();
  if (failure) {
    showProblem(near, messages[failure] || "");
  }
  return !failure;
}

function slot(node, name) {
  return node.querySelector(`[data-slot="${name}"]`);
}

function itemNode(item, index) {
  const node = template.content.firstElementChild.cloneNode(true);
  const known = facts ? facts[item.id] : null;
  node.dataset.planItem = item.id;
  for (const hidden of node.querySelectorAll('[data-slot="name"]')) {
    hidden.textContent = " (" + (known ? known.name : item.name || item.id) + ")";
  }
  if (known) {
    const link = slot(node, "link");
    link.href = new URL(known.url, root).href;
    link.textContent = known.name;
    slot(node, "title").remove();
    for (const field of ["provider", "hours", "place", "fee", "places", "apply"]) {
      slot(node, field).textContent = known[field];
    }
    slot(node, "estimate").textContent = estimates.has(item.id)
      ? fill(messages.estimate || "{amount}", { amount: estimates.get(item.id) })
      : "";
    slot(node, "places-row").hidden = !known.places;
    if (known.status_label) {
      slot(node, "status").textContent = known.status_label;
      slot(node, "status").hidden = false;
    }
  } else {
    slot(node, "link").remove();
    slot(node, "title").textContent = item.name || item.id;
    slot(node, "facts").remove();
    if (facts) {
      node.querySelector(".plan-item-title").after(
        document.querySelector("[data-plan-removed-template]").content.cloneNode(true),
      );
    }
  }
  for (const [field, limit] of Object.entries(NOTE_LIMITS)) {
    const input = node.querySelector(`[data-note="${field}"]`);
    const id = `plan-${item.id}-${field}`;
    input.id = id;
    input.maxLength = limit;
    input.value = item[field];
    node.querySelector(`[data-note-label="${field}"]`).htmlFor = id;
    const hint = node.querySelector(`[data-note-hint="${field}"]`);
    if (hint) {
      hint.id = id + "-hint";
      input.setAttribute("aria-describedby", hint.id);
    }
    input.addEventListener("input", () => {
      item[field] = input.value.slice(0, limit);
      save(input);
    });
  }
  const [up, down] = node.querySelectorAll("[data-plan-move]");
  up.disabled = index === 0;
  down.disabled = index === items.length - 1;
  if (shared) {
    slot(node, "notes").remove();
    node.querySelector(".plan-item-actions").remove();
  }
  return node;
}

function render() {
  list.replaceChildren(...items.map(itemNode));
  document.querySelector("[data-plan-empty]").hidden = items.length > 0;
  document.querySelector("[data-plan-tools]").hidden = items.length === 0;
  requestSection.hidden = items.length === 0 || shared;
  sharedBox.hidden = !shared;
  const link = shareLink();
  document.querySelector("[data-plan-link]").value = link;
  document.querySelector("[data-plan-qr]").replaceChildren(qrSvg(link, messages.qr || link));
  const entries = items.map((item) => ({ item, facts: facts ? facts[item.id] || null : null }));
  fillSheet(document.querySelector("[data-plan-sheet]"), entries, link, messages.qr || link);
}

function nameOf(item) {
  return facts && facts[item.id] ? facts[item.id].name : item.name || item.id;
}

list.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button") : null;
  const node = button && button.closest("[data-plan-item]");
  if (!node) {
    return;
  }
  const index = items.findIndex((item) => item.id === node.dataset.planItem);
  const item = items[index];
  if (button.dataset.planMove) {
    const step = Number(button.dataset.planMove);
    const target = index + step;
    if (target < 0 || target >= items.length) {
      return;
    }
    items.splice(index, 1);
    items.splice(target, 0, item);
    save(button);
    render();
    const moved = list.children[target];
    const same = moved.querySelector(`[data-plan-move="${step}"]`);
    (same.disabled ? moved.querySelector(`[data-plan-move="${-step}"]`) : same).focus();
    announce(fill(messages.moved || "", { name: nameOf(item), position: target + 1 }));
  } else if (button.hasAttribute("data-plan-remove")) {
    items.splice(index, 1);
    save(button);
    render();
    const next = list.children[Math.min(index, items.length - 1)];
    (next ? next.querySelector("[data-plan-remove]") : document.querySelector("h1")).focus();
    announce(fill(messages.removed || "", { name: nameOf(item) }));
  }
});

document.querySelector("[data-plan-keep]").addEventListener("click", (event) => {
  const mine = readPlan().items;
  const have = new Set(mine.map((item) => item.id));
  items = [...mine, ...items.filter((item) => !have.has(item.id))].slice(0, MAX_SERVICES);
  shared = false;
  if (save(event.currentTarget)) {
    window.history.replaceState(null, "", window.location.pathname);
    announce(messages.kept || "");
  }
  render();
  list.focus();
});

document.querySelector("[data-plan-copy]").addEventListener("click", async (event) => {
  const field = document.querySelector("[data-plan-link]");
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    announce(messages.copied || "");
  } catch {
    /* the link stays selected: the resident can copy it by hand */
  }
  event.currentTarget.focus();
});
document.querySelector("[data-plan-print]").addEventListener("click", () => window.print());

list.tabIndex = -1;
setUpRequest(requestSection, body.dataset.planEndpoint, () => items, messages);
render();
body.dataset.planReady = "";
