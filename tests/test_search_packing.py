"""The packed search files (issue 17.3): what a first query downloads must not grow with the
catalogue, and the packing must keep lunr.py's weights exactly."""

from __future__ import annotations

import json

from test_search_postings import lunr_reference

from cus_catalogue.search.index import SearchDocument, build_postings, pack
from cus_catalogue.search.lemmas import LemmaMap
from cus_catalogue.search.packing import dumps, write_files


def _documents(count: int) -> list[SearchDocument]:
    """Services with a word of their own each (a vocabulary as large as the catalogue)."""
    return [
        SearchDocument(
            f"usluga-{n}",
            {"name": [f"Pomoc domowa {n} słowo{n}x"], "summary": ["Opieka w domu dla seniora"]},
            {"id": f"usluga-{n}", "name": f"Pomoc domowa {n}"},
            {"centres": [f"c{n % 5}"]},
        )
        for n in range(count)
    ]


def _files(count: int) -> tuple[dict, dict[str, object]]:
    packed = pack(build_postings(_documents(count)), _documents(count))
    files: dict[str, object] = {}

    def store(stem: str, data: object) -> str:
        files[stem] = json.loads(dumps(data))  # as the browser reads the file
        return stem

    return packed.manifest | write_files(packed, store), files


def test_the_first_file_does_not_grow_with_the_vocabulary() -> None:
    """It carried the whole sorted vocabulary: at 100,000 services over 1 MB before any result."""
    small, _ = _files(200)
    large, _ = _files(2_000)  # 3,600 more terms
    assert len(dumps(large)) - len(dumps(small)) < 600  # a few more shards' first terms


def test_packed_postings_give_back_lunr_weights_exactly() -> None:
    """Gaps and integer thousandths decode to lunr.py's weights, every term in sorted order."""
    serialised = lunr_reference(_documents(300), LemmaMap()).serialize()
    weights = {
        ref: dict(zip(e[::2], e[1::2], strict=True)) for ref, e in serialised["fieldVectors"]
    }
    indexes = {term: posting["_index"] for term, posting in serialised["invertedIndex"]}
    manifest, files = _files(300)
    fields, seen = manifest["fields"], []
    shards = [shard for _, table in manifest["shards"] for shard in files[table]]
    for first, start, name in shards:
        assert files[name][0][0] == first and start == len(seen)
        for term, per_field in files[name]:
            seen.append(term)
            for packed in per_field:
                position = 0
                for gap, millis in zip(packed[1::2], packed[2::2], strict=True):
                    position += gap
                    weight = weights[f"{fields[packed[0]]}/{position}"][indexes[term]]
                    assert millis / 1000 == weight
    assert seen == sorted(indexes)


def test_a_centre_filter_downloads_only_that_centres_positions() -> None:
    manifest, files = _files(300)
    table = files[manifest["facets"]]
    positions, total = [], 0
    for gap in files[table["centres"]["c3"]]:
        total += gap
        positions.append(total)
    assert positions == list(range(3, 300, 5))
    assert sorted(table["centres"]) == ["c0", "c1", "c2", "c3", "c4"]
