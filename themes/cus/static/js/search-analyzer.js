/*
 * The Polish analyzer in the browser: the twin of plugins/cus_catalogue/search/analyzer.py.
 * Stop words and the folding map come from the index manifest (configure), so Python stays
 * their single source.  tests/test_search_parity.py requires identical output on both sides.
 */
import { stem } from "./search-stemmer.js";

var MAX_TOKEN_LENGTH = 40;
var WORD = /[\p{L}\p{N}\p{M}]+/gu;
var NONSPACING_MARK = /\p{Mn}/gu;
var foldMap = {};
var foldedStopWords = new Set();

function normalize(text) {
  return String(text).normalize('NFKC').toLowerCase();
}

function tokenize(text) {
  var found = normalize(text).match(WORD) || [];
  return found.map(function (token) {
    var chars = Array.from(token);
    return chars.length > MAX_TOKEN_LENGTH ? chars.slice(0, MAX_TOKEN_LENGTH).join('') : token;
  });
}

function fold(word) {
  var mapped = Array.from(word).map(function (ch) {
    return Object.prototype.hasOwnProperty.call(foldMap, ch) ? foldMap[ch] : ch;
  }).join('');
  return mapped.normalize('NFD').replace(NONSPACING_MARK, '');
}

function isStopWord(word) {
  return foldedStopWords.has(fold(word));
}

function indexTerms(word) {
  var foldedStem = fold(stem(word));
  var stemOfFolded = stem(fold(word));
  return foldedStem === stemOfFolded ? [foldedStem] : [foldedStem, stemOfFolded];
}

function analyze(text) {
  var terms = [];
  tokenize(text).forEach(function (token) {
    if (!isStopWord(token)) terms.push.apply(terms, indexTerms(token));
  });
  return terms;
}

function configure(settings) {
  foldMap = Object.assign({}, settings.fold || {});
  foldedStopWords = new Set((settings.stopWords || []).map(fold));
}

/* lunr pipeline functions, registered under the names lunr.py serialised into the index. */
function polishStopWordFilter(token) {
  return isStopWord(normalize(token.toString())) ? undefined : token;
}

/* A marked lemma ("=pic") is already a term; any other word gets its two stems. */
function polishStemmer(token) {
  var text = token.toString();
  var terms = text.charAt(0) === '=' ? [text] : indexTerms(text);
  return terms.map(function (term) {
    return token.clone(function () { return term; });
  });
}

function registerPipeline(lunr) {
  var pairs = [[polishStopWordFilter, 'cusPolishStopWordFilter'], [polishStemmer, 'cusPolishStemmer']];
  pairs.forEach(function (pair) {
    if (lunr.Pipeline.registeredFunctions[pair[1]] !== pair[0]) {
      lunr.Pipeline.registerFunction(pair[0], pair[1]);
    }
  });
}

export {
  analyze, configure, fold, indexTerms, isStopWord, normalize,
  registerPipeline, tokenize,
};
