"""Pack the index's postings into the static files a query fetches, so that the bytes a
first query needs stay small however large the catalogue (issue 17: 100,000 services).

* The manifest holds no vocabulary: only the first term of each table of 64 postings shards;
  a table gives each shard's first term (terms in sorted ranges), so a word's shard is found
  by two binary searches.
* A postings shard lists its terms in order with their postings per field: positions as gaps
  from the previous one, weights as integers (lunr.py rounds weights to 3 decimals, so
  ``weight * 1000`` is exact and the browser's ``n / 1000`` is the same number).
* The vocabulary alone, for typo (fuzzy) matching, is in files fetched only by a query with a
  word the index does not know.
* Result records are in chunks of a fixed number of records, named in tables of chunks: a
  page of results fetches the tables and chunks of the results it shows.
* Each facet value (a centre, a provider…) has its own file of positions (gaps), named in a
  facet table fetched only when a filter is used; ids (for open-now) in a file of their own.

Nothing here weighs anything: ``postings.py``'s weights (lunr.py's) are repackaged unchanged,
shard by shard as they are computed, so the whole index is never held as Python lists.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION

from .postings import TermWeights

FORMAT_VERSION = 2
SHARD_BYTES = 24_000
#: The manifest names tables of this many shards (first term, first place, file) by their first
#: term: at 100,000 services a table of every shard would grow past 100 KB.
SHARDS_PER_TABLE = 64
VOCABULARY_BYTES = 48_000
RECORDS_PER_CHUNK = 16
CHUNKS_PER_TABLE = 256
#: A facet whose values name single services: one file {id: position}.
ID_FACET = "id"

#: Stores one file (a value for ``dumps``, maybe ``Encoded``) under a content-hashed name made
#: from the stem; returns the file's name.
Store = Callable[[str, Any], str]


class Encoded(bytes):
    """A value already written as JSON by ``dumps`` (a shard's entries, each measured once)."""


def dumps(value: Any) -> bytes:
    """Deterministic, compact JSON (the build must be reproducible byte for byte)."""
    if isinstance(value, Encoded):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def joined(entries: Sequence[bytes]) -> Encoded:
    """The JSON list of entries already encoded (``dumps`` of the list, without encoding twice)."""
    return Encoded(b"[" + b",".join(entries) + b"]")


def chunks(items: Iterable[Any], size_of: Callable[[Any], int], budget: int) -> Iterator[list[Any]]:
    """Consecutive groups of items whose serialised size stays near the budget, one by one."""
    group: list[Any] = []
    used = 0
    for item in items:
        size = size_of(item)
        if group and used + size > budget:
            yield group
            group, used = [], 0
        group.append(item)
        used += size
    if group:
        yield group


def gaps(positions: Sequence[int]) -> list[int]:
    """Sorted positions as differences from the previous one (the first from 0)."""
    previous = 0
    out = []
    for position in positions:
        out.append(position - previous)
        previous = position
    return out


def millis(weight: float) -> int:
    """lunr.py's weight (rounded to 3 decimals) as an exact integer of thousandths."""
    scaled = round(weight * 1000)
    if scaled / 1000 != weight:
        raise ValueError(f"weight {weight!r} has more than 3 decimals")
    return scaled


def term_postings(weights: Iterable[tuple[str, TermWeights]]) -> Iterator[tuple[str, bytes]]:
    """(term, JSON of [term, [[field, gap, weight, gap, weight, …], …]]) for every term, in the
    given order: encoded once, to be measured and then joined into its shard."""
    for term, weighted in weights:
        per_field = []
        for number, scores in weighted:
            flat, previous = [number], 0
            for position, weight in scores:
                flat += [position - previous, millis(weight)]
                previous = position
            per_field.append(flat)
        yield term, dumps([term, per_field])


@dataclass
class PackedIndex:
    """The manifest's search settings and the contents of the files it will name."""

    manifest: dict[str, Any]
    #: Each shard's (term, encoded entry) pairs, made while ``write_files`` stores them.
    shards: Iterable[list[tuple[str, bytes]]]
    vocabulary: list[list[str]]
    docs: list[list[dict[str, Any]]]
    facets: dict[str, dict[str, list[int]]]


def pack_index(
    weights: Iterable[tuple[str, TermWeights]],
    terms: Sequence[str],
    fields: Sequence[str],
    records: Sequence[dict[str, Any]],
) -> PackedIndex:
    """Term-range shards of the ``weights`` of the sorted ``terms``, vocabulary files, record
    chunks and facet positions."""
    shards = chunks(term_postings(weights), lambda entry: len(entry[1]), SHARD_BYTES)
    vocabulary = list(chunks(terms, lambda term: len(term.encode()) + 3, VOCABULARY_BYTES))
    docs = [
        list(records[start : start + RECORDS_PER_CHUNK])
        for start in range(0, len(records), RECORDS_PER_CHUNK)
    ]
    manifest = {"format": FORMAT_VERSION, "lunr": LUNR_VERSION, "fields": list(fields)}
    return PackedIndex(manifest, shards, vocabulary, docs, {})


def write_files(packed: PackedIndex, store: Store) -> dict[str, Any]:
    """Store every file; the manifest's entries naming them."""
    starts, start = [], 0
    for number, shard in enumerate(packed.shards):
        entries = joined([entry for _term, entry in shard])
        starts.append([shard[0][0], start, store(f"postings-{number}", entries)])
        start += len(shard)
    shard_tables = [
        [starts[first][0], store(f"shards-{n}", starts[first : first + SHARDS_PER_TABLE])]
        for n, first in enumerate(range(0, len(starts), SHARDS_PER_TABLE))
    ]
    vocabulary = [store(f"terms-{n}", part) for n, part in enumerate(packed.vocabulary)]
    chunk_names = [store(f"docs-{n}", chunk) for n, chunk in enumerate(packed.docs)]
    tables = [
        store(f"doctable-{n}", chunk_names[first : first + CHUNKS_PER_TABLE])
        for n, first in enumerate(range(0, len(chunk_names), CHUNKS_PER_TABLE))
    ]
    facet_table: dict[str, Any] = {}
    for facet, values in sorted(packed.facets.items()):
        if facet == ID_FACET:
            ids = {value: positions[0] for value, positions in values.items()}
            facet_table[facet] = store("facet-ids", ids)
            continue
        facet_table[facet] = {
            value: store(f"facet-{facet}-{n}", gaps(positions))
            for n, (value, positions) in enumerate(sorted(values.items()))
        }
    return {
        "shards": shard_tables,
        "vocabulary": vocabulary,
        "docs": {
            "records": RECORDS_PER_CHUNK,
            "chunks": CHUNKS_PER_TABLE,
            "tables": tables,
        },
        "facets": store("facets", facet_table),
    }
