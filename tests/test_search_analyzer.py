"""The Polish analyzer: what residents type must meet what the records say."""

from __future__ import annotations

import pytest

from cus_catalogue.search.analyzer import (
    FOLD_MAP,
    MAX_TOKEN_LENGTH,
    analyze,
    fold,
    index_terms,
    is_stop_word,
    normalize,
    stem,
    tokenize,
)


def test_tokenizer_keeps_polish_letters_and_drops_punctuation():
    assert tokenize("Złota rączka: drobne naprawy (dla seniorów)!") == [
        "złota",
        "rączka",
        "drobne",
        "naprawy",
        "dla",
        "seniorów",
    ]


def test_tokenizer_splits_on_hyphens_and_query_syntax():
    assert tokenize("e-mail *~^+- psycholog:prawnik") == ["e", "mail", "psycholog", "prawnik"]


def test_normalisation_composes_and_lowercases():
    assert normalize("ŻÓŁW") == "żółw"
    assert tokenize("z\u0307o\u0301łw") == ["żółw"]
    assert tokenize("ﬁnanse Ｐｏｍｏｃ") == ["finanse", "pomoc"]


def test_emoji_separate_words_and_vanish():
    assert tokenize("pomoc😀w domu 👩‍👩‍👧") == ["pomoc", "w", "domu"]


def test_long_tokens_are_cut():
    assert tokenize("a" * 500) == ["a" * MAX_TOKEN_LENGTH]


@pytest.mark.parametrize(("letter", "plain"), sorted(FOLD_MAP.items()))
def test_every_polish_letter_folds(letter, plain):
    assert fold(letter) == plain
    assert fold(letter.upper().lower()) == plain


def test_l_with_stroke_is_folded_explicitly():
    assert fold("łódź") == "lodz"
    assert fold("é ü ñ") == "e u n"


def test_stop_words_match_with_or_without_polish_letters():
    assert is_stop_word("się") and is_stop_word("sie") and is_stop_word("dla")
    assert not is_stop_word("pomoc") and not is_stop_word("opieka")


@pytest.mark.parametrize(
    ("forms", "common_term"),
    [
        (["senior", "seniora", "seniorom", "seniorami", "seniorach"], "senior"),
        (["psycholog", "psychologa", "psychologiem"], "psycholog"),
        (["niepełnosprawnych", "niepełnosprawnym", "niepełnosprawnymi"], "niepelnosprawn"),
        (["asystent", "asystenta", "asystentem"], "asystent"),
    ],
)
def test_inflected_forms_share_a_term(forms, common_term):
    for form in forms:
        assert common_term in index_terms(form), form


def test_words_typed_without_polish_letters_meet_their_own_form():
    assert set(index_terms("złota")) & set(index_terms("zlota"))
    assert set(index_terms("rączka")) & set(index_terms("raczka"))
    assert set(index_terms("opiekunów")) & set(index_terms("opiekunow"))
    assert set(analyze("pomoc społeczna")) & set(analyze("pomoc spoleczna")) == set(
        analyze("pomoc społeczna")
    )


def test_both_folded_stem_and_stem_of_folded_are_indexed():
    assert index_terms("opiekunów") == ["opiekun", "opiekunow"]


def test_stemmer_is_snowball_polish():
    assert stem("seniorom") == "senior"
    assert stem("złotą") != stem("zlota")  # why both forms are indexed


def test_analyze_drops_stop_words_and_stems():
    assert analyze("Opieka dla seniorów w domu") == ["opiek", "senior", "seniorow", "dom"]


def test_analyze_never_fails_on_hostile_input():
    for text in ["", "*", "~1", ":", "^2", "+-", '"', "'", "\\", "\x00", "😀" * 200, "ą" * 500]:
        assert isinstance(analyze(text), list)
