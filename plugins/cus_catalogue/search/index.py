"""Build the search index (lunr.py's weights) and split it into small static files for the browser.

``postings.py`` computes every weight as lunr.py does (BM25 with field boosts); this module
packs them so that the browser downloads the postings of the words it looks up, not the whole
index.  ``search-score.js`` scores those pieces as ``lunr.Index.query`` does: the scores are
the same because lunr's similarity only reads the query terms' weights.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..incremental.memo import MemoTable
from .analyzer import browser_settings
from .cached import AnalysedDocuments
from .lemmas import LemmaMap
from .packing import PackedIndex, gaps, pack_index
from .pipeline import pipeline_names
from .postings import Postings
from .thesaurus import PhraseIndex, SynonymGroup, expand

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
    texts: dict[str, list[str]],
    groups: Sequence[SynonymGroup] | PhraseIndex,
    remembered: MemoTable | None = None,
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


def build_postings(
    documents: Sequence[SearchDocument],
    lemma_map: LemmaMap | None = None,
    analysed: AnalysedDocuments | None = None,
) -> Postings:
    """Each document's terms (the Polish pipeline over lemmas), counted at its position in
    ``documents`` (``analysed``: each document's words and terms, remembered from earlier
    builds)."""
    lemma_map = lemma_map or LemmaMap()
    analysed = analysed or AnalysedDocuments(language=lemma_map.language)
    postings = Postings(FIELDS)
    for document in documents:
        postings.add(analysed.terms(analysed.index_words(document.texts, lemma_map)))
    return postings


def common_terms(postings: Postings, share: float = COMMON_SHARE) -> list[str]:
    """Terms found in at least ``share`` of the records (any field)."""
    least = max(2, share * postings.count)
    return sorted(term for term in postings.terms if postings.documents_with(term) >= least)


def demoted_positions(documents: Sequence[SearchDocument]) -> list[int]:
    """Suspended and planned services: ranked below every active one the query finds."""
    return [position for position, document in enumerate(documents) if "status" in document.record]


def pack(
    postings: Postings, documents: Sequence[SearchDocument], language: str = "pl"
) -> PackedIndex:
    """The index's files (``packing.py``) and the settings every query reads."""
    records = [document.record for document in documents]
    packed = pack_index(postings.weights(), sorted(postings.terms), postings.fields, records)
    for position, document in enumerate(documents):
        for facet, values in document.facets.items():
            bucket = packed.facets.setdefault(facet, {})
            for value in values:
                bucket.setdefault(value, []).append(position)
    packed.manifest |= {
        "pipeline": list(pipeline_names(language)),
        "analyzer": browser_settings(language),
        "query": QUERY_SETTINGS,
        "count": len(documents),
        "demoted": gaps(demoted_positions(documents)),
        "common": common_terms(postings),
    }
    return packed
