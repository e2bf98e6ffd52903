"""Life situations in residents' words (``data/situations.csv``), matched in the query.

A resident writes "nie mam gdzie spać" or "stary ciągle nawalony"; the records say
"bezdomność" and "uzależnienie". Each row lists phrases (negations and slang included; ``|``
gives the words that may stand in one place) and the thesaurus groups they mean. A query whose
words contain a phrase, in order with at most ``MAX_GAP`` other words between, is searched for
the first term of each group, strongly boosted, while the phrase's own words only break ties.
The columns ``phrases_uk`` and ``phrases_en`` hold what residents write on the Ukrainian and
English pages; those pages match them besides the Polish phrases (a newcomer may write Polish).
``search-situations.js`` matches exactly the same way (tests/test_search_parity.py).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_
from ..problems import Problem
from ..tables import table_problems
from .analyzer import fold, index_terms, is_stop_word, tokenize
from .lemmas import LemmaMap
from .thesaurus import TERM_SEPARATOR, SynonymGroup, parse_terms

FILE_NAME = "situations.csv"
SCHEMA_NAME = "situations.tableschema.json"
ALTERNATIVE = "|"
#: Words a resident may put between two words of a phrase ("ojciec znowu pije").
MAX_GAP = 2
#: Language → the column of the situation's phrases in that language (issue 13).
TRANSLATED_PHRASES = {"uk": "phrases_uk", "en": "phrases_en"}

TABLE_INVALID = N_("table of life situations is invalid: {note}")
EMPTY_PHRASE = N_("phrase {number} is empty: remove the extra “;” or “|”, or write the words")
UNKNOWN_CONCEPT = N_("“{concept}” is not a group id of data/synonyms.csv")

#: A phrase: for each place, the words that may stand there.
Phrase = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Situation:
    """One life situation: its phrases as places of alternative words, and the index terms of
    what it means (the first term of each thesaurus group it names)."""

    id: str
    line: int
    phrases: tuple[Phrase, ...]
    concepts: tuple[str, ...]
    #: (language, its phrases) for each translated column; ``phrases`` are the Polish ones.
    translations: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()

    def phrases_in(self, language: str) -> tuple[Phrase, ...]:
        """What the page of ``language`` matches: the Polish phrases and that language's."""
        return self.phrases + dict(self.translations).get(language, ())

    def words(self, language: str = "pl") -> set[str]:
        """Every word of its phrases and concepts (their lemmas' forms join the lemma map)."""
        phrases = self.phrases_in(language)
        words = {word for phrase in phrases for place in phrase for word in place}
        return words | {word for concept in self.concepts for word in tokenize(concept)}


def word_terms(word: str, lemma_map: LemmaMap) -> list[str]:
    """Terms of one word for phrase matching: its folded form (stop words such as "nie" and
    "gdzie" take part in phrases), Snowball's terms and its lemmas' terms."""
    return sorted({fold(word), *index_terms(word, lemma_map.language), *lemma_map.terms(word)})


def _places(phrase: str) -> list[tuple[str, ...]] | None:
    """``nie mam gdzie spać|mieszkać`` → the words of each place; None if a place is empty."""
    places = []
    for place in phrase.split():
        words = [
            token for alternative in place.split(ALTERNATIVE) for token in tokenize(alternative)
        ]
        if not words:
            return None
        places.append(tuple(words))
    return places or None


def _problem(kind: str, path: Path, line: int, field: str, **params: object) -> Problem:
    """A problem of one row: an empty phrase or a concept that is not a thesaurus group."""
    template = EMPTY_PHRASE if kind == "empty-phrase" else UNKNOWN_CONCEPT
    return Problem(f"situations-{kind}", path, line, field, params, template=template)


def _phrases(
    cell: str, path: Path, line: int, field: str, problems: list[Problem]
) -> tuple[Phrase, ...]:
    """The phrases of one cell; an empty one (``;;``) is a problem at its column."""
    pieces = cell.split(TERM_SEPARATOR)
    phrases = []
    for number, piece in enumerate(pieces, 1):
        slots = _places(piece)
        if slots is None and (piece.strip() or number < len(pieces)):
            problems.append(_problem("empty-phrase", path, line, field, number=number))
        elif slots:
            phrases.append(tuple(slots))
    return tuple(phrases)


def read_situations(
    path: Path, groups: Sequence[SynonymGroup]
) -> tuple[list[Situation], list[Problem]]:
    """The situations of the table and every problem of it, each at its line and column."""
    if not path.is_file():
        return [], []
    problems = table_problems(path, SCHEMA_NAME, "situations-invalid", TABLE_INVALID)
    terms_of = {group.id: group.terms for group in groups}
    situations = []
    with path.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        for row in reader:
            line = reader.line_num
            phrases = _phrases(row.get("phrases") or "", path, line, "phrases", problems)
            translations = tuple(
                (language, _phrases(row.get(column) or "", path, line, column, problems))
                for language, column in TRANSLATED_PHRASES.items()
            )
            concepts = []
            for concept in parse_terms(row.get("concepts") or ""):
                if concept not in terms_of:
                    problems.append(
                        _problem("unknown-concept", path, line, "concepts", concept=concept)
                    )
                else:
                    concepts.append(terms_of[concept][0])
            situations.append(
                Situation(row.get("id") or "", line, phrases, tuple(concepts), translations)
            )
    return situations, problems


def concept_terms(situation: Situation, lemma_map: LemmaMap) -> list[str]:
    """The index terms of the situation's concepts (the first term of each thesaurus group)."""
    words = [w for concept in situation.concepts for w in tokenize(concept) if not is_stop_word(w)]
    return list(dict.fromkeys(term for word in words for term in lemma_map.terms(word)))


def manifest_situations(situations: Sequence[Situation], lemma_map: LemmaMap) -> list[list]:
    """The compact form the browser reads: ``[[phrase slots…], [concept terms…]]`` per row, a
    slot being the sorted terms any word of its place may have; the phrases of the lemma
    map's language join the Polish ones."""

    def slot(words: tuple[str, ...]) -> list[str]:
        return sorted({term for word in words for term in word_terms(word, lemma_map)})

    language = lemma_map.language
    return [
        [
            [[slot(place) for place in phrase] for phrase in s.phrases_in(language)],
            concept_terms(s, lemma_map),
        ]
        for s in situations
        if s.phrases_in(language) and s.concepts
    ]


def _phrase_at(words: Sequence[set[str]], phrase: Sequence[Sequence[str]]) -> list[int] | None:
    """Positions of the phrase's words in the query (in order, small gaps), or None."""
    for start, terms in enumerate(words):
        if not terms.intersection(phrase[0]):
            continue
        found, position = [start], start
        for slot in phrase[1:]:
            following = range(position + 1, min(len(words), position + 2 + MAX_GAP))
            position = next((p for p in following if words[p].intersection(slot)), -1)
            if position < 0:
                break
            found.append(position)
        else:
            return found
    return None


def match_situations(
    tokens: Sequence[str], situations: Sequence[list], lemma_map: LemmaMap
) -> tuple[list, set[int]]:
    """The concept term lists of the situations the query's words describe, and the token
    positions their phrases cover (those words then only break ties)."""
    words = [set(word_terms(token, lemma_map)) for token in tokens]
    matched: list[list[str]] = []
    covered: set[int] = set()
    for phrases, concepts in situations:
        for phrase in phrases:
            positions = _phrase_at(words, phrase)
            if positions is not None:
                matched.append(concepts)
                covered.update(positions)
                break
    return matched, covered
