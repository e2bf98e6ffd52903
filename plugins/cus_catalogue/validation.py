"""Record checks: the JSON Schema first, then what a schema cannot say (links, dates, hours)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema_rs
import regress
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .i18n import N_
from .problems import TYPE_NAMES, Problem
from .records import NodePath, Record, RecordKind

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_FILES: dict[RecordKind, str] = {
    "service": "service.schema.json",
    "provider": "provider.schema.json",
    "package": "package.schema.json",
    "news": "news.schema.json",
    "centre": "centre.schema.json",
}
PATTERN_HINTS: dict[str, str] = {
    "provider": N_("lowercase letters a-z, digits and hyphens"),
    "audiences": N_("lowercase letters a-z, digits and hyphens"),
    "areas": N_("lowercase letters a-z, digits and hyphens"),
    "from": N_("hour as HH:MM, e.g. 08:00"),
    "to": N_("hour as HH:MM, e.g. 16:00"),
    "last_verified": N_("date as YYYY-MM-DD, e.g. 2026-05-31"),
    "postal_code": N_("postal code as NN-NNN, e.g. 72-100"),
    "phone": N_("phone number, e.g. +48 91 000 00 00"),
    "email": N_("e-mail address, e.g. biuro@example.org"),
    "website": N_("web address starting with https://"),
    "maintainers": N_("account name: letters, digits and hyphens"),
    "languages": N_("two-letter language code (ISO 639-1) in lowercase, e.g. uk"),
    "services": N_("lowercase letters a-z, digits and hyphens"),
    "date": N_("date as YYYY-MM-DD, e.g. 2026-05-31"),
    "deadline": N_("date as YYYY-MM-DD, e.g. 2026-05-31"),
    "start": N_("date as YYYY-MM-DD or date and hour as YYYY-MM-DDTHH:MM"),
    "end": N_("date as YYYY-MM-DD or date and hour as YYYY-MM-DDTHH:MM"),
    "file": N_(
        "path inside content/documents: letters a-z, digits, hyphens, e.g. opiekun/regulamin.pdf"
    ),
    "form": N_("address of a form of the catalogue, e.g. /zostan-realizatorem/"),
}


@functools.cache
def schema(kind: RecordKind) -> dict[str, Any]:
    """The JSON Schema of a record kind, as shipped with the plugin."""
    return json.loads((SCHEMA_DIR / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))


@functools.cache
def _ecma_regex(pattern: str) -> regress.Regex:
    return regress.Regex(pattern)


def _ecma_pattern(
    validator: Any, pattern: str, instance: Any, _schema: Any
) -> Iterator[ValidationError]:
    """``pattern`` as JSON Schema and editors read it (ECMA 262): ``$`` ends the text.

    Python's ``re`` lets ``$`` match before a final line break, so "id\\n" would pass.
    """
    if validator.is_type(instance, "string") and _ecma_regex(pattern).find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


RecordValidator = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})


def one_line_pattern() -> str:
    """The pattern of one-line text fields (``$defs/line``): no line breaks at all."""
    return schema("service")["$defs"]["line"]["pattern"]


@functools.cache
def _validator(kind: RecordKind) -> Any:
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema(k))) for k, name in SCHEMA_FILES.items()
    )
    # Crawled once here: an uncrawled registry crawls every schema again on each $ref lookup
    # (about 58 ms per record, 1.6 CPU hours for 100,000 services).
    registry = registry.crawl()
    return RecordValidator(schema(kind), registry=registry)


@functools.cache
def _verdict(kind: RecordKind) -> Callable[[Any], bool]:
    """A fast yes/no for the kind's schema, so a valid record skips jsonschema's walk.

    jsonschema-rs judges a record in about 12 µs, jsonschema in about 1 ms; jsonschema still
    reports the problems of an invalid record, so every message stays the same.
    """
    registry = jsonschema_rs.Registry(
        [(schema(other)["$id"], schema(other)) for other in SCHEMA_FILES]
    )
    return jsonschema_rs.Draft202012Validator(
        schema(kind), registry=registry, validate_formats=False
    ).is_valid


def field_name(path: Iterable[str | int]) -> str:
    """``hours[0].from``: a node path in the form people read in messages."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _schema_problems(record: Record, error: ValidationError) -> Iterator[Problem]:
    path: NodePath = tuple(error.absolute_path)
    where: dict[str, Any] = {
        "file": record.path,
        "line": record.line_of(*path),
        "field": field_name(path),
    }
    # The stubs allow "unset" for errors made by hand; iter_errors() always sets them.
    keyword = str(error.validator)
    value: Any = error.validator_value
    instance: Any = error.instance
    schema: Any = error.schema
    if keyword == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        for name in sorted(set(instance) - set(allowed)):
            yield Problem(
                "unknown-field",
                record.path,
                record.line_of(*path, name),
                field_name((*path, name)),
                {"name": name, "allowed": ", ".join(allowed)},
            )
    elif keyword in ("required", "dependentRequired"):
        names = value if keyword == "required" else [n for deps in value.values() for n in deps]
        for name in dict.fromkeys(names):
            if name not in instance:
                code = "translation-without-name" if path[:1] == ("translations",) else "required"
                params = {"language": path[-1]} if code != "required" else {}
                field = field_name((*path, name))
                yield Problem(code, record.path, where["line"], field, params)
    elif keyword == "type":
        expected = value if isinstance(value, str) else value[0]
        yield Problem("wrong-type", **where, params={"expected": TYPE_NAMES[expected]})
    elif keyword == "enum":
        choices = ", ".join(str(item) for item in value)
        yield Problem("not-in-enum", **where, params={"value": instance, "allowed": choices})
    elif keyword == "oneOf" and isinstance(instance, list) and error.context:
        # The list-of-addresses branch: report what is wrong inside it, not only "invalid".
        for inner in error.context:
            if inner.relative_schema_path and inner.relative_schema_path[0] == 1:
                yield from _schema_problems(record, inner)
    elif keyword == "pattern" and value == one_line_pattern():
        yield Problem("line-break", **where)
    elif keyword == "pattern":
        named = [part for part in path if isinstance(part, str)]
        hint = PATTERN_HINTS.get(named[-1] if named else "", "")
        yield Problem("bad-pattern", **where, params={"value": instance, "hint": hint})
    else:
        yield _simple_problem(keyword, value, instance, where)


