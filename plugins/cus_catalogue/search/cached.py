"""What the search index keeps of each document from build to build: its words and the terms
lunr's pipeline makes of them, by the document's own text (issue 17, rebuilds).

The postings stay global (BM25 weights read every document's statistics); only the
per-document analysis, the costly part, is remembered. Each memo table sits in the build
cache, whose key already holds the plugin's code (analyzer, stemmers, pipeline), ``data/``
(thesaurus, situations) and the analysers' library versions; a table's own key adds what
else its step reads (the thesaurus groups, the language), an entry's key the item's inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..incremental.memo import MemoTable, memo_table
from .analyzer import is_stop_word, tokenize
from .lemmas import LemmaMap, build_lemma_map
from .pipeline import field_terms
from .thesaurus import SynonymGroup


def synonyms_table(cache: Any, groups: Sequence[SynonymGroup]) -> MemoTable:
    """Thesaurus expansions of texts, for these groups (their ids and terms; the phrases are
    the analyzer's reading of the terms)."""
    return memo_table(cache, "search-synonyms", [(group.id, group.terms) for group in groups])


def lemma_map_of(words: set[str], language: str, cache: Any = None) -> LemmaMap:
    """The lemma map of a vocabulary: remembered whole while the vocabulary stays the same,
    else built from the dictionary's remembered answers for each word."""
    table = memo_table(cache, "lemma-map", language)

    def build() -> dict[str, tuple[str, ...]]:
        return build_lemma_map(words, language, memo_table(cache, "morfeusz")).forms

    return LemmaMap(table.get(sorted(words), build), language)


def index_words(words: list[str], lemma_map: LemmaMap) -> list[str]:
    """The words as lunr receives them: each word by its lemmas (stop words stay, the
    pipeline drops them)."""
    found: list[str] = []
    known = lemma_map.document_tokens
    for token in words:
        tokens = known.get(token)
        if tokens is None:
            tokens = (token,) if is_stop_word(token) else tuple(lemma_map.tokens(token))
            known[token] = tokens
        found += tokens
    return found


class AnalysedDocuments:
    """Each document's words by its texts, and its index terms by the words of each field."""

    def __init__(self, cache: Any = None, language: str = "pl") -> None:
        self.words_table = memo_table(cache, "search-words")
        self.terms_table = memo_table(cache, "search-terms", language)
        self.language = language

    def words(self, texts: dict[str, list[str]]) -> dict[str, list[str]]:
        """Each field's words, in order (a field's texts are read as one, as lunr reads them)."""
        return self.words_table.get(
            texts, lambda: {name: tokenize(" \n ".join(values)) for name, values in texts.items()}
        )

    def index_words(self, texts: dict[str, list[str]], lemma_map: LemmaMap) -> dict[str, Any]:
        """The words each indexed field is given (its terms are made from them)."""
        from .index import FIELDS

        words = self.words(texts)
        return {name: index_words(words.get(name, []), lemma_map) for name, _ in FIELDS}

    def terms(self, fields: dict[str, list[str]]) -> dict[str, list[str]]:
        """Each field's terms after lunr's tokenizer and the pipeline (``pipeline.field_terms``)."""
        language = self.language
        return self.terms_table.get(
            fields, lambda: {name: field_terms(words, language) for name, words in fields.items()}
        )
