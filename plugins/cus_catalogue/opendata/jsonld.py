"""schema.org JSON-LD for service and provider pages, so search engines understand them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from ..views import ProviderView, ServiceView
from .common import SCHEMA_DAYS

GOVERNMENT_KINDS = {"cus", "public"}
# Inside <script>, "</script>" or "<!--" in a record must stay data: escape <, > and & in JSON.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}
_SCRIPT_ESCAPES |= {"\u2028": "\\u2028", "\u2029": "\\u2029"}


def _script_safe(text: str) -> str:
    """``text`` with every character of ``_SCRIPT_ESCAPES`` escaped (``str.translate`` with a
    dictionary looks up every character in Python: half a millisecond a page)."""
    for character, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escaped)
    return text


def script_tag(data: Mapping[str, Any]) -> Markup:
    """A ``<script type="application/ld+json">`` no record text can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(f'<script type="application/ld+json">{_script_safe(text)}</script>')


def _time(value: str) -> str:
    """schema.org times are hh:mm:ss; "until midnight" is 23:59:59 as schema.org advises."""
    return "23:59:59" if value == "24:00" else f"{value}:00"


def opening_hours(hours: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One OpeningHoursSpecification per slot of the record."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in slot["days"]],
            "opens": _time(slot["from"]),
            "closes": _time(slot["to"]),
        }
        for slot in hours
    ]


def _address(address: Mapping[str, Any]) -> dict[str, Any]:
    found = {"@type": "PostalAddress", "addressCountry": address.get("country", "PL")}
    for key, target in (
        ("street", "streetAddress"),
        ("postal_code", "postalCode"),
        ("city", "addressLocality"),
    ):
        if address.get(key):
            found[target] = address[key]
    return found


def organization(provider: ProviderView, base: str | None) -> dict[str, Any]:
    """The provider as Organization, or GovernmentOrganization for the centre and public bodies."""
    data = provider.data
    node: dict[str, Any] = {
        "@type": "GovernmentOrganization" if data["kind"] in GOVERNMENT_KINDS else "Organization",
        "name": data["name"],
    }
    if base:
        node["@id"] = f"{base}/{provider.url}#organization"
        node["url"] = f"{base}/{provider.url}"
    if data.get("website"):
        node["sameAs"] = data["website"]
    if data.get("phone"):
        node["telephone"] = data["phone"]
    if data.get("email"):
        node["email"] = data["email"]
    if data.get("address"):
        node["address"] = _address(data["address"])
    return node


def provider_document(provider: ProviderView, base: str | None) -> dict[str, Any]:
    """The provider page's JSON-LD: the organisation, its office hours and description."""
    node = {"@context": "https://schema.org", **organization(provider, base)}
    if provider.description_html:
        node["description"] = provider.description_html.striptags()
    if provider.data.get("hours"):
        node["contactPoint"] = {
            "@type": "ContactPoint",
            "hoursAvailable": opening_hours(provider.data["hours"]),
            **({"telephone": provider.data["phone"]} if provider.data.get("phone") else {}),
        }
    if provider.services and base:
        node["makesOffer"] = [
            {"@type": "Offer", "itemOffered": {"@id": f"{base}/{s.url}#service"}}
            for s in provider.services
        ]
    return node


def offer(service: ServiceView) -> dict[str, Any]:
    """The fee as an Offer: price 0 when free, else the (highest) price per unit of measure."""
    fee = service.data["fee"]
    amount = 0 if fee["kind"] == "free" else fee.get("amount", 0)
    price = {
        "@type": "UnitPriceSpecification",
        "priceCurrency": "PLN",
        "unitText": service.data["unit"],
        "maxPrice" if fee["kind"] == "partial" else "price": amount,
    }
    node: dict[str, Any] = {
        "@type": "Offer",
        "price": amount,
        "priceCurrency": "PLN",
        "priceSpecification": price,
        "description": service.fee_text,
    }
    if fee.get("note"):
        node["description"] = f"{service.fee_text}. {fee['note']}"
    return node


def audience(service: ServiceView) -> list[dict[str, Any]]:
    """Each audience; with an age range, a PeopleAudience that says it."""
    eligibility = service.data["eligibility"]
    nodes = []
    for term in service.audiences:
        node: dict[str, Any] = {"@type": "Audience", "audienceType": term["label"]}
        if "age_min" in eligibility or "age_max" in eligibility:
            node["@type"] = "PeopleAudience"
            if "age_min" in eligibility:
                node["suggestedMinAge"] = eligibility["age_min"]
            if "age_max" in eligibility:
                node["suggestedMaxAge"] = eligibility["age_max"]
        nodes.append(node)
    return nodes


def service_document(service: ServiceView, base: str | None, municipality: str) -> dict[str, Any]:
    """The service page's JSON-LD: GovernmentService when the centre or a public body runs it."""
    government = service.provider.data["kind"] in GOVERNMENT_KINDS
    node: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if government else "Service",
        "name": service.name,
        "description": service.data["summary"],
        "provider": organization(service.provider, base),
        "areaServed": {"@type": "AdministrativeArea", "name": municipality},
        "audience": audience(service),
        "serviceType": [area["label"] for area in service.areas],
        "offers": offer(service),
    }
    if government:
        node["serviceOperator"] = node["provider"]
    if base:
        node["@id"] = f"{base}/{service.url}#service"
        node["url"] = f"{base}/{service.url}"
    if service.data["hours"]:
        node["hoursAvailable"] = opening_hours(service.data["hours"])
    channel: dict[str, Any] = {}
    if service.contact.get("phone"):
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": service.contact["phone"]}
    if base and service.accepts_applications:
        channel["serviceUrl"] = f"{base}/wniosek/?usluga={service.id}"
    if channel:
        node["availableChannel"] = {"@type": "ServiceChannel", **channel}
    return node


def in_language(node: dict[str, Any], language: str, prefix: str, base: str | None) -> None:
    """Say the document's language; its ``url`` is the page in that language (the ``@id``
    stays the one for every language: it names the same service)."""
    node["inLanguage"] = language
    if base and "url" in node:
        node["url"] = f"{base}/{prefix}{node['url'].removeprefix(base + '/')}"
