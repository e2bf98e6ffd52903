"""lunr.py pipeline functions, registered under the same names as their lunr.js twins."""

from __future__ import annotations

import functools
from collections.abc import Callable

from lunr.pipeline import Pipeline
from lunr.token import Token

from .analyzer import index_terms, is_stop_word, normalize, stemming

LEMMA_MARK = "="  # lemmas.LEMMA_MARK (lemmas imports the analyzer; keep this module light)

STOP_WORD_FILTER = "cusPolishStopWordFilter"
STEMMER = "cusPolishStemmer"
ENGLISH_STEMMER = "cusEnglishStemmer"
#: The search pipeline serialised into the index; lunr.js loads it by these names.
PIPELINE_NAMES = (STOP_WORD_FILTER, STEMMER)


def polish_stop_word_filter(token: Token, i: int, tokens: list[Token]) -> Token | None:
    """Drop function words so "dla seniorów" ranks on "seniorów" alone."""
    return None if is_stop_word(normalize(str(token))) else token


def stem_terms(text: str, language: str) -> list[str]:
    """The stemmer's terms of a word in ``language``'s index; a marked lemma (``=pic``) is
    already a term."""
    return [text] if text.startswith(LEMMA_MARK) else index_terms(text, language)


def _stemmer(language: str) -> Callable[[Token, int, list[Token]], list[Token]]:
    def stemmer(token: Token, i: int, tokens: list[Token]) -> list[Token]:
        """Replace a word by its index terms in ``language``'s index."""
        terms = stem_terms(str(token), language)
        return [token.clone(lambda _s, _m, term=term: term) for term in terms]

    return stemmer


#: Polish and Ukrainian indexes share one stemmer (Latin words Polish, Cyrillic Ukrainian).
polish_stemmer = _stemmer("pl")
english_stemmer = _stemmer("en")
_STEMMERS = {"pl": (polish_stemmer, STEMMER), "en": (english_stemmer, ENGLISH_STEMMER)}


def pipeline_names(language: str = "pl") -> tuple[str, str]:
    """The pipeline of ``language``'s index, by registered names."""
    return (STOP_WORD_FILTER, _STEMMERS.get(language, _STEMMERS["pl"])[1])


def register() -> None:
    """Register once; lunr.py warns (and JS would throw on load) for unknown names."""
    pairs = [(polish_stop_word_filter, STOP_WORD_FILTER), *_STEMMERS.values()]
    for fn, label in pairs:
        if Pipeline.registered_functions.get(label) is not fn:
            Pipeline.register_function(fn, label)


def field_terms(words: list[str], language: str = "pl") -> list[str]:
    """A field's terms as lunr's tokenizer (each word lower-cased) and this pipeline make them
    from its words, without lunr's tokens: the build's hot path."""
    stemmed = stemming(language)
    terms: list[str] = []
    for word in words:
        terms += _word_terms(word, stemmed)
    return terms


@functools.lru_cache(maxsize=1 << 17)
def _word_terms(word: str, language: str) -> tuple[str, ...]:
    """One word through lunr's tokenizer (lower case), the stop word filter and the stemmer."""
    text = word.lower() if word else ""
    return () if is_stop_word(normalize(text)) else tuple(stem_terms(text, language))


def pipeline_functions(language: str = "pl") -> list:
    """The functions in pipeline order, registered."""
    register()
    return [polish_stop_word_filter, _STEMMERS.get(language, _STEMMERS["pl"])[0]]
