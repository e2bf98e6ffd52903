"""The English part of the analyzer: function words and the Porter stemmer lunr ships.

lunr.py and lunr.js carry the same Porter algorithm (Snowball's "porter", the predecessor of
its "english"), so the browser stems English exactly as the build does without another
vendored stemmer; tests/test_search_parity.py checks the two agree word for word.
"""

from __future__ import annotations

from lunr.stemmer import porter_stemmer

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


def stem(word: str) -> str:
    """Porter's English stem, as lunr.py (and lunr.js in the browser) computes it."""
    return porter_stemmer.stem(word)
