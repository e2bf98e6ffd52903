/* The printed draft of an individual plan (IPUS): one row per service with the columns a
 * coordinator knows (service, provider, schedule, period, place), the date and the QR code. */
import { el } from "./dom.js";
import { qrSvg } from "./plan-qr.js";

function cell(row, ...parts) {
  const td = el("td");
  parts.forEach((part, index) => {
    if (!part) {
      return;
    }
    if (index === 0) {
      td.append(part);
    } else {
      td.append(el("small", {}, part));
    }
  });
  row.append(td);
}

/* entries: [{item, facts}] with facts from moj-plan/uslugi.json (null when unknown). */
export function fillSheet(sheet, entries, link, qrLabel) {
  const rows = sheet.querySelector("[data-plan-sheet-rows]");
  rows.replaceChildren(
    ...entries.map(({ item, facts }, index) => {
      const row = el("tr");
      cell(row, String(index + 1));
      cell(row, facts ? facts.name : item.name, facts ? facts.fee : "", item.note);
      cell(row, facts ? facts.provider : "");
      cell(row, item.how_often, facts ? facts.hours : "");
      cell(row, item.since);
      cell(row, facts ? facts.place : "");
      return row;
    }),
  );
  const today = new Date();
  const date = sheet.querySelector("[data-plan-date]");
  date.dateTime = today.toISOString().slice(0, 10);
  date.textContent = today.toLocaleDateString(document.documentElement.lang || "pl", {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  sheet.querySelector("[data-plan-qr-print]").replaceChildren(qrSvg(link, qrLabel));
}
