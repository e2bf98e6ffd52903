/* On-screen keyboard with Polish letters for the kiosk: no physical keyboard is assumed. */
import { el } from "./dom.js";

const ROWS = [
  ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"],
  ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"],
  ["a", "s", "d", "f", "g", "h", "j", "k", "l"],
  ["z", "x", "c", "v", "b", "n", "m", "-", ".", "@"],
  ["ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"],
];
const TEXT_TYPES = new Set(["text", "search", "email", "tel", "url", ""]);

export function isTextField(element) {
  if (element instanceof HTMLTextAreaElement) {
    return !element.readOnly && !element.disabled;
  }
  return (
    element instanceof HTMLInputElement &&
    TEXT_TYPES.has(element.getAttribute("type") || "") &&
    !element.readOnly &&
    !element.disabled
  );
}

function caret(field) {
  try {
    return [field.selectionStart, field.selectionEnd];
  } catch {
    return [null, null]; // e-mail fields have no selection API
  }
}

function announceInput(field, inputType, data) {
  field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType, data }));
}

export function createKeyboard(doc, messages) {
  let target = null;
  let upper = false;
  const panel = el("div", { class: "osk", role: "group", "aria-label": messages.keyboard });
  panel.hidden = true;
  panel.dataset.keyboard = "";

  const letterButtons = [];
  function key(label, action, options = {}) {
    const button = el("button", { type: "button", class: "osk-key" + (options.wide ? " osk-wide" : "") }, label);
    if (options.name) {
      button.setAttribute("aria-label", options.name);
    }
    // Keep the caret in the field: a tap on a key must not move the focus.
    button.addEventListener("pointerdown", (event) => event.preventDefault());
    button.addEventListener("click", () => action(button));
    return button;
  }

  function insert(text) {
    if (!target) {
      return;
    }
    const [start, end] = caret(target);
    if (start === null) {
      target.value += text;
    } else {
      target.setRangeText(text, start, end, "end");
    }
    const max = target.maxLength;
    if (max > 0 && target.value.length > max) {
      target.value = target.value.slice(0, max);
    }
    announceInput(target, "insertText", text);
  }

  function backspace() {
    if (!target || !target.value) {
      return;
    }
    const [start, end] = caret(target);
    if (start === null) {
      target.value = target.value.slice(0, -1);
    } else if (start !== end) {
      target.setRangeText("", start, end, "end");
    } else if (start > 0) {
      target.setRangeText("", start - 1, start, "end");
    }
    announceInput(target, "deleteContentBackward", null);
  }

  function clear() {
    if (target) {
      target.value = "";
      announceInput(target, "deleteContent", null);
    }
  }

  function setUpper(value) {
    upper = value;
    for (const button of letterButtons) {
      button.textContent = upper ? button.dataset.char.toUpperCase() : button.dataset.char;
    }
    shift.setAttribute("aria-pressed", String(upper));
  }

  function enter() {
    const field = target;
    hide();
    if (field && field.form && field.type === "search") {
      field.form.requestSubmit();
    }
  }

  for (const row of ROWS) {
    const line = el("div", { class: "osk-row" });
    for (const char of row) {
      const button = key(char, (self) => {
        insert(self.textContent);
        if (upper) {
          setUpper(false);
        }
      });
      button.dataset.char = char;
      letterButtons.push(button);
      line.append(button);
    }
    panel.append(line);
  }
  const controls = el("div", { class: "osk-row" });
  const shift = key("⇧", () => setUpper(!upper), { name: messages.shift });
  shift.setAttribute("aria-pressed", "false");
  controls.append(
    shift,
    key(messages.space, () => insert(" "), { wide: true }),
    key("⌫", backspace, { name: messages.backspace }),
    key(messages.clear, clear),
    key(messages.done, enter),
  );
  panel.append(controls);

  function show(field) {
    target = field;
    // The screen's own keyboard stays hidden; ours does the typing.
    field.setAttribute("inputmode", "none");
    panel.hidden = false;
    doc.documentElement.classList.add("osk-open");
    field.scrollIntoView({ block: "nearest" });
  }

  function hide() {
    panel.hidden = true;
    doc.documentElement.classList.remove("osk-open");
  }

  doc.addEventListener("focusin", (event) => {
    if (isTextField(event.target)) {
      show(event.target);
    } else if (!panel.contains(event.target)) {
      hide();
    }
  });
  doc.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) {
      hide();
    }
  });
  doc.body.append(panel);
  return { panel, show, hide, insert };
}
