/* The forms, progressive enhancement only: focus the error summary, preselect ?usluga=, a
 * fresh idempotency key per page view, and a visible notice instead of a silent failure
 * offline. Without JavaScript every form still works. */
import { newKey } from "./idempotency.js";

const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
}

const wanted = new URLSearchParams(window.location.search).get("usluga");
const select = document.querySelector("select[data-preselect=service]");
if (wanted && select && !select.value) {
  const option = [...select.options].find((candidate) => candidate.value === wanted);
  if (option) {
    select.value = wanted;
  }
}

const key = document.querySelector("[data-idempotency-key]");
if (key && !key.value) {
  key.value = newKey();
}

const notice = document.querySelector("[data-offline-notice]");
function update() {
  if (notice) {
    notice.hidden = navigator.onLine;
  }
}
window.addEventListener("online", update);
window.addEventListener("offline", update);
update();

const form = document.querySelector("form[data-form]");
if (form) {
  form.addEventListener("submit", (event) => {
    if (!navigator.onLine) {
      event.preventDefault();
      update();
      notice.setAttribute("tabindex", "-1");
      notice.focus();
    }
  });
}
