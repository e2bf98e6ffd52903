/* The search bundle's entry: esbuild bundles it with the modules it imports
 * (plugins/cus_catalogue/search/bundle.py). The build defines SEARCH_INDEX and SEARCH_STYLESHEET,
 * the content-hashed file names beside the bundle, and SEARCH_MESSAGES, the interface strings
 * in the page's language. */
/* global SEARCH_INDEX, SEARCH_STYLESHEET, SEARCH_MESSAGES */
import { start } from "./search-ui.js";

export { engine } from "./search-ui.js";

start({
  index: new URL(SEARCH_INDEX, import.meta.url).href,
  stylesheet: new URL(SEARCH_STYLESHEET, import.meta.url).href,
  messages: SEARCH_MESSAGES,
});
