/* The page after a form was sent, when its address carries the reference (?ref=): show it.
 * The form backend's own confirmation page has the reference in its HTML already. */
const reference = new URLSearchParams(window.location.search).get("ref");
const shown = document.querySelector("[data-reference]");
if (shown && reference && /^[A-Z]-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(reference)) {
  shown.textContent = reference;
  document.querySelector("[data-reference-block]").hidden = false;
}
