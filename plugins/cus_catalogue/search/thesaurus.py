"""The domain thesaurus (data/synonyms.csv): groups of equivalent words, applied at index time.

Expanding documents once, when the index is built, makes the thesaurus act identically for
every engine that queries the index (lunr.py in tests, lunr.js in the browser): a service whose
text contains any member of a group is also indexed under every other member.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .analyzer import analyze_positions
from .i18n import gettext as tr

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TERM_SEPARATOR = ";"

Phrase = tuple[frozenset[str], ...]


class ThesaurusError(ValueError):
    """Every problem of the thesaurus at once, each message naming file and line, in Polish."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class SynonymGroup:
    """Words and phrases a resident may use for one thing."""

    id: str
    terms: tuple[str, ...]
    line: int
    phrases: tuple[Phrase, ...]


def _phrase(term: str) -> Phrase:
    return tuple(analyze_positions(term))


def parse_terms(cell: str) -> list[str]:
    """``a; b; c`` to ``["a", "b", "c"]``; empty pieces (a trailing ``;``) are ignored."""
    return [piece.strip() for piece in cell.split(TERM_SEPARATOR) if piece.strip()]


def load_thesaurus(path: Path) -> list[SynonymGroup]:
    """Read and check the CSV; raise ThesaurusError listing every problem found."""
    problems: list[str] = []
    groups: list[SynonymGroup] = []
    seen_ids: dict[str, int] = {}
    owner_of: dict[Phrase, tuple[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        missing = {"id", "terms"} - set(reader.fieldnames or [])
        if missing:
            message = tr("{file}: missing column(s): {columns}")
            raise ThesaurusError([message.format(file=path, columns=", ".join(sorted(missing)))])
        for row in reader:
            line = reader.line_num
            where = tr("{file}, line {line}").format(file=path, line=line)
            group_id = (row.get("id") or "").strip()
            if not ID_PATTERN.match(group_id):
                problems.append(
                    where
                    + ": "
                    + tr("id “{id}” must use a-z, digits and hyphens").format(id=group_id)
                )
            elif group_id in seen_ids:
                problems.append(
                    where
                    + ": "
                    + tr("id “{id}” is already used on line {other}").format(
                        id=group_id, other=seen_ids[group_id]
                    )
                )
            seen_ids.setdefault(group_id, line)
            terms = parse_terms(row.get("terms") or "")
            phrases: list[Phrase] = []
            for term in terms:
                phrase = _phrase(term)
                if not phrase:
                    problems.append(
                        where + ": " + tr("“{term}” has no searchable word").format(term=term)
                    )
                    continue
                if phrase in phrases:
                    problems.append(
                        where + ": " + tr("“{term}” repeats a word of this group").format(term=term)
                    )
                    continue
                other = owner_of.get(phrase)
                if other and other[0] != group_id:
                    problems.append(
                        where
                        + ": "
                        + tr(
                            "“{term}” is already in group “{other}” (line {line}): merge them"
                        ).format(term=term, other=other[0], line=other[1])
                    )
                    continue
                owner_of[phrase] = (group_id, line)
                phrases.append(phrase)
            if len(phrases) < 2:
                problems.append(where + ": " + tr("a group needs at least two different terms"))
            groups.append(SynonymGroup(group_id, tuple(terms), line, tuple(phrases)))
    if problems:
        raise ThesaurusError(problems)
    return groups


def expand(texts: Iterable[str], groups: Sequence[SynonymGroup]) -> list[str]:
    """The terms of every group that any of the texts mentions, except the ones mentioned.

    A phrase occurs when consecutive words share an index term with each of its words; it
    never spans two texts. One pass over the words, trying only phrases whose first word is
    there, keeps this linear in the length of the texts.
    """
    positions: list[frozenset[str]] = []
    for text in texts:
        positions += analyze_positions(text)
        positions.append(frozenset())  # a text boundary no phrase crosses
    first_words: dict[str, list[tuple[int, int]]] = {}
    for g, group in enumerate(groups):
        for p, phrase in enumerate(group.phrases):
            for term in phrase[0]:
                first_words.setdefault(term, []).append((g, p))
    present: set[tuple[int, int]] = set()
    for start, terms in enumerate(positions):
        for term in terms:
            for g, p in first_words.get(term, ()):
                phrase = groups[g].phrases[p]
                if (
                    (g, p) not in present
                    and start + len(phrase) <= len(positions)
                    and all(positions[start + k] & phrase[k] for k in range(1, len(phrase)))
                ):
                    present.add((g, p))
    added: list[str] = []
    for g, group in enumerate(groups):
        hits = [(g, p) in present for p in range(len(group.phrases))]
        if any(hits):
            added.extend(term for term, hit in zip(group.terms, hits, strict=False) if not hit)
    return added
