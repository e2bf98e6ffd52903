"""Packages as a feature of the build: checked against the services, shown on the start page,
on the pages of their services, and on /pakiety/ and /pakiety/<id>/.

A package groups services for one life situation ("Opiekuję się bliskim"), as Goleniów's
centre groups its 167 services in 7 packages; only the centre's editors change them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..catalogue import Catalogue
from ..collation import sort_key
from ..feature import Build, Contributions, Feature, SiteWriter
from ..formatting import date_text
from ..i18n import N_, ngettext
from ..markdown import render_markdown
from ..problems import Problem
from ..records import Record
from ..site_settings import SiteSettings
from ..validation import check_ids
from ..views import RecordView, ServiceView

LIST_URL = "pakiety/"
UNKNOWN_SERVICE = N_("there is no service “{value}” (no file services/{value}.yaml)")
NOTHING_ACTIVE = N_(
    "none of the package's services is active now: residents would see a package they cannot use"
)


@dataclass
class PackageView(RecordView):
    """A package as its page, the list and the start page show it (its name: a life situation)."""

    description_html: Markup
    audiences: list[dict[str, str]]
    services: list[ServiceView]
    last_verified_text: str


def package_view(record: Record, build: Build) -> PackageView:
    """Package record to view, its services in the order the record lists them."""
    data = record.data
    services = {service.id: service for service in build.services}
    return PackageView(
        id=record.id,
        url=f"{LIST_URL}{record.id}/",
        data=data,
        description_html=render_markdown(data["description"]),
        audiences=[build.catalogue.audiences[a] for a in data["audiences"]],
        services=[services[s] for s in data["services"]],
        last_verified_text=date_text(data["last_verified"]),
    )


def check_package(record: Record, catalogue: Catalogue) -> list[Problem]:
    """Services and audiences must exist; a package of only inactive services is a warning."""
    problems = check_ids(
        record, "services", catalogue.services, "package-unknown-service", UNKNOWN_SERVICE
    )
    problems += check_ids(record, "audiences", catalogue.audiences, "unknown-audience")
    listed = [catalogue.services.get(s) for s in record.data.get("services") or []]
    known = [service for service in listed if service is not None]
    if known and all(service.status != "active" for service in known):
        where = (record.path, record.line_of("services"), "services")
        problems.append(
            Problem("package-nothing-active", *where, severity="warning", template=NOTHING_ACTIVE)
        )
    return problems


class Packages(Feature):
    """Packages of services by life situation: checks, start page, service pages, own pages."""

    name = "packages"

    def __init__(self) -> None:
        self.views: list[PackageView] = []

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Unknown services and audiences, and packages residents could not use."""
        return [
            problem
            for record in catalogue.packages.values()
            for problem in check_package(record, catalogue)
        ]

    def contribute(self, build: Build) -> Contributions:
        """The packages for the start page; on a service's page, the packages it is in."""
        records = build.catalogue.packages.values()
        self.views = sorted(
            (package_view(record, build) for record in records), key=lambda v: sort_key(v.name)
        )
        contributions = Contributions(context={"CATALOGUE_PACKAGES": self.views})
        for view in self.views:
            for service in view.services:
                extras = contributions.service_extras.setdefault(service.id, {"packages": []})
                extras["packages"].append(view)
        return contributions

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """/pakiety/ and a page for every package."""
        if not self.views:
            return []
        site.page(LIST_URL, "packages.html", listed=self.views)
        for view in self.views:
            site.page(view.url, "package.html", package=view)
        return []

    def summary(self) -> list[str]:
        """How many packages the site shows."""
        count = len(self.views)
        line = ngettext("{n} package of services.", "{n} packages of services.", count)
        return [line.format(n=count)] if count else []
