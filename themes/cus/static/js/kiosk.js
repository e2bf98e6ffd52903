/* Kiosk mode: touch-first, no way out to the open web, and an idle reset that forgets the
 * last visitor (inputs, history entries, scroll position, storage). Started by site.js when
 * the page was opened from /kiosk/ in this tab. */
import { el } from "./dom.js";
import { getJson } from "./json.js";
import { createKeyboard } from "./keyboard.js";
import { KEYS } from "./storage-keys.js";

const WARNING_FLOOR = 20; // WCAG 2.2.1: at least 20 seconds to ask for more time
const ACTIVITY = ["pointerdown", "keydown", "input", "wheel", "touchstart", "scroll"];

function staleEntries() {
  try {
    return new Set(JSON.parse(window.sessionStorage.getItem(KEYS.kioskStale) || "[]"));
  } catch {
    return new Set();
  }
}

function isOutbound(anchor) {
  let url;
  try {
    url = new URL(anchor.href, window.location.href);
  } catch {
    return false;
  }
  if (url.protocol === "mailto:" || url.protocol === "tel:") {
    return true;
  }
  return url.origin !== window.location.origin;
}

/* Forget the visitor and go back to the kiosk start (``home``). */
export function reset(home, offline) {
  for (const form of document.forms) {
    form.reset();
  }
  for (const field of document.querySelectorAll("input, textarea")) {
    if (!["hidden", "checkbox", "radio", "submit", "button"].includes(field.type)) {
      field.value = "";
    }
  }
  // Every history entry of this visitor becomes stale: opening one sends back to the start.
  const stale = staleEntries();
  if (window.navigation) {
    for (const entry of window.navigation.entries()) {
      stale.add(entry.id);
    }
  }
  try {
    window.localStorage.clear();
    window.sessionStorage.clear();
    window.sessionStorage.setItem(KEYS.kiosk, "1");
    window.sessionStorage.setItem(KEYS.kioskStale, JSON.stringify([...stale]));
  } catch {
    /* storage blocked: nothing was kept either */
  }
  for (const cookie of document.cookie.split(";")) {
    const name = cookie.split("=")[0].trim();
    if (name) {
      document.cookie = name + "=; max-age=0; path=/";
    }
  }
  window.history.replaceState(null, "", window.location.href);
  window.scrollTo(0, 0);
  // A waiting new version of the site takes over now, between two visitors.
  offline.activateWaiting();
  window.location.replace(home.href);
}

/* Paths come from the page (site.js reads body data- attributes): ``home`` the kiosk start,
 * ``messages`` the interface texts, ``links`` the codes of outbound links. */
