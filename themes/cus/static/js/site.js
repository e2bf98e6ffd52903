/* Entry of the site's own scripts: reading aids, offline, kiosk. Pages work without it. */
import { setUpReadingAids } from "./reading-aids.js";
import { registerServiceWorker } from "./offline.js";
import { setUpPlanToggles } from "./plan-toggle.js";

const body = document.body;
const root = new URL(body.dataset.siteRoot || "/", window.location.href);

setUpReadingAids(document);
setUpPlanToggles();

// Print buttons are laid out from the first paint (html.js, see base.html); here they work.
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}

// Paths the page names (body data- attributes), never the build's folders spelled here.
const fromPage = (name) =>
  body.dataset[name] ? new URL(body.dataset[name], window.location.href) : null;
const offline = registerServiceWorker(fromPage("serviceWorker"), root);

if (document.documentElement.classList.contains("kiosk")) {
  import("./kiosk.js").then((kiosk) =>
    kiosk.start({
      root,
      offline,
      body,
      home: fromPage("kioskHome"),
      messages: fromPage("a11yMessages"),
      links: fromPage("kioskLinks"),
    }),
  );
}
