"""Packages of services as search documents: a resident who types a life situation ("opiekuję
się mamą") finds the package that gathers its services, next to the services themselves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..i18n import ngettext
from ..incremental.memo import MemoTable
from .index import SearchDocument, add_synonyms, plain_text, with_polish_marked
from .thesaurus import PhraseIndex, SynonymGroup

KIND = "package"


def package_documents(
    catalogue: Any,
    groups: Sequence[SynonymGroup] | PhraseIndex,
    expansions: MemoTable | None = None,
) -> list[SearchDocument]:
    """One document per package; its record says ``kind: package`` so results link its page
    (``expansions``: earlier thesaurus expansions by the same groups)."""
    documents = []
    for package_id, package in catalogue.packages.items():
        data = package.data
        audiences = [a for a in data.get("audiences") or [] if isinstance(a, str)]
        services = [s for s in data.get("services") or [] if s in catalogue.services]
        names = [str(catalogue.services[s].data.get("name", "")) for s in services]
        texts = {
            "name": [str(data.get("name", ""))],
            "summary": [str(data.get("summary", ""))],
            "tags": [catalogue.audiences.get(a, {}).get("label", a) for a in audiences],
            "description": [plain_text(data.get("description")), *names],
        }
        add_synonyms(texts, groups, expansions)
        count = len(services)
        meta = ngettext(
            "Package of services: %(num)d service", "Package of services: %(num)d services", count
        ) % {"num": count}
        record = {
            "id": package_id,
            "kind": KIND,
            "name": data.get("name", ""),
            "summary": data.get("summary", ""),
            "meta": meta,
            "audiences": audiences,
        }
        record = with_polish_marked(record)
        documents.append(SearchDocument(package_id, texts, record, {"audiences": audiences}))
    return documents
