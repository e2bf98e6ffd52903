"""Why a submission was not taken: a status, a stable code for programs, a message for people."""

from __future__ import annotations

import json
from dataclasses import dataclass

from starlette.requests import Request

from forms_backend.forms import N_
from forms_backend.i18n import gettext as _

MESSAGES = {
    # A body no page of the catalogue sends: the resident can only try the page again.
    "unreadable": N_("The form could not be read. Send it again from the page of the catalogue."),
    "foreign_origin": N_("Send the form from the page of the catalogue"),
    "rate_limited": N_(
        "Many forms were sent from here in a short time. Copy your message, wait a minute "
        "and send the form again."
    ),
    "outbox_unavailable": N_(
        "The form could not be saved. Copy your message so that you do not lose it, and "
        "send the form again in a few minutes."
    ),
    "idempotency_conflict": N_(
        "This form was already sent with other answers. Reload the page and send it again."
    ),
}


@dataclass
class Refusal(Exception):
    """A submission refused before it was stored."""

    status: int
    code: str
    retry_after: int | None = None

    @property
    def message(self) -> str:
        """What the resident reads, in Polish."""
        return _(MESSAGES["unreadable" if self.code.startswith("unreadable") else self.code])

    @property
    def headers(self) -> dict[str, str] | None:
        """``Retry-After`` when waiting helps."""
        return {"Retry-After": str(self.retry_after)} if self.retry_after else None


FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def content_kind(request: Request) -> str:
    """``form`` or ``json``; anything else is refused."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in FORM_CONTENT_TYPES:
        return "form"
    if content_type == "application/json":
        return "json"
    raise Refusal(415, "unreadable_content_type")


async def read_body(request: Request, is_form: bool) -> dict[str, object]:
    """Parse a JSON object or a form post into a flat mapping of raw values."""
    if is_form:
        try:
            form = await request.form(max_files=0, max_fields=100)
        except Exception as error:  # malformed multipart bodies raise several kinds
            raise Refusal(400, "unreadable_form") from error
        return {key: form.get(key) for key in form}
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise Refusal(400, "unreadable_json") from error
    if not isinstance(data, dict):
        raise Refusal(422, "unreadable_not_an_object")
    return data
