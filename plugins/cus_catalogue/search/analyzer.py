"""The Polish analyzer: one definition of how text becomes index terms, mirrored in JavaScript.

Every step here has a twin in ``themes/cus/static/js/search-analyzer.js``; the parity test
(tests/test_search_parity.py) runs both over the whole index vocabulary and a list of Polish
word forms and requires identical output.  The stop words and the folding map are shipped to
the browser inside the index manifest, so they have a single source: this module.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

import snowballstemmer

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
}

#: Function words and conversational fillers that carry no meaning for a service search.
#: Kept deliberately short: a word that names a need ("pomoc", "opieka") is never here.
#: "nie" is here too: a negation cannot be searched for, and as a prefix it reaches every
#: "nie-" word (niepełnosprawność, niebieska karta…).
STOP_WORDS: frozenset[str] = frozenset(
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
    """Split normalised text into words made of letters, digits and marks (Polish letters kept)."""
    tokens: list[str] = []
    current: list[str] = []
    for char in normalize(text):
        if _is_word_char(char):
            current.append(char)
        elif current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return [token[:MAX_TOKEN_LENGTH] for token in tokens]


def fold(word: str) -> str:
    """Remove diacritics (ł explicitly) so "zlota raczka" meets "złota rączka"."""
    mapped = "".join(FOLD_MAP.get(char, char) for char in word)
    decomposed = unicodedata.normalize("NFD", mapped)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


FOLDED_STOP_WORDS: frozenset[str] = frozenset(fold(word) for word in STOP_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def is_stop_word(word: str) -> bool:
    """Compare folded, so "sie" typed without Polish letters is as empty as "się"."""
    return fold(word) in FOLDED_STOP_WORDS


def stem(word: str) -> str:
    """Snowball's Polish algorithm, exactly as the JavaScript port runs it."""
    return _stemmer.stemWord(word)


def index_terms(word: str) -> list[str]:
    """The folded stem and the stem of the folded word (see ``_index_terms``), as a new list."""
    return list(_index_terms(word))


@functools.lru_cache(maxsize=1 << 17)
def _index_terms(word: str) -> tuple[str, ...]:
    """The folded stem and the stem of the folded word: a word typed without Polish letters
    still meets its own form (stemming "złotą" and "zlota" strip different endings)."""
    folded_stem = fold(stem(word))
    stem_of_folded = stem(fold(word))
    if folded_stem == stem_of_folded:
        return (folded_stem,)
    return (folded_stem, stem_of_folded)


def analyze(text: str) -> list[str]:
    """Text to index terms, in order; the reference behaviour the parity test compares."""
    terms: list[str] = []
    for token in tokenize(text):
        if not is_stop_word(token):
            terms.extend(_index_terms(token))
    return terms


def analyze_positions(text: str) -> list[frozenset[str]]:
    """One set of terms per word that survives the stop list, for phrase matching (synonyms)."""
    return [frozenset(index_terms(token)) for token in tokenize(text) if not is_stop_word(token)]


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Every distinct token of the given texts, for the parity test's word list."""
    return {token for text in texts for token in tokenize(text)}
