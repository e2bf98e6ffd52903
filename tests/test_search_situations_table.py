"""data/situations.csv: residents' phrases for life situations, checked like every data file."""

from __future__ import annotations

import functools
import shutil

from sitekit import ROOT, validate_with_data

from cus_catalogue.search.analyzer import tokenize
from cus_catalogue.search.model import SearchModel, load_search_model
from cus_catalogue.search.situations import match_situations, read_situations
from cus_catalogue.search.thesaurus import load_thesaurus

DATA = ROOT / "data"


@functools.cache
def model() -> SearchModel:
    """The example catalogue's search, with the shipped thesaurus and situations."""
    return load_search_model(ROOT / "content", DATA)


def concepts_of(query: str) -> list[list[str]]:
    return match_situations(tokenize(query), model().situations, model().lemma_map)[0]


def test_the_shipped_table_is_valid_and_every_row_means_something():
    groups = load_thesaurus(DATA / "synonyms.csv")
    situations, problems = read_situations(DATA / "situations.csv", groups)
    assert not problems, [problem.format() for problem in problems]
    assert len(model().situations) == len(situations) >= 25
    assert all(terms for _phrases, terms in model().situations)


def test_a_negation_made_of_stop_words_is_a_situation():
    """Issue 12 cause 2: "nie mam gdzie mieszkać" kept one weak word after the stop list."""
    assert concepts_of("nie mam gdzie mieszkać")
    assert not concepts_of("mam gdzie mieszkać i spać")


def test_a_phrase_allows_a_word_or_two_between_its_words_but_keeps_its_order():
    assert concepts_of("ojciec znowu pije")
    assert concepts_of("nie mam już gdzie spać")
    assert not concepts_of("spać gdzie mam nie")


def test_slang_reaches_the_records_words():
    assert concepts_of("stary ciągle nawalony") == concepts_of("ma problem z alkoholem")
    assert model().ids("stary ciągle nawalony")[0] == "wsparcie-dla-dda"


def test_lemmas_join_forms_snowball_keeps_apart():
    """Issue 12 cause 3: "pije" and "picie", "ojciec" and "ojca" are one word."""
    lemmas = model().lemma_map
    assert set(lemmas.lemma_terms("pije")) & set(lemmas.lemma_terms("picie"))
    assert lemmas.lemma_terms("ojca") == lemmas.lemma_terms("ojciec")
    assert "=prac" not in lemmas.terms("pracy")  # a lemma term never equals a stem


def test_a_broken_row_fails_validate_with_file_line_and_polish_message(tmp_path):
    """Issue 12: an unknown concept and an empty phrase stop `katalog validate`."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "situations.csv").write_text(
        "id,phrases,concepts,note\n"
        "dobry,nie mam gdzie spać,bezdomnosc,\n"
        "pusty,nie mam gdzie spać; ;bieda,bezdomnosc,\n"
        "nieznany,ojciec pije,alkoholizm-ojca,\n",
        encoding="utf-8",
    )
    output = validate_with_data(data, tmp_path / "conf.py")
    path = data / "situations.csv"
    assert f"{path}:3: phrases: wyrażenie nr 2 jest puste" in output
    assert (
        f"{path}:4: concepts: „alkoholizm-ojca” nie jest nazwą grupy z pliku data/synonyms.csv"
        in output
    )
    assert f"{path}:2:" not in output
