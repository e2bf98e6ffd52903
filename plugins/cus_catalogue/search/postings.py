"""The index's postings and BM25 weights as lunr.py's ``Builder`` makes them, without lunr.py.

Each document is counted as it is added (term frequencies and field lengths in compact arrays);
the weights are computed term by term while the files are packed, with lunr.py's formula and
its rounding, so no lunr ``Index`` of the whole catalogue is ever held (issue 17: 100,000
services within 2 GB; lunr.py's index of them took about 10 GB). lunr.py stays the reference:
``tests/test_search_postings.py`` builds both and compares every weight.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from lunr.index import Index
from lunr.token_set import TokenSet
from lunr.vector import Vector

#: lunr.py's defaults (``Builder._k1``, ``Builder._b``): term saturation, length normalisation.
K1 = 1.2
B = 0.75

#: One term's weights: (field number, [(position, weight), …] by position) per field it is in.
TermWeights = list[tuple[int, list[tuple[int, float]]]]


class Postings:
    """Every term's documents per field with its frequency there, and every field's lengths."""

    def __init__(self, fields: Sequence[tuple[str, int]]) -> None:
        self.fields = [name for name, _boost in fields]
        self.boosts = [boost for _name, boost in fields]
        self.count = 0
        self.lengths = [array("I") for _ in fields]
        #: term → per field: positions and frequencies interleaved (or None); in the order
        #: lunr.py meets the terms, which is its term index.
        self.terms: dict[str, list[array | None]] = {}

    def add(self, field_terms: Mapping[str, Sequence[str]]) -> None:
        """The next document (position ``count``), by the terms of each field, in order."""
        position = self.count
        self.count += 1
        known, width = self.terms, len(self.fields)
        for number, name in enumerate(self.fields):
            terms = field_terms[name]
            self.lengths[number].append(len(terms))
            for term, frequency in Counter(terms).items():
                per_field = known.get(term)
                if per_field is None:
                    per_field = known[term] = [None] * width
                found = per_field[number]
                if found is None:
                    per_field[number] = array("I", (position, frequency))
                else:
                    found.extend((position, frequency))

    def documents_with(self, term: str) -> int:
        """How many documents have the term in any field."""
        found = [positions for positions in self.terms[term] if positions is not None]
        if len(found) == 1:
            return len(found[0]) // 2
        return len({position for positions in found for position in positions[::2]})

    def weights(self) -> Iterator[tuple[str, TermWeights]]:
        """Every term, in sorted order, with its weight in each document and field: lunr.py's
        BM25 (``Builder._create_field_vectors``), the same operations in the same order."""
        averages = [sum(lengths) / self.count if self.count else 0.0 for lengths in self.lengths]
        # Each document's length part of BM25's denominator, per field, computed once.
        norms = [
            array("d", (K1 * (1 - B + B * (length / average)) for length in lengths))
            if average
            else array("d")
            for lengths, average in zip(self.lengths, averages, strict=True)
        ]
        saturation = K1 + 1
        for term in sorted(self.terms):
            per_field = self.terms[term]
            # lunr.py counts a document once per field that has the term.
            with_term = sum(len(found) // 2 for found in per_field if found is not None)
            x = (self.count - with_term + 0.5) / (with_term + 0.5)
            idf = math.log(1 + abs(x))
            weighted: TermWeights = []
            for number, found in enumerate(per_field):
                if found is None:
                    continue
                norm, boost = norms[number], self.boosts[number]
                scores = [
                    (
                        position,
                        round(
                            idf * (saturation * frequency) / (norm[position] + frequency) * boost, 3
                        ),
                    )
                    for position, frequency in zip(found[::2], found[1::2], strict=True)
                ]
                weighted.append((number, scores))
            yield term, weighted

    def lunr_index(self, pipeline: Any) -> Index:
        """The index lunr.py's ``Builder`` makes, for queries from Python (tests, benchmarks)."""
        term_index = {term: number for number, term in enumerate(self.terms)}
        inverted: dict[str, dict[str, Any]] = {}
        vectors: dict[str, list[tuple[int, float]]] = {}
        for term, weighted in self.weights():
            posting: dict[str, Any] = {name: {} for name in self.fields}
            posting["_index"] = term_index[term]
            for number, scores in weighted:
                name = self.fields[number]
                for position, weight in scores:
                    posting[name][str(position)] = {}
                    vectors.setdefault(f"{name}/{position}", []).append((term_index[term], weight))
            inverted[term] = posting
        field_vectors = {
            ref: Vector([value for pair in sorted(elements) for value in pair])
            for ref, elements in vectors.items()
        }
        for position in range(self.count):
            for name in self.fields:
                field_vectors.setdefault(f"{name}/{position}", Vector())
        return Index(
            inverted_index=inverted,
            field_vectors=field_vectors,
            token_set=TokenSet.from_list(sorted(inverted)),
            fields=list(self.fields),
            pipeline=pipeline,
        )
