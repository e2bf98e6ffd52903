"""Checking a whole submission: every field, the catalogue ids, and rules across fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from forms_backend import plan
from forms_backend.catalogue import Snapshot
from forms_backend.fields import FieldError
from forms_backend.forms import FORM_ERROR, NEW_SERVICE, FormSpec
from forms_backend.i18n import gettext as _


def validate(
    spec: FormSpec, raw: Mapping[str, object], catalogue: Snapshot, *, require_apply_online: bool
) -> tuple[dict[str, object], dict[str, str]]:
    """Clean every field and check the catalogue; return the values and Polish errors by field."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    for field in spec.fields:
        try:
            value = field.clean(raw.get(field.name))
        except FieldError as error:
            errors[FORM_ERROR if field.kind == "honeypot" else field.name] = str(error)
            continue
        if field.required and value in (None, False):
            errors[field.name] = _(field.required_message)
        elif value is not None:
            values[field.name] = value
    if spec.key == "application":
        _check_plan(values, errors, catalogue)
    _check_catalogue(spec, values, errors, catalogue, require_apply_online)
    if spec.field("phone") and not {"phone", "email"} & (values.keys() | errors.keys()):
        errors["phone"] = _("Enter a phone number or an email address")
    values.pop("website", None)
    return values, dict(sorted(errors.items(), key=lambda item: _order(spec, item[0])))


def _order(spec: FormSpec, name: str) -> int:
    """Errors follow the order of the fields on the page; a form-level error comes first."""
    names = [field.name for field in spec.fields]
    return names.index(name) if name in names else -1


def _check_plan(values: dict[str, object], errors: dict[str, str], catalogue: Snapshot) -> None:
    """A request names one service or a plan of services (each active), and notes only on them."""
    # The plan field's cleaner leaves a list of ids and a mapping of notes (see plan.py).
    services = cast("list[str] | None", values.get("services"))
    if services is None:
        if "service" not in values and "service" not in errors and "services" not in errors:
            errors["service"] = _("Select a service")
        if "notes" in values:
            errors["notes"] = _("Your notes could not be read. Send the request without them.")
        return
    if "service" in values:
        errors["services"] = _("Send either one service or your plan, not both.")
        return
    problem = plan.catalogue_error(services, catalogue)
    if problem:
        errors["services"] = problem
    if set(cast("dict[str, str]", values.get("notes") or {})) - set(services):
        errors["notes"] = _("Your notes could not be read. Send the request without them.")


def _check_catalogue(
    spec: FormSpec,
    values: dict[str, object],
    errors: dict[str, str],
    catalogue: Snapshot,
    require_apply_online: bool,
) -> None:
    """Service and provider ids must exist; an application needs a service that takes them."""
    provider = values.get("provider")
    if provider is not None and provider not in catalogue.providers:
        errors["provider"] = _("Select a provider from the list")
    service = values.get("service")
    if service is None:
        return
    if spec.key == "catalogue_update" and service == NEW_SERVICE:
        return
    entry = catalogue.services.get(str(service))
    if entry is None:
        errors["service"] = _("Select a service from the list")
    elif spec.key == "application" and require_apply_online and not entry.apply_online:
        errors["service"] = _(
            "This service does not take requests online. Contact the provider directly"
        )
    elif (
        spec.key == "catalogue_update"
        and entry.provider
        and provider
        not in (
            None,
            entry.provider,
        )
    ):
        errors["service"] = _("Select a service of this provider")
