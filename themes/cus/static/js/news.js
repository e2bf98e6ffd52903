/*
 * Announcements: after its deadline a consultation says it is closed. The build writes the
 * state of its own day; a page read later (a cached or offline copy, a site not rebuilt)
 * compares the deadline with the device's date instead.
 */
const today = new Date();
const pad = (number) => String(number).padStart(2, "0");
const localDay = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;

for (const element of document.querySelectorAll("[data-deadline]")) {
  const closed = element.dataset.deadline < localDay;
  const article = element.closest("article") || element;
  for (const open of article.querySelectorAll("[data-deadline-open]")) open.hidden = closed;
  for (const shut of article.querySelectorAll("[data-deadline-closed]")) shut.hidden = !closed;
}
