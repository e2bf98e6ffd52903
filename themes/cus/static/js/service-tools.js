/* A service page's own scripts: the fee calculator and "open now". The page works without
 * them (the fee table and the hours are in its HTML). */
import { startCalculator } from "./fee-estimate.js";
import { startOpenNow } from "./open-now.js";
import { readJson } from "./page-data.js";

const messages = readJson("script[data-tool-messages]", { fee: {}, hours: {} });
for (const section of document.querySelectorAll("[data-fee-calculator]")) {
  startCalculator(section, messages.fee);
}
startOpenNow(document, messages.hours);
document.body.setAttribute("data-tools-ready", "");
