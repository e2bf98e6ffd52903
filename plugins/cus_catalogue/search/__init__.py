"""Search for the catalogue: the Polish analyzer, the thesaurus and the static index files.

The search feature (``feature.py``) calls :func:`build_search_assets` once per build and writes
the returned files; templates reference them through :func:`search_asset_urls`
(``SEARCH_ASSETS`` in the context).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..audiences import facet_audiences, is_for_everyone
from ..crisis import crisis_terms
from . import analyzer, english, lemmas, pipeline
from .analyzer import analyze, fold, stem, tokenize
from .bundle import ENTRY, PROJECT_ROOT, bundle_js
from .cached import synonyms_table
from .index import FIELDS, SearchDocument, add_synonyms, pack, service_texts, with_polish_marked
from .lemmas import lemma_shards
from .messages import translated_messages
from .packages import package_documents
from .packing import dumps, write_files
from .pipeline import register as register_pipeline
from .situations import Situation
from .thesaurus import (
    PhraseIndex,
    SynonymGroup,
    ThesaurusError,
    load_thesaurus,
    read_thesaurus,
)

__all__ = [
    "FIELDS",
    "SearchDocument",
    "ThesaurusError",
    "analyze",
    "build_search_assets",
    "fold",
    "load_thesaurus",
    "read_thesaurus",
    "search_asset_urls",
    "search_documents",
    "stem",
    "tokenize",
]

ASSET_DIR = "static/search"
CSS_FILE = Path(__file__).parent / "assets" / "search.css"
#: A lemma shard holds about this many bytes of forms (a query fetches its words' shards).
LEMMA_SHARD_BYTES = 16_000

register_pipeline()


def _fee_text(data: Mapping[str, Any], units: Mapping[str, Mapping[str, str]]) -> str:
    """The fee line a result shows, from the shared formatting module."""
    from ..formatting import fee_text

    return fee_text(data, units)


def _sort_key(name: str) -> Any:
    from ..collation import sort_key

    return sort_key(name)


def _status_fields(status: str) -> dict[str, str]:
    """Suspended and planned services say so in every result (active ones carry nothing)."""
    from ..i18n import gettext
    from ..views import STATUS_LABELS

    if status == "active" or status not in STATUS_LABELS:
        return {}
    return {"status": status, "status_label": gettext(STATUS_LABELS[status])}


def service_centres(catalogue: Any) -> dict[str, list[str]]:
    """Service id → [its centre's id] in a regional catalogue (``katalog aggregate``)."""
    from ..centres.feature import listed_ids

    return {
        service_id: [centre_id]
        for centre_id, record in getattr(catalogue, "centres", {}).items()
        for service_id in listed_ids(record)
    }


def search_documents(
    catalogue: Any, groups: list | None = None, cache: Any = None
) -> list[SearchDocument]:
    """Every service and package as a search document, in Polish alphabetical order of names
    (``cache``: the build cache, which remembers thesaurus expansions)."""
    groups = groups or []
    expansions = synonyms_table(cache, groups)
    phrases = PhraseIndex.of(groups)
    documents = []
    centre_of = service_centres(catalogue)
    for service_id, service in catalogue.services.items():
        data = service.data
        provider = catalogue.providers.get(data.get("provider", ""))
        provider_name = provider.data.get("name", "") if provider else str(data.get("provider", ""))
        audiences = [a for a in data.get("audiences") or [] if isinstance(a, str)]
        areas = [a for a in data.get("areas") or [] if isinstance(a, str)]
        labels = [catalogue.audiences.get(a, {}).get("label", a) for a in audiences]
        # Area labels stay out: "Pomoc społeczna" names most services and would only add noise.
        texts = service_texts(data, provider_name, labels)
        add_synonyms(texts, phrases, expansions)
        free = (data.get("fee") or {}).get("kind") == "free"
        record = {
            "id": service_id,
            "name": data.get("name", ""),
            "summary": data.get("summary", ""),
            "provider": provider_name,
            "fee": _fee_text(data, catalogue.units),
            "free": free,
            "audiences": audiences,
            "areas": areas,
            **_status_fields(service.status),
            **({"for_everyone": True} if is_for_everyone(audiences) else {}),
        }
        facets = {
            "id": [service_id],  # the open-now and "free for me" filters name services by id
            "audiences": facet_audiences(audiences, catalogue.audiences),
            "areas": areas,
            "providers": [str(data.get("provider", ""))],
            "free": ["1"] if free else [],
            "centres": centre_of.get(service_id, []),  # a regional catalogue's centre
        }
        documents.append(SearchDocument(service_id, texts, with_polish_marked(record), facets))
    documents += package_documents(catalogue, phrases, expansions)
    documents.sort(key=lambda d: (_sort_key(str(d.record["name"])), d.id))
    return documents


def _hashed(stem_name: str, suffix: str, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:10]
    return f"{ASSET_DIR}/{stem_name}.{digest}.{suffix}"


def theme_static(theme: Path | None) -> Path:
    """The theme's static folder (JS sources, vendored lunr); ours when the theme has none."""
    candidate = Path(theme) / "static" if theme else None
    if candidate and (candidate / ENTRY).is_file():
        return candidate
    return PROJECT_ROOT / "themes" / "cus" / "static"


def build_search_assets(
    catalogue: Any,
    groups: list[SynonymGroup],
    static: Path,
    language: str,
    crisis_words: Sequence[str] = (),
    situations: Sequence[Situation] = (),
    cache: Any = None,
) -> dict[str, bytes]:
    """Output-relative path → bytes of every file the search needs, names content-hashed;
    the manifest's ``crisis`` terms make the page show the emergency numbers first
    (``cache``: the build cache, which remembers each document's analysis)."""
    from .model import search_model

    model = search_model(catalogue, groups, situations, language, cache)
    packed = pack(model.postings, model.documents, language)
    assets: dict[str, bytes] = {}
    manifest = dict(packed.manifest)

    def relative(path: str) -> str:
        return path.rsplit("/", 1)[1]

    def stored(stem: str, data: Any) -> str:
        """One JSON file added under its content-hashed name; returns the file's name."""
        content = dumps(data)
        path = _hashed(stem, "json", content)
        assets[path] = content
        return relative(path)

    manifest |= write_files(packed, stored)
    manifest["crisis"] = crisis_terms(crisis_words, language)
    manifest["situations"] = model.situations
    manifest["lemmas"] = [
        [next(iter(shard)), stored(f"lemmas-{number}", shard)]
        for number, shard in enumerate(lemma_shards(model.lemma_map, LEMMA_SHARD_BYTES))
    ]
    manifest_bytes = dumps(manifest)
    index_path = _hashed("index", "json", manifest_bytes)
    assets[index_path] = manifest_bytes
    css = CSS_FILE.read_bytes()
    css_path = _hashed("search", "css", css)
    assets[css_path] = css
    bundle = bundle_js(static, index_path, css_path, translated_messages(static.parent, language))
    assets[_hashed("search", "js", bundle)] = bundle
    return assets


#: The analyzer's and the dictionary's answers by word (bounded caches), as imported.
WORD_CACHES = (
    lemmas.dictionary_lemmas,
    lemmas.dictionary_forms,
    lemmas._map_entries,
    analyzer.fold,
    analyzer.is_stop_word,
    analyzer._index_terms,
    analyzer._text_positions,
    analyzer._word_positions,
    pipeline._word_terms,
    english.stem,
)


def forget_word_caches() -> None:
    """Drop what the analyzer and the dictionary remembered of each word once the last
    language's index is built: they are bounded, but full at 100,000 services (hundreds of
    MB), and the pages rendered afterwards read none of it."""
    for remembered in WORD_CACHES:
        remembered.cache_clear()


def search_asset_urls(assets: Mapping[str, bytes]) -> dict[str, str]:
    """Logical name → path: ``index``, ``search_js``, ``search_css``, ``facets``, ``docs-0``…"""
    urls: dict[str, str] = {}
    for path in sorted(assets):
        name, _digest, suffix = path.rsplit("/", 1)[1].rsplit(".", 2)
        urls[f"search_{suffix}" if name == "search" else name] = path
    return urls
