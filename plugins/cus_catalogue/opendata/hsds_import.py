"""HSDS 3.0 back into records: our own export without loss, other people's as far as it maps.

Services, organisations (with their services) and services at locations are imported; nothing
is invented (a field HSDS has no value for stays empty and validation asks for it), a price in
another currency than PLN is kept as text and flagged, and every value that was not imported is
listed per record. Fields HSDS cannot hold come back from the attributes of our "fields"
taxonomy (recognised by its URI).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..i18n import gettext as _
from ..records import RecordKind
from .hsds_costs import fee_from
from .hsds_eligibility import any_of_from
from .hsds_export import STATUS_TO_HSDS, TAXONOMY_URI
from .hsds_places import address_fields, hours_from, place_from
from .hsds_source import Source, object_kind

STATUS_FROM_HSDS = {hsds: ours for ours, hsds in STATUS_TO_HSDS.items()} | {"defunct": "suspended"}
_TRANSLITERATION = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "æ": "ae", "ø": "o"})
IMPORTED_KINDS = ("service", "organization", "service_at_location")


class HsdsImportError(Exception):
    """The file holds nothing to import; the message is ready for the person."""


@dataclass
class Imported:
    """Records by id, notes on what to check (in Polish), and what was not imported."""

    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    providers: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    left_out: dict[tuple[RecordKind, str], list[tuple[str, Any]]] = field(default_factory=dict)


def slugify(text: str) -> str:
    """``Złota rączka dla seniora`` → ``zlota-raczka-dla-seniora``: a valid record id."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:80].strip("-") or "rekord"


def hsds_objects(data: Any) -> list[Mapping[str, Any]]:
    """The objects of a file: a list, an HSDS API page (``contents``) or a single object."""
    if isinstance(data, Mapping) and isinstance(data.get("contents"), list):
        data = data["contents"]
    elif isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, Mapping) for item in data):
        raise HsdsImportError(
            _("The file is not HSDS service data: expected a list of services (JSON objects).")
        )
    kinds = [object_kind(item) for item in data]
    if data and not any(kind in IMPORTED_KINDS for kind in kinds):
        raise HsdsImportError(
            _(
                "The file holds HSDS objects of type “{kind}”: only services, organisations "
                "and services at locations can become records. Nothing was written."
            ).format(kind=kinds[0])
        )
    for index, item in enumerate(data, start=1):
        named = isinstance(item.get("name"), str) and item["name"].strip()
        if not named and object_kind(item) in ("service", "organization"):
            raise HsdsImportError(
                _("Service no. {number} in the file has no name.").format(number=index)
            )
    return data


def _ours(attribute: Mapping[str, Any], taxonomy: str) -> bool:
    term = attribute.get("taxonomy_term") or {}
    return str(term.get("term_uri") or "").startswith(f"{TAXONOMY_URI}{taxonomy}:")


def our_attributes(item: Source, taxonomy: str) -> list[tuple[str, Any]]:
    """(term code, value) of the item's attributes in one of our taxonomies (marked imported)."""
    found = []
    for attribute in item.children("attributes"):
        if _ours(attribute.data, taxonomy):
            term = attribute.data.get("taxonomy_term") or {}
            found.append((term.get("code", ""), attribute.data.get("value")))
            item.root.used.add(attribute.path)  # the whole attribute: our own field
    return found


def our_fields(item: Source) -> dict[str, list[Any]]:
    """The values of our "fields" attributes by code."""
    found: dict[str, list[Any]] = {}
    for code, value in our_attributes(item, "fields"):
        found.setdefault(code, []).append(value)
    return found


