"""Abbreviations a resident may not know (CUS, MOSiR, maks.) must be written out in the record.

The list is ``data/abbreviations.csv``: the abbreviation, its expansion, and a pattern that
finds the expansion in any of its Polish forms (``centr\\w* usług społecznych`` finds
"centrum" and "centrach"; a space also matches a line break). A record that uses an
abbreviation without its expansion anywhere in its prose gets a warning at the first use.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem
from .records import NodePath, Record
from .validation import field_name

ABBREVIATIONS_FILE = "abbreviations.csv"
# Fields a program reads (ids, codes, addresses) and search words: not prose for residents.
NOT_PROSE = frozenset(
    {
        "keywords", "provider", "audiences", "areas", "unit", "days", "from", "to", "kind",
        "last_verified", "status", "maintainers", "email", "website", "phone", "postal_code",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation, its expansion, and patterns for both."""

    text: str
    expansion: str
    used: re.Pattern[str]
    explained: re.Pattern[str]
    # The abbreviation anywhere, even inside a word: where this finds nothing, ``used`` cannot
    # either, and it is searched many times faster (a lookbehind first defeats re's scan).
    written: re.Pattern[str]

    def is_used(self, text: str) -> bool:
        """Whether ``text`` uses the abbreviation as a word of its own."""
        return self.written.search(text) is not None and self.used.search(text) is not None


def _usage_patterns(text: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Whole-word matches, not a setting's name in code (``RODO['retention_days']``); "–" and
    "-" alike; acronyms by case, shortenings in any case (and the same without the word
    boundaries)."""
    body = re.escape(text).replace("–", "[–-]")
    tail = "" if text.endswith(".") else r"(?![\w\[])"
    flags = 0 if any(char.isupper() for char in text) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){body}{tail}", flags), re.compile(body, flags)


def read_abbreviations(data: Path) -> list[Abbreviation]:
    """The listed abbreviations (none when the data folder has no list)."""
    path = data / ABBREVIATIONS_FILE
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as table:
        rows = list(csv.DictReader(table))
    found = []
    for row in rows:
        used, written = _usage_patterns(row["abbreviation"])
        explained = re.compile(row["pattern"].replace(" ", r"\s+"), re.IGNORECASE)
        found.append(Abbreviation(row["abbreviation"], row["expansion"], used, explained, written))
    return found


def prose(
    value: Any, path: NodePath = (), skip: Container[str] = NOT_PROSE
) -> Iterator[tuple[NodePath, str]]:
    """Every text a resident reads in a record, with its node path, in file order; fields
    named in ``skip`` are for programs, not prose."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from prose(item, (*path, key), skip)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from prose(item, (*path, index), skip)
    elif isinstance(value, str):
        yield path, value


def unexplained(texts: Sequence[str], abbreviations: Sequence[Abbreviation]) -> list[str]:
    """The abbreviations used in ``texts`` whose expansion none of the texts gives."""
    whole = "\n".join(texts)
    return [
        item.text
        for item in abbreviations
        if item.is_used(whole) and not item.explained.search(whole)
    ]


def _line_of_use(record: Record, node: NodePath, item: Abbreviation) -> int:
    """The file line of the first use: block texts span lines below their key."""
    start = record.line_of(*node)
    try:
        lines = record.path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return start
    for number in range(start, len(lines) + 1):
        if item.used.search(lines[number - 1]):
            return number
    return start


def check_abbreviations(record: Record, abbreviations: Sequence[Abbreviation]) -> list[Problem]:
    """A warning for each listed abbreviation the record uses but never writes out."""
    texts = list(prose(record.data))
    missing = set(unexplained([text for _, text in texts], abbreviations))
    problems = []
    for item in abbreviations:
        if item.text not in missing:
            continue
        node = next(path for path, text in texts if item.is_used(text))
        params = {"abbreviation": item.text, "expansion": item.expansion}
        where = (record.path, _line_of_use(record, node, item), field_name(node))
        problems.append(Problem("unexplained-abbreviation", *where, params, severity="warning"))
    return problems
