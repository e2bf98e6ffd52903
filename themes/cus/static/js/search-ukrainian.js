/*
 * The Ukrainian part of the analyzer in the browser: the twin of
 * plugins/cus_catalogue/search/ukrainian.py. The endings and the shortest stem come from the
 * index manifest (configure), so Python stays their single source.
 */
var suffixes = [];
var reflexive = [];
var minStem = 3;

/* The Cyrillic block, compared as Python compares code points. */
export function isCyrillic(ch) {
  return ch >= '\u0400' && ch <= '\u04ff';
}

export function hasCyrillic(word) {
  return Array.from(word).some(isCyrillic);
}

/* The first of the endings (longest first) that the word has with `keep` letters before it,
   cut off. */
function strip(chars, endings, keep) {
  for (var i = 0; i < endings.length; i++) {
    var start = chars.length - Array.from(endings[i]).length;
    if (start >= keep && chars.slice(start).join('') === endings[i]) return chars.slice(0, start);
  }
  return chars;
}

/* One reflexive and one inflectional ending off a folded word, keeping minStem letters, then a
   final soft sign. */
export function stem(folded) {
  var chars = Array.from(folded);
  chars = strip(chars, reflexive, minStem + 1);
  chars = strip(chars, suffixes, minStem);
  if (chars[chars.length - 1] === 'ь' && chars.length > minStem) chars = chars.slice(0, -1);
  return chars.join('');
}

export function configure(settings) {
  suffixes = (settings && settings.suffixes) || [];
  reflexive = (settings && settings.reflexive) || [];
  minStem = (settings && settings.minStem) || 3;
}
