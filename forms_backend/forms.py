"""The six forms: their fields, where they live, and how a whole submission is checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from forms_backend import plan
from forms_backend.fields import Field

NEW_SERVICE = "new"
CONTACT_TIMES = ("anytime", "morning", "afternoon")
# Kinds of organisation that offer services: the provider kinds of a record, but the centre's.
ORGANISATION_KINDS = ("ngo", "social-cooperative", "private", "public")
FORM_ERROR = "_form"


def N_(message: str) -> str:
    """Mark a msgid for extraction; it is translated when used."""
    return message


@dataclass(frozen=True)
class FormSpec:
    """One form: its API path, its template and its fields (its page is the site's: uslugi.json)."""

    key: str
    path: str
    template: str
    prefix: str
    title: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        """The field of that name, if the form has it."""
        return next((f for f in self.fields if f.name == name), None)


def required(
    name: str, kind: str, label: str, message: str, max_length: int = 200, **more: Any
) -> Field:
    """A field the resident must fill in; ``message`` says what to enter when it is empty."""
    return Field(name, kind, label, True, max_length, required_message=message, **more)


COMMON = (
    Field("website", "honeypot", N_("Leave this field empty"), max_length=0),
    # Never shown: the form's script fills it in, and e-mails leave it out.
    Field("idempotency_key", "token", "idempotency_key", max_length=100),
)
SERVICE = required("service", "text", N_("Service"), N_("Select a service"), 100)
NAME = required("name", "text", N_("Full name"), N_("Enter your full name"), 120)
# A request for contact names one service, or a resident's whole plan (``services``).
ONE_SERVICE = Field("service", "text", N_("Service"), False, 100)
PLAN_SERVICES = Field(
    "services", "service_ids", N_("Services of the plan"), cleaner=plan.clean_service_ids
)
PLAN_NOTES = Field("notes", "plan_notes", N_("Notes to the plan"), cleaner=plan.clean_notes)
PHONE = Field("phone", "phone", N_("Phone number"), max_length=25)
EMAIL = Field("email", "email", N_("Email address"), max_length=254)
CONSENT = required(
    "consent",
    "bool",
    N_("I have read the information on personal data"),
    N_("Confirm that you have read the information on personal data"),
)
# The partner offer: what the organisation offers, and who speaks for it.
OFFER = required(
    "offer", "multiline", N_("Offer"), N_("Describe the services you can provide"), 4000
)
CONTACT_PERSON = required(
    "name", "text", N_("Contact person"), N_("Enter the full name of the contact person"), 120
)

FORMS: dict[str, FormSpec] = {
    spec.key: spec
    for spec in (
        FormSpec(
            "application",
            "/api/applications",
            "forms/application.html",
            "W",
            N_("Request for contact about a service"),
            (
                ONE_SERVICE,
                PLAN_SERVICES,
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
                PLAN_NOTES,
                Field("on_behalf", "bool", N_("On behalf of another person")),
                CONSENT,
                *COMMON,
            ),
        ),
        FormSpec(
            "catalogue_update",
            "/api/catalogue-updates",
            "forms/catalogue_update.html",
            "Z",
            N_("Proposed change to the catalogue"),
            (
                required("provider", "text", N_("Provider"), N_("Select a provider"), 100),
                required(
                    "service", "text", N_("Service"), N_("Select a service or a new service"), 100
                ),
                required("change", "multiline", N_("Change"), N_("Describe the change"), 4000),
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
            "forms/missing_service.html",
            "B",
            N_("Report of a missing service"),
            (
                required(
                    "need",
                    "multiline",
                    N_("What is needed"),
                    N_("Describe the service that is missing"),
                    2000,
                ),
                Field("for_whom", "text", N_("For whom"), max_length=200),
                EMAIL,
                *COMMON,
            ),
        ),
        FormSpec(
            "error_report",
            "/api/error-reports",
            "forms/error_report.html",
            "E",
            N_("Report of an error on a service page"),
            (
                SERVICE,
                required(
                    "description", "multiline", N_("What is wrong"), N_("Describe the error"), 2000
                ),
                EMAIL,
                *COMMON,
            ),
        ),
        FormSpec(
            "partner_offer",
            "/api/partner-offers",
            "forms/partner_offer.html",
            "P",
            N_("Offer to provide services"),
            (
                required(
                    "organisation",
                    "text",
                    N_("Organisation"),
                    N_("Enter the name of the organisation"),
                    200,
                ),
                required(
                    "kind",
                    "choice",
                    N_("Kind of organisation"),
                    N_("Select the kind of organisation"),
                    30,
                    choices=ORGANISATION_KINDS,
                ),
                Field("nip", "nip", N_("NIP"), max_length=20),
                Field("krs", "krs", N_("KRS number"), max_length=20),
                Field("need", "text", N_("Needed service"), max_length=150),
                OFFER,
                Field("capacity", "text", N_("How many people"), max_length=200),
                Field("area", "text", N_("Where"), max_length=200),
                CONTACT_PERSON,
                PHONE,
                EMAIL,
                CONSENT,
                *COMMON,
            ),
        ),
        FormSpec(
            "feedback",
            "/api/feedback",
            "forms/feedback.html",
            "O",
            N_("Feedback on a service"),
            (
                SERVICE,
                required("rating", "rating", N_("Rating"), N_("Select a rating from 1 to 5")),
                Field("comment", "multiline", N_("Comment"), max_length=1000),
                *COMMON,
            ),
        ),
    )
}
