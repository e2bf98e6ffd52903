/*
 * The English stemmer in the browser: lunr's Porter stemmer, the twin of lunr.py's that
 * plugins/cus_catalogue/search/english.py uses at build time.
 */
import lunr from "../vendor/lunr-2.3.9.min.js";

export function stem(word) {
  return lunr.stemmer(new lunr.Token(word)).toString();
}
