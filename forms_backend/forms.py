"""The five forms: their fields, where they live, and how a whole submission is checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from forms_backend.catalogue import Snapshot
from forms_backend.fields import Field, FieldError
from forms_backend.i18n import gettext as _

NEW_SERVICE = "new"
CONTACT_TIMES = ("anytime", "morning", "afternoon")
FORM_ERROR = "_form"


def N_(message: str) -> str:
    """Mark a msgid for extraction; it is translated when used."""
    return message


@dataclass(frozen=True)
class FormSpec:
    """One form: its API path, its page, its template and its fields."""

    key: str
    path: str
    page: str
    template: str
    prefix: str
    title: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        """The field of that name, if the form has it."""
        return next((f for f in self.fields if f.name == name), None)


COMMON = (
    Field("website", "honeypot", N_("Leave this field empty"), max_length=0),
    Field("idempotency_key", "token", N_("Idempotency key"), max_length=100),
)
SERVICE = Field(
    "service", "text", N_("Service"), True, 100, required_message=N_("Select a service")
)
NAME = Field(
    "name", "text", N_("Full name"), True, 120, required_message=N_("Enter your full name")
)
PHONE = Field("phone", "phone", N_("Phone number"), max_length=25)
EMAIL = Field("email", "email", N_("Email address"), max_length=254)
CONSENT = Field(
    "consent",
    "bool",
    N_("I have read the information on personal data"),
    True,
    required_message=N_("Confirm that you have read the information on personal data"),
)

FORMS: dict[str, FormSpec] = {
    spec.key: spec
    for spec in (
        FormSpec(
            "application",
            "/api/applications",
            "/wniosek/",
            "forms/application.html",
            "W",
            N_("Request for contact about a service"),
            (
                SERVICE,
                NAME,
                PHONE,
                EMAIL,
                Field(
                    "contact_time",
                    "choice",
                    N_("Preferred contact time"),
                    max_length=20,
                    choices=CONTACT_TIMES,
                ),
                Field("message", "multiline", N_("Message"), max_length=1000),
                Field("on_behalf", "bool", N_("On behalf of another person")),
                CONSENT,
                *COMMON,
            ),
        ),
        FormSpec(
            "catalogue_update",
            "/api/catalogue-updates",
            "/zglos-zmiane/",
            "forms/catalogue_update.html",
            "Z",
            N_("Proposed change to the catalogue"),
            (
                Field(
                    "provider",
                    "text",
                    N_("Provider"),
                    True,
                    100,
                    required_message=N_("Select a provider"),
                ),
                Field(
                    "service",
                    "text",
                    N_("Service"),
                    True,
                    100,
                    required_message=N_("Select a service or a new service"),
                ),
                Field(
                    "change",
                    "multiline",
                    N_("Change"),
                    True,
                    4000,
                    required_message=N_("Describe the change"),
                ),
                NAME,
                PHONE,
                EMAIL,
                CONSENT,
                *COMMON,
            ),
        ),
        FormSpec(
            "missing_service",
            "/api/missing-services",
            "/zglos-brak-uslugi/",
            "forms/missing_service.html",
            "B",
            N_("Report of a missing service"),
            (
                Field(
                    "need",
                    "multiline",
                    N_("What is needed"),
                    True,
                    2000,
                    required_message=N_("Describe the service that is missing"),
                ),
                Field("for_whom", "text", N_("For whom"), max_length=200),
                EMAIL,
                *COMMON,
            ),
        ),
        FormSpec(
            "error_report",
            "/api/error-reports",
            "/zglos-blad/",
            "forms/error_report.html",
            "E",
            N_("Report of an error on a service page"),
            (
                SERVICE,
                Field(
                    "description",
                    "multiline",
                    N_("What is wrong"),
                    True,
                    2000,
                    required_message=N_("Describe the error"),
                ),
                EMAIL,
                *COMMON,
            ),
        ),
        FormSpec(
            "feedback",
            "/api/feedback",
            "/ocen-usluge/",
            "forms/feedback.html",
            "O",
            N_("Feedback on a service"),
            (
                SERVICE,
                Field(
                    "rating",
                    "rating",
                    N_("Rating"),
                    True,
                    required_message=N_("Select a rating from 1 to 5"),
                ),
                Field("comment", "multiline", N_("Comment"), max_length=1000),
                *COMMON,
            ),
        ),
    )
}


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
    _check_catalogue(spec, values, errors, catalogue, require_apply_online)
    if spec.field("phone") and not {"phone", "email"} & (values.keys() | errors.keys()):
        errors["phone"] = _("Enter a phone number or an email address")
    values.pop("website", None)
    return values, dict(sorted(errors.items(), key=lambda item: _order(spec, item[0])))


def _order(spec: FormSpec, name: str) -> int:
    """Errors follow the order of the fields on the page; a form-level error comes first."""
    names = [field.name for field in spec.fields]
    return names.index(name) if name in names else -1


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
