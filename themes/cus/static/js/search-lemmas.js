/*
 * Lemmas in the browser: the twin of plugins/cus_catalogue/search/lemmas.py. The build ships
 * a form→lemmas map of the index's lemmas in shards of sorted forms; a query fetches only the
 * shards of its words. A word the map does not hold keeps Snowball's terms alone.
 */
import { fold, indexTerms } from "./search-analyzer.js";

var LEMMA_MARK = '=';

function LemmaMap() {
  this.forms = Object.create(null);
}

LemmaMap.prototype.add = function (shard) {
  Object.keys(shard).forEach(function (form) { this.forms[form] = shard[form]; }, this);
};

/* '=' + each folded lemma: terms of their own, which no Snowball stem can equal. */
LemmaMap.prototype.lemmaTerms = function (word) {
  var lemmas = Object.prototype.hasOwnProperty.call(this.forms, word) ? this.forms[word] : [];
  var terms = [];
  lemmas.forEach(function (lemma) {
    var term = LEMMA_MARK + fold(lemma);
    if (terms.indexOf(term) < 0) terms.push(term);
  });
  return terms;
};

/* What lunr receives for the word: the word itself (stemmed) and its marked lemmas. */
LemmaMap.prototype.tokens = function (word) {
  return [word].concat(this.lemmaTerms(word));
};

LemmaMap.prototype.terms = function (word) {
  return indexTerms(word).concat(this.lemmaTerms(word));
};

/* The shard holding a form, given the sorted first forms [[form, file]...] of the shards. */
function shardOf(starts, form) {
  var found = -1;
  for (var i = 0; i < starts.length && starts[i][0] <= form; i++) found = i;
  return found;
}

export { LemmaMap, shardOf as lemmaShardOf };
