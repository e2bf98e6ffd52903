"""Centres as a feature of a regional catalogue (``content/centres/<id>.yaml``, written by
``katalog aggregate``): each centre a facet, with its page ``/osrodki/<id>/``, its filter on the
A–Z list, its own contact and forms address; each service page names its centre and points to
the service's page in the centre's own catalogue as canonical.

A catalogue without a ``centres`` folder (one centre's own site) is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..catalogue import Catalogue
from ..collation import sort_key
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import N_, ngettext
from ..languages.content import localized
from ..problems import Problem
from ..records import Record
from ..site_settings import SiteSettings
from ..validation import check_ids
from ..views import ProviderView, ServiceView

LIST_URL = "osrodki/"
UNKNOWN_SERVICE = N_("there is no service “{value}” (no file services/{value}.yaml)")
UNKNOWN_PROVIDER = N_("there is no provider “{value}” (no file providers/{value}.yaml)")
NO_CENTRE = N_("the service belongs to no centre: list it in one file of the centres/ folder")
TWO_CENTRES = N_("the service is listed by two centres: {centres}")


@dataclass
class CentreView:
    """A centre as its page, the filter and its services' pages show it."""

    id: str
    url: str
    data: dict[str, Any]
    services: list[ServiceView] = field(default_factory=list)
    providers: list[ProviderView] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The centre's full name."""
        return self.data["name"]

    @property
    def forms_email(self) -> str:
        """Where requests about the centre's services go: its forms address, else its e-mail."""
        return self.data.get("forms_email") or self.data["email"]


def listed_ids(record: Record) -> list[str]:
    """The ids of the services a centre record lists."""
    items = record.data.get("services")
    if not isinstance(items, list):
        return []
    return [item["id"] for item in items if isinstance(item, dict) and "id" in item]


def check_centres(catalogue: Catalogue) -> list[Problem]:
    """Every listed record exists; every service belongs to exactly one centre."""
    problems: list[Problem] = []
    owner: dict[str, list[str]] = {}
    for record in catalogue.centres.values():
        problems += check_ids(
            record, "providers", catalogue.providers, "centre-unknown-provider", UNKNOWN_PROVIDER
        )
        for index, service_id in enumerate(listed_ids(record)):
            owner.setdefault(service_id, []).append(record.id)
            if service_id not in catalogue.services:
                where = (record.path, record.line_of("services", index, "id"))
                problems.append(
                    Problem(
                        "centre-unknown-service",
                        *where,
                        f"services[{index}].id",
                        {"value": service_id},
                        template=UNKNOWN_SERVICE,
                    )
                )
    for service in catalogue.services.values():
        centres = owner.get(service.id, [])
        if not centres:
            problems.append(Problem("service-without-centre", service.path, template=NO_CENTRE))
        elif len(centres) > 1:
            params = {"centres": ", ".join(centres)}
            problems.append(
                Problem("service-in-two-centres", service.path, 1, "", params, template=TWO_CENTRES)
            )
    return problems


class Centres(Feature):
    """The centres of a regional catalogue: their pages, their filter, their services' links."""

    name = "centres"

    def __init__(self) -> None:
        self.centres: list[CentreView] = []

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Nothing to check for one centre's own catalogue (no centres folder)."""
        return check_centres(catalogue) if catalogue.centres else []

    def contribute(self, build: Build) -> Contributions:
        """Each service's and provider's centre, the canonical link, the list of centres."""
        contributions = Contributions()
        self.centres = []  # once per language pass: the views of this pass's language
        if not build.catalogue.centres:
            return contributions
        services = {service.id: service for service in build.services}
        providers = {provider.id: provider for provider in build.providers}
        for record in build.catalogue.centres.values():
            data = localized(record.data, "centre", build.language)  # its name, if translated
            view = CentreView(record.id, f"{LIST_URL}{record.id}/", data)
            for item in record.data.get("services", []):
                view.services.append(services[item["id"]])
                extras: dict[str, Any] = {"centre": view}
                if "canonical" in item:
                    link = f'<link rel="canonical" href="{escape(item["canonical"])}">'
                    extras |= {"canonical": item["canonical"], "head": [Markup(link)]}
                contributions.service_extras[item["id"]] = extras
            view.providers = [providers[p] for p in record.data.get("providers", [])]
            for provider in view.providers:
                contributions.provider_extras[provider.id] = {"centre": view}
            self.centres.append(view)
        order = {service.id: index for index, service in enumerate(build.services)}
        for view in self.centres:
            view.services.sort(key=lambda service: order[service.id])
        self.centres.sort(key=lambda view: sort_key(view.name))
        contributions.context["CENTRES"] = self.centres
        return contributions

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """``/osrodki/`` and one page per centre with its contact and its services."""
        if self.centres:
            site.page(LIST_URL, "centres.html", centres=self.centres)
        for view in self.centres:
            site.page(view.url, "centre.html", centre=view, listed=view.services)
        return []

    def summary(self) -> list[str]:
        """How many centres the regional catalogue gathers."""
        count = len(self.centres)
        if not count:
            return []
        return [ngettext("%(num)d centre", "%(num)d centres", count) % {"num": count}]
