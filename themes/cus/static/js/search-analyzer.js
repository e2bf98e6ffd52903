/*
 * The analyzer in the browser: the twin of plugins/cus_catalogue/search/analyzer.py. Polish
 * words get Snowball's Polish stems, Cyrillic words the Ukrainian rules, Latin words in the
 * English index Snowball's English stems. Stop words, folding, look-alikes, apostrophes and the
 * Ukrainian endings come from the index manifest (configure), so Python stays their single
 * source.  tests/test_search_parity.py requires identical output on both sides.
 */
import { stem as englishStem } from "./search-english.js";
import { stem } from "./search-stemmer.js";
import * as ukrainian from "./search-ukrainian.js";

var MAX_TOKEN_LENGTH = 40;
var WORD = /[\p{L}\p{N}\p{M}]+/gu;
var NONSPACING_MARK = /\p{Mn}/gu;
var foldMap = {};
var homoglyphs = {};
var apostrophes = null;
var language = 'pl';
var foldedStopWords = new Set();

function mapped(chars, map) {
  return chars.map(function (ch) {
    return Object.prototype.hasOwnProperty.call(map, ch) ? map[ch] : ch;
  });
}

function normalize(text) {
  return String(text).normalize('NFKC').toLowerCase();
}

/* An apostrophe between Cyrillic letters belongs to the word ("сім’я") and is dropped. */
function tokenize(text) {
  var normalized = normalize(text);
  if (apostrophes) normalized = normalized.replace(apostrophes, '');
  var found = normalized.match(WORD) || [];
  return found.map(function (token) {
    var chars = Array.from(token);
    return chars.length > MAX_TOKEN_LENGTH ? chars.slice(0, MAX_TOKEN_LENGTH).join('') : token;
  });
}

/* Diacritics off (ł explicitly), Ukrainian letters a Russian keyboard lacks folded, and Latin
   look-alikes read as Cyrillic inside a Cyrillic word. */
function fold(word) {
  var chars = Array.from(word);
  if (chars.some(ukrainian.isCyrillic)) chars = mapped(chars, homoglyphs);
  return mapped(chars, foldMap).join('').normalize('NFD').replace(NONSPACING_MARK, '');
}

function isStopWord(word) {
  return foldedStopWords.has(fold(word));
}

/* A word's index terms, remembered (a query stems each word several times: plan, situations,
   pipeline; typing repeats the earlier words; configure() forgets them). A Cyrillic word: its
   folded Ukrainian stem; a Latin word in the English index: the Snowball English stem of its
   folded form; otherwise the folded stem and the stem of the folded word. */
var termsOfWord = new Map();

function indexTerms(word, inLanguage) {
  var wordLanguage = inLanguage || language;
  var key = wordLanguage + ' ' + word;
  var terms = termsOfWord.get(key);
  if (terms) return terms;
  if (ukrainian.hasCyrillic(word)) {
    terms = [ukrainian.stem(fold(word))];
  } else if (wordLanguage === 'en') {
    terms = [englishStem(fold(word))];
  } else {
    var foldedStem = fold(stem(word));
    var stemOfFolded = stem(fold(word));
    terms = foldedStem === stemOfFolded ? [foldedStem] : [foldedStem, stemOfFolded];
  }
  termsOfWord.set(key, terms);
  return terms;
}

function analyze(text) {
  var terms = [];
  tokenize(text).forEach(function (token) {
    if (!isStopWord(token)) terms.push.apply(terms, indexTerms(token));
  });
  return terms;
}

function configure(settings) {
  language = settings.language || 'pl';
  foldMap = Object.assign({}, settings.fold || {});
  homoglyphs = Object.assign({}, settings.homoglyphs || {});
  var marks = Array.from(settings.apostrophes || '').map(function (ch) {
    return '\\u{' + ch.codePointAt(0).toString(16) + '}';
  }).join('');
  apostrophes = marks ?
    new RegExp('(?<=[\\u0400-\\u04ff])[' + marks + '](?=[\\u0400-\\u04ff])', 'gu') : null;
  ukrainian.configure(settings.ukrainian);
  foldedStopWords = new Set((settings.stopWords || []).map(fold));
  termsOfWord = new Map();
}

/* lunr pipeline functions, registered under the names lunr.py serialised into the index. */
function polishStopWordFilter(token) {
  return isStopWord(normalize(token.toString())) ? undefined : token;
}

/* A marked lemma ("=pic") is already a term; any other word gets its index terms in the
   index's language (Polish and Ukrainian share one stemmer). */
function stemmerFor(inLanguage) {
  return function (token) {
    var text = token.toString();
    var terms = text.charAt(0) === '=' ? [text] : indexTerms(text, inLanguage);
    return terms.map(function (term) {
      return token.clone(function () { return term; });
    });
  };
}

var polishStemmer = stemmerFor('pl');
var englishStemmer = stemmerFor('en');

function registerPipeline(lunr) {
  var pairs = [[polishStopWordFilter, 'cusPolishStopWordFilter'],
    [polishStemmer, 'cusPolishStemmer'], [englishStemmer, 'cusEnglishStemmer']];
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
