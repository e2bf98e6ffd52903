"""Lemmas from Morfeusz 2 and the SGJP dictionary: "pije", "picie" and "pił" meet at "pić".

At build time every word of the index is analysed; for each lemma found, the dictionary's
synthesis lists all its inflected forms. The resulting form→lemmas map (forms also written
without Polish letters) is the one lookup both sides use: Python while indexing and planning
queries, the browser through shards of it fetched per query (``search-lemmas.js``). A word the
map does not hold stays itself, so Snowball stems it as before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..incremental.memo import MemoTable
from .analyzer import fold, index_terms, is_stop_word

#: A word's lemmas are capped: a handful of readings is meaning, more is noise.
MAX_LEMMAS = 3
#: Marks a term that is a folded lemma: the pipeline keeps it as it is, and no Snowball stem
#: can equal it ("=prac" from "prać" never meets "prac" from "praca").
LEMMA_MARK = "="
#: Readings left out: unknown words and abbreviations ("sen" is not "senior").
SKIPPED_TAGS = ("ign", "brev")


@functools.lru_cache(maxsize=1)
def _morfeusz() -> Any | None:
    """The analyser and generator; None where morfeusz2 is not installed (Snowball only)."""
    try:
        import morfeusz2
    except ImportError:
        return None
    return morfeusz2.Morfeusz(expand_tags=False)


def _clean(lemma: str) -> str:
    """``mieć:v1`` → ``mieć``: the homonym mark is the dictionary's, not a word."""
    return lemma.split(":")[0].lower()


#: Answers the dictionary gives each build in one process (the Polish, Ukrainian and English
#: indexes look up mostly the same words); bounded, so a huge catalogue only misses more.
DICTIONARY_ANSWERS = 1 << 15


@functools.lru_cache(maxsize=DICTIONARY_ANSWERS)
def dictionary_lemmas(word: str) -> tuple[str, ...]:
    """The raw lemmas SGJP gives the word's first segment (none for an unknown word)."""
    morfeusz = _morfeusz()
    if morfeusz is None:
        return ()
    return tuple(
        sorted(
            {
                lemma
                for start, _end, (_form, lemma, tag, *_rest) in morfeusz.analyse(word)
                if start == 0 and not tag.startswith(SKIPPED_TAGS)
            }
        )
    )


@dataclass
class LemmaMap:
    """Inflected (and folded) form → its lemmas, for the forms of the index's lemmas."""

    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    language: str = "pl"  # whose index: how ``terms`` stems a Latin word
    #: ``tokens`` of each word asked for (every document repeats most words).
    _tokens: dict[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: What a document's word gives lunr (``cached.index_words``), by word: stop words stay.
    document_tokens: dict[str, tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def lemmas(self, word: str) -> tuple[str, ...]:
        """The word's lemmas, or the word itself when the dictionary left it out."""
        return self.forms.get(word) or (word,)

    def tokens(self, word: str) -> list[str]:
        """What lunr receives for the word: the word (Snowball stems it, joining some derived
        words) and its marked lemmas (inflection Snowball cannot join)."""
        found = self._tokens.get(word)
        if found is None:
            found = self._tokens[word] = (word, *self.lemma_terms(word))
        return list(found)

    def lemma_terms(self, word: str) -> list[str]:
        """``=`` + each folded lemma: terms of their own, which no Snowball stem can equal."""
        return list(dict.fromkeys(LEMMA_MARK + fold(lemma) for lemma in self.forms.get(word, ())))

    def terms(self, word: str) -> list[str]:
        """Index terms of the word: Snowball's, then its lemmas'."""
        return [*index_terms(word, self.language), *self.lemma_terms(word)]


@functools.lru_cache(maxsize=DICTIONARY_ANSWERS)
def dictionary_forms(morfeusz: Any, raw: str) -> tuple[tuple[str, str], ...]:
    """(form, clean lemma) of every form SGJP's synthesis gives the raw lemma."""
    return tuple(
        (form.lower(), _clean(lemma))
        for form, lemma, tag, *_rest in morfeusz.generate(raw)
        if not tag.startswith(SKIPPED_TAGS)
    )


@functools.lru_cache(maxsize=DICTIONARY_ANSWERS)
def _map_entries(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The (form, lemma) pairs the map holds for these: each form also folded, stop words out.
    Remembered by value: the three languages' maps share most lemmas."""
    entries = dict.fromkeys(
        (spelling, lemma) for form, lemma in pairs for spelling in (form, fold(form))
    )
    return tuple(entry for entry in entries if not is_stop_word(entry[0]))


def build_lemma_map(
    words: Iterable[str], language: str = "pl", remembered: MemoTable | None = None
) -> LemmaMap:
    """Analyse the words, then list every form of every lemma found (SGJP synthesis);
    ``remembered``: the dictionary's answers of earlier builds, by word and by lemma."""
    morfeusz = _morfeusz()
    if morfeusz is None:
        return LemmaMap(language=language)
    table = remembered or MemoTable()
    found: dict[str, set[str]] = {}
    raw_lemmas: set[str] = set()

    def add(pairs: tuple[tuple[str, str], ...]) -> None:
        for form, lemma in _map_entries(pairs):
            lemmas = found.get(form)
            if lemmas is None:
                found[form] = {lemma}
            else:
                lemmas.add(lemma)

    for word in set(words):
        if is_stop_word(word):
            continue
        lemmas = table.get(("analyse", word), functools.partial(dictionary_lemmas, word))
        raw_lemmas.update(lemmas)
        add(tuple((word, _clean(lemma)) for lemma in lemmas))
    for raw in raw_lemmas:
        add(table.get(("generate", raw), functools.partial(dictionary_forms, morfeusz, raw)))
    return LemmaMap({form: _capped(found[form]) for form in sorted(found)}, language)


def _capped(lemmas: set[str]) -> tuple[str, ...]:
    """A form's first ``MAX_LEMMAS`` lemmas, in order."""
    return tuple(lemmas) if len(lemmas) == 1 else tuple(sorted(lemmas)[:MAX_LEMMAS])


def lemma_shards(lemma_map: LemmaMap, budget: int) -> list[dict[str, tuple[str, ...]]]:
    """Consecutive form ranges of about ``budget`` bytes: a query fetches only its words'."""
    shards: list[dict[str, tuple[str, ...]]] = [{}]
    used = 0
    sizes: dict[tuple[str, ...], int] = {}  # a lemma's forms share its tuple's size
    for form, lemmas in lemma_map.forms.items():
        lemmas_size = sizes.get(lemmas)
        if lemmas_size is None:
            lemmas_size = sizes[lemmas] = sum(len(lemma.encode()) + 3 for lemma in lemmas)
        size = len(form.encode()) + lemmas_size + 6
        if shards[-1] and used + size > budget:
            shards.append({})
            used = 0
        shards[-1][form] = lemmas  # JSON writes a tuple as a list
        used += size
    return [shard for shard in shards if shard]
