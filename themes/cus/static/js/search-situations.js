/*
 * Life situations in the query: the twin of plugins/cus_catalogue/search/situations.py.
 * The manifest ships each situation as [[phrase slots...], [concept terms...]]; a query whose
 * words hold a phrase (in order, at most MAX_GAP other words between) gets the concepts.
 */
import { fold } from "./search-analyzer.js";

var MAX_GAP = 2;

function wordTerms(word, lemmaMap) {
  return new Set([fold(word)].concat(lemmaMap.terms(word)));
}

function intersects(terms, slot) {
  return slot.some(function (term) { return terms.has(term); });
}

function phraseAt(words, phrase) {
  for (var start = 0; start < words.length; start++) {
    if (!intersects(words[start], phrase[0])) continue;
    var found = [start];
    var position = start;
    for (var k = 1; k < phrase.length; k++) {
      var next = -1;
      var last = Math.min(words.length, position + 2 + MAX_GAP);
      for (var p = position + 1; p < last; p++) {
        if (intersects(words[p], phrase[k])) { next = p; break; }
      }
      if (next < 0) break;
      position = next;
      found.push(next);
    }
    if (found.length === phrase.length) return found;
  }
  return null;
}

/* {concepts: [[term...]...], covered: Set of token positions} for the query's tokens. */
function matchSituations(tokens, situations, lemmaMap) {
  var words = tokens.map(function (token) { return wordTerms(token, lemmaMap); });
  var concepts = [];
  var covered = new Set();
  (situations || []).forEach(function (situation) {
    var phrases = situation[0];
    for (var i = 0; i < phrases.length; i++) {
      var positions = phraseAt(words, phrases[i]);
      if (positions) {
        concepts.push(situation[1]);
        positions.forEach(function (p) { covered.add(p); });
        break;
      }
    }
  });
  return { concepts: concepts, covered: covered };
}

export { matchSituations };
