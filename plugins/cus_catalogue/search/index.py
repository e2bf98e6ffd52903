"""Build the search index with lunr.py and split it into small static files for the browser.

lunr.py computes every weight (BM25 with field boosts); this module only repackages the
serialised lunr index so that the browser downloads the postings of the words it looks up,
not the whole index.  ``search-score.js`` scores those pieces as ``lunr.Index.query`` does:
the scores are the same because lunr's similarity only reads the query terms' weights.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lunr.builder import Builder
from lunr.index import Index

from ..incremental.memo import MemoTable
from .analyzer import browser_settings
from .cached import AnalysedDocuments, add_terms
from .lemmas import LemmaMap
from .pipeline import pipeline_functions, pipeline_names
from .thesaurus import SynonymGroup, expand

#: Field name → lunr build-time boost: name > keywords > summary > description > the rest.
FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 10),
    ("keywords", 6),
    ("summary", 4),
    ("synonyms", 3),
    ("tags", 2),
    ("description", 2),
    ("eligibility", 1),
    ("provider", 1),
)

#: How queries are built, shipped in the manifest so Python tests and the browser agree.
QUERY_SETTINGS: dict[str, int] = {
    "exactBoost": 10,
    "prefixBoost": 3,
    "prefixMinLength": 3,
    "fuzzyBoost": 1,
    "fuzzyMinLength": 5,
    "maxTokens": 40,
    "tieBoost": 1,
    "commonBoost": 5,
    "situationBoost": 30,
}

#: A term in at least this share of the records is common: it only breaks ties.
COMMON_SHARE = 0.2

FORMAT_VERSION = 1
SHARD_BYTES = 24_000
DOC_CHUNK_BYTES = 12_000

_URL = re.compile(r"https?://\S+|www\.\S+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str | None) -> str:
    """Markdown minus link targets and URLs, which are not words residents search for."""
    if not markdown:
        return ""
    return _URL.sub(" ", _MD_LINK.sub(r"\1", str(markdown)))


@dataclass
class SearchDocument:
    """One service as the index sees it (field texts) and as results show it (record)."""

    id: str
    texts: dict[str, list[str]]
    record: dict[str, Any]
    facets: dict[str, list[str]] = field(default_factory=dict)


def with_polish_marked(record: dict[str, Any]) -> dict[str, Any]:
    """The record with ``pl``: the fields shown untranslated (``PolishText``), which results
    on another language's page mark ``lang="pl"``; the Polish index has none."""
    from ..languages.content import PolishText

    polish = sorted(name for name, value in record.items() if isinstance(value, PolishText))
    return {**record, "pl": polish} if polish else record


def service_texts(
    data: Mapping[str, Any],
    provider_name: str,
    tag_labels: Sequence[str],
) -> dict[str, list[str]]:
    """The text of each indexed field, before analysis (synonyms are added later)."""
    eligibility = data.get("eligibility") or {}
    return {
        "name": [str(data.get("name", ""))],
        "keywords": [str(k) for k in data.get("keywords") or []],
        "summary": [str(data.get("summary", ""))],
        "tags": list(tag_labels),
        "description": [plain_text(data.get("description")), str(data.get("limits") or "")],
        "eligibility": [str(eligibility.get("text", ""))]
        + [str(r) for r in eligibility.get("requires") or []],
        "provider": [provider_name],
    }


def add_synonyms(
    texts: dict[str, list[str]], groups: Sequence[SynonymGroup], remembered: MemoTable | None = None
) -> None:
    """Fill the ``synonyms`` field from every other field's text (``remembered``: a table of
    earlier expansions by the same ``groups``, see ``cached.synonyms_table``)."""
    source = [text for name, values in texts.items() if name != "provider" for text in values]
    table = remembered or MemoTable()
    texts["synonyms"] = table.get(source, lambda: expand(source, groups))


def vocabulary(
    documents: Sequence[SearchDocument], analysed: AnalysedDocuments | None = None
) -> set[str]:
    """Every word of every indexed field: what the lemma map is built for."""
    analysed = analysed or AnalysedDocuments()
    return {
        token
        for document in documents
        for words in analysed.words(document.texts).values()
        for token in words
    }


