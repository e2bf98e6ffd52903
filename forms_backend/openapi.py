"""The OpenAPI description, generated from the form definitions so it cannot drift."""

from __future__ import annotations

from typing import Any

from forms_backend.fields import Field
from forms_backend.forms import FORMS, FormSpec
from forms_backend.plan import ID_RE, MAX_SERVICES, NOTE_FIELDS

ERRORS = {
    "type": "object",
    "properties": {
        "errors": {"type": "object", "additionalProperties": {"type": "string"}},
        "code": {"type": "string", "description": "What went wrong, for programs (English)."},
    },
    "required": ["errors", "code"],
}


def _json_response(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A response with a JSON body."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _property(field: Field) -> dict[str, Any]:
    """The JSON Schema of one field as the API accepts it."""
    if field.kind == "bool":
        return {"type": "boolean"}
    if field.kind == "rating":
        return {"type": "integer", "minimum": 1, "maximum": 5}
    if field.kind == "service_ids":
        return {
            "type": "array",
            "description": "A resident's plan: active service ids, instead of `service`.",
            "items": {"type": "string", "pattern": ID_RE.pattern},
            "maxItems": MAX_SERVICES,
        }
    if field.kind == "plan_notes":
        note = {
            "type": "object",
            "properties": {
                name: {"type": "string", "maxLength": n} for name, n in NOTE_FIELDS.items()
            },
            "additionalProperties": False,
        }
        return {
            "type": "object",
            "description": "The resident's notes by service id (only ids of `services`).",
            "additionalProperties": note,
        }
    schema: dict[str, Any] = {"type": "string", "maxLength": field.max_length}
    if field.kind == "choice":
        schema["enum"] = list(field.choices)
    elif field.kind == "email":
        schema["format"] = "email"
    elif field.kind == "token":
        schema["pattern"] = "^[A-Za-z0-9_.:-]{8,100}$"
    elif field.kind == "nip":
        schema["description"] = "Polish NIP: 10 digits, the last one their check digit."
    elif field.kind == "krs":
        schema["description"] = "Number in the National Court Register (KRS): up to 10 digits."
    elif field.kind == "honeypot":
        schema["description"] = "Honeypot: must be empty."
    return schema


def _schema(spec: FormSpec) -> dict[str, Any]:
    """The request body of one form."""
    required = [f.name for f in spec.fields if f.required]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _property(f) for f in spec.fields},
        "required": required,
    }
    if spec.field("services"):  # one service, or a resident's plan
        schema["oneOf"] = [{"required": ["service"]}, {"required": ["services"]}]
    return schema


def _operation(spec: FormSpec) -> dict[str, Any]:
    """One POST endpoint: JSON gets JSON answers, a form post gets a redirect or the page."""
    schema = {"$ref": f"#/components/schemas/{spec.key}"}
    return {
        "operationId": f"submit_{spec.key}",
        "summary": spec.title,
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": schema},
                "application/x-www-form-urlencoded": {"schema": schema},
            },
        },
        "parameters": [
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "schema": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{8,100}$"},
            },
        ],
        "responses": {
            "201": _json_response(
                "Committed to the outbox; a repeated idempotency key returns the first reference.",
                {
                    "type": "object",
                    "properties": {"reference": {"type": "string"}},
                    "required": ["reference"],
                },
            ),
            "303": {"description": "Form post accepted: see the confirmation page."},
            "400": _json_response("Malformed request.", ERRORS),
            "403": _json_response("Origin not in FORMS_ALLOWED_ORIGINS.", ERRORS),
            "409": _json_response("Idempotency key reused with other answers.", ERRORS),
            "413": _json_response("Body too large.", ERRORS),
            "415": _json_response("Unsupported content type.", ERRORS),
            "422": _json_response("Invalid input: one Polish message per field.", ERRORS),
            "429": _json_response("Too many submissions from this client.", ERRORS),
            "503": _json_response("The outbox cannot be written; try again.", ERRORS),
        },
    }


def openapi_document() -> dict[str, Any]:
    """The whole document served at ``/openapi.json``."""
    paths: dict[str, Any] = {spec.path: {"post": _operation(spec)} for spec in FORMS.values()}
    paths["/health"] = {
        "get": {
            "operationId": "health",
            "summary": "Liveness and outbox counts",
            "responses": {
                "200": _json_response("The last write succeeded, or none yet.", {"type": "object"}),
                "503": _json_response("The outbox or the last write failed.", {"type": "object"}),
            },
        }
    }
    paths["/api/confirmation/{reference}"] = {
        "get": {
            "operationId": "confirmation",
            "summary": "Confirmation page with the reference, for form posts without JavaScript",
            "parameters": [
                {"name": "reference", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                "200": {"description": "HTML page"},
                "404": {"description": "Not a reference"},
            },
        }
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "CUS catalogue form backend", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": {spec.key: _schema(spec) for spec in FORMS.values()}},
    }
