/* Opening hours in Poland's time: is a service open now (or at a chosen day and hour), until
 * when, and when does it open next.
 *
 * Records give weekly slots {days: ["pn", ...], from: "HH:MM", to: "HH:MM"}; a `to` earlier
 * than `from` ends the next morning (a night shelter 18:00–08:00) and "24:00" is midnight.
 * Everything is counted on the wall clock of Europe/Warsaw, in minutes since Monday 00:00,
 * never by adding hours to a Date: the night of a change of time is as long as the clocks say.
 */

export const DAY_CODES = ["pn", "wt", "sr", "cz", "pt", "so", "nd"];
const WEEK = 7 * 1440;
const WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Warsaw",
  weekday: "short",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

function minutes(time) {
  const [hours, mins] = String(time).split(":").map(Number);
  return hours * 60 + mins;
}

/* The moment as Poland's clocks show it: {day: 0 (Monday) … 6, minute: 0 … 1439}. */
export function warsawClock(date = new Date()) {
  const parts = Object.fromEntries(CLOCK.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS[parts.weekday], minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/* Minutes since Monday 00:00 of a wall-clock moment. */
export function weekMinute(clock) {
  return clock.day * 1440 + clock.minute;
}

/* The week's open intervals [start, end) in week minutes, merged, none crossing the week's
 * end (a Sunday night slot continues on Monday morning). */
export function intervals(hours) {
  const spans = [];
  for (const slot of hours || []) {
    const from = minutes(slot.from);
    const to = minutes(slot.to);
    for (const code of slot.days || []) {
      const start = DAY_CODES.indexOf(code) * 1440 + from;
      const end = start - from + (to > from ? to : 1440 + to);
      if (end > WEEK) {
        spans.push([start, WEEK], [0, end - WEEK]);
      } else {
        spans.push([start, end]);
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

/* Open at this week minute? */
export function isOpenAt(hours, minute) {
  return intervals(hours).some(([start, end]) => start <= minute && minute < end);
}

/* Open at any time of a day (0 = Monday)? */
export function isOpenOnDay(hours, day) {
  const start = day * 1440;
  return intervals(hours).some(([from, to]) => from < start + 1440 && to > start);
}

/* {open, always, until, next}: until and next are week minutes, counted forward from
 * `minute` (they may pass the week's end, then they are on the next Monday or later). */
export function openState(hours, minute) {
  const spans = intervals(hours);
  if (!spans.length) {
    return { open: false, always: false, until: null, next: null };
  }
  if (spans.length === 1 && spans[0][0] === 0 && spans[0][1] === WEEK) {
    return { open: true, always: true, until: null, next: null };
  }
  // Two weeks of intervals, so that a Sunday night runs on into Monday.
  const twice = spans.concat(spans.map(([start, end]) => [start + WEEK, end + WEEK]));
  const chained = [];
  for (const [start, end] of twice) {
    const last = chained[chained.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      chained.push([start, end]);
    }
  }
  const current = chained.find(([start, end]) => start <= minute && minute < end);
  if (current) {
    return { open: true, always: false, until: current[1], next: null };
  }
  const next = chained.find(([start]) => start > minute);
  return { open: false, always: false, until: null, next: next ? next[0] : null };
}

/* "8:00", "15:30", and "24:00" for a close at midnight. */
export function timeText(weekMinuteValue, closing = false) {
  let minute = ((weekMinuteValue % 1440) + 1440) % 1440;
  if (closing && minute === 0) {
    minute = 1440;
  }
  return Math.floor(minute / 60) + ":" + String(minute % 60).padStart(2, "0");
}

/* Days from `minute`'s day to `target`'s day (a close at midnight counts as the day before). */
export function daysAhead(minute, target, closing = false) {
  const end = closing && target % 1440 === 0 ? target - 1 : target;
  return Math.floor(end / 1440) - Math.floor(minute / 1440);
}

/* "HH:MM", "H:MM", "H" or "H.MM" → minutes of the day; null when it is not an hour. */
export function parseHour(text) {
  const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*$/.exec(String(text ?? ""));
  if (!match) {
    return null;
  }
  const hours = Number(match[1]);
  const mins = Number(match[2] || "0");
  return hours < 24 && mins < 60 ? hours * 60 + mins : null;
}