def _simple_problem(keyword: str, value: Any, instance: Any, where: dict[str, Any]) -> Problem:
    if keyword == "minLength":
        return Problem("too-short", **where, params={"limit": value})
    if keyword == "maxLength":
        return Problem("too-long", **where, params={"limit": value, "length": len(instance)})
    if keyword == "minItems":
        return Problem("too-few-items", **where, params={"limit": value})
    if keyword == "uniqueItems":
        return Problem("duplicate-items", **where)
    if keyword == "minimum":
        return Problem("too-small", **where, params={"limit": value})
    if keyword == "maximum":
        return Problem("too-large", **where, params={"limit": value})
    if keyword == "oneOf":
        return Problem("bad-place", **where)
    if keyword == "minProperties":
        return Problem("empty-object", **where)
    return Problem("invalid", **where)


def check_schema(record: Record) -> list[Problem]:
    """Every schema violation of a record, each at its own line."""
    if _verdict(record.kind)(record.data):
        return []  # valid: jsonschema's walk would find nothing
    problems: list[Problem] = []
    for error in _validator(record.kind).iter_errors(record.data):
        problems.extend(_schema_problems(record, error))
    return problems


def _parse_date(record: Record, key: str, today: dt.date) -> tuple[dt.date | None, list[Problem]]:
    value = record.data.get(key)
    if not isinstance(value, str):
        return None, []
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None, [Problem("bad-date", record.path, record.line_of(key), key, {"value": value})]
    if day > today:
        return day, [
            Problem("future-date", record.path, record.line_of(key), key, {"value": value})
        ]
    return day, []


