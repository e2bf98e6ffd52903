"""The build's postings and BM25 weights (``search/postings.py``) against lunr.py's own Builder,
which they replace in the build (issue 17: lunr.py's index of 100,000 services took 10 GB):
every term, document, field and weight must be lunr.py's, in every language's index."""

from __future__ import annotations

import functools
import random
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.index import Index

from cus_catalogue.search.cached import AnalysedDocuments
from cus_catalogue.search.index import FIELDS, SearchDocument, build_postings, common_terms
from cus_catalogue.search.lemmas import LemmaMap
from cus_catalogue.search.model import SearchModel, load_search_model
from cus_catalogue.search.pipeline import pipeline_functions
from cus_catalogue.search.postings import Postings

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("pl", "uk", "en")


def lunr_reference(documents: list[SearchDocument], lemma_map: LemmaMap) -> Index:
    """lunr.py's Builder fed each document's words through its own tokenizer and pipeline."""
    builder = Builder()
    functions = pipeline_functions(lemma_map.language)
    builder.pipeline.add(*functions)
    builder.search_pipeline.add(*functions)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    analysed = AnalysedDocuments(language=lemma_map.language)
    for position, document in enumerate(documents):
        builder.add({"ref": str(position), **analysed.index_words(document.texts, lemma_map)})
    return builder.build()


def lunr_weights(index: Index) -> dict[tuple[str, str, int], float]:
    """(term, field, position) → weight, from lunr.py's postings and field vectors."""
    serialised = index.serialize()
    vectors = {
        ref: dict(zip(e[::2], e[1::2], strict=True)) for ref, e in serialised["fieldVectors"]
    }
    weights = {}
    for term, posting in serialised["invertedIndex"]:
        for name, _boost in FIELDS:
            for ref in posting[name]:
                weights[term, name, int(ref)] = vectors[f"{name}/{ref}"][posting["_index"]]
    return weights


def our_weights(postings: Postings) -> dict[tuple[str, str, int], float]:
    """The same mapping from the build's postings."""
    return {
        (term, postings.fields[number], position): weight
        for term, weighted in postings.weights()
        for number, scores in weighted
        for position, weight in scores
    }


def assert_same_as_lunr(documents: list[SearchDocument], lemma_map: LemmaMap) -> None:
    """Weights, postings, term order, common terms and the queryable index all agree."""
    reference = lunr_reference(documents, lemma_map)
    postings = build_postings(documents, lemma_map)
    expected, found = lunr_weights(reference), our_weights(postings)
    assert len(found) == len(expected) > 0
    assert found == expected
    assert [term for term, _ in postings.weights()] == sorted(reference.inverted_index)
    ours = postings.lunr_index(reference.pipeline)
    assert ours.inverted_index == reference.inverted_index  # postings and lunr's term indexes
    assert {ref: v.elements for ref, v in ours.field_vectors.items()} == {
        ref: v.elements for ref, v in reference.field_vectors.items()
    }
    counted = {
        term
        for term, posting in reference.inverted_index.items()
        if len({ref for name, refs in posting.items() if name != "_index" for ref in refs})
        >= max(2, 0.2 * len(documents))
    }
    assert common_terms(postings) == sorted(counted)


@functools.cache
def example_model(language: str) -> SearchModel:
    return load_search_model(ROOT / "content", ROOT / "data", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_example_catalogue_weights_are_lunr_weights(language: str) -> None:
    model = example_model(language)
    assert_same_as_lunr(model.documents, model.lemma_map)


WORDS = " ".join(
    (
        "pomoc opieka Opieki opiekunka seniorów senior dla w i na się nie dom domu domowa",
        "Złota rączka zlota raczka niepełnosprawność asystent asystenta pić pije picie",
        "допомога житло сім’я Допомоги для та senior's care carers caring help helping",
        "the of and a an-x x-y łódź ŁÓDŹ ﬁnanse ２０２６ 1 22 333 ą ę",
    )
).split()


def random_documents(seed: int, count: int) -> list[SearchDocument]:
    """Documents of random words, repeats, stop words, Cyrillic, ligatures and empty fields."""
    chooser = random.Random(seed)

    def text() -> str:
        return " ".join(chooser.choice(WORDS) for _ in range(chooser.randrange(0, 25)))

    documents = []
    for n in range(count):
        texts = {
            name: [text() for _ in range(chooser.randrange(0, 3))]
            for name, _boost in FIELDS
            if chooser.random() < 0.9
        }
        documents.append(SearchDocument(f"d{n}", texts, {"id": f"d{n}"}))
    return documents


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("seed", [1, 2])
def test_random_corpus_weights_are_lunr_weights(language: str, seed: int) -> None:
    """With the lemma map of the example catalogue (so lemmas, ``=`` terms, are in play)."""
    lemma_map = LemmaMap(example_model("pl").lemma_map.forms, language)
    assert_same_as_lunr(random_documents(seed, 300), lemma_map)


def test_example_search_answers_as_with_lunr_index() -> None:
    """Queries on the index made from the postings rank as on lunr.py's own index."""
    model = example_model("pl")
    reference = lunr_reference(model.documents, model.lemma_map)
    for text in ("opieka nad mamą", "złota rączka", "pomoc prawna", "senior", "mieszkanie"):
        query = model.index.create_query()
        query.term(text.split()[0], boost=10)
        expected = [(r["ref"], r["score"]) for r in reference.query(query)]
        assert [(r["ref"], r["score"]) for r in model.index.query(query)] == expected
        assert expected
