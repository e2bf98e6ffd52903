"""A resident's plan in one request for contact: its service ids, its notes, and its e-mail lines.

The plan page (``/moj-plan/``) sends ``services: [<id>, ...]`` instead of ``service``, and the
resident's notes only when the resident chooses to (``notes: {<id>: {how_often, since, note}}``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from cus_catalogue.i18n import N_
from forms_backend.fields import FieldError, clean_text
from forms_backend.i18n import gettext as _
from forms_backend.i18n import ngettext

if TYPE_CHECKING:
    from forms_backend.catalogue import Snapshot

MAX_SERVICES = 20
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The plan page's note fields and their limits (the page sets the same maxlength).
NOTE_FIELDS = {"how_often": 80, "since": 80, "note": 300}
NOTE_LABELS = {"how_often": N_("How often"), "since": N_("From when"), "note": N_("Note")}
# One service or several: the messages name them without a number.
UNKNOWN = (
    N_(
        "This service is no longer in the catalogue: %(ids)s. Remove it from your plan and "
        "send the request again."
    ),
    N_(
        "These services are no longer in the catalogue: %(ids)s. Remove them from your plan "
        "and send the request again."
    ),
)
NOT_PROVIDED = (
    N_(
        "This service is not provided now: %(names)s. Remove it from your plan and send the "
        "request again."
    ),
    N_(
        "These services are not provided now: %(names)s. Remove them from your plan and send "
        "the request again."
    ),
)


def clean_service_ids(raw: object) -> list[str] | None:
    """The ids in the plan's order, each once; a form post may send them comma-separated."""
    if raw is None or raw == "" or raw == []:
        return None
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise FieldError(_("Choose the services from the catalogue"))
    ids = list(dict.fromkeys(item.strip() for item in items if item.strip()))
    if not all(ID_RE.match(service) for service in ids):
        raise FieldError(_("Choose the services from the catalogue"))
    if len(ids) > MAX_SERVICES:
        raise FieldError(
            ngettext(
                "A request can name at most %(num)d service. Remove some from your plan.",
                "A request can name at most %(num)d services. Remove some from your plan.",
                MAX_SERVICES,
            )
            % {"num": MAX_SERVICES}
        )
    return ids or None


def clean_notes(raw: object) -> dict[str, dict[str, str]] | None:
    """``{id: {how_often, since, note}}`` with every text cleaned like any form field."""
    if raw is None or raw == {} or raw == "":
        return None
    if not isinstance(raw, Mapping):
        raise FieldError(_("Your notes could not be read. Send the request without them."))
    notes: dict[str, dict[str, str]] = {}
    for service, fields in raw.items():
        if not isinstance(service, str) or not isinstance(fields, Mapping):
            raise FieldError(_("Your notes could not be read. Send the request without them."))
        if set(fields) - NOTE_FIELDS.keys():
            raise FieldError(_("Your notes could not be read. Send the request without them."))
        cleaned = {}
        for name, limit in NOTE_FIELDS.items():
            text = clean_text(fields.get(name), multiline=name == "note")
            if len(text) > limit:
                raise FieldError(
                    ngettext(
                        "A note can have at most %(num)d character",
                        "A note can have at most %(num)d characters",
                        limit,
                    )
                    % {"num": limit}
                )
            if text:
                cleaned[name] = text
        if cleaned:
            notes[service] = cleaned
    return notes or None


def catalogue_error(ids: list[str], catalogue: Snapshot) -> str | None:
    """Every id must be a service of the built catalogue that is provided now."""
    unknown = [service for service in ids if service not in catalogue.services]
    if unknown:
        template = UNKNOWN[len(unknown) > 1]
        return _(template) % {"ids": ", ".join(unknown)}
    stopped = [catalogue.services[s].name for s in ids if catalogue.services[s].status != "active"]
    if stopped:
        return _(NOT_PROVIDED[len(stopped) > 1]) % {"names": ", ".join(stopped)}
    return None


def listed_services(ids: list[str], catalogue: Snapshot) -> list[dict[str, str]]:
    """Name and provider of each service, as the catalogue said when the request came."""
    return [
        {
            "id": service,
            "name": catalogue.services[service].name,
            "provider_name": catalogue.services[service].provider_name,
        }
        for service in ids
        if service in catalogue.services
    ]


def email_lines(
    services: list[dict[str, str]], notes: Mapping[str, Mapping[str, str]]
) -> list[str]:
    """The plan in the centre's e-mail: each service with its provider, then its notes."""
    count = len(services)
    lines = [
        ngettext("The plan has %(num)d service:", "The plan has %(num)d services:", count)
        % {"num": count}
    ]
    for number, service in enumerate(services, start=1):
        lines.append(f"{number}. {service['name']} ({service['id']})")
        lines.append("   " + _("Provider") + f": {service['provider_name']}")
        for name, text in notes.get(service["id"], {}).items():
            shown = text.replace("\n", "\n      ")
            lines.append(f"   {_(NOTE_LABELS[name])}: {shown}")
    if not notes:
        lines.append(_("The resident did not include notes."))
    return lines
