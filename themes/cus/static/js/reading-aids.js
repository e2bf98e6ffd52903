/* Larger text and high contrast: switches remembered in this browser (localStorage). The bar
 * is laid out from the first paint where this module runs (html.js, see base.html). */
import { KEYS } from "./storage-keys.js";

const AIDS = {
  text: { storage: KEYS.text, on: "large", className: "text-large" },
  contrast: { storage: KEYS.contrast, on: "high", className: "contrast-high" },
};

function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked: the switch still works for this page
  }
}

function write(key, value) {
  try {
    if (value) {
      window.localStorage.setItem(key, value);
    } else {
      window.localStorage.removeItem(key);
    }
  } catch {
    /* storage blocked */
  }
}

export function setUpReadingAids(doc) {
  const html = doc.documentElement;
  const bar = doc.querySelector("[data-reading-aids]");
  if (!bar) {
    return;
  }
  for (const button of bar.querySelectorAll("[data-aid]")) {
    const aid = AIDS[button.dataset.aid];
    if (!aid) {
      continue;
    }
    const active = read(aid.storage) === aid.on;
    html.classList.toggle(aid.className, active);
    button.setAttribute("aria-pressed", String(active));
    button.addEventListener("click", () => {
      const now = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(now));
      html.classList.toggle(aid.className, now);
      write(aid.storage, now ? aid.on : null);
    });
  }
}
