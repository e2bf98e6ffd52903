"""The English part of the analyzer: function words and Snowball's English stemmer (Porter2).

The build runs the PyPI package ``snowballstemmer``; the browser runs the JavaScript the same
Snowball release generates (``themes/cus/static/vendor/snowball-3.1.1/``). Both are the
Snowball project's own code, so the English stems are the algorithm's, not a port's:
tests/test_search_english.py checks both against Snowball's sample vocabulary and
tests/test_search_parity.py checks the analyzers agree word for word.
"""

from __future__ import annotations

import functools

# The generated module itself, not ``snowballstemmer.stemmer()``: that one switches to
# PyStemmer's C library when it is installed, which may be another Snowball release.
from snowballstemmer.english_stemmer import EnglishStemmer

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

_stemmer = EnglishStemmer()


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Snowball's English stem of a lower-case a–z word; any other word is kept as it is (the
    algorithm knows only English letters, and Python and JavaScript count letters outside the
    Basic Multilingual Plane differently, so their stems of such words would differ)."""
    return _stemmer.stemWord(word) if word.isascii() else word