class HsdsImporter:
    """Turns HSDS objects into service and provider records."""

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
        """Remember what a person has to check or fill in for a record."""
        self.result.notes.append(f"{record_id}: {message}")

    def run(self, items: list[Mapping[str, Any]]) -> Imported:
        """Every service, organisation (with its services) and service at a location."""
        for item in items:
            kind = object_kind(item)
            if kind == "organization":
                self.organization(Source(item))
            elif kind == "service_at_location":
                self.service_at_location(Source(item))
            elif kind == "service":
                self.service(Source(item))
        return self.result

    def service_at_location(self, item: Source) -> None:
        """The service of a service-at-location object, with its location as the place."""
        service = item.child("service")
        item.use("service", "service_id", "location_id")
        if service is None:
            return
        service_id = self.service(Source(service.data), extra_location=item.child("location"))
        self.result.left_out[("service", service_id)] += item.leftovers()

    def organization(self, org: Source, fallback_key: str = "") -> str:
        """An organisation as a provider record (once per HSDS id), then its services; its id."""
        key = str(org.peek("id") or fallback_key)
        if key and key in self.provider_ids:
            return self.provider_ids[key]
        fields = our_fields(org)
        name = org.text("name") or ""
        wanted = (fields.get("record-id") or [slugify(name)])[0]
        provider_id = self.unique(slugify(str(wanted)), self.result.providers)
        if key:
            self.provider_ids[key] = provider_id
        ours = bool(fields.get("record-id"))
        record: dict[str, Any] = {"name": name}
        kinds = [code for code, _value in our_attributes(org, "provider-kinds")]
        if kinds:
            record["kind"] = kinds[0]
        else:
            self.note(provider_id, _("kind of provider unknown: fill in “kind”"))
        description = org.peek("description")
        if description and description != name:
            record["description"] = org.text("description")
        else:
            org.use("description")  # HSDS requires one: our export repeats the name
        record.update(self.office(org, provider_id, ours))
        if fields.get("maintainer"):
            record["maintainers"] = [str(m) for m in fields["maintainer"]]
        if translations := self.translations(fields, provider_id):
            record["translations"] = translations
        if fields.get("last-verified"):
            record["last_verified"] = str(fields["last-verified"][0])
        else:
            self.note(provider_id, _("no date of the last check: fill in “last_verified”"))
        if ours:
            org.use("uri")
        self.result.providers[provider_id] = record
        org.use("services")
        self.result.left_out[("provider", provider_id)] = org.leftovers()
        for service in org.children("services"):
            self.service(Source(service.data), provider_id=provider_id)
        return provider_id

    def office(self, org: Source, provider_id: str, ours: bool) -> dict[str, Any]:
        """Contact details, and address, hours and accessibility of the first location."""
        record: dict[str, Any] = {}
        phone = self.phone(org)
        if phone:
            record["phone"] = phone
        for key in ("email", "website"):
            if value := org.text(key):
                record[key] = value
        locations = org.children("locations")
        if not locations:
            return record
        office = locations[0]
        office.use("organization_id", "location_type")
        if ours or office.peek("name") == org.peek("name"):
            office.use("name")
        address = address_fields(office, ours)
        if address:
            record["address"] = address
        hours, notes = hours_from(office.children("schedules"), ours)
        if hours:
            record["hours"] = hours
        if notes:
            record["hours_note"] = " ".join(notes)
        accessibility = office.children("accessibility")
        if accessibility and (text := accessibility[0].text("description")):
            record["accessibility"] = text
            accessibility[0].use("location_id")
        return record

    def phone(self, item: Source) -> str | None:
        """The first voice phone number of an object."""
        for phone in item.children("phones"):
            if phone.peek("type") in (None, "", "voice", "cell") and phone.peek("number"):
                phone.use("type", "service_id", "organization_id")
                return str(phone.value("number"))
        return None

    def service(
        self,
        item: Source,
        provider_id: str | None = None,
        extra_location: Source | None = None,
    ) -> str:
        """One HSDS service as a service record; its id."""
        fields = our_fields(item)
        ours = bool(fields.get("record-id"))
        name = item.text("name") or ""
        wanted = (fields.get("record-id") or [slugify(name)])[0]
        service_id = self.unique(slugify(str(wanted)), self.result.services)
        record: dict[str, Any] = {"name": name}
        description = item.text("description")
        summary = (fields.get("summary") or [None])[0]
        if summary is None and description:
            summary = re.split(r"(?<=[.!?])\s", description.strip(), maxsplit=1)[0][:200]
            self.note(service_id, _("no summary: the first sentence of the description was used"))
        if summary:
            record["summary"] = summary
        if description:
            record["description"] = description
        provider_id = provider_id or self.service_provider(item, service_id)
        if provider_id:
            record["provider"] = provider_id
        if fields.get("unit"):
            record["unit"] = fields["unit"][0]
        else:
            self.note(service_id, _("no unit of measure: fill in “unit”"))
        hours, hour_notes = hours_from(item.children("schedules"), ours)
        if hours or hour_notes:  # no weekly hours, but a note why: an empty list, as in records
            record["hours"] = hours
        if hour_notes:
            record["hours_note"] = " ".join(hour_notes)
        fee = fee_from(item, fields, ours, lambda message: self.note(service_id, message))
        if fee:
            record["fee"] = fee
        eligibility = self.eligibility(item, fields)
        if eligibility:
            record["eligibility"] = eligibility
        for key, taxonomy in (("audiences", "audiences"), ("areas", "areas")):
            codes = [code for code, _v in our_attributes(item, taxonomy)]
            if codes:
                record[key] = codes
        place = self.place(item, extra_location, ours)
        if place:
            record["place"] = place
        if how := item.text("application_process"):
            record["how_to_apply"] = how
        if fields.get("apply-online"):
            record["apply_online"] = fields["apply-online"][0] == "true"
        if fields.get("emergency-numbers"):
            record["emergency_numbers"] = fields["emergency-numbers"][0] == "true"
        contact = {"phone": self.phone(item), "email": item.text("email")}
        if any(contact.values()):
            record["contact"] = {key: value for key, value in contact.items() if value}
        if fields.get("limits"):
            record["limits"] = fields["limits"][0]
        if languages := self.languages(item):
            record["languages"] = languages
        if translations := self.translations(fields, service_id):
            record["translations"] = translations
        keywords = [str(word) for word in fields.get("keyword", [])]
        if alternate := item.text("alternate_name"):
            keywords.append(alternate)
        if keywords:
            record["keywords"] = keywords
        status = item.peek("status")
        if status in STATUS_FROM_HSDS:
            item.use("status")
            if STATUS_FROM_HSDS[status] != "active":
                record["status"] = STATUS_FROM_HSDS[status]
        verified = item.text("assured_date") or str(item.value("last_modified") or "")[:10]
        if fields.get("last-verified") or verified:
            record["last_verified"] = str(verified)
        else:
            self.note(service_id, _("no date of the last check: fill in “last_verified”"))
        if ours:
            item.use("url", "service_areas")
        self.result.services[service_id] = record
        self.result.left_out[("service", service_id)] = item.leftovers()
        return service_id

    def translations(self, fields: Mapping[str, list[Any]], record_id: str) -> dict[str, Any]:
        """The record's ``translations`` from our attribute; unreadable JSON is a note."""
        if not fields.get("translations"):
            return {}
        try:
            found = json.loads(str(fields["translations"][0]))
        except json.JSONDecodeError:
            found = None
        if not isinstance(found, dict):
            self.note(record_id, _("the translations could not be read: fill in “translations”"))
            return {}
        return found

    def languages(self, item: Source) -> list[str]:
        """ISO 639-1 codes of the service's HSDS ``languages`` (a name alone stays left out)."""
        codes = []
        for language in item.children("languages"):
            code = (language.peek("code") or "").strip().lower()
            if len(code) == 2 and code.isalpha():
                language.use("code", "id", "service_id", "name")
                codes.append(code)
        return list(dict.fromkeys(codes))

    def service_provider(self, item: Source, service_id: str) -> str | None:
        """The provider of a service: its embedded organisation, imported as a record."""
        org = item.child("organization")
        if org is None or not org.peek("name"):
            self.note(service_id, _("the file names no organisation: fill in “provider”"))
            return None
        item.use("organization", "organization_id")
        return self.organization(Source(org.data), str(item.peek("organization_id") or ""))

    def eligibility(self, item: Source, fields: Mapping[str, list[Any]]) -> dict[str, Any]:
        """Eligibility text, age range, required documents, residents only and conditions."""
        eligibility: dict[str, Any] = {}
        if text := item.text("eligibility_description"):
            eligibility["text"] = text
        for source, target in (("minimum_age", "age_min"), ("maximum_age", "age_max")):
            age = item.peek(source)
            if isinstance(age, int | float) and not isinstance(age, bool) and age == int(age):
                eligibility[target] = int(item.value(source))
        documents = []
        for document in item.children("required_documents"):
            if text := document.text("document"):
                documents.append(text)
                document.use("service_id")
        if documents:
            eligibility["requires"] = documents
        if fields.get("residents-only"):
            eligibility["residents_only"] = fields["residents-only"][0] == "true"
        if conditions := [code for code, _v in our_attributes(item, "conditions")]:
            eligibility["conditions"] = conditions
        if any_of := any_of_from(fields.get("eligibility-option", [])):
            eligibility["any_of"] = any_of
        return eligibility

    def place(
        self, item: Source, extra: Source | None, ours: bool
    ) -> str | list[dict[str, Any]] | None:
        """Named locations as a list of places; described ones alone as the place text."""
        locations = [extra] if extra is not None else []
        for link in item.children("service_at_locations"):
            link.use("service_id", "location_id")
            if (location := link.child("location")) is not None:
                locations.append(location)
        places, texts = [], []
        for location in locations:
            found = place_from(location, ours)
            if isinstance(found, dict):
                places.append(found)
            elif found:
                texts.append(found)
        return places or " ".join(texts) or None


def import_services(data: Any) -> Imported:
    """Records from parsed HSDS JSON (raises HsdsImportError when it holds nothing to import)."""
    return HsdsImporter().run(hsds_objects(data))
