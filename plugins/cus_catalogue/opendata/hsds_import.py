"""HSDS 3.0 services back into records: our own export without loss, others' as best we can.

Fields HSDS cannot hold come back from the attributes of our "fields" taxonomy (recognised by
its URI); data from other directories lacks them, so the importer fills safe defaults and says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import gettext as _
from .common import RRULE_DAYS
from .hsds_eligibility import eligibility_from, table_from
from .hsds_export import STATUS_TO_HSDS, TAXONOMY_URI

DAYS_OF_RRULE = {rrule: code for code, rrule in RRULE_DAYS.items()}
STATUS_FROM_HSDS = {hsds: ours for ours, hsds in STATUS_TO_HSDS.items()} | {"defunct": "suspended"}
SERVICE_ORDER = (
    "name", "summary", "description", "provider", "unit", "hours", "hours_note", "fee",
    "eligibility", "audiences", "areas", "place", "how_to_apply", "apply_online", "contact",
    "limits", "keywords", "status", "last_verified",
)  # fmt: skip
PROVIDER_ORDER = (
    "name", "kind", "description", "address", "phone", "email", "website", "hours",
    "accessibility", "maintainers", "last_verified",
)  # fmt: skip
_TRANSLITERATION = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "ø": "o"})


class HsdsImportError(Exception):
    """The file is not HSDS service data at all; the message is ready for the person."""


@dataclass
class Imported:
    """Records by id, and notes on what had to be guessed (in Polish)."""

    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    providers: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    """``Złota rączka dla seniora`` → ``zlota-raczka-dla-seniora``: a valid record id."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:80].strip("-") or "rekord"


def service_objects(data: Any) -> list[Mapping[str, Any]]:
    """The services in a file: a list, an HSDS API page (``contents``) or a single service."""
    if isinstance(data, Mapping) and isinstance(data.get("contents"), list):
        data = data["contents"]
    elif isinstance(data, Mapping) and "name" in data:
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, Mapping) for item in data):
        raise HsdsImportError(
            _("The file is not HSDS service data: expected a list of services (JSON objects).")
        )
    for index, item in enumerate(data, start=1):
        if not isinstance(item.get("name"), str) or not item["name"].strip():
            raise HsdsImportError(
                _("Service no. {number} in the file has no name.").format(number=index)
            )
    return data


def _ours(attribute: Mapping[str, Any], taxonomy: str) -> bool:
    term = attribute.get("taxonomy_term") or {}
    return str(term.get("term_uri") or "").startswith(f"{TAXONOMY_URI}{taxonomy}:")


def _attributes(item: Mapping[str, Any], taxonomy: str) -> list[tuple[str, Any]]:
    """(term code, value) of the item's attributes in one of our taxonomies, in order."""
    return [
        ((a.get("taxonomy_term") or {}).get("code", ""), a.get("value"))
        for a in item.get("attributes") or []
        if isinstance(a, Mapping) and _ours(a, taxonomy)
    ]


