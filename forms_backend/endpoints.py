"""HTTP endpoints: submissions (JSON or form posts), confirmation, health and OpenAPI."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import re
import sqlite3
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from forms_backend import store
from forms_backend.backend import Backend
from forms_backend.forms import FORM_ERROR, FORMS, FormSpec
from forms_backend.guards import origin_allowed
from forms_backend.i18n import gettext as _
from forms_backend.openapi import openapi_document
from forms_backend.rendering import kept_values
from forms_backend.validation import validate

log = logging.getLogger("forms_backend")
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
REFERENCE_RE = re.compile(r"^[WZBEO]-[0-9A-Z]{4}-[0-9A-Z]{4}$")
BY_PREFIX = {spec.prefix: spec for spec in FORMS.values()}


class BadRequest(Exception):
    """A body that cannot be read at all; carries the HTTP status and a Polish message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _errors(status: int, errors: dict[str, str], headers: dict | None = None) -> JSONResponse:
    """The JSON error body: one Polish message per field."""
    return JSONResponse({"errors": errors}, status_code=status, headers=headers)


async def _read(request: Request, is_form: bool) -> dict[str, object]:
    """Parse a JSON object or a form post into a flat mapping of raw values."""
    if is_form:
        try:
            form = await request.form(max_files=0, max_fields=100)
        except Exception as error:  # malformed multipart bodies raise several kinds
            raise BadRequest(400, _("The form could not be read. Send it again.")) from error
        return {key: form.get(key) for key in form}
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise BadRequest(400, _("The request body must be a JSON object")) from error
    if not isinstance(data, dict):
        raise BadRequest(422, _("The request body must be a JSON object"))
    return data


def submission_endpoint(spec: FormSpec) -> Callable[[Request], Awaitable[Response]]:
    """The POST handler of one form."""

    async def endpoint(request: Request) -> Response:
        backend: Backend = request.app.state.backend
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        is_form = content_type in FORM_TYPES
        if not is_form and content_type != "application/json":
            return _errors(415, {FORM_ERROR: _("Send the form as JSON or as a web form")})
        if not origin_allowed(request, backend.config.allowed_origins):
            message = _("Send the form from the page of the catalogue")
            if is_form:
                return _page(backend, spec, {FORM_ERROR: message}, {}, 403)
            return _errors(403, {FORM_ERROR: message})
        wait = backend.limiter.allow(backend.client_address(request))
        if wait:
            message = _("You have sent many forms in a short time. Wait a minute and try again.")
            headers = {"Retry-After": str(math.ceil(wait))}
            if is_form:
                return _page(backend, spec, {FORM_ERROR: message}, {}, 429, headers)
            return _errors(429, {FORM_ERROR: message}, headers)
        try:
            raw = await _read(request, is_form)
        except BadRequest as error:
            return _errors(error.status, {FORM_ERROR: str(error)})
        header_key = request.headers.get("idempotency-key")
        if header_key and not raw.get("idempotency_key"):
            raw["idempotency_key"] = header_key
        catalogue = await asyncio.to_thread(backend.catalogue.snapshot)
        values, errors = validate(
            spec, raw, catalogue, require_apply_online=backend.config.require_apply_online
        )
        if errors:
            if is_form:
                return _page(backend, spec, errors, kept_values(raw), 422)
            return _errors(422, errors)
        key = values.pop("idempotency_key", None)
        payload = {
            "values": values,
            "service_name": _name(catalogue.services, values.get("service")),
            "provider_name": _name(catalogue.providers, values.get("provider")),
        }
        answers = json.dumps(values, sort_keys=True, ensure_ascii=False)
        item = store.NewSubmission(
            form=spec.key,
            prefix=spec.prefix,
            idem=backend.sealer.digest(spec.key, str(key)) if key else None,
            payload=backend.sealer.seal(payload),
            fingerprint=backend.sealer.digest(spec.key, answers),
        )
        try:
            result = await backend.committer.submit(item)
        except (sqlite3.Error, OSError, RuntimeError):
            backend.last_write = "failed"
            log.exception("outbox write failed for a %s submission", spec.key)
            message = _("The form could not be saved. Try again in a few minutes.")
            return _errors(503, {FORM_ERROR: message}, {"Retry-After": "30"})
        backend.last_write = "ok"
        if result.outcome is store.Outcome.CONFLICT:
            message = _(
                "This form was already sent with other answers. Reload the page and send it again."
            )
            if is_form:
                return _page(backend, spec, {FORM_ERROR: message}, kept_values(raw), 409)
            return _errors(409, {FORM_ERROR: message})
        reference = result.reference
        log.info("%s %s %s", result.outcome.value, spec.key, reference)
        if is_form:
            root = request.scope.get("root_path", "")
            return RedirectResponse(f"{root}/api/confirmation/{reference}", status_code=303)
        return JSONResponse({"reference": reference}, status_code=201)

    endpoint.__name__ = f"submit_{spec.key}"
    return endpoint


def _name(entries: dict, key: object) -> str | None:
    """The display name of a service or provider id, for the centre's message."""
    entry = entries.get(key) if isinstance(key, str) else None
    return entry.name if entry is not None else None


def _page(
    backend: Backend,
    spec: FormSpec,
    errors: dict[str, str],
    values: dict[str, str],
    status: int,
    headers: dict | None = None,
) -> Response:
    """The form page again, with the error summary and what the resident typed."""
    html = backend.pages.render(
        spec.template, backend.catalogue.snapshot(), errors=errors, values=values
    )
    return HTMLResponse(html, status_code=status, headers=headers)


async def confirmation(request: Request) -> Response:
    """The thank-you page with the reference, for browsers that posted without JavaScript."""
    backend: Backend = request.app.state.backend
    reference = request.path_params["reference"]
    if not REFERENCE_RE.match(reference):
        return HTMLResponse(_("Page not found"), status_code=404)
    spec = BY_PREFIX[reference[0]]
    html = backend.pages.render(
        "forms/confirmation.html",
        backend.catalogue.snapshot(),
        reference=reference,
        form=spec.key,
    )
    return HTMLResponse(html)


async def openapi(request: Request) -> Response:
    """The API description."""
    return JSONResponse(openapi_document())
