"""The catalogue as Open Referral HSDS 3.0 service objects (see docs/open-data.md for the map)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale

from ..catalogue import Catalogue
from ..eligibility.conditions import read_conditions
from ..formatting import per_unit
from ..i18n import N_, current_language
from ..i18n import gettext as _
from ..records import Record
from ..site_settings import SiteSettings
from ..views import kind_label
from .common import RRULE_DAYS, Ids, canonical_json
from .hsds_eligibility import eligibility_pairs, table_options

STATUS_TO_HSDS = {"active": "active", "suspended": "temporarily closed", "planned": "inactive"}
# Our own taxonomies are recognised on import by these URIs, whatever their ids.
TAXONOMY_URI = "urn:katalog-uslug-cus:hsds:taxonomy:"
TAXONOMIES: dict[str, tuple[str, str]] = {
    "audiences": (
        N_("Who the service is for (social services catalogue)"),
        N_("Groups of residents a service is meant for; codes from data/audiences.csv."),
    ),
    "areas": (
        N_("Areas of social services (art. 2 of the act on social services centres)"),
        N_("The statutory areas of social services; codes from data/areas.csv."),
    ),
    "provider-kinds": (
        N_("Kinds of service providers"),
        N_(
            "Who provides the service: the centre, a public body, an NGO, a cooperative, a company."
        ),
    ),
    "conditions": (
        N_("Conditions of eligibility (social services catalogue)"),
        N_("What a resident answers yes or no to; codes from data/conditions.csv."),
    ),
    "fields": (
        N_("Catalogue fields without an HSDS field"),
        N_("Each attribute carries the field's value in its value property."),
    ),
}
# Catalogue fields HSDS has no place for, carried as attributes: code -> (name, description).
FIELD_TERMS: dict[str, tuple[str, str]] = {
    "record-id": (
        N_("record id"),
        N_("Id of the record in the catalogue: its YAML file name without the extension."),
    ),
    "summary": (N_("summary"), N_("The service in one sentence.")),
    "unit": (
        N_("unit of measure"),
        N_("Unit of measure of the service: the fee is per unit and limits count units."),
    ),
    "fee-kind": (
        N_("kind of fee"),
        N_("free (free of charge), paid, or partial (partly paid, depending on income)."),
    ),
    "residents-only": (
        N_("only for residents"),
        N_("true when only residents of the municipality may use the service."),
    ),
    "apply-online": (
        N_("online application"),
        N_("true when the catalogue accepts applications for the service online."),
    ),
    "emergency-numbers": (
        N_("emergency numbers"),
        N_("true when the service's page shows the emergency and helpline numbers first."),
    ),
    "limits": (N_("limits"), N_("How much of the service one person may use.")),
    "translations": (
        N_("translations"),
        N_("The record's texts in other languages as JSON, with the same fields as in Polish."),
    ),
    "keyword": (N_("keyword"), N_("A word residents search the service by.")),
    "last-verified": (
        N_("last checked"),
        N_("The day the provider's information was last checked (YYYY-MM-DD)."),
    ),
    "eligibility-option": (
        N_("set of conditions"),
        N_(
            "One of several sets of conditions, any of which is enough: ages and condition codes "
            "as JSON."
        ),
    ),
    "income-up-to": (
        N_("income limit"),
        N_(
            "This row of the fee table applies up to this per-person income, in percent of the "
            "income criterion (inclusive)."
        ),
    ),
    "pay-percent": (
        N_("percentage paid"),
        N_("In this row of the fee table the resident pays this percentage of the full amount."),
    ),
    "maintainer": (
        N_("maintainer"),
        N_("A code-hosting account allowed to change this provider's records."),
    ),
}
OPTION_TEXT = {
    "free": N_("free of charge"),
    "paid": N_("paid"),
    "partial": N_("partly paid: the amount is the most anyone pays, depending on income"),
}


def utc_offset(timezone: str, day: dt.date) -> int | float:
    """Hours ahead of UTC on ``day`` (HSDS ``schedule.timezone``): 1 or 2 in Poland."""
    offset = dt.datetime.combine(day, dt.time(12), ZoneInfo(timezone)).utcoffset()
    hours = offset.total_seconds() / 3600 if offset else 0.0
    return int(hours) if hours.is_integer() else hours


class HsdsExporter:
    """Builds HSDS service objects (with their organisation) from a validated catalogue."""

    def __init__(self, catalogue: Catalogue, settings: SiteSettings) -> None:
        self.catalogue = catalogue
        # Opening hours are local time; HSDS reads times without a time zone as UTC.
        self.timezone = utc_offset(settings.timezone, settings.today)
        self.ids = Ids(settings.hsds_namespace)
        self.base = settings.base_url
        self.state_province = settings.hsds_state_province
        self.municipality = str(settings.centre["city"])
        self.conditions = read_conditions(settings.data_path)

    def inputs(self) -> tuple[Any, ...]:
        """What ``service()`` reads besides its record and provider (a memo table's key)."""
        catalogue = self.catalogue
        return (
            (current_language(), self.timezone, str(self.ids.namespace), self.base),
            (self.state_province, self.municipality, self.conditions),
            (catalogue.units, catalogue.audiences, catalogue.areas),
        )

    def services(self) -> list[dict[str, Any]]:
        """Every service, in id order."""
        return [
            self.service(self.catalogue.services[sid]) for sid in sorted(self.catalogue.services)
        ]

    # --- taxonomies and attributes -------------------------------------------------------

    def taxonomy(self, key: str) -> dict[str, Any]:
        """One of our taxonomies, with a URI importers recognise."""
        name, description = TAXONOMIES[key]
        return {
            "id": self.ids("taxonomy", key),
            "name": _(name),
            "description": _(description),
            "uri": TAXONOMY_URI + key,
        }

    def taxonomies(self) -> list[dict[str, Any]]:
        """All our taxonomies (the tables need them; JSON terms carry only their id and name)."""
        return [self.taxonomy(key) for key in TAXONOMIES]

    def term(self, key: str, code: str, name: str, description: str) -> dict[str, Any]:
        """A taxonomy term; its ``term_uri`` names our taxonomy and code for importers."""
        taxonomy = self.taxonomy(key)
        return {
            "id": self.ids("taxonomy", key, "term", code),
            "code": code,
            "name": name,
            "description": description,
            "language": "pl",
            "taxonomy": taxonomy["name"],
            "taxonomy_id": taxonomy["id"],
            "term_uri": f"{TAXONOMY_URI}{key}:{code}",
        }

    def field_term(self, code: str) -> dict[str, Any]:
        """The term of a catalogue field without an HSDS field."""
        name, description = FIELD_TERMS[code]
        return self.term("fields", code, _(name), _(description))

    def attributes(
        self, owner_id: str, entity: str, pairs: list[tuple[str, dict[str, Any], str | None]]
    ) -> list[dict[str, Any]]:
        """Attributes linking ``owner_id`` to terms: (link_type, term, value) in order."""
        found = []
        for index, (link_type, term, value) in enumerate(pairs):
            attribute = {
                "id": self.ids("attribute", owner_id, str(index)),
                "link_id": owner_id,
                "link_entity": entity,
                "link_type": link_type,
                "taxonomy_term_id": term["id"],
                "taxonomy_term": term,
            }
            if value is not None:
                attribute["value"] = value
            found.append(attribute)
        return found

    # --- shared parts ------------------------------------------------------------------------

    def phones(self, owner_key: str, owner_id: str, number: str) -> list[dict[str, Any]]:
        """The one voice number of an organization or a service, as HSDS lists phones."""
        phone = {"id": self.ids("phone", owner_id), owner_key: owner_id, "number": number}
        return [{**phone, "type": "voice"}]

    def schedules(
        self, owner_key: str, owner_id: str, hours: list[dict[str, Any]], note: str | None
    ) -> list[dict[str, Any]]:
        """Weekly RFC 5545 rules, one per slot, and the hours note as a described schedule."""
        found = []
        for index, slot in enumerate(hours):
            found.append(
                {
                    "id": self.ids("schedule", owner_id, str(index)),
                    owner_key: owner_id,
                    "freq": "WEEKLY",
                    "interval": 1,
                    "wkst": "MO",
                    "byday": ",".join(RRULE_DAYS[day] for day in slot["days"]),
                    "opens_at": slot["from"],
                    "closes_at": slot["to"],
                    "timezone": self.timezone,
                }
            )
        if note:
            found.append(
                {
                    "id": self.ids("schedule", owner_id, "note"),
                    owner_key: owner_id,
                    "description": note,
                }
            )
        return found

    def address(self, location_id: str, place: Mapping[str, Any]) -> list[dict[str, Any]]:
        """An HSDS address when the place has street, postal code and city (HSDS needs all).

        A Polish address is in the centre's voivodeship; for one abroad the record names no
        region, so ``state_province`` (which HSDS requires) is left empty rather than guessed.
        """
        if not all(place.get(key) for key in ("street", "postal_code", "city")):
            return []
        country = place.get("country", "PL")
        return [
            {
                "id": self.ids("address", location_id),
                "location_id": location_id,
                "address_1": place["street"],
                "city": place["city"],
                "postal_code": place["postal_code"],
                "state_province": self.state_province if country == "PL" else "",
                "country": country,
                "address_type": "physical",
            }
        ]

    # --- organisations ------------------------------------------------------------------------

    def organization(self, provider: Record) -> dict[str, Any]:
        """A provider as an HSDS organisation: contacts, its office as a location, attributes."""
        data = provider.data
        org_id = self.ids("organization", provider.id)
        org: dict[str, Any] = {
            "id": org_id,
            "name": data["name"],
            # HSDS requires a description; the name stands in (and is dropped on import).
            "description": data.get("description") or data["name"],
        }
        for key, target in (("email", "email"), ("website", "website")):
            if key in data:
                org[target] = data[key]
        if self.base:
            org["uri"] = f"{self.base}/realizatorzy/{provider.id}/"
        if "phone" in data:
            org["phones"] = self.phones("organization_id", org_id, data["phone"])
        if data.get("address") or data.get("hours") or data.get("accessibility"):
            org["locations"] = [self.office(provider, org_id)]
        kind = data["kind"]
        pairs: list[tuple[str, dict[str, Any], str | None]] = [
            ("identifier", self.field_term("record-id"), provider.id),
            (
                "provider_kind",
                self.term("provider-kinds", kind, _(kind_label(kind)), _(kind_label(kind))),
                None,
            ),
            ("verification", self.field_term("last-verified"), data["last_verified"]),
        ]
        pairs += [
            ("maintainer", self.field_term("maintainer"), m) for m in data.get("maintainers", [])
        ]
        pairs += self.translation_pairs(data)
        org["attributes"] = self.attributes(org_id, "organization", pairs)
        return org

    def office(self, provider: Record, org_id: str) -> dict[str, Any]:
        """The provider's premises: address, office hours and physical accessibility."""
        data = provider.data
        location_id = self.ids("location", "organization", provider.id)
        location: dict[str, Any] = {
            "id": location_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": data["name"],
        }
        addresses = self.address(location_id, data.get("address") or {})
        if addresses:
            location["addresses"] = addresses
        schedules = self.schedules("location_id", location_id, data.get("hours", []), None)
        if schedules:
            location["schedules"] = schedules
        if data.get("accessibility"):
            location["accessibility"] = [
                {
                    "id": self.ids("accessibility", location_id),
                    "location_id": location_id,
                    "description": data["accessibility"],
                }
            ]
        return location

    # --- services -------------------------------------------------------------------------------

    def service(self, record: Record) -> dict[str, Any]:
        """One service with its organisation, schedules, costs, eligibility and attributes."""
        data = record.data
        service_id = self.ids("service", record.id)
        organization = self.organization(self.catalogue.providers[data["provider"]])
        eligibility = data["eligibility"]
        service: dict[str, Any] = {
            "id": service_id,
            "organization_id": organization["id"],
            "organization": organization,
            "name": data["name"],
            "description": data["description"],
            "status": STATUS_TO_HSDS[record.status],
            "eligibility_description": eligibility["text"],
            "assured_date": data["last_verified"],
            "cost_options": [
                self.cost_option(service_id, data),
                *table_options(self, service_id, data),
            ],
            "service_areas": [
                {
                    "id": self.ids("service_area", service_id),
                    "service_id": service_id,
                    "name": self.municipality,
                    "extent_type": "municipality",
                }
            ],
        }
        if "age_min" in eligibility:
            service["minimum_age"] = eligibility["age_min"]
        if "age_max" in eligibility:
            service["maximum_age"] = eligibility["age_max"]
        if data.get("how_to_apply"):
            service["application_process"] = data["how_to_apply"]
        if data["fee"].get("note"):
            service["fees_description"] = data["fee"]["note"]
        if self.base:
            service["url"] = f"{self.base}/uslugi/{record.id}/"
        contact = data.get("contact") or {}
        if "email" in contact:
            service["email"] = contact["email"]
        if "phone" in contact:
            service["phones"] = self.phones("service_id", service_id, contact["phone"])
        schedules = self.schedules("service_id", service_id, data["hours"], data.get("hours_note"))
        if schedules:
            service["schedules"] = schedules
        if eligibility.get("requires"):
            service["required_documents"] = [
                {
                    "id": self.ids("required_document", service_id, str(i)),
                    "service_id": service_id,
                    "document": item,
                }
                for i, item in enumerate(eligibility["requires"])
            ]
        if data.get("languages"):
            service["languages"] = [
                {
                    "id": self.ids("language", service_id, code),
                    "service_id": service_id,
                    "name": Locale.parse("en").languages.get(code, code),
                    "code": code,
                }
                for code in data["languages"]
            ]
        places = self.places(service_id, data.get("place"))
        if places:
            service["service_at_locations"] = places
        service["attributes"] = self.attributes(service_id, "service", self.service_pairs(record))
        return service

    def cost_option(self, service_id: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """The fee as a PLN cost option; the amount is per unit of measure (amount_description)."""
        fee = data["fee"]
        kind = fee["kind"]
        return {
            "id": self.ids("cost_option", service_id),
            "service_id": service_id,
            "option": _(OPTION_TEXT[kind]),
            "currency": "PLN",
            "amount": 0 if kind == "free" else fee.get("amount", 0),
            "amount_description": per_unit(data["unit"], self.catalogue.units),
        }

    def places(self, service_id: str, place: Any) -> list[dict[str, Any]]:
        """Where the service happens: each address a location; a text place a described one."""
        if not place:
            return []
        described = [{"description": place}] if isinstance(place, str) else list(place)
        found = []
        for index, item in enumerate(described):
            location_id = self.ids("location", "service", service_id, str(index))
            location: dict[str, Any] = {"id": location_id, "location_type": "physical"}
            if "name" in item:
                location["name"] = item["name"]
            if "description" in item:
                location["description"] = item["description"]
            if "lat" in item:
                location["latitude"] = item["lat"]
            if "lon" in item:
                location["longitude"] = item["lon"]
            addresses = self.address(location_id, item)
            if addresses:
                location["addresses"] = addresses
            found.append(
                {
                    "id": self.ids("service_at_location", service_id, str(index)),
                    "service_id": service_id,
                    "location_id": location_id,
                    "location": location,
                }
            )
        return found

    def translation_pairs(
        self, data: Mapping[str, Any]
    ) -> list[tuple[str, dict[str, Any], str | None]]:
        """A record's ``translations`` (HSDS has no field for them): one attribute, JSON."""
        if not data.get("translations"):
            return []
        text = canonical_json(data["translations"], indent=None).decode("utf-8").strip()
        return [("translation", self.field_term("translations"), text)]

    def service_pairs(self, record: Record) -> list[tuple[str, dict[str, Any], str | None]]:
        """The service's attributes: our extra fields, then audiences and areas."""
        data = record.data
        field = self.field_term
        pairs: list[tuple[str, dict[str, Any], str | None]] = [
            ("identifier", field("record-id"), record.id),
            ("summary", field("summary"), data["summary"]),
            ("unit", field("unit"), data["unit"]),
            ("fee", field("fee-kind"), data["fee"]["kind"]),
        ]
        if "residents_only" in data["eligibility"]:
            value = "true" if data["eligibility"]["residents_only"] else "false"
            pairs.append(("eligibility", field("residents-only"), value))
        if "apply_online" in data:
            pairs.append(
                ("application", field("apply-online"), "true" if data["apply_online"] else "false")
            )
        if "emergency_numbers" in data:
            value = "true" if data["emergency_numbers"] else "false"
            pairs.append(("emergency", field("emergency-numbers"), value))
        if "limits" in data:
            pairs.append(("limits", field("limits"), data["limits"]))
        pairs += [("keyword", field("keyword"), word) for word in data.get("keywords", [])]
        pairs += self.translation_pairs(data)
        for audience_id in data["audiences"]:
            term = self.catalogue.audiences[audience_id]
            pairs.append(
                (
                    "audience",
                    self.term("audiences", audience_id, term["label"], term["description"]),
                    None,
                )
            )
        for area_id in data["areas"]:
            term = self.catalogue.areas[area_id]
            pairs.append(
                ("area", self.term("areas", area_id, term["label"], term["description"]), None)
            )
        return pairs + eligibility_pairs(self, record, self.conditions)
