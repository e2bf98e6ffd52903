"""Life situations and synonyms in Ukrainian and English (issue 13 item 2): each language's
index applies the translated vocabularies (data/synonyms.csv terms_uk/terms_en, data/situations.csv
phrases_uk/phrases_en), measured on situational golden sets written before tuning, with lunr.py.
The browser ranks the same way (test_search_languages_browser.py)."""

from __future__ import annotations

import functools
import json
import shutil
from collections import Counter

import pytest
from sitekit import ROOT, validate_with_data
from situational_golden import SPLITS, first_hit, scores, situation_queries

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.search.analyzer import tokenize
from cus_catalogue.search.model import SearchModel, load_search_model
from cus_catalogue.search.situations import SCHEMA_NAME, TRANSLATED_PHRASES, match_situations
from cus_catalogue.search.thesaurus import TRANSLATED_TERMS

LANGUAGES = ("uk", "en")
#: Issue 12's budget for situational queries, held by every language.
FLOORS = {"hit@5": 0.90, "mrr": 0.75}


@functools.cache
def model(language: str) -> SearchModel:
    return load_search_model(ROOT / "content", ROOT / "data", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_situational_sets_are_varied_split_and_point_at_real_services(language):
    queries = situation_queries(language=language)
    per_category = Counter(q.category for q in queries)
    assert len(queries) >= 25
    assert len({q.query for q in queries}) == len(queries)
    assert set(per_category) >= {"situation", "negation", "slang", "one-word", "long"}
    held_out = sum(q.split == "held-out" for q in queries)
    assert {q.split for q in queries} <= set(SPLITS)
    assert len(queries) // 3 <= held_out <= len(queries) // 2
    assert all(len(tokenize(q.query)) >= 10 for q in queries if q.category == "long")
    services = set(load_catalogue(ROOT / "content", ROOT / "data").services)
    assert {id_ for q in queries for id_ in q.expected} <= services


@pytest.mark.parametrize("language", LANGUAGES)
def test_situational_queries_meet_the_budget_in_each_language(language, capsys):
    """Before the translated vocabularies the held-out third scored hit@5 0.07, MRR 0.05 in
    Ukrainian and hit@5 0.45, MRR 0.30 in English (only the records' own words matched)."""
    for split in SPLITS:
        queries = situation_queries(split, language)
        ranks = [first_hit(model(language).ids(q.query), q.expected) for q in queries]
        overall = scores(ranks)
        with capsys.disabled():
            print(f"\nsituations {language} (lunr.py), {split} ({len(queries)}): {overall}")
        for name, floor in FLOORS.items():
            assert overall[name] >= floor, (split, name, overall)


@pytest.mark.parametrize(
    ("language", "query", "service"),
    [
        ("uk", "де переночувати безкоштовно", "noclegownia"),  # the Ukrainian golden set's miss
        ("uk", "нема де спати", "noclegownia"),
        ("uk", "тривожна кнопка", "teleopieka"),
        ("uk", "майстер на годину", "zlota-raczka"),
        ("en", "handyman", "zlota-raczka"),
        ("en", "panic button", "teleopieka"),
    ],
)
def test_residents_words_reach_the_service(language, query, service):
    """Defect: these found nothing or something else; the records (some with no translation)
    never use the residents' word, the translated vocabularies do."""
    assert model(language).ids(query)[0] == service


def test_each_page_matches_its_own_language_and_polish_phrases():
    """The Ukrainian index knows Ukrainian and Polish phrases, not the English ones."""

    def matched(language: str, query: str) -> bool:
        lemma_map = model(language).lemma_map
        return bool(match_situations(tokenize(query), model(language).situations, lemma_map)[0])

    assert matched("uk", "нема де спати") and matched("uk", "nie mam gdzie spać")
    assert matched("en", "nowhere to sleep") and matched("en", "nie mam gdzie spać")
    assert not matched("uk", "nowhere to sleep")
    assert not matched("en", "нема де спати")


def test_a_broken_translated_column_fails_validate_at_its_column(tmp_path):
    """A Ukrainian synonym already in another group and an empty English phrase are reported
    with file, line and column, in Polish."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    synonyms = data / "synonyms.csv"
    lines = synonyms.read_text(encoding="utf-8").splitlines()
    lines.append("dubel,dubel pierwszy; dubel drugi,юрист; новий,,")
    synonyms.write_text("\n".join(lines) + "\n", encoding="utf-8")
    situations = data / "situations.csv"
    lines = situations.read_text(encoding="utf-8").splitlines()
    lines.append("pusty,nie mam gdzie spać,нема де спати,nowhere to sleep; ;,bezdomnosc,")
    situations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = validate_with_data(data, tmp_path / "conf.py")
    synonym_line = len(synonyms.read_text(encoding="utf-8").splitlines())
    situation_line = len(situations.read_text(encoding="utf-8").splitlines())
    assert (
        f"{synonyms}:{synonym_line}: terms_uk: „юрист” jest już w grupie „pomoc-prawna”" in output
    )
    assert f"{situations}:{situation_line}: phrases_en: " in output


def test_the_translated_columns_are_the_ones_the_table_schemas_declare():
    """The readers' column lists and the Table Schemas (the single source) name the same
    columns: a column added to one and not the other would be silently ignored."""
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    (synonyms,) = [r["schema"] for r in package["resources"] if r["name"] == "synonyms"]
    schema_dir = ROOT / "plugins" / "cus_catalogue" / "schemas"
    situations = json.loads((schema_dir / SCHEMA_NAME).read_text(encoding="utf-8"))

    def translated(schema: dict, prefix: str) -> set[str]:
        return {f["name"] for f in schema["fields"] if f["name"].startswith(prefix + "_")}

    assert translated(synonyms, "terms") == set(TRANSLATED_TERMS.values())
    assert translated(situations, "phrases") == set(TRANSLATED_PHRASES.values())
    assert set(TRANSLATED_TERMS) == set(TRANSLATED_PHRASES) == set(LANGUAGES)
