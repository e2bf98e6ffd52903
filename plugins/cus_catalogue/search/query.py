"""Queries as the browser builds them, for lunr.py: the golden set runs here without a browser.

``search-engine.js`` implements the same plan; never pass user text to ``Index.search``, whose
query syntax throws on ``: ^ ~ * + -``.
"""

from __future__ import annotations

import math
from collections.abc import Container, Mapping, Sequence
from typing import Any

from lunr.index import Index
from lunr.query import Query

from .analyzer import fold, is_stop_word, tokenize
from .demotion import Match, demote, word_terms
from .index import QUERY_SETTINGS
from .lemmas import LemmaMap
from .situations import match_situations


def query_plan(
    text: str,
    known: Container[str] = frozenset(),
    settings: Mapping[str, int] = QUERY_SETTINGS,
    situations: Sequence[list] = (),
    lemma_map: LemmaMap | None = None,
    common: Container[str] = frozenset(),
) -> list[dict[str, Any]]:
    """Optional clauses per word: exact (stemmed); fuzzy (typos) only for a word none of whose
    terms is ``known`` (in the index), so common words do not drag in their neighbours; and
    prefix for the last word, the one being typed (earlier words are complete). A life
    situation the words describe adds its concepts, strongly boosted, and its phrase's own
    words then only break ties, as do words all of whose terms are ``common`` (in many
    records: "dom", "pomoc"). A word is searched by each of its lemmas (``lemma_map``)."""
    lemma_map = lemma_map or LemmaMap()
    clauses: list[dict[str, Any]] = []
    seen: set[str] = set()
    tokens = tokenize(text)[: settings["maxTokens"]]
    concepts, covered = match_situations(tokens, situations, lemma_map)
    for position, token in enumerate(tokens):
        if token in seen or is_stop_word(token):
            continue
        seen.add(token)
        word = len(seen) - 1
        terms = lemma_map.terms(token)
        boost = settings["exactBoost"]
        if position in covered:
            boost = settings["tieBoost"]
        elif all(term in common for term in terms):
            boost = settings["commonBoost"]
        for lemma in lemma_map.tokens(token):
            clauses.append({"term": lemma, "usePipeline": True, "boost": boost, "word": word})
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
        typo = not any(term in known for term in terms)
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
    for number, terms in enumerate(concepts, len(seen)):
        for term in terms:
            clauses.append(
                {
                    "term": term,
                    "usePipeline": False,
                    "boost": settings["situationBoost"],
                    "word": number,
                }
            )
    return clauses


def rank_key(score: float) -> int:
    """Scores compared at 1e-6 (JS ``Math.round(score * 1e6)``): float sums may differ in the
    last bits between engines, the order must not."""
    return math.floor(score * 1e6 + 0.5)


def run_query(
    index: Index,
    text: str,
    demoted: Container[int] = frozenset(),
    situations: Sequence[list] = (),
    lemma_map: LemmaMap | None = None,
    common: Container[str] = frozenset(),
) -> list[tuple[int, float]]:
    """(document position, score), best first; ties by position, as in the browser. Positions
    in ``demoted`` (suspended, planned) go below the others that match as many query words;
    ``situations`` as the manifest ships them."""
    plan = query_plan(text, index.inverted_index, QUERY_SETTINGS, situations, lemma_map, common)
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
