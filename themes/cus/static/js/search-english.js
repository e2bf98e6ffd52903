/*!
 * Snowball 3.1.1 English stemmer - https://snowballstem.org/ - @license BSD-3-Clause
 * Copyright (c) 2001 Dr Martin Porter, (c) 2004-2005 Richard Boulton,
 * (c) 2013 Yoshiki Shibukawa, (c) 2006-2025 Olly Betts
 */
/*
 * The English stemmer in the browser: the Snowball project's own JavaScript (vendored, see
 * ../vendor/snowball-3.1.1/README.md), twin of the snowballstemmer package the build runs in
 * plugins/cus_catalogue/search/english.py.
 */
import EnglishStemmer from "../vendor/snowball-3.1.1/english-stemmer.js";

var stemmer = new EnglishStemmer();
var NOT_ASCII = /[\u0080-\uffff]/;

/* Only a-z words are stemmed, as in english.py (JavaScript counts letters outside the Basic
   Multilingual Plane as two, Python as one, so their stems of such words would differ). */
export function stem(word) {
  return NOT_ASCII.test(word) ? word : stemmer.stemWord(word);
}
