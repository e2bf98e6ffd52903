/*
 * The centre facet of a regional catalogue's A–Z list: choosing a centre hides the other
 * centres' services, the letters left empty and their links; the status line says what is shown.
 */
const form = document.querySelector("[data-centre-filter]");
if (form) {
  const select = form.querySelector("select");
  const status = form.querySelector("[data-centre-status]");
  const show = () => {
    const chosen = select.value;
    for (const card of document.querySelectorAll("[data-centre]")) {
      card.hidden = chosen !== "" && card.dataset.centre !== chosen;
    }
    for (const section of document.querySelectorAll("[data-letter]")) {
      section.hidden = !section.querySelector("[data-centre]:not([hidden])");
      const link = document.querySelector(`[data-letter-link="${section.getAttribute("aria-labelledby")}"]`);
      if (link) link.hidden = section.hidden;
    }
    const name = select.selectedOptions[0].textContent;
    status.textContent = chosen ? status.dataset.template.replace("{name}", name) : "";
  };
  select.addEventListener("change", show);
  form.addEventListener("submit", (event) => event.preventDefault());
  show();
}
