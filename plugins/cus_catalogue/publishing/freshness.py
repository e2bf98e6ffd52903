"""Records past their verification date, grouped by provider: a staff page and a CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Catalogue
from ..collation import sort_key
from ..csvcells import cell_text
from ..i18n import gettext as _
from ..records import Record
from ..validation import check_freshness

FRESHNESS_URL = "dla-pracownikow/aktualnosc/"
FRESHNESS_CSV = "dla-pracownikow/aktualnosc.csv"
STAFF_FOLDERS = ("dla-pracownikow",)


@dataclass
class StaleRecord:
    """One record to check again: what it is, where it lives and how old its check is."""

    kind: str
    id: str
    name: str
    url: str
    file: str
    last_verified: str
    months: int


@dataclass
class ProviderGroup:
    """A provider's stale records (its own record first), with the people who keep them."""

    id: str
    name: str
    maintainers: list[str]
    records: list[StaleRecord] = field(default_factory=list)


def _stale(record: Record, today: dt.date, months: int, content: Path) -> StaleRecord | None:
    problems = [p for p in check_freshness(record, today, months) if p.code == "stale"]
    if not problems:
        return None
    try:
        file = record.path.resolve().relative_to(content.resolve().parent).as_posix()
    except ValueError:
        file = record.path.name
    folder = "uslugi" if record.kind == "service" else "realizatorzy"
    return StaleRecord(
        kind=record.kind,
        id=record.id,
        name=str(record.data.get("name", record.id)),
        url=f"{folder}/{record.id}/",
        file=file,
        last_verified=str(record.data.get("last_verified", "")),
        months=int(problems[0].params["months"]),
    )


def stale_by_provider(
    catalogue: Catalogue, today: dt.date, stale_months: int, content: Path
) -> list[ProviderGroup]:
    """Providers with anything stale, by name; in each, the provider first, then services."""
    groups: dict[str, ProviderGroup] = {}

    def group(provider_id: str) -> ProviderGroup:
        if provider_id not in groups:
            provider = catalogue.providers.get(provider_id)
            data = provider.data if provider else {}
            groups[provider_id] = ProviderGroup(
                provider_id, str(data.get("name", provider_id)), list(data.get("maintainers", []))
            )
        return groups[provider_id]

    for provider in catalogue.providers.values():
        if stale := _stale(provider, today, stale_months, content):
            group(provider.id).records.append(stale)
    for service in sorted(catalogue.services.values(), key=lambda s: sort_key(s.data["name"])):
        if stale := _stale(service, today, stale_months, content):
            group(str(service.data.get("provider", ""))).records.append(stale)
    return sorted(groups.values(), key=lambda g: sort_key(g.name))


def freshness_csv(groups: Iterable[ProviderGroup], base: str) -> bytes:
    """One row per stale record, UTF-8 with a BOM so spreadsheet programs show Polish letters."""
    buffer = io.StringIO()
    table = csv.writer(buffer, lineterminator="\r\n")
    table.writerow(
        [
            _("provider id"),
            _("provider"),
            _("maintainers"),
            _("record type"),
            _("id"),
            _("name"),
            _("last verified"),
            _("months since"),
            _("file"),
            _("address"),
        ]
    )
    kinds = {"service": _("service"), "provider": _("provider")}
    for group in groups:
        for record in group.records:
            cells = [
                group.id,
                group.name,
                " ".join(group.maintainers),
                kinds[record.kind],
                record.id,
                record.name,
                record.last_verified,
                record.months,
                record.file,
                f"{base}/{record.url}",
            ]
            table.writerow([cell_text(cell) for cell in cells])
    return buffer.getvalue().encode("utf-8-sig")
