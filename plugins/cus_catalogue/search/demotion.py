"""Suspended and planned services rank below the active ones that match the query as well.

"As well" is counted in query words: a suspended service that matches two words of "sen
dziecka" stays above active ones that match one, but "pranie" lists the active services that
mention washing first. ``search-engine.js`` implements the same order; the parity test
compares them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lunr.index import Index
from lunr.query import Clause, Query
from lunr.token_set import TokenSet


@dataclass
class Match:
    """One result: its score (and the rounded key both engines sort by) and what it matched."""

    position: int
    score: float
    key: int
    words: int
    demoted: bool


def word_terms(index: Index, plan: Sequence[Mapping[str, Any]]) -> list[frozenset[str]]:
    """For each query word, every index term its clauses reach (expanded as lunr does)."""
    reached: dict[int, set[str]] = {}
    for clause in plan:
        terms = (
            index.pipeline.run_string(clause["term"]) if clause["usePipeline"] else [clause["term"]]
        )
        for term in terms:
            probe = Clause(
                term=term + "*" if clause.get("wildcard", Query.WILDCARD_NONE) else term,
                edit_distance=clause.get("editDistance", 0),
            )
            found = index.token_set.intersect(TokenSet.from_clause(probe)).to_list()
            reached.setdefault(clause["word"], set()).update(found)
    return [frozenset(reached[word]) for word in sorted(reached)]


def demote(matches: Sequence[Match]) -> list[Match]:
    """Best score first, except that a demoted match goes below every active match of at
    least as many query words; ties by position."""
    ranked = sorted(matches, key=lambda match: (-match.key, match.position))
    last_active: dict[int, int] = {}  # words matched -> index of the last active match
    for index, match in enumerate(ranked):
        if not match.demoted:
            last_active[match.words] = index
    places = []
    for index, match in enumerate(ranked):
        place = float(index)
        if match.demoted:
            barrier = max(
                (i for words, i in last_active.items() if words >= match.words), default=-1
            )
            place = max(place, barrier + 0.5)
        places.append((place, index, match))
    return [match for _place, _index, match in sorted(places, key=lambda item: item[:2])]
