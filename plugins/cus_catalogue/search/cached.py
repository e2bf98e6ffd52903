"""What the search index keeps of each document from build to build: its words and the terms
lunr's pipeline makes of them, by the document's own text (issue 17, rebuilds).

The lunr index itself stays global (BM25 weights read every document's statistics); only the
per-document analysis, the costly part, is remembered. Each memo table sits in the build
cache, whose key already holds the plugin's code (analyzer, stemmers, pipeline), ``data/``
(thesaurus, situations) and the analysers' library versions; a table's own key adds what
else its step reads (the thesaurus groups, the language), an entry's key the item's inputs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.tokenizer import Tokenizer

from ..incremental.memo import MemoTable, memo_table
from .analyzer import is_stop_word, tokenize
from .lemmas import LemmaMap, build_lemma_map
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
    return [
        lemma
        for token in words
        for lemma in ([token] if is_stop_word(token) else lemma_map.tokens(token))
    ]


class AnalysedDocuments:
    """Each document's words by its texts, and lunr's terms by the words fed to lunr."""

    def __init__(self, cache: Any = None, language: str = "pl") -> None:
        self.words_table = memo_table(cache, "search-words")
        self.terms_table = memo_table(cache, "search-terms", language)

    def words(self, texts: dict[str, list[str]]) -> dict[str, list[str]]:
        """Each field's words, in order (a field's texts are read as one, as lunr reads them)."""
        return self.words_table.get(
            texts, lambda: {name: tokenize(" \n ".join(values)) for name, values in texts.items()}
        )

    def index_words(self, texts: dict[str, list[str]], lemma_map: LemmaMap) -> dict[str, Any]:
        """What lunr's builder is given for each indexed field."""
        from .index import FIELDS

        words = self.words(texts)
        return {name: index_words(words.get(name, []), lemma_map) for name, _ in FIELDS}

    def terms(self, builder: Builder, fields: dict[str, list[str]]) -> dict[str, list[str]]:
        """Each field's terms after lunr's tokenizer and ``builder``'s pipeline, as
        ``Builder.add`` makes them (the pipeline reads one token at a time)."""

        def run() -> dict[str, list[str]]:
            return {
                name: [str(term) for term in builder.pipeline.run(Tokenizer(words), name)]
                for name, words in fields.items()
            }

        return self.terms_table.get(fields, run)


def add_terms(builder: Builder, ref: str, field_terms: dict[str, list[str]]) -> None:
    """``Builder.add`` after its pipeline: the document's term frequencies, field lengths and
    postings (no metadata is kept: the builder's whitelist is empty)."""
    assert not builder.metadata_whitelist, "terms are remembered without their metadata"
    builder._documents[ref] = {}
    builder.document_count += 1
    for field_name in builder._fields:
        terms = field_terms[field_name]
        field_ref = str(FieldRef(ref, field_name))
        frequencies: defaultdict[str, int] = defaultdict(int)
        builder.field_term_frequencies[field_ref] = frequencies
        builder.field_lengths[field_ref] = len(terms)
        for term in terms:
            frequencies[term] += 1
            posting = builder.inverted_index.get(term)
            if posting is None:
                posting = {name: {} for name in builder._fields}
                posting["_index"] = builder.term_index
                builder.term_index += 1
                builder.inverted_index[term] = posting
            if ref not in posting[field_name]:
                posting[field_name][ref] = defaultdict(list)
