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
        clauses.append({"term": token, "usePipeline": True, "boost": settings["exactBoost"]})
        folded = fold(token)
        if position == len(tokens) - 1 and len(folded) >= settings["prefixMinLength"]:
            clauses.append(
                {
                    "term": folded,
                    "usePipeline": False,
                    "wildcard": Query.WILDCARD_TRAILING,
                    "boost": settings["prefixBoost"],
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
                }
            )
    return clauses


def rank_key(score: float) -> int:
    """Scores compared at 1e-6 (JS ``Math.round(score * 1e6)``): float sums may differ in the
    last bits between engines, the order must not."""
    return math.floor(score * 1e6 + 0.5)


def run_query(index: Index, text: str) -> list[tuple[int, float]]:
    """(document position, score), best first; ties by position, as in the browser."""
    plan = query_plan(text, index.inverted_index)
    if not plan:
        return []
    query = index.create_query()
    for clause in plan:
        query.term(
            clause["term"],
            use_pipeline=clause["usePipeline"],
            boost=clause["boost"],
            wildcard=clause.get("wildcard", Query.WILDCARD_NONE),
            edit_distance=clause.get("editDistance", 0),
        )
    results = index.query(query)
    ranked = [(int(result["ref"]), result["score"]) for result in results]
    return sorted(ranked, key=lambda pair: (-rank_key(pair[1]), pair[0]))
