/* My plan as this browser keeps it: localStorage only (never a cookie, never sent by itself).
 *
 * A plan is a list of {id, name, how_often, since, note}; the name is kept so a service that
 * a later version of the site no longer has can still be shown by name. Every failure of the
 * storage is a value, not an exception: "unavailable" (blocked, private mode), "corrupt"
 * (unreadable data, kept aside under BROKEN at the next change so nothing is lost) and
 * "quota" (no room left). */

import { KEYS } from "./storage-keys.js";

const KEY = KEYS.plan;
const BROKEN = KEYS.planUnreadable;
const VERSION = 1;
export const MAX_SERVICES = 20;
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const NOTE_LIMITS = { how_often: 80, since: 80, note: 300 };

function storage() {
  try {
    const store = window.localStorage;
    store.getItem(KEY);
    return store;
  } catch {
    return null;
  }
}

function text(value, limit) {
  return typeof value === "string" ? value.slice(0, limit) : "";
}

/* One stored item, or null when it is not an item of a plan. */
function cleanItem(raw) {
  if (!raw || typeof raw !== "object" || typeof raw.id !== "string" || !ID.test(raw.id)) {
    return null;
  }
  const item = { id: raw.id, name: text(raw.name, 200) };
  for (const [field, limit] of Object.entries(NOTE_LIMITS)) {
    item[field] = text(raw[field], limit);
  }
  return item;
}

/* Items in order, each id once, at most MAX_SERVICES. */
export function cleanItems(raw) {
  const seen = new Set();
  const items = [];
  for (const candidate of Array.isArray(raw) ? raw : []) {
    const item = cleanItem(candidate);
    if (item && !seen.has(item.id) && items.length < MAX_SERVICES) {
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}

function parse(raw) {
  try {
    const data = JSON.parse(raw);
    if (data && data.version === VERSION && Array.isArray(data.items)) {
      return cleanItems(data.items);
    }
  } catch {
    /* unreadable: reported below */
  }
  return null;
}

/* {items, problem}: problem is "", "unavailable" or "corrupt" (then the plan reads as empty). */
export function readPlan() {
  const store = storage();
  if (!store) {
    return { items: [], problem: "unavailable" };
  }
  const raw = store.getItem(KEY);
  const items = raw === null ? [] : parse(raw);
  return items ? { items, problem: "" } : { items: [], problem: "corrupt" };
}

/* Keep the items; returns "" or the problem ("unavailable", "quota"). Unreadable data found
 * in its place is first kept aside (BROKEN), so nothing is lost. */
export function writePlan(items) {
  const store = storage();
  if (!store) {
    return "unavailable";
  }
  try {
    const raw = store.getItem(KEY);
    if (raw !== null && parse(raw) === null) {
      store.setItem(BROKEN, raw);
    }
    store.setItem(KEY, JSON.stringify({ version: VERSION, items: cleanItems(items) }));
    return "";
  } catch {
    return "quota";
  }
}
