"""Everything a query needs, built once: documents, postings, lemma map, situations.

The build ships these to the browser (``build_search_assets``); tests and benchmarks query the
same object with lunr.py, so both answer from one construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lunr.index import Index
from lunr.pipeline import Pipeline

from .cached import AnalysedDocuments, lemma_map_of
from .index import SearchDocument, build_postings, common_terms, demoted_positions, vocabulary
from .lemmas import LemmaMap
from .pipeline import pipeline_functions
from .postings import Postings
from .query import run_query
from .situations import FILE_NAME as SITUATIONS_FILE
from .situations import Situation, manifest_situations, read_situations
from .thesaurus import SynonymGroup, groups_in, load_thesaurus


@dataclass
class SearchModel:
    """The search of one catalogue, as lunr.py answers it (the browser's twin)."""

    documents: list[SearchDocument]
    postings: Postings
    lemma_map: LemmaMap
    situations: list[list]
    demoted: frozenset[int]
    common: frozenset[str]

    @cached_property
    def index(self) -> Index:
        """lunr.py's index of the postings, made when first queried (the build never is)."""
        pipeline = Pipeline()
        pipeline.add(*pipeline_functions(self.lemma_map.language))
        return self.postings.lunr_index(pipeline)

    def search(self, text: str) -> list[tuple[int, float]]:
        """(document position, score), best first, as the browser ranks them."""
        return run_query(
            self.index, text, self.demoted, self.situations, self.lemma_map, self.common
        )

    def ids(self, text: str) -> list[str]:
        """The ids of the ranked results."""
        return [self.documents[position].id for position, _score in self.search(text)]


def search_model(
    catalogue: Any,
    groups: Sequence[SynonymGroup],
    situations: Sequence[Situation] = (),
    language: str = "pl",
    cache: Any = None,
) -> SearchModel:
    """Documents, the lemma map of their words and the situations' words, the index; the
    catalogue already in ``language`` (``languages.search.catalogue_in``); ``cache``: the
    build cache, which remembers each document's analysis (``cached.py``)."""
    from . import search_documents

    documents = search_documents(catalogue, groups_in(groups, language), cache)
    analysed = AnalysedDocuments(cache, language)
    situation_words = {word for s in situations for word in s.words(language)}
    words = vocabulary(documents, analysed) | situation_words
    lemma_map = lemma_map_of(words, language, cache)
    postings = build_postings(documents, lemma_map, analysed)
    return SearchModel(
        documents=documents,
        postings=postings,
        lemma_map=lemma_map,
        situations=manifest_situations(situations, lemma_map),
        demoted=frozenset(demoted_positions(documents)),
        common=frozenset(common_terms(postings)),
    )


def load_search_model(content: Path, data: Path, language: str = "pl") -> SearchModel:
    """The model of a content folder with the thesaurus and situations of a data folder, as
    the search page of ``language`` queries it."""
    from ..catalogue import load_catalogue
    from ..languages.search import catalogue_in

    groups = load_thesaurus(data / "synonyms.csv")
    situations, problems = read_situations(data / SITUATIONS_FILE, groups)
    if problems:
        raise ValueError("\n".join(problem.format() for problem in problems))
    catalogue = catalogue_in(load_catalogue(content, data), language)
    return search_model(catalogue, groups, situations, language)
