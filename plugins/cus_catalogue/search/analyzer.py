"""The analyzer: one definition of how text becomes index terms, mirrored in JavaScript.

Polish words get Snowball's Polish stems; Cyrillic words the Ukrainian folding and suffix
stripper (``ukrainian.py``); in the English index Latin words get Snowball's English (Porter2)
stems (``english.py``). Stop words and folding are shared by every index, so one analyzer
serves the Polish page, the Ukrainian page (whose records keep their Polish words) and the English.

Every step here has a twin in ``themes/cus/static/js/search-analyzer.js``; the parity test
(tests/test_search_parity.py) runs both over the whole index vocabulary and a list of Polish
word forms and requires identical output.  The stop words and the folding map are shipped to
the browser inside the index manifest, so they have a single source: this module.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

import snowballstemmer

from . import english, ukrainian

#: Letters folded explicitly. ł has no Unicode decomposition, so NFD alone would keep it.
FOLD_MAP: dict[str, str] = {
    "ą": "a",
    "ć": "c",
    "ę": "e",
    "ł": "l",
    "ń": "n",
    "ó": "o",
    "ś": "s",
    "ź": "z",
    "ż": "z",
    **ukrainian.FOLD_MAP,
}

#: Function words and conversational fillers that carry no meaning for a service search.
#: Kept deliberately short: a word that names a need ("pomoc", "opieka") is never here.
#: "nie" is here too: a negation cannot be searched for, and as a prefix it reaches every
#: "nie-" word (niepełnosprawność, niebieska karta…).
POLISH_STOP_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "aby",
        "ale",
        "albo",
        "ani",
        "aż",
        "bez",
        "bo",
        "by",
        "być",
        "był",
        "była",
        "było",
        "były",
        "będzie",
        "będą",
        "chce",
        "chcę",
        "chcemy",
        "choć",
        "chociaż",
        "ci",
        "cię",
        "co",
        "czy",
        "czyli",
        "dla",
        "do",
        "dlaczego",
        "dlatego",
        "gdy",
        "gdyż",
        "gdzie",
        "go",
        "i",
        "ich",
        "im",
        "iż",
        "ja",
        "jak",
        "jaka",
        "jaki",
        "jakie",
        "jakiej",
        "jakiś",
        "jako",
        "je",
        "jego",
        "jej",
        "jest",
        "jestem",
        "jesteśmy",
        "jeśli",
        "jeżeli",
        "już",
        "ją",
        "ku",
        "lub",
        "ma",
        "mają",
        "mam",
        "mi",
        "mnie",
        "mną",
        "mu",
        "my",
        "na",
        "nad",
        "nam",
        "nas",
        "nasz",
        "nasza",
        "nasze",
        "nich",
        "niego",
        "niej",
        "nim",
        "nią",
        "niż",
        "no",
        "o",
        "od",
        "oraz",
        "po",
        "pod",
        "poza",
        "przed",
        "przez",
        "przy",
        "się",
        "są",
        "ta",
        "tak",
        "także",
        "tam",
        "te",
        "tego",
        "tej",
        "ten",
        "też",
        "to",
        "tu",
        "ty",
        "tych",
        "tym",
        "u",
        "w",
        "we",
        "więc",
        "wy",
        "z",
        "za",
        "ze",
        "że",
        "żeby",
        "proszę",
        "szukam",
        "szukamy",
        "potrzebuję",
        "potrzebujemy",
        "nie",
        "kim",
        "kogo",
        "komu",
        "czym",
        "czego",
        "coś",
        "ktoś",
        "mój",
        "moja",
        "moje",
        "mojej",
        "mojego",
        "moim",
    ]
)

#: Function words of any of the three languages: one list for every index (shipped).
STOP_WORDS: frozenset[str] = POLISH_STOP_WORDS | ukrainian.STOP_WORDS | english.STOP_WORDS

#: Longest token kept: longer "words" are noise (hashes, pasted links) and slow fuzzy matching.
MAX_TOKEN_LENGTH = 40

_stemmer = snowballstemmer.stemmer("polish")


def normalize(text: str) -> str:
    """NFKC then lower case, so ligatures, full-width forms and case never split a word."""
    return unicodedata.normalize("NFKC", text).lower()


@functools.lru_cache(maxsize=1 << 16)
def _is_word_char(char: str) -> bool:
    """Letters, digits and combining marks belong to words; everything else separates them."""
    return unicodedata.category(char)[0] in "LNM"


def tokenize(text: str) -> list[str]:
    """Split normalised text into words made of letters, digits and marks (Polish letters kept);
    an apostrophe between Cyrillic letters belongs to the word ("сім’я") and is dropped."""
    chars = normalize(text)
    if _ANY_APOSTROPHE.search(chars):
        chars = _JOINING_APOSTROPHE.sub("", chars)
    found = set(chars)
    if all(map(_regex_agrees, found)):
        tokens = _ALPHANUMERIC_RUN.findall(chars)
    else:  # marks or letters the regex reads otherwise: split on the separators themselves
        separators = {ord(char): " " for char in found if not _is_word_char(char)}
        tokens = chars.translate(separators).split()
    return [token[:MAX_TOKEN_LENGTH] for token in tokens]


#: Runs of what Python's regex calls alphanumeric: the words, in text without marks.
_ALPHANUMERIC_RUN = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=1 << 16)
def _regex_agrees(char: str) -> bool:
    """Whether ``_ALPHANUMERIC_RUN`` reads the character as ``_is_word_char`` does."""
    return bool(_ALPHANUMERIC_RUN.fullmatch(char)) == _is_word_char(char)


#: Any apostrophe: most texts have none, and then need no joining.
_ANY_APOSTROPHE = re.compile(f"[{re.escape(ukrainian.APOSTROPHES)}]")
#: An apostrophe with a Cyrillic letter on each side (``ukrainian.is_cyrillic``).
_JOINING_APOSTROPHE = re.compile(
    f"(?<=[\u0400-\u04ff])[{re.escape(ukrainian.APOSTROPHES)}](?=[\u0400-\u04ff])"
)


@functools.lru_cache(maxsize=1 << 17)
def fold(word: str) -> str:
    """Remove diacritics (ł explicitly) so "zlota raczka" meets "złota rączka"; fold Ukrainian
    letters a Russian keyboard lacks (і→и, є→е, ґ→г) and Latin look-alikes in Cyrillic words."""
    if _CYRILLIC.search(word):
        word = word.translate(_HOMOGLYPH_TABLE)
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD_TABLE))
    if decomposed.isascii():
        return decomposed
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


_FOLD_TABLE = str.maketrans(FOLD_MAP)
_HOMOGLYPH_TABLE = str.maketrans(ukrainian.HOMOGLYPHS)
#: A letter of the Cyrillic block (``ukrainian.is_cyrillic``).
_CYRILLIC = re.compile("[\u0400-\u04ff]")


FOLDED_STOP_WORDS: frozenset[str] = frozenset(fold(word) for word in STOP_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def is_stop_word(word: str) -> bool:
    """Compare folded, so "sie" typed without Polish letters is as empty as "się"."""
    return fold(word) in FOLDED_STOP_WORDS


def stem(word: str) -> str:
    """Snowball's Polish algorithm, exactly as the JavaScript port runs it."""
    return _stemmer.stemWord(word)


