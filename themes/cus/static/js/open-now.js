/* "Otwarte teraz, do 15:30" / "Zamknięte, otwiera się jutro o 8:00" under a service's hours,
 * from the device's clock read in Poland's time; refreshed every minute (a kiosk stays open). */
import { DAY_CODES, daysAhead, openState, timeText, warsawClock, weekMinute } from "./hours.js";
import { fill } from "./page-data.js";

/* {open, text} for these hours at this moment (text "" when the service has no hours). */
export function openNow(hours, date, messages) {
  const minute = weekMinute(warsawClock(date));
  const state = openState(hours, minute);
  if (state.always) return { open: true, text: messages.open_always };
  if (state.open) {
    const ahead = daysAhead(minute, state.until, true);
    const time = timeText(state.until, true);
    const template = [messages.open_until, messages.open_until_tomorrow][ahead] ?? messages.open;
    return { open: true, text: fill(template, { time }) };
  }
  if (state.next === null) return { open: false, text: "" };
  const time = timeText(state.next);
  const ahead = daysAhead(minute, state.next);
  const day = messages.days[DAY_CODES[Math.floor(state.next / 1440) % 7]];
  const template = [messages.opens_today, messages.opens_tomorrow][ahead] ?? messages.opens_on;
  return { open: false, text: fill(template, { day, time }) };
}

/* Fill every [data-open-now] element (its hours in the attribute) and keep it current. */
export function startOpenNow(root, messages) {
  const elements = [...root.querySelectorAll("[data-open-now]")];
  function update() {
    const now = new Date();
    for (const element of elements) {
      let hours = [];
      try {
        hours = JSON.parse(element.getAttribute("data-open-now") || "[]");
      } catch {
        hours = [];
      }
      const state = openNow(hours, now, messages);
      element.textContent = state.text;
      element.hidden = !state.text;
      element.classList.toggle("open-now-open", state.open);
    }
  }
  if (elements.length) {
    update();
    window.setInterval(update, 60000);
  }
}