def check_freshness(record: Record, today: dt.date, stale_months: int) -> list[Problem]:
    """last_verified must be a real past date; older than ``stale_months`` is a warning."""
    day, problems = _parse_date(record, "last_verified", today)
    if day is not None and not problems:
        months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
        if months >= stale_months:
            params = {"months": months, "value": day.isoformat()}
            where = (record.path, record.line_of("last_verified"), "last_verified")
            problems.append(Problem("stale", *where, params, severity="warning"))
    return problems


def check_hours(record: Record, key: str = "hours") -> list[Problem]:
    """A slot must not close when it opens; a closing time earlier than the opening one ends
    the next morning (a night shelter 18:00–08:00)."""
    problems = []
    hours = record.data.get(key)
    for index, slot in enumerate(hours if isinstance(hours, list) else []):
        if not isinstance(slot, Mapping):
            continue
        start, end = slot.get("from"), slot.get("to")
        if isinstance(start, str) and isinstance(end, str) and start.zfill(5) == end.zfill(5):
            path = (key, index, "from")
            params = {"start": start, "end": end}
            problems.append(
                Problem("hours-order", record.path, record.line_of(*path), field_name(path), params)
            )
    if record.kind == "service" and hours == [] and not record.data.get("hours_note"):
        problems.append(Problem("hours-empty", record.path, record.line_of(key), key))
    return problems


def check_service_links(
    record: Record,
    providers: Mapping[str, Any],
    audiences: Mapping[str, Any],
    areas: Mapping[str, Any],
) -> list[Problem]:
    """A service must name an existing provider and ids from the vocabularies."""
    data, problems = record.data, []
    provider = data.get("provider")
    if isinstance(provider, str) and provider not in providers:
        problems.append(
            Problem(
                "unknown-provider",
                record.path,
                record.line_of("provider"),
                "provider",
                {"value": provider},
            )
        )
    problems += check_ids(record, "audiences", audiences, "unknown-audience")
    problems += check_ids(record, "areas", areas, "unknown-area")
    return problems


def check_ids(
    record: Record, key: str, known: Mapping[str, Any], code: str, template: str = ""
) -> list[Problem]:
    """Every item of the list ``key`` that is not an id of ``known``, at its own line."""
    values = record.data.get(key)
    return [
        Problem(
            code,
            record.path,
            record.line_of(key, index),
            field_name((key, index)),
            {"value": value, "allowed": ", ".join(known)},
            template=template,
        )
        for index, value in enumerate(values if isinstance(values, list) else [])
        if isinstance(value, str) and value not in known
    ]


def check_fee_and_age(record: Record) -> list[Problem]:
    """Paid services state their price; free ones do not; ages are in order."""
    problems = []
    fee = record.data.get("fee")
    if isinstance(fee, Mapping):
        kind, has_amount = fee.get("kind"), "amount" in fee
        if kind in ("paid", "partial") and not has_amount:
            problems.append(
                Problem(
                    "fee-amount-missing", record.path, record.line_of("fee", "kind"), "fee.amount"
                )
            )
        if kind == "free" and has_amount:
            problems.append(
                Problem(
                    "fee-amount-for-free",
                    record.path,
                    record.line_of("fee", "amount"),
                    "fee.amount",
                )
            )
    eligibility = record.data.get("eligibility")
    if isinstance(eligibility, Mapping):
        low, high = eligibility.get("age_min"), eligibility.get("age_max")
        if isinstance(low, int) and isinstance(high, int) and low > high:
            where = (record.path, record.line_of("eligibility", "age_min"), "eligibility.age_min")
            problems.append(Problem("age-order", *where, {"age_min": low, "age_max": high}))
    return problems


def check_how_to_start(record: Record) -> list[Problem]:
    """A resident who found an active service must learn how to start using it."""
    data = record.data
    if record.status != "active" or data.get("how_to_apply") or data.get("apply_online") is True:
        return []
    where = ("apply_online",) if "apply_online" in data else ()
    return [
        Problem(
            "no-way-to-start",
            record.path,
            record.line_of(*where),
            "how_to_apply",
            severity="warning",
        )
    ]