def build_lunr_index(
    documents: Sequence[SearchDocument],
    lemma_map: LemmaMap | None = None,
    analysed: AnalysedDocuments | None = None,
) -> Index:
    """lunr.py with the Polish pipeline over lemmas; refs are positions in ``documents``
    (``analysed``: each document's words and terms, remembered from earlier builds)."""
    lemma_map = lemma_map or LemmaMap()
    analysed = analysed or AnalysedDocuments()
    builder = Builder()
    functions = pipeline_functions(lemma_map.language)
    builder.pipeline.add(*functions)
    builder.search_pipeline.add(*functions)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for position, document in enumerate(documents):
        fields = analysed.index_words(document.texts, lemma_map)
        add_terms(builder, str(position), analysed.terms(builder, fields))
    return builder.build()


def _dumps(value: Any) -> bytes:
    """Deterministic, compact JSON (the build must be reproducible byte for byte)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _chunks(items: Sequence[Any], size_of: Callable[[Any], int], budget: int) -> list[list[Any]]:
    """Consecutive groups of items whose serialised size stays near the budget."""
    chunks: list[list[Any]] = [[]]
    used = 0
    for item in items:
        size = size_of(item)
        if chunks[-1] and used + size > budget:
            chunks.append([])
            used = 0
        chunks[-1].append(item)
        used += size
    return [chunk for chunk in chunks if chunk]


def common_terms(index: Index, count: int, share: float = COMMON_SHARE) -> list[str]:
    """Terms found in at least ``share`` of the ``count`` records (any field)."""
    found = []
    for term, posting in index.inverted_index.items():
        records = {ref for name, refs in posting.items() if name != "_index" for ref in refs}
        if len(records) >= max(2, share * count):
            found.append(term)
    return sorted(found)


def demoted_positions(documents: Sequence[SearchDocument]) -> list[int]:
    """Suspended and planned services: ranked below every active one the query finds."""
    return [position for position, document in enumerate(documents) if "status" in document.record]


@dataclass
class PackedIndex:
    """The manifest (without file names yet) and the contents of every other file."""

    manifest: dict[str, Any]
    postings: list[dict[str, Any]]
    docs: list[list[dict[str, Any]]]
    facets: dict[str, Any]


def pack(index: Index, documents: Sequence[SearchDocument], language: str = "pl") -> PackedIndex:
    """Split the serialised lunr index into term-range shards and the results into chunks."""
    serialised = index.serialize()
    fields: list[str] = serialised["fields"]
    weights: dict[str, dict[int, float]] = {}
    for field_ref, elements in serialised["fieldVectors"]:
        weights[field_ref] = dict(zip(elements[::2], elements[1::2], strict=True))
    terms: list[str] = []
    entries: list[tuple[str, list[list[float]]]] = []
    for term, posting in serialised["invertedIndex"]:
        old_index = posting["_index"]
        per_field: list[list[float]] = []
        for field_number, name in enumerate(fields):
            refs = sorted(posting.get(name, {}), key=int)
            if not refs:
                continue
            flat: list[float] = [field_number]
            for ref in refs:
                flat += [int(ref), weights[f"{name}/{ref}"][old_index]]
            per_field.append(flat)
        terms.append(term)
        entries.append((term, per_field))
    shards = _chunks(entries, lambda entry: len(_dumps(entry)), SHARD_BYTES)
    records = [document.record for document in documents]
    doc_chunks = _chunks(records, lambda record: len(_dumps(record)), DOC_CHUNK_BYTES)
    facets: dict[str, Any] = {}
    for position, document in enumerate(documents):
        for facet, values in document.facets.items():
            bucket = facets.setdefault(facet, {})
            for value in values:
                bucket.setdefault(value, []).append(position)
    starts, offset = [], 0
    for shard in shards:
        starts.append(offset)
        offset += len(shard)
    doc_starts, offset = [], 0
    for chunk in doc_chunks:
        doc_starts.append(offset)
        offset += len(chunk)
    manifest = {
        "format": FORMAT_VERSION,
        "lunr": serialised["version"],
        "fields": fields,
        "pipeline": list(pipeline_names(language)),
        "analyzer": browser_settings(language),
        "query": QUERY_SETTINGS,
        "count": len(documents),
        "demoted": demoted_positions(documents),
        "common": common_terms(index, len(documents)),
        "terms": terms,
        "shards": starts,
        "docs": doc_starts,
    }
    return PackedIndex(
        manifest=manifest,
        postings=[dict(shard) for shard in shards],
        docs=doc_chunks,
        facets=facets,
    )
