"""HTTP endpoints: submissions (JSON or form posts), confirmation, health and OpenAPI."""

from __future__ import annotations

import asyncio
import json
import math
import re
from collections.abc import Awaitable, Callable
from typing import cast

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from cus_catalogue.i18n import current_language, use_language
from forms_backend import plan, store
from forms_backend.backend import Backend
from forms_backend.database import OutboxError
from forms_backend.forms import FORM_ERROR, FORMS, FormSpec
from forms_backend.guards import origin_allowed
from forms_backend.i18n import gettext as _
from forms_backend.logs import get_logger
from forms_backend.openapi import openapi_document
from forms_backend.refusals import Refusal, content_kind, read_body
from forms_backend.rendering import kept_values, page_language
from forms_backend.validation import validate

log = get_logger("forms_backend")
BY_PREFIX = {spec.prefix: spec for spec in FORMS.values()}
REFERENCE_RE = re.compile(rf"^[{''.join(sorted(BY_PREFIX))}]-[0-9A-Z]{{4}}-[0-9A-Z]{{4}}$")


def _errors(
    status: int, code: str, errors: dict[str, str], headers: dict | None = None
) -> Response:
    """The JSON error body: one Polish message per field, and a code for the programmer."""
    return JSONResponse({"errors": errors, "code": code}, status_code=status, headers=headers)


def submission_endpoint(spec: FormSpec) -> Callable[[Request], Awaitable[Response]]:
    """The POST handler of one form: a form post is always answered with a page, in the
    language of the page it was sent from (``?lang=uk`` in the form's address)."""

    async def endpoint(request: Request) -> Response:
        with use_language(page_language(request.query_params.get("lang"))):
            return await _answer(request, spec)

    endpoint.__name__ = f"submit_{spec.key}"
    return endpoint


async def _answer(request: Request, spec: FormSpec) -> Response:
    """Accept the submission, or say why not."""
    backend: Backend = request.app.state.backend
    raw: dict[str, object] = {}
    is_form = False
    try:
        is_form = content_kind(request) == "form"
        if not origin_allowed(request, backend.config.allowed_origins):
            raise Refusal(403, "foreign_origin")
        raw = await read_body(request, is_form)
        wait = backend.limiter.allow(backend.client_address(request))
        if wait:
            raise Refusal(429, "rate_limited", retry_after=math.ceil(wait))
        return await _accept(request, backend, spec, raw, is_form)
    except Refusal as refusal:
        if is_form:
            errors = {FORM_ERROR: refusal.message}
            values = kept_values(raw)
            return _page(backend, spec, errors, values, refusal.status, refusal.headers)
        message = {FORM_ERROR: refusal.message}
        return _errors(refusal.status, refusal.code, message, refusal.headers)


async def _accept(
    request: Request, backend: Backend, spec: FormSpec, raw: dict[str, object], is_form: bool
) -> Response:
    """Validate, then commit to the outbox; answer only once the submission is durable."""
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
        return _errors(422, "invalid_fields", errors)
    key = values.pop("idempotency_key", None)
    payload: dict[str, object] = {
        "values": values,
        "service_name": _name(catalogue.services, values.get("service")),
        "provider_name": _name(catalogue.providers, values.get("provider")),
    }
    if (language := current_language()) != "pl":
        payload["language"] = language  # the centre's e-mail says which one the resident used
    if (service := catalogue.services.get(str(values.get("service")))) and service.recipient:
        payload["recipient"] = service.recipient  # the service's own centre (regional site)
    if "services" in values:
        ids = cast("list[str]", values["services"])  # validate() checked the plan's ids
        payload["services"] = plan.listed_services(ids, catalogue)
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
    except (OutboxError, OSError, RuntimeError) as error:
        backend.last_write = "failed"
        # One line per refusal: during a database restart a traceback per request buried the log.
        log.warning("outbox write failed for the %s form: %r", spec.key, error)
        raise Refusal(503, "outbox_unavailable", retry_after=30) from error
    backend.last_write = "ok"
    if result.outcome is store.Outcome.CONFLICT:
        raise Refusal(409, "idempotency_conflict")
    log.info("%s %s %s", result.outcome.value, spec.key, result.reference)
    if is_form:
        root = request.scope.get("root_path", "")
        query = f"?lang={language}" if language != "pl" else ""
        return RedirectResponse(
            f"{root}/api/confirmation/{result.reference}{query}", status_code=303
        )
    return JSONResponse({"reference": result.reference}, status_code=201)


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
    with use_language(page_language(request.query_params.get("lang"))):
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
