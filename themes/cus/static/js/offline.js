/* Registers the service worker and decides when a new version may take over. */

function formInProgress() {
  // A page with a form the resident is filling in keeps the old version until it is left.
  return document.querySelector("form[data-form]") !== null;
}

/* ``worker``: the worker script's URL, as the page names it (body data-service-worker). */
export function registerServiceWorker(worker, root) {
  const state = { registration: null, activateWaiting: () => false };
  if (!worker || !("serviceWorker" in navigator) || !window.isSecureContext) {
    return state;
  }
  const kiosk = () => document.documentElement.classList.contains("kiosk");

  state.activateWaiting = () => {
    const waiting = state.registration && state.registration.waiting;
    if (waiting) {
      waiting.postMessage({ type: "SKIP_WAITING" });
      return true;
    }
    return false;
  };

  function offerUpdate() {
    // Kiosk: at the idle reset (kiosk.js calls activateWaiting). Forms: on the next page.
    if (!navigator.serviceWorker.controller || kiosk() || formInProgress()) {
      return;
    }
    state.activateWaiting();
  }

  navigator.serviceWorker
    .register(worker.href, { scope: root.href })
    .then((registration) => {
      state.registration = registration;
      if (registration.waiting) {
        offerUpdate();
      }
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        if (!worker) {
          return;
        }
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed") {
            offerUpdate();
          }
        });
      });
    })
    .catch(() => {
      /* no offline copy: the site still works online */
    });
  return state;
}
