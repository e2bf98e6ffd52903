"""Queries as the browser builds them, for lunr.py: the golden set runs here without a browser.

``search-engine.js`` implements the same plan; never pass user text to ``Index.search``, whose
query syntax throws on ``: ^ ~ * + -``.
"""

from __future__ import annotations

import math
from collections.abc import Container, Mapping
from typing import Any

from lunr.index import Index
from lunr.query import Query

from .analyzer import fold, index_terms, is_stop_word, tokenize
from .demotion import Match, demote, word_terms
from .index import QUERY_SETTINGS


def query_plan(
    text: str,
    known: Container[str] = frozenset(),
    settings: Mapping[str, int] = QUERY_SETTINGS,
) -> list[dict[str, Any]]:
    """Optional clauses per word: exact (stemmed); fuzzy (typos) only for a word none of whose
    terms is ``known`` (in the index), so common words do not drag in their neighbours; and
    prefix for the last word, the one being typed (earlier words are complete)."""
    clauses: list[dict[str, Any]] = []
    seen: set[str] = set()
    tokens = tokenize(text)[: settings["maxTokens"]]
    for position, token in enumerate(tokens):
        if token in seen or is_stop_word(token):
            continue
        seen.add(token)
        word = len(seen) - 1
        clauses.append(
            {"term": token, "usePipeline": True, "boost": settings["exactBoost"], "word": word}
        )
        folded = fold(token)
        if position == len(tokens) - 1 and len(folded) >= settings["prefixMinLength"]:
            clauses.append(
                {
                    "term": folded,
                    "usePipeline": False,
                    "wildcard": Query.WILDCARD_TRAILING,
                    "boost": settings["prefixBoost"],
                    "word": word,
                }
            )
        typo = not any(term in known for term in index_terms(token))
        if typo and len(token) >= settings["fuzzyMinLength"]:
            clauses.append(
                {
                    "term": token,
                    "usePipeline": True,
                    "editDistance": 1,
                    "boost": settings["fuzzyBoost"],
                    "word": word,
                }
            )
    return clauses


def rank_key(score: float) -> int:
    """Scores compared at 1e-6 (JS ``Math.round(score * 1e6)``): float sums may differ in the
    last bits between engines, the order must not."""
    return math.floor(score * 1e6 + 0.5)


def run_query(
    index: Index, text: str, demoted: Container[int] = frozenset()
) -> list[tuple[int, float]]:
    """(document position, score), best first; ties by position, as in the browser. Positions
    in ``demoted`` (suspended, planned) go below the others that match as many query words."""
    plan = query_plan(text, index.inverted_index)
    if not plan:
        return []
    words = word_terms(index, plan)
    query = index.create_query()
    for clause in plan:
        query.term(
            clause["term"],
            use_pipeline=clause["usePipeline"],
            boost=clause["boost"],
            wildcard=clause.get("wildcard", Query.WILDCARD_NONE),
            edit_distance=clause.get("editDistance", 0),
        )
    found = []
    for result in index.query(query):
        position, matched = int(result["ref"]), set(result["match_data"].metadata)
        found.append(
            Match(
                position=position,
                score=result["score"],
                key=rank_key(result["score"]),
                words=sum(1 for terms in words if terms & matched),
                demoted=position in demoted,
            )
        )
    return [(match.position, match.score) for match in demote(found)]
