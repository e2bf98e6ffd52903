"""The English part of the analyzer: function words and Porter's stemmer as lunr.js runs it.

lunr.js (in the browser) ships a regex version of Porter's algorithm that differs from the
reference one lunr.py carries ("day": lunr.js keeps it, the reference gives "dai"). The
browser is what residents use, so this module is a line-by-line port of lunr.js 2.3.9's
``lunr.stemmer`` (MIT, Oliver Nightingale) and tests/test_search_parity.py checks the two agree
word for word. No other stemmer is vendored.
"""

from __future__ import annotations

import functools
import re

#: English function words and fillers as residents type them. None of them folds to a Polish
#: content word (checked by tests/test_search_languages.py): "most" (a bridge), "mine" ("minę")
#: and "as" stay out, since these words are function words of the Polish index too.
STOP_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "with",
        "from",
        "by",
        "about",
        "into",
        "my",
        "me",
        "i",
        "we",
        "our",
        "you",
        "your",
        "is",
        "are",
        "am",
        "be",
        "been",
        "was",
        "were",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "him",
        "her",
        "his",
        "they",
        "them",
        "their",
        "who",
        "what",
        "where",
        "when",
        "how",
        "which",
        "can",
        "could",
        "would",
        "should",
        "do",
        "does",
        "did",
        "not",
        "no",
        "some",
        "any",
        "there",
        "here",
        "have",
        "has",
        "had",
        "need",
        "needs",
        "want",
        "wants",
        "looking",
        "look",
        "please",
        "get",
        "find",
        "if",
        "so",
        "just",
    ]
)

STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize",
    "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful",
    "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
STEP3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
    "ness": "",
}  # fmt: skip

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence
MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")  # [C]VC[V] is m=1
MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem
RE_1A, RE2_1A = re.compile(r"^(.+?)(ss|i)es$"), re.compile(r"^(.+?)([^s])s$")
RE_1B, RE2_1B = re.compile(r"^(.+?)eed$"), re.compile(r"^(.+?)(ed|ing)$")
RE2_1B_2 = re.compile(r"(at|bl|iz)$")
RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
RE_1C = re.compile(r"^(.+?[^aeiou])y$")
RE_2 = re.compile("^(.+?)(" + "|".join(STEP2) + ")$")
RE_3 = re.compile("^(.+?)(" + "|".join(STEP3) + ")$")
RE_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$"
)
RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
RE_5, RE_5_1 = re.compile(r"^(.+?)e$"), re.compile(r"ll$")
RE3_5 = RE4_1B_2


def _utf16_length(word: str) -> int:
    """String length as JavaScript counts it (astral letters are two units)."""
    return len(word.encode("utf-16-le")) // 2


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Porter's English stem, exactly as lunr.js computes it."""
    if _utf16_length(word) < 3:
        return word
    first_y = word[0] == "y"
    if first_y:
        word = "Y" + word[1:]
    if match := RE_1A.match(word) or RE2_1A.match(word):
        word = match.group(1) + match.group(2)
    if match := RE_1B.match(word):
        if MGR0.search(match.group(1)):
            word = word[:-1]
    elif match := RE2_1B.match(word):
        stem_ = match.group(1)
        if S_V.search(stem_):
            word = stem_
            if RE2_1B_2.search(word):
                word += "e"
            elif RE3_1B_2.search(word):
                word = word[:-1]
            elif RE4_1B_2.search(word):
                word += "e"
    if match := RE_1C.match(word):
        word = match.group(1) + "i"
    if (match := RE_2.match(word)) and MGR0.search(match.group(1)):
        word = match.group(1) + STEP2[match.group(2)]
    if (match := RE_3.match(word)) and MGR0.search(match.group(1)):
        word = match.group(1) + STEP3[match.group(2)]
    if match := RE_4.match(word):
        if MGR1.search(match.group(1)):
            word = match.group(1)
    elif (match := RE2_4.match(word)) and MGR1.search(match.group(1) + match.group(2)):
        word = match.group(1) + match.group(2)
    if match := RE_5.match(word):
        stem_ = match.group(1)
        if MGR1.search(stem_) or (MEQ1.search(stem_) and not RE3_5.search(stem_)):
            word = stem_
    if RE_5_1.search(word) and MGR1.search(word):
        word = word[:-1]
    if first_y:
        word = "y" + word[1:]
    return word
