"""The lemma map built from each lemma's remembered entries (shared by the three languages'
indexes, issue 17) is the map of the plain algorithm: analyse each word, generate each lemma's
forms, add every form folded, drop stop words, keep a form's first three lemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.languages.search import catalogue_in
from cus_catalogue.search import search_documents
from cus_catalogue.search.analyzer import fold, is_stop_word
from cus_catalogue.search.index import vocabulary
from cus_catalogue.search.lemmas import (
    MAX_LEMMAS,
    _clean,
    _morfeusz,
    build_lemma_map,
    dictionary_forms,
    dictionary_lemmas,
    lemma_shards,
)
from cus_catalogue.search.thesaurus import groups_in, load_thesaurus

ROOT = Path(__file__).resolve().parent.parent


def reference_lemma_map(words: set[str]) -> dict[str, tuple[str, ...]]:
    """The map as the first version built it, step by step, for one language alone."""
    found: dict[str, set[str]] = {}
    raw_lemmas: set[str] = set()
    for word in words:
        if is_stop_word(word):
            continue
        lemmas = dictionary_lemmas(word)
        raw_lemmas.update(lemmas)
        found.setdefault(word, set()).update(_clean(lemma) for lemma in lemmas)
    for raw in sorted(raw_lemmas):
        for form, lemma in dictionary_forms(_morfeusz(), raw):
            found.setdefault(form, set()).add(lemma)
    for form, form_lemmas in list(found.items()):
        if fold(form) != form:
            found.setdefault(fold(form), set()).update(form_lemmas)
    return {
        form: tuple(sorted(lemmas)[:MAX_LEMMAS])
        for form, lemmas in sorted(found.items())
        if lemmas and not is_stop_word(form)
    }


@pytest.fixture(scope="module")
def vocabularies() -> dict[str, set[str]]:
    """The example catalogue's words as each language's index reads them."""
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    groups = load_thesaurus(ROOT / "data" / "synonyms.csv")
    return {
        language: vocabulary(
            search_documents(catalogue_in(catalogue, language), groups_in(groups, language))
        )
        for language in ("pl", "uk", "en")
    }


def test_each_language_s_map_is_the_plain_algorithm_s_in_its_order(vocabularies) -> None:
    """Built one language after another (the entries of lemmas the first built are reused),
    every map has the same forms, lemmas and order as when built alone."""
    for language, words in vocabularies.items():
        built = build_lemma_map(words, language).forms
        expected = reference_lemma_map(words)
        assert len(built) > 40_000
        assert list(built.items()) == list(expected.items()), language


def test_lemma_shards_are_consecutive_ranges_within_the_budget(vocabularies) -> None:
    """Every form lands in exactly one shard, in order, each shard's forms and lemmas within
    the budget (the sizes are counted once per lemma tuple)."""
    lemma_map = build_lemma_map(vocabularies["uk"], "uk")
    shards = lemma_shards(lemma_map, 16_000)
    assert len(shards) > 20
    assert [form for shard in shards for form in shard] == list(lemma_map.forms)
    for shard in shards:
        size = sum(
            len(form.encode()) + sum(len(lemma.encode()) + 3 for lemma in lemmas) + 6
            for form, lemmas in shard.items()
        )
        assert size <= 16_000