def stemming(language: str) -> str:
    """The analyzer a language's index uses: English, or the Polish one (Latin words Polish,
    Cyrillic Ukrainian), which the Polish and Ukrainian indexes share with their caches."""
    return "en" if language == "en" else "pl"


def index_terms(word: str, language: str = "pl") -> list[str]:
    """The word's index terms in the index of ``language`` (see ``_index_terms``), a new list."""
    return list(_index_terms(word, stemming(language)))


@functools.lru_cache(maxsize=1 << 17)
def _index_terms(word: str, language: str = "pl") -> tuple[str, ...]:
    """A Cyrillic word: its folded Ukrainian stem. A Latin word in the English index: the
    Snowball English stem of its folded form. Otherwise the folded stem and the stem of the
    folded word: a word typed without Polish letters still meets its own form (stemming
    "złotą" and "zlota" strip different endings)."""
    if any(ukrainian.is_cyrillic(char) for char in word):
        return (ukrainian.stem(fold(word)),)
    if language == "en":
        return (english.stem(fold(word)),)
    folded_stem = fold(stem(word))
    stem_of_folded = stem(fold(word))
    if folded_stem == stem_of_folded:
        return (folded_stem,)
    return (folded_stem, stem_of_folded)


def analyze(text: str, language: str = "pl") -> list[str]:
    """Text to index terms, in order; the reference behaviour the parity test compares."""
    terms: list[str] = []
    for token in tokenize(text):
        if not is_stop_word(token):
            terms.extend(_index_terms(token, stemming(language)))
    return terms


def analyze_positions(text: str, language: str = "pl") -> list[frozenset[str]]:
    """One set of terms per word that survives the stop list, for phrase matching (synonyms)."""
    return list(_text_positions(text, stemming(language)))


@functools.lru_cache(maxsize=1 << 12)
def _text_positions(text: str, language: str) -> tuple[frozenset[str], ...]:
    """``analyze_positions``, remembered: provider names, labels and eligibility texts repeat."""
    found = (_word_positions(token, language) for token in tokenize(text))
    return tuple(terms for terms in found if terms is not None)


@functools.lru_cache(maxsize=1 << 17)
def _word_positions(word: str, language: str) -> frozenset[str] | None:
    """The word's terms as a set, None for a stop word."""
    return None if is_stop_word(word) else frozenset(_index_terms(word, language))


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Every distinct token of the given texts, for the parity test's word list."""
    return {token for text in texts for token in tokenize(text)}


def browser_settings(language: str = "pl") -> dict[str, object]:
    """The analyzer's data as the index manifest ships it to ``search-analyzer.js``."""
    return {
        "language": "en" if language == "en" else "pl",
        "stopWords": sorted(STOP_WORDS),
        "fold": dict(sorted(FOLD_MAP.items())),
        "homoglyphs": dict(sorted(ukrainian.HOMOGLYPHS.items())),
        "apostrophes": ukrainian.APOSTROPHES,
        "ukrainian": {
            "suffixes": list(ukrainian.SUFFIXES),
            "reflexive": list(ukrainian.REFLEXIVE),
            "minStem": ukrainian.MIN_STEM,
        },
    }
