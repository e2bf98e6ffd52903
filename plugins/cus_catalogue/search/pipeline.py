"""lunr.py pipeline functions, registered under the same names as their lunr.js twins."""

from __future__ import annotations

from lunr.pipeline import Pipeline
from lunr.token import Token

from .analyzer import index_terms, is_stop_word, normalize

LEMMA_MARK = "="  # lemmas.LEMMA_MARK (lemmas imports the analyzer; keep this module light)

STOP_WORD_FILTER = "cusPolishStopWordFilter"
STEMMER = "cusPolishStemmer"
#: The search pipeline serialised into the index; lunr.js loads it by these names.
PIPELINE_NAMES = (STOP_WORD_FILTER, STEMMER)


def polish_stop_word_filter(token: Token, i: int, tokens: list[Token]) -> Token | None:
    """Drop function words so "dla seniorów" ranks on "seniorów" alone."""
    return None if is_stop_word(normalize(str(token))) else token


def polish_stemmer(token: Token, i: int, tokens: list[Token]) -> list[Token]:
    """Replace a word by its folded stem and the stem of its folded form; a marked lemma
    (``=pic``) is already a term."""
    text = str(token)
    terms = [text] if text.startswith(LEMMA_MARK) else index_terms(text)
    return [token.clone(lambda _s, _m, term=term: term) for term in terms]


def register() -> None:
    """Register once; lunr.py warns (and JS would throw on load) for unknown names."""
    for fn, label in ((polish_stop_word_filter, STOP_WORD_FILTER), (polish_stemmer, STEMMER)):
        if Pipeline.registered_functions.get(label) is not fn:
            Pipeline.register_function(fn, label)


def pipeline_functions() -> list:
    """The functions in pipeline order, registered."""
    register()
    return [polish_stop_word_filter, polish_stemmer]
