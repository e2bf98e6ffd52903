"""Template-ready views of records: every field already in the words a resident reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .catalogue import Catalogue
from .collation import sort_key
from .formatting import date_text, fee_text, hours_rows, is_free
from .i18n import N_, current_language
from .i18n import gettext as _
from .languages.content import PolishText, localized, localized_terms, polish_block
from .markdown import render_markdown
from .records import Record

#: Markdown to safe HTML: ``render_markdown``, or the build cache's memo of it.
Render = Callable[[str | None], Markup]

STATUS_LABELS = {
    "active": "",
    "suspended": N_("Suspended: the service is not provided at the moment"),
    "planned": N_("Planned: the service is not available yet"),
}
PROVIDER_KINDS = {
    "cus": N_("social services centre"),
    "public": N_("public institution"),
    "ngo": N_("non-governmental organisation"),
    "social-cooperative": N_("social cooperative"),
    "private": N_("private company"),
}


@dataclass
class RecordView:
    """What the view of every named record has: id, page address, data, features' extras."""

    id: str
    url: str
    data: dict[str, Any]
    extras: dict[str, Any] = field(default_factory=dict, kw_only=True)

    @property
    def name(self) -> str:
        """The record's name, as residents read it."""
        return self.data["name"]


@dataclass
class ProviderView(RecordView):
    """A provider as its page and the service pages show it."""

    kind_label: str
    description_html: Markup
    hours: list[dict[str, Any]]
    last_verified_text: str
    services: list[ServiceView] = field(default_factory=list)


@dataclass
class ServiceView(RecordView):
    """A service with its texts rendered and its links resolved."""

    provider: ProviderView
    audiences: list[dict[str, str]]
    areas: list[dict[str, str]]
    fee_text: str
    free: bool
    hours: list[dict[str, Any]]
    contact: dict[str, str]
    contact_is_providers: bool
    description_html: Markup
    how_to_apply_html: Markup
    status: str
    status_label: str
    last_verified_text: str

    @property
    def accepts_applications(self) -> bool:
        """Online requests only for active services that ask for them."""
        return bool(self.data.get("apply_online")) and self.status == "active"


def kind_label(kind: str) -> str:
    """The untranslated label of a provider kind (translated where shown)."""
    return PROVIDER_KINDS[kind]


def markdown_in_language(text: str | None, render: Render = render_markdown) -> Markup:
    """A record's Markdown field; marked Polish, with a note, where it is untranslated."""
    return polish_block(render(text), isinstance(text, PolishText))


def provider_view(record: Record, render: Render = render_markdown) -> ProviderView:
    """Provider record to view, in the language being built (services are attached later);
    ``render``: how Markdown becomes HTML (the build cache remembers it by text)."""
    data = localized(record.data, "provider", current_language())
    return ProviderView(
        id=record.id,
        url=f"realizatorzy/{record.id}/",
        data=data,
        kind_label=_(kind_label(data["kind"])),
        description_html=markdown_in_language(data.get("description"), render),
        hours=hours_rows(data.get("hours", [])),
        last_verified_text=date_text(data["last_verified"]),
    )


def service_view(
    record: Record,
    provider: ProviderView,
    catalogue: Catalogue,
    vocabularies: dict[str, dict[str, dict[str, str]]] | None = None,
    render: Render = render_markdown,
) -> ServiceView:
    """Service record to view in the language being built; the provider's contact as the
    fallback. ``vocabularies`` (audiences, areas, units) are already in that language."""
    terms = vocabularies or {
        "audiences": catalogue.audiences, "areas": catalogue.areas, "units": catalogue.units
    }  # fmt: skip
    data = localized(record.data, "service", current_language())
    contact = data.get("contact") or {
        key: provider.data[key] for key in ("phone", "email") if key in provider.data
    }
    status = record.status
    return ServiceView(
        id=record.id,
        url=f"uslugi/{record.id}/",
        data=data,
        provider=provider,
        audiences=[terms["audiences"][a] for a in data["audiences"]],
        areas=[terms["areas"][a] for a in data["areas"]],
        fee_text=fee_text(data, terms["units"]),
        free=is_free(data),
        hours=hours_rows(data["hours"]),
        contact=contact,
        contact_is_providers="contact" not in data,
        description_html=markdown_in_language(data["description"], render),
        how_to_apply_html=markdown_in_language(data.get("how_to_apply"), render),
        status=status,
        status_label=_(STATUS_LABELS[status]) if STATUS_LABELS[status] else "",
        last_verified_text=date_text(data["last_verified"]),
    )


def localized_vocabularies(catalogue: Catalogue) -> dict[str, dict[str, dict[str, str]]]:
    """Audiences, areas and units in the language being built."""
    language = current_language()
    return {
        "audiences": localized_terms(catalogue.audiences, language),
        "areas": localized_terms(catalogue.areas, language),
        "units": localized_terms(catalogue.units, language),
    }


def build_views(
    catalogue: Catalogue, render: Render = render_markdown
) -> tuple[list[ServiceView], list[ProviderView]]:
    """Views of every service and provider in the language being built, each list in
    alphabetical order (``render``: Markdown to HTML, remembered by the build cache)."""
    vocabularies = localized_vocabularies(catalogue)
    providers = {pid: provider_view(record, render) for pid, record in catalogue.providers.items()}
    services = [
        service_view(record, providers[record.data["provider"]], catalogue, vocabularies, render)
        for record in catalogue.services.values()
    ]
    services.sort(key=lambda view: sort_key(view.name))
    for view in services:
        view.provider.services.append(view)
    return services, sorted(providers.values(), key=lambda view: sort_key(view.name))


def recently_updated(services: list[ServiceView], length: int) -> list[ServiceView]:
    """The start page's newest checks, active services first: a resident can use them now."""
    newest = sorted(services, key=lambda view: view.data["last_verified"], reverse=True)
    return sorted(newest, key=lambda view: view.status != "active")[:length]
