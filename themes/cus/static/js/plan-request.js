/* "Ask the coordinator": one request for contact about every service of the plan, sent only
 * when the resident presses the button; the notes go with it only when the resident ticks it. */
import { el } from "./dom.js";
import { newKey } from "./idempotency.js";
import { postJson } from "./json.js";

function answers(form) {
  const data = new FormData(form);
  const body = {};
  for (const name of ["name", "phone", "email", "contact_time", "message", "website"]) {
    body[name] = String(data.get(name) || "");
  }
  body.on_behalf = data.get("on_behalf") !== null;
  body.consent = data.get("consent") !== null;
  return body;
}

function notesOf(items) {
  const notes = {};
  for (const item of items) {
    const own = {};
    for (const field of ["how_often", "since", "note"]) {
      if (item[field].trim()) {
        own[field] = item[field].trim();
      }
    }
    if (Object.keys(own).length) {
      notes[item.id] = own;
    }
  }
  return notes;
}

export function setUpRequest(section, endpoint, currentItems, messages) {
  const form = section.querySelector("form[data-plan-request]");
  const summary = section.querySelector("[data-plan-errors]");
  const list = section.querySelector("[data-plan-error-list]");
  const sent = section.querySelector("[data-plan-sent]");
  const key = newKey();

  const showErrors = (errors) => {
    for (const field of form.querySelectorAll("[aria-invalid]")) {
      field.removeAttribute("aria-invalid");
    }
    list.replaceChildren(
      ...Object.entries(errors).map(([name, message]) => {
        const item = el("li");
        const target = form.querySelector(`#field-${name}`);
        if (target) {
          target.setAttribute("aria-invalid", "true");
        }
        if (target || name === "services" || name === "notes") {
          item.append(el("a", { href: target ? `#field-${name}` : "#plan-items" }, message));
        } else {
          item.textContent = message;
        }
        return item;
      }),
    );
    summary.hidden = false;
    summary.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!navigator.onLine) {
      showErrors({ _form: messages.offline });
      return;
    }
    const items = currentItems();
    const body = { ...answers(form), services: items.map((item) => item.id), idempotency_key: key };
    if (form.querySelector("#field-include_notes").checked) {
      body.notes = notesOf(items);
    }
    let status;
    let result;
    try {
      ({ status, data: result } = await postJson(endpoint, body));
    } catch {
      showErrors({ _form: messages.failed });
      return;
    }
    if (status === 201 && result.reference) {
      summary.hidden = true;
      form.hidden = true;
      sent.querySelector("[data-plan-reference]").textContent = result.reference;
      sent.hidden = false;
      sent.focus();
      return;
    }
    showErrors(result.errors && Object.keys(result.errors).length ? result.errors : { _form: messages.failed });
  });
}
