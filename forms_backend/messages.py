"""E-mails to the centre, built with the standard library so no field can add a header."""

from __future__ import annotations

import json
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate

from babel import Locale

from cus_catalogue.i18n import babel_locale
from forms_backend import plan
from forms_backend.config import Config
from forms_backend.forms import FORMS, N_
from forms_backend.i18n import gettext as _
from forms_backend.i18n import ngettext

ORGANISATION_KIND_LABELS = {
    "ngo": N_("Non-governmental organisation"),
    "social-cooperative": N_("Social cooperative"),
    "private": N_("Company"),
    "public": N_("Public institution"),
}
# Forms whose answers an editor feeds to a command: `katalog apply-proposal REFERENCE.json`.
ATTACH_AS_JSON = frozenset({"partner_offer"})
CONTACT_TIME_LABELS = {
    "anytime": N_("Any time"),
    "morning": N_("Morning (8:00–12:00)"),
    "afternoon": N_("Afternoon (12:00–16:00)"),
}
PLAN_TITLE = N_("Request for contact about a plan of services")
PLAN_FIELDS = frozenset({"services", "notes"})


def message_id(reference: str, mail_from: str) -> str:
    """A Message-ID derived only from the reference, identical on every retry."""
    domain = mail_from.rpartition("@")[2] or "localhost"
    return f"<{reference}@{domain}>"


def _one_line(text: str) -> str:
    """Collapse any whitespace, so catalogue text can go into a header safely."""
    return " ".join(str(text).split())


def _display(name: str, value: object) -> str:
    """How a cleaned value reads for the centre's staff."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if name == "contact_time":
        return _(CONTACT_TIME_LABELS.get(str(value), str(value)))
    if name == "kind":
        return _(ORGANISATION_KIND_LABELS.get(str(value), str(value)))
    if name == "rating":
        return f"{value}/5"
    return str(value)


def title(form: str, payload: dict) -> str:
    """What the centre receives: a request about one service, or about a resident's plan."""
    return _(PLAN_TITLE) if "services" in payload else _(FORMS[form].title)


def body_text(form: str, reference: str, payload: dict) -> str:
    """The plain-text body: one labelled line per field, longer texts indented; then the plan."""
    spec = FORMS[form]
    values: dict = payload.get("values", {})
    lines = [title(form, payload), _("Reference") + f": {reference}", ""]
    if code := payload.get("language"):  # the resident wrote from a page in another language
        name = Locale.parse(babel_locale()).languages.get(code, code)
        lines[-1:-1] = [_("Language of the form page") + f": {name}"]
    names = {"service": payload.get("service_name"), "provider": payload.get("provider_name")}
    for field in spec.fields:
        if field.name not in values or field.kind in {"honeypot", "token"}:
            continue
        if field.name in PLAN_FIELDS:
            continue
        shown = _display(field.name, values[field.name])
        if names.get(field.name):
            shown = f"{names[field.name]} ({shown})"
        if "\n" in shown:
            indented = "\n".join("    " + line for line in shown.split("\n"))
            lines.append(f"{_(field.label)}:\n{indented}")
        else:
            lines.append(f"{_(field.label)}: {shown}")
    if "services" in payload:
        lines += ["", *plan.email_lines(payload["services"], values.get("notes") or {})]
    lines += ["", _("This message was sent by the catalogue's form. Do not forward it.")]
    return "\n".join(lines) + "\n"


def build_email(
    config: Config, form: str, reference: str, created_at: float, payload: dict
) -> EmailMessage:
    """The message for one submission, or for an alert about a dead letter."""
    message = EmailMessage(policy=SMTP)
    message["From"] = config.mail_from
    message["Message-ID"] = message_id(reference, config.mail_from)
    message["Date"] = formatdate(created_at, localtime=True)
    if form == "alert":
        message["To"] = config.alert_recipient
        message["Subject"] = _one_line(f"[{reference}] " + _("Delivery failed"))
        message.set_content(alert_text(payload))
        return message
    message["To"] = payload.get("recipient") or config.recipient(form)
    subject = f"[{reference}] {title(form, payload)}"
    if payload.get("service_name"):
        subject += f" – {payload['service_name']}"
    elif "services" in payload:
        count = len(payload["services"])
        subject += " – " + ngettext("%(num)d service", "%(num)d services", count) % {"num": count}
    message["Subject"] = _one_line(subject)
    email = payload.get("values", {}).get("email")
    if email:
        message["Reply-To"] = email
    message["X-Forms-Reference"] = reference
    message.set_content(body_text(form, reference, payload))
    if form in ATTACH_AS_JSON:
        answers = webhook_body(form, reference, created_at, payload)
        data = json.dumps(answers, ensure_ascii=False, indent=2).encode("utf-8")
        message.add_attachment(data, "application", "json", filename=f"{reference}.json")
    return message


def alert_text(payload: dict) -> str:
    """An alert names the reference, never the content of the submission."""
    return (
        _("A submission could not be delivered after every attempt.")
        + "\n\n"
        + _("Reference")
        + f": {payload.get('reference')}\n"
        + _("Channel")
        + f": {payload.get('channel')}\n"
        + _("Attempts")
        + f": {payload.get('attempts')}\n"
        + _("Last error")
        + f": {payload.get('error')}\n\n"
        + _("Fix the cause, then run: python -m forms_backend requeue-dead")
        + "\n"
    )


def webhook_body(form: str, reference: str, created_at: float, payload: dict) -> dict:
    """The JSON posted to a webhook: the same facts as the e-mail, machine-readable."""
    return {
        "reference": reference,
        "form": form,
        "submitted_at": formatdate(created_at, usegmt=True),
        "service_name": payload.get("service_name"),
        "provider_name": payload.get("provider_name"),
        "services": payload.get("services"),
        "values": payload.get("values", {}),
    }
