"""The domain thesaurus (data/synonyms.csv): groups of equivalent words, applied at index time.

Expanding documents once, when the index is built, makes the thesaurus act identically for
every engine that queries the index (lunr.py in tests, lunr.js in the browser): a service whose
text contains any member of a group is also indexed under every other member. The columns
``terms_uk`` and ``terms_en`` add the words residents use on the Ukrainian and English pages;
those indexes apply the Polish terms and their language's together (``groups_in``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..i18n import N_
from ..problems import Problem
from ..records import is_record_id
from .analyzer import analyze_positions

TERM_SEPARATOR = ";"
#: Language → the column of the group's words in that language (issue 13).
TRANSLATED_TERMS = {"uk": "terms_uk", "en": "terms_en"}

Phrase = tuple[frozenset[str], ...]

# Message templates of the thesaurus check (English msgids, translated where shown).
MISSING_COLUMNS = N_("missing column(s): {columns}")
BAD_ID = N_("id “{id}” must use a-z, digits and hyphens")
DUPLICATE_ID = N_("id “{id}” is already used on line {other}")
NO_WORD = N_("“{term}” has no searchable word")
REPEATED_WORD = N_("“{term}” repeats a word of this group")
IN_OTHER_GROUP = N_("“{term}” is already in group “{other}” (line {other_line}): merge them")
TOO_FEW_TERMS = N_("a group needs at least two different terms")


class ThesaurusError(ValueError):
    """Every problem of the thesaurus at once, for callers that need a valid one or nothing."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(problem.format() for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class SynonymGroup:
    """Words and phrases a resident may use for one thing."""

    id: str
    terms: tuple[str, ...]
    line: int
    phrases: tuple[Phrase, ...]
    #: (language, its terms) for each translated column; ``terms`` are the Polish ones.
    translations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The analyzer of ``phrases`` (``groups_in`` makes another language's groups).
    language: str = "pl"

    def terms_in(self, language: str) -> tuple[str, ...]:
        """The group's own words in ``language`` (none where the column is empty)."""
        return dict(self.translations).get(language, ())


def _phrase(term: str, language: str = "pl") -> Phrase:
    return tuple(analyze_positions(term, language))


def groups_in(groups: Sequence[SynonymGroup], language: str) -> list[SynonymGroup]:
    """The groups as the index of ``language`` applies them: the Polish terms (its records
    keep their Polish words) and the language's own, each analysed as that index analyses it."""
    if language == "pl":
        return list(groups)
    applied = []
    for group in groups:
        terms: list[str] = []
        phrases: list[Phrase] = []
        for term in (*group.terms, *group.terms_in(language)):
            phrase = _phrase(term, language)
            if phrase and phrase not in phrases:
                terms.append(term)
                phrases.append(phrase)
        applied.append(
            replace(group, terms=tuple(terms), phrases=tuple(phrases), language=language)
        )
    return applied


def parse_terms(cell: str) -> list[str]:
    """``a; b; c`` to ``["a", "b", "c"]``; empty pieces (a trailing ``;``) are ignored."""
    return [piece.strip() for piece in cell.split(TERM_SEPARATOR) if piece.strip()]


def read_thesaurus(path: Path) -> tuple[list[SynonymGroup], list[Problem]]:
    """The groups of the CSV and every problem found in it, each at its line."""
    problems: list[Problem] = []
    groups: list[SynonymGroup] = []
    seen_ids: dict[str, int] = {}
    owner_of: dict[Phrase, tuple[str, int]] = {}
    translated_owners: dict[str, dict[Phrase, tuple[str, int]]] = {}

    def problem(code: str, template: str, line: int, field: str, **params: object) -> None:
        problems.append(Problem(code, path, line, field, params, template=template))

    with path.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        missing = {"id", "terms"} - set(reader.fieldnames or [])
        if missing:
            problem("thesaurus-columns", MISSING_COLUMNS, 1, "", columns=", ".join(sorted(missing)))
            return [], problems
        for row in reader:
            line = reader.line_num
            group_id = (row.get("id") or "").strip()
            if not is_record_id(group_id):
                problem("thesaurus-bad-id", BAD_ID, line, "id", id=group_id)
            elif group_id in seen_ids:
                problem("thesaurus-duplicate-id", DUPLICATE_ID, line, "id", id=group_id,
                        other=seen_ids[group_id])  # fmt: skip
            seen_ids.setdefault(group_id, line)
            terms = parse_terms(row.get("terms") or "")
            phrases: list[Phrase] = []
            for term in terms:
                phrase = _phrase(term)
                other = owner_of.get(phrase)
                if not phrase:
                    problem("thesaurus-no-word", NO_WORD, line, "terms", term=term)
                elif phrase in phrases:
                    problem("thesaurus-repeated-word", REPEATED_WORD, line, "terms", term=term)
                elif other and other[0] != group_id:
                    problem("thesaurus-in-other-group", IN_OTHER_GROUP, line, "terms", term=term,
                            other=other[0], other_line=other[1])  # fmt: skip
                else:
                    owner_of[phrase] = (group_id, line)
                    phrases.append(phrase)
            if len(phrases) < 2:
                problem("thesaurus-too-few-terms", TOO_FEW_TERMS, line, "terms")
            translations = tuple(
                (language, tuple(parse_terms(row.get(column) or "")))
                for language, column in TRANSLATED_TERMS.items()
            )
            for language, translated in translations:
                owners = translated_owners.setdefault(language, {})
                for term in terms:  # a translation may repeat its group's Polish word
                    owners.setdefault(_phrase(term, language), (group_id, line))
                for code, template, term, params in _translation_problems(
                    translated, language, group_id, owners, line
                ):
                    problem(code, template, line, TRANSLATED_TERMS[language], term=term, **params)
            groups.append(SynonymGroup(group_id, tuple(terms), line, tuple(phrases), translations))
    return groups, problems


def _translation_problems(
    terms: Sequence[str],
    language: str,
    group_id: str,
    owners: dict[Phrase, tuple[str, int]],
    line: int,
) -> list[tuple[str, str, str, dict[str, object]]]:
    """Code, template, term and params of each problem of a group's terms in ``language``;
    ``owners`` (that language's phrase → group, line) learns the group's new phrases."""
    found: list[tuple[str, str, str, dict[str, object]]] = []
    own: set[Phrase] = set()
    for term in terms:
        phrase = _phrase(term, language)
        other = owners.get(phrase)
        if not phrase:
            found.append(("thesaurus-no-word", NO_WORD, term, {}))
        elif phrase in own:
            found.append(("thesaurus-repeated-word", REPEATED_WORD, term, {}))
        elif other and other[0] != group_id:
            params = {"other": other[0], "other_line": other[1]}
            found.append(("thesaurus-in-other-group", IN_OTHER_GROUP, term, params))
        own.add(phrase)
        owners.setdefault(phrase, (group_id, line))
    return found


def load_thesaurus(path: Path) -> list[SynonymGroup]:
    """The groups of a valid thesaurus; ``ThesaurusError`` listing every problem otherwise."""
    groups, problems = read_thesaurus(path)
    if problems:
        raise ThesaurusError(problems)
    return groups


@dataclass(frozen=True)
class PhraseIndex:
    """The groups with their phrases by first word's terms, indexed once for every text."""

    groups: Sequence[SynonymGroup]
    #: A term → (group, phrase) numbers of the phrases whose first word has it.
    first_words: dict[str, list[tuple[int, int]]]

    @classmethod
    def of(cls, groups: Sequence[SynonymGroup]) -> PhraseIndex:
        """Index the groups' phrases."""
        first_words: dict[str, list[tuple[int, int]]] = {}
        for g, group in enumerate(groups):
            for p, phrase in enumerate(group.phrases):
                for term in phrase[0]:
                    first_words.setdefault(term, []).append((g, p))
        return cls(groups, first_words)


def expand(texts: Iterable[str], groups: Sequence[SynonymGroup] | PhraseIndex) -> list[str]:
    """The terms of every group that any of the texts mentions, except the ones mentioned.

    A phrase occurs when consecutive words share an index term with each of its words; it
    never spans two texts. The texts are analysed as the groups' phrases were (their
    ``language``). One pass over the words, trying only phrases whose first word is there,
    keeps this linear in the length of the texts (``groups``: indexed once by the caller
    that expands many texts).
    """
    index = groups if isinstance(groups, PhraseIndex) else PhraseIndex.of(groups)
    applied, first_words = index.groups, index.first_words
    language = applied[0].language if applied else "pl"
    positions: list[frozenset[str]] = []
    for text in texts:
        positions += analyze_positions(text, language)
        positions.append(frozenset())  # a text boundary no phrase crosses
    present: set[tuple[int, int]] = set()
    for start, terms in enumerate(positions):
        for term in terms:
            for g, p in first_words.get(term, ()):
                phrase = applied[g].phrases[p]
                if (
                    (g, p) not in present
                    and start + len(phrase) <= len(positions)
                    and all(positions[start + k] & phrase[k] for k in range(1, len(phrase)))
                ):
                    present.add((g, p))
    added: list[str] = []
    for g in sorted({g for g, _p in present}):  # only the groups mentioned, in their order
        group = applied[g]
        # A term without a phrase (a thesaurus with problems) is never added.
        pairs = zip(range(len(group.phrases)), group.terms, strict=False)
        added.extend(term for p, term in pairs if (g, p) not in present)
    return added
