"""A record schema compiled into one yes/no function, so a valid record skips jsonschema's walk.

jsonschema builds a validator object for every node it visits (about 1 ms a record); most
records are valid, and only an invalid one needs jsonschema's errors. The compiled function
says "valid" exactly when jsonschema (Draft 2020-12, ECMA ``pattern``, no format assertions)
finds no error; where it cannot be sure (a schema keyword it does not know, a list of
objects under ``uniqueItems``) it answers "not sure" and the caller asks jsonschema.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urldefrag, urljoin

import regress

Verdict = Callable[[Any], bool]
# Keywords that only describe (format asserts nothing without a format checker).
ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "format"}
)
TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda value: isinstance(value, str),
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "number": lambda value: isinstance(value, numbers.Number) and not isinstance(value, bool),
    "integer": lambda value: (
        (isinstance(value, int) and not isinstance(value, bool))
        or (isinstance(value, float) and value.is_integer())
    ),
}


class NotSure(Exception):
    """The compiled check cannot decide this value; jsonschema must."""


class Unsupported(Exception):
    """The schema uses something the compiler does not know; that schema is never compiled."""


def _unique(items: list[Any]) -> bool:
    if not all(type(item) is str for item in items):
        raise NotSure
    return len(set(items)) == len(items)


def _pointer(document: Any, fragment: str) -> Any:
    node = document
    for part in fragment.removeprefix("/").split("/") if fragment else []:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


class SchemaCompiler:
    """Compiles schemas that refer to each other by ``$id`` into verdict functions."""

    def __init__(self, documents: list[Mapping[str, Any]]) -> None:
        self.documents = {str(document["$id"]): document for document in documents}
        self.compiled: dict[tuple[str, str], Verdict] = {}

    def document(self, uri: str) -> Verdict:
        """The verdict of the whole schema with this ``$id``."""
        return self._ref(uri, "#")

    def _ref(self, base: str, reference: str) -> Verdict:
        uri, fragment = urldefrag(urljoin(base, reference))
        if uri not in self.documents or (fragment and not fragment.startswith("/")):
            raise Unsupported(reference)
        key = (uri, fragment)
        if key not in self.compiled:
            holder: list[Verdict] = []
            self.compiled[key] = lambda value: holder[0](value)  # a cycle meets this first
            holder.append(self._compile(_pointer(self.documents[uri], fragment), uri))
            self.compiled[key] = holder[0]
        return self.compiled[key]

    def _compile(self, schema: Any, base: str) -> Verdict:
        if schema is True or schema == {}:
            return lambda value: True
        if schema is False:
            return lambda value: False
        checks = [
            self._keyword(name, argument, schema, base)
            for name, argument in schema.items()
            if name not in ANNOTATIONS and name not in ("then", "else")
        ]
        return _all_of([check for check in checks if check is not None])

    def _keyword(self, name: str, argument: Any, schema: Any, base: str) -> Verdict | None:
        simple = _simple(name, argument)
        if simple is not None:
            return simple
        if name == "$ref":
            return self._ref(base, argument)
        if name == "properties":
            return _properties([(key, self._compile(sub, base)) for key, sub in argument.items()])
        if name == "additionalProperties":
            if "patternProperties" in schema:
                raise Unsupported(name)
            known = frozenset(schema.get("properties", {}))
            extra = self._compile(argument, base)
            return lambda value: (
                not isinstance(value, dict)
                or all(extra(item) for key, item in value.items() if key not in known)
            )
        if name == "items" and "prefixItems" not in schema:
            return _items(self._compile(argument, base))
        if name == "oneOf":
            options = [self._compile(sub, base) for sub in argument]
            return lambda value: sum(1 for option in options if option(value)) == 1
        if name == "if":
            condition = self._compile(argument, base)
            then = self._compile(schema.get("then", True), base)
            otherwise = self._compile(schema.get("else", True), base)
            return lambda value: then(value) if condition(value) else otherwise(value)
        raise Unsupported(name)


# The keywords met at most nodes are loops rather than all(...) over a generator: records
# have many small nodes, and the generators cost more than the checks.
def _all_of(checks: list[Verdict]) -> Verdict:
    if len(checks) == 1:
        return checks[0]

    def all_of(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 - a loop: see above
            if not check(value):
                return False
        return True

    return all_of


def _properties(inner: list[tuple[str, Verdict]]) -> Verdict:
    def properties(value: Any) -> bool:
        if isinstance(value, dict):
            for key, check in inner:
                if key in value and not check(value[key]):
                    return False
        return True

    return properties


def _items(each: Verdict) -> Verdict:
    def items(value: Any) -> bool:
        if isinstance(value, list):
            for item in value:
                if not each(item):
                    return False
        return True

    return items


def _simple(name: str, argument: Any) -> Verdict | None:
    """The keywords that look at the value alone, without subschemas."""
    if name == "type":
        if isinstance(argument, str):
            return TYPES[argument]
        tests = [TYPES[kind] for kind in argument]
        return lambda value: any(test(value) for test in tests)
    if name in ("enum", "const"):
        choices = argument if name == "enum" else [argument]
        if not all(isinstance(choice, str) for choice in choices):
            raise Unsupported(name)
        allowed = frozenset(choices)
        return lambda value: isinstance(value, str) and value in allowed
    if name == "pattern":
        regex = regress.Regex(argument)
        return lambda value: not isinstance(value, str) or regex.find(value) is not None
    if name in ("minLength", "maxLength", "minItems", "minProperties"):
        kind = {"minLength": str, "maxLength": str, "minItems": list, "minProperties": dict}[name]
        if name == "maxLength":
            return lambda value: not isinstance(value, kind) or len(value) <= argument
        return lambda value: not isinstance(value, kind) or len(value) >= argument
    if name in ("minimum", "maximum"):
        number = TYPES["number"]
        if name == "minimum":
            return lambda value: not number(value) or not value < argument
        return lambda value: not number(value) or not value > argument
    if name == "uniqueItems":
        return lambda value: not argument or not isinstance(value, list) or _unique(value)
    if name == "required":
        return lambda value: not isinstance(value, dict) or all(key in value for key in argument)
    if name == "dependentRequired":
        return lambda value: (
            not isinstance(value, dict)
            or all(
                needed in value
                for key, needs in argument.items()
                if key in value
                for needed in needs
            )
        )
    return None
