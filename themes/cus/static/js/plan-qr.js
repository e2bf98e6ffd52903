/* A QR code made in the browser (the share link holds the resident's own list), as SVG with
 * an accessible name. uqr is vendored from npm (package.json pins it); nothing from a CDN. */
import { encode } from "../vendor/uqr-0.1.3.mjs";

const SVG = "http://www.w3.org/2000/svg";

export function qrSvg(text, label) {
  const { data, size } = encode(text, { ecc: "M", border: 2 });
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const paper = document.createElementNS(SVG, "rect");
  paper.setAttribute("width", String(size));
  paper.setAttribute("height", String(size));
  paper.setAttribute("fill", "#fff");
  const modules = document.createElementNS(SVG, "path");
  let path = "";
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) {
        path += `M${x} ${y}h1v1h-1z`;
      }
    }),
  );
  modules.setAttribute("d", path);
  modules.setAttribute("fill", "#000");
  svg.append(paper, modules);
  return svg;
}
