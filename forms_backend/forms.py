"""The six forms: their fields, where they live, and how a whole submission is checked."""

from __future__ import annotations

from dataclasses import dataclass

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


COMMON = (
    Field("website", "honeypot", N_("Leave this field empty"), max_length=0),
    # Never shown: the form's script fills it in, and e-mails leave it out.
    Field("idempotency_key", "token", "idempotency_key", max_length=100),
)
SERVICE = Field(
    "service", "text", N_("Service"), True, 100, required_message=N_("Select a service")
)
NAME = Field(
    "name", "text", N_("Full name"), True, 120, required_message=N_("Enter your full name")
)
# A request for contact names one service, or a resident's whole plan (``services``).
ONE_SERVICE = Field("service", "text", N_("Service"), False, 100)
PLAN_SERVICES = Field(
    "services", "service_ids", N_("Services of the plan"), cleaner=plan.clean_service_ids
)
PLAN_NOTES = Field("notes", "plan_notes", N_("Notes to the plan"), cleaner=plan.clean_notes)
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
            "partner_offer",
            "/api/partner-offers",
            "forms/partner_offer.html",
            "P",
            N_("Offer to provide services"),
            (
                Field(
                    "organisation",
                    "text",
                    N_("Organisation"),
                    True,
                    200,
                    required_message=N_("Enter the name of the organisation"),
                ),
                Field(
                    "kind",
                    "choice",
                    N_("Kind of organisation"),
                    True,
                    30,
                    choices=ORGANISATION_KINDS,
                    required_message=N_("Select the kind of organisation"),
                ),
                Field("nip", "nip", N_("NIP"), max_length=20),
                Field("krs", "krs", N_("KRS number"), max_length=20),
                Field("need", "text", N_("Needed service"), max_length=150),
                Field(
                    "offer",
                    "multiline",
                    N_("Offer"),
                    True,
                    4000,
                    required_message=N_("Describe the services you can provide"),
                ),
                Field("capacity", "text", N_("How many people"), max_length=200),
                Field("area", "text", N_("Where"), max_length=200),
                Field(
                    "name",
                    "text",
                    N_("Contact person"),
                    True,
                    120,
                    required_message=N_("Enter the full name of the contact person"),
                ),
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