def _fields(item: Mapping[str, Any]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for code, value in _attributes(item, "fields"):
        found.setdefault(code, []).append(value)
    return found


def _time(value: Any) -> str | None:
    """``09:00:00`` or ``9:00`` → ``09:00``; anything else is not a time we can use."""
    match = re.fullmatch(
        r"(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", str(value)
    )
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


def _hours(schedules: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """Weekly schedules back into hour slots; described-only schedules become the hours note."""
    hours, notes = [], []
    for schedule in schedules or []:
        if not isinstance(schedule, Mapping):
            continue
        days = [
            DAYS_OF_RRULE[day.strip()]
            for day in str(schedule.get("byday") or "").split(",")
            if day.strip() in DAYS_OF_RRULE
        ]
        opens, closes = _time(schedule.get("opens_at")), _time(schedule.get("closes_at"))
        if days and opens and closes and schedule.get("freq", "WEEKLY") == "WEEKLY":
            hours.append({"days": days, "from": opens, "to": closes})
        elif schedule.get("description"):
            notes.append(str(schedule["description"]))
    return hours, notes


def _address(addresses: Any) -> dict[str, Any]:
    for address in addresses or []:
        if isinstance(address, Mapping) and address.get("address_1"):
            found = {"street": address["address_1"]}
            for source, target in (("postal_code", "postal_code"), ("city", "city")):
                if address.get(source):
                    found[target] = address[source]
            return found
    return {}


def _ordered(record: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    return {key: record[key] for key in order if key in record}


class HsdsImporter:
    """Turns HSDS service objects into service and provider records."""

    def __init__(self) -> None:
        self.result = Imported()
        self.provider_ids: dict[str, str] = {}  # HSDS organisation id -> our provider id

    def unique(self, wanted: str, taken: Mapping[str, Any]) -> str:
        """``wanted``, or ``wanted-2`` and so on when another record has it."""
        candidate, number = wanted, 2
        while candidate in taken:
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate

    def note(self, record_id: str, message: str) -> None:
        """Remember what had to be guessed for a record."""
        self.result.notes.append(f"{record_id}: {message}")

    def run(self, items: list[Mapping[str, Any]]) -> Imported:
        """Every service (and its organisation) of the file."""
        for item in items:
            self.service(item)
        return self.result

    def provider(self, service: Mapping[str, Any], last_verified: str | None) -> str:
        """The service's organisation as a provider record; its id."""
        org = service.get("organization")
        key = str(service.get("organization_id") or (org or {}).get("id") or "")
        if key in self.provider_ids:
            return self.provider_ids[key]
        if not isinstance(org, Mapping) or not org.get("name"):
            provider_id = self.unique(
                f"realizator-{slugify(key)[:8] if key else 'nieznany'}", self.result.providers
            )
            self.result.providers[provider_id] = {"name": _("Unknown provider"), "kind": "ngo"}
            self.note(
                provider_id,
                _("the file names no organisation: fill in the provider's name and kind"),
            )
            self.provider_ids[key] = provider_id
            return provider_id
        fields = _fields(org)
        wanted = (fields.get("record-id") or [slugify(org["name"])])[0]
        provider_id = self.unique(slugify(str(wanted)), self.result.providers)
        self.provider_ids[key] = provider_id
        record: dict[str, Any] = {"name": org["name"]}
        kinds = [code for code, _value in _attributes(org, "provider-kinds")]
        if kinds:
            record["kind"] = kinds[0]
        else:
            record["kind"] = "ngo"
            self.note(provider_id, _("kind of provider unknown: set to ngo, check it"))
        if org.get("description") and org["description"] != org["name"]:
            record["description"] = org["description"]
        location = next((x for x in org.get("locations") or [] if isinstance(x, Mapping)), {})
        address = _address(location.get("addresses"))
        if address:
            record["address"] = address
        phones = [p for p in org.get("phones") or [] if isinstance(p, Mapping) and p.get("number")]
        if phones:
            record["phone"] = phones[0]["number"]
        for source, target in (("email", "email"), ("website", "website")):
            if org.get(source):
                record[target] = org[source]
        hours, _notes = _hours(location.get("schedules"))
        if hours:
            record["hours"] = hours
        accessibility = [a for a in location.get("accessibility") or [] if isinstance(a, Mapping)]
        if accessibility and accessibility[0].get("description"):
            record["accessibility"] = accessibility[0]["description"]
        if fields.get("maintainer"):
            record["maintainers"] = [str(m) for m in fields["maintainer"]]
        verified = (fields.get("last-verified") or [last_verified])[0]
        if verified:
            record["last_verified"] = str(verified)
        self.result.providers[provider_id] = _ordered(record, PROVIDER_ORDER)
        return provider_id

    def service(self, item: Mapping[str, Any]) -> None:
        """One HSDS service as a service record."""
        fields = _fields(item)
        wanted = (fields.get("record-id") or [slugify(item["name"])])[0]
        service_id = self.unique(slugify(str(wanted)), self.result.services)
        verified = item.get("assured_date") or str(item.get("last_modified") or "")[:10] or None
        record: dict[str, Any] = {"name": item["name"]}
        description = item.get("description") or item["name"]
        summary = (fields.get("summary") or [None])[0]
        if summary is None:
            summary = description.split("\n")[0][:200]
            self.note(service_id, _("no summary: the first line of the description was used"))
        record["summary"] = summary
        record["description"] = description
        record["provider"] = self.provider(item, verified)
        unit = (fields.get("unit") or [None])[0]
        if unit is None:
            unit = "usługa"
            self.note(service_id, _("no unit of measure: set to “usługa”, check it"))
        record["unit"] = unit
        hours, hour_notes = _hours(item.get("schedules"))
        record["hours"] = hours
        if hour_notes:
            record["hours_note"] = " ".join(hour_notes)
        record["fee"] = self.fee(service_id, item, fields)
        record["eligibility"] = self.eligibility(item, fields)
        record["audiences"] = [code for code, _v in _attributes(item, "audiences")]
        record["areas"] = [code for code, _v in _attributes(item, "areas")]
        place = self.place(item.get("service_at_locations"))
        if place:
            record["place"] = place
        if item.get("application_process"):
            record["how_to_apply"] = item["application_process"]
        if fields.get("apply-online"):
            record["apply_online"] = fields["apply-online"][0] == "true"
        contact: dict[str, Any] = {}
        phones = [p for p in item.get("phones") or [] if isinstance(p, Mapping) and p.get("number")]
        if phones:
            contact["phone"] = phones[0]["number"]
        if item.get("email"):
            contact["email"] = item["email"]
        if contact:
            record["contact"] = contact
        if fields.get("limits"):
            record["limits"] = fields["limits"][0]
        if fields.get("keyword"):
            record["keywords"] = [str(word) for word in fields["keyword"]]
        status = STATUS_FROM_HSDS.get(str(item.get("status")), "active")
        if status != "active":
            record["status"] = status
        if verified:
            record["last_verified"] = str(verified)
        self.result.services[service_id] = _ordered(record, SERVICE_ORDER)

    def fee(
        self, service_id: str, item: Mapping[str, Any], fields: Mapping[str, list[Any]]
    ) -> dict[str, Any]:
        """Our fee from the fee-kind attribute and the first cost option (amount per unit)."""
        options = [o for o in item.get("cost_options") or [] if isinstance(o, Mapping)]
        amount = next(
            (o["amount"] for o in options if isinstance(o.get("amount"), int | float)), None
        )
        kind = (fields.get("fee-kind") or [None])[0]
        if kind not in ("free", "paid", "partial"):
            kind = "paid" if amount else "free"
            if not options:
                self.note(service_id, _("no cost information: set to free of charge, check it"))
        fee: dict[str, Any] = {"kind": kind}
        if kind != "free" and amount is not None:
            fee["amount"] = amount
        if item.get("fees_description"):
            fee["note"] = item["fees_description"]
        table = table_from(item, TAXONOMY_URI)
        if table:
            fee["table"] = table
        return fee

    def eligibility(
        self, item: Mapping[str, Any], fields: Mapping[str, list[Any]]
    ) -> dict[str, Any]:
        """Eligibility text, age range, required documents and the residents-only flag."""
        eligibility: dict[str, Any] = {
            "text": item.get("eligibility_description") or _("Everyone.")
        }
        for source, target in (("minimum_age", "age_min"), ("maximum_age", "age_max")):
            if isinstance(item.get(source), int | float):
                eligibility[target] = int(item[source])
        documents = [
            str(d["document"])
            for d in item.get("required_documents") or []
            if isinstance(d, Mapping) and d.get("document")
        ]
        if documents:
            eligibility["requires"] = documents
        if fields.get("residents-only"):
            eligibility["residents_only"] = fields["residents-only"][0] == "true"
        return eligibility | eligibility_from(item, TAXONOMY_URI)

    def place(self, links: Any) -> str | list[dict[str, Any]] | None:
        """Named locations as a list of places; a described one alone as the place text."""
        places: list[dict[str, Any]] = []
        texts: list[str] = []
        for link in links or []:
            location = (link or {}).get("location") if isinstance(link, Mapping) else None
            if not isinstance(location, Mapping):
                continue
            if location.get("name"):
                place: dict[str, Any] = {"name": location["name"]}
                place.update(_address(location.get("addresses")))
                for source, target in (("latitude", "lat"), ("longitude", "lon")):
                    if isinstance(location.get(source), int | float):
                        place[target] = location[source]
                places.append(place)
            elif location.get("description"):
                texts.append(str(location["description"]))
        if places:
            return places
        return " ".join(texts) or None


def import_services(data: Any) -> Imported:
    """Records from parsed HSDS JSON (raises HsdsImportError when it is not service data)."""
    return HsdsImporter().run(list(service_objects(data)))
