/* The one way the site's scripts make elements: tag, attributes, then children (text or nodes;
 * empty text is left out, so a missing message makes an empty element, never "undefined"). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== "" && child !== null && child !== undefined));
  return node;
}