export async function start({ root, offline, body, home, messages: messagesUrl, links: linksUrl }) {
  const doc = document;
  window.history.scrollRestoration = "manual";
  const leaveIfStale = () => {
    const current = window.navigation && window.navigation.currentEntry;
    if (current && staleEntries().has(current.id)) {
      window.location.replace(home.href);
      return true;
    }
    return false;
  };
  if (leaveIfStale()) {
    return;
  }
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      leaveIfStale();
    }
  });

  // The sticky bar's real height (more than one row of buttons on a narrow screen or with
  // larger text) keeps what a jump or the focus brings into view below the bar (scroll-padding);
  // what has the focus already, perhaps scrolled there before this ran, comes out from under it.
  const bar = doc.querySelector("[data-kiosk-bar]");
  if (bar) {
    new ResizeObserver(() => {
      doc.documentElement.style.setProperty("--kiosk-bar-height", `${bar.offsetHeight}px`);
      const focused = doc.activeElement;
      if (focused && focused !== doc.body && !bar.contains(focused)) {
        const box = focused.getBoundingClientRect();
        if (box.bottom > 0 && box.top < bar.getBoundingClientRect().bottom) {
          focused.scrollIntoView({ block: "start" });
        }
      }
    }).observe(bar);
  }

  const messages = await getJson(messagesUrl.href);
  let links = {};
  getJson(linksUrl.href)
    .then((data) => {
      links = data;
    })
    .catch(() => {
      /* addresses are still shown, without a code */
    });

  // No new windows, no remembered form entries on a shared screen.
  for (const anchor of doc.querySelectorAll("a[target]")) {
    anchor.removeAttribute("target");
  }
  for (const field of doc.querySelectorAll("input, textarea, form")) {
    field.setAttribute("autocomplete", "off");
  }

  const keyboard = createKeyboard(doc, messages);

  // Toolbar (in every page, shown by html.kiosk from the first paint): back, start, print, finish.
  // The kiosk browser has no buttons of its own. Back without a page to go back to stays in
  // its place, invisible, so nothing in the bar moves.
  const back = doc.querySelector("[data-kiosk-back]");
  if (back) {
    const stale = staleEntries();
    const nav = window.navigation;
    const previous = nav && nav.currentEntry ? nav.entries()[nav.currentEntry.index - 1] : null;
    const none = !previous || stale.has(previous.id) || body.dataset.kioskStart !== undefined;
    back.classList.toggle("kiosk-bar-off", none);
    back.addEventListener("click", () => window.history.back());
  }

  // Finish: the visitor leaves; everything they typed or kept goes, as on idle reset.
  const finishNow = doc.querySelector("[data-kiosk-finish]");
  if (finishNow) {
    finishNow.addEventListener("click", () => reset(home, offline));
  }

  // Links out: a code to scan and the address to take home, never the page itself.
  const linkDialog = el("dialog", {
    class: "kiosk-dialog",
    "aria-labelledby": "kiosk-link-title",
  });
  const linkTitle = el("h2", { id: "kiosk-link-title" }, messages.linkTitle);
  const linkText = el("p", {}, messages.linkText);
  const linkImage = el("img", { alt: messages.qrAlt, width: "240", height: "240" });
  const linkAddress = el("p", { class: "kiosk-address" });
  const linkClose = el("button", { type: "button" }, messages.close);
  linkClose.addEventListener("click", () => linkDialog.close());
  linkDialog.append(linkTitle, linkText, linkImage, linkAddress, linkClose);
  body.append(linkDialog);

  doc.addEventListener(
    "click",
    (event) => {
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!anchor || !isOutbound(anchor)) {
        return;
      }
      event.preventDefault();
      const href = anchor.getAttribute("href");
      const known = links[href];
      linkAddress.textContent = known ? known.text : href.replace(/^(mailto:|tel:)/, "");
      linkImage.hidden = !known;
      if (known) {
        linkImage.src = new URL(known.qr, root).href;
      }
      linkDialog.showModal();
      linkClose.focus();
    },
    true,
  );

  // Idle: after a while a dialog offers more time; without an answer the kiosk resets.
  const idle = Math.max(5, Number(body.dataset.kioskIdle) || 90) * 1000;
  const warning = Math.max(WARNING_FLOOR, Number(body.dataset.kioskWarning) || 30);
  const idleDialog = el("dialog", {
    class: "kiosk-dialog",
    "aria-labelledby": "kiosk-idle-title",
    "aria-describedby": "kiosk-idle-text",
    "data-idle-dialog": "",
  });
  const idleTitle = el("h2", { id: "kiosk-idle-title" }, messages.moreTimeTitle);
  const idleText = el("p", { id: "kiosk-idle-text" }, messages.moreTimeText);
  const countdown = el("p", { class: "kiosk-countdown", "data-countdown": "" });
  const more = el("button", { type: "button" }, messages.moreTimeContinue);
  const finish = el("button", { type: "button", class: "secondary" }, messages.finish);
  idleDialog.append(idleTitle, idleText, countdown, more, finish);
  body.append(idleDialog);

  let idleTimer = 0;
  let tickTimer = 0;
  let remaining = 0;
  const arm = () => {
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(warn, idle);
  };
  const pluralRules = new Intl.PluralRules(doc.documentElement.lang || "pl");
  const showRemaining = () => {
    const forms = messages.countdown;
    const text = forms[pluralRules.select(remaining)] ?? forms.other;
    countdown.textContent = text.replace("{n}", String(remaining));
  };
  function warn() {
    remaining = warning;
    showRemaining();
    keyboard.hide();
    if (linkDialog.open) {
      linkDialog.close();
    }
    idleDialog.showModal();
    more.focus();
    tickTimer = window.setInterval(() => {
      remaining -= 1;
      showRemaining();
      if (remaining <= 0) {
        window.clearInterval(tickTimer);
        reset(home, offline);
      }
    }, 1000);
  }
  more.addEventListener("click", () => {
    window.clearInterval(tickTimer);
    idleDialog.close();
    arm();
  });
  finish.addEventListener("click", () => {
    window.clearInterval(tickTimer);
    reset(home, offline);
  });
  // Escape means "I am still here", never "close and keep the countdown running".
  idleDialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    more.click();
  });
  for (const type of ACTIVITY) {
    doc.addEventListener(
      type,
      () => {
        if (!idleDialog.open) {
          arm();
        }
      },
      { capture: true, passive: true },
    );
  }
  arm();
  body.dataset.kioskReady = "";
}
