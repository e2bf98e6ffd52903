"""Other people's HSDS objects as the importer reads them: what kind each one is, and which of
its values were used, so every value that was not imported can be listed per record."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

# Keys that only one kind of HSDS object has (HSDS 3.0 schemas), to tell the kinds apart.
KIND_KEYS: dict[str, set[str]] = {
    "service_at_location": {"service", "location"},
    "service": {
        "status", "eligibility_description", "application_process", "service_at_locations",
        "cost_options", "fees_description", "minimum_age", "maximum_age", "assured_date",
        "organization", "organization_id", "interpretation_services", "service_areas",
    },
    "organization": {
        "services", "website", "legal_status", "year_incorporated", "tax_status", "logo",
        "organization_identifiers", "parent_organization_id", "locations", "programs",
    },
    "location": {"location_type", "latitude", "longitude", "addresses", "transportation"},
    "taxonomy_term": {"code", "term_uri", "taxonomy_id", "taxonomy_detail", "parent_id"},
    "taxonomy": {"version", "uri"},
}  # fmt: skip
Path = tuple[str | int, ...]


def object_kind(item: Mapping[str, Any]) -> str:
    """``service``, ``organization``, ``service_at_location``, ``location``, ``taxonomy_term``
    or ``taxonomy``; an object with none of their own keys is read as a service."""
    keys = set(item)
    if KIND_KEYS["service_at_location"] <= keys:
        return "service_at_location"
    for kind in ("service", "organization", "location", "taxonomy_term", "taxonomy"):
        if keys & KIND_KEYS[kind]:
            return kind
    return "service"


def path_text(path: Path) -> str:
    """``cost_options[0].currency``: a value's place in the object, as people read it."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class Source:
    """One object of the file read for one record: hands out values and remembers their use."""

    def __init__(self, data: Mapping[str, Any], path: Path = (), root: Source | None = None):
        self.data = data
        self.path = path
        self.root = root or self
        if root is None:
            self.used: set[Path] = set()

    def _mark(self, key: str | int) -> None:
        self.root.used.add((*self.path, key))

    def value(self, key: str) -> Any:
        """A plain value (text, number, true/false), marked as imported; None when absent."""
        found = self.data.get(key)
        if found in (None, "") or isinstance(found, Mapping | list):
            return None
        self._mark(key)
        return found

    def text(self, key: str) -> str | None:
        """A non-empty text value, marked as imported."""
        found = self.data.get(key)
        if not isinstance(found, str) or not found.strip():
            return None
        self._mark(key)
        return found

    def peek(self, key: str) -> Any:
        """A value without marking it (to decide whether it can be imported)."""
        return self.data.get(key)

    def child(self, key: str) -> Source | None:
        """A nested object."""
        found = self.data.get(key)
        return Source(found, (*self.path, key), self.root) if isinstance(found, Mapping) else None

    def children(self, key: str) -> list[Source]:
        """The objects of a nested list."""
        found = self.data.get(key)
        return [
            Source(item, (*self.path, key, index), self.root)
            for index, item in enumerate(found if isinstance(found, list) else [])
            if isinstance(item, Mapping)
        ]

    def use(self, *keys: str) -> None:
        """Mark values as imported (or as carrying nothing a record could hold)."""
        for key in keys:
            if key in self.data:
                self._mark(key)

    def leftovers(self) -> list[tuple[str, Any]]:
        """Every plain value of the object that was not imported, with its place."""
        return [
            (path_text(path), value)
            for path, value in _leaves(self.data, (), ())
            if not any(path[:end] in self.used for end in range(1, len(path) + 1))
        ]


def _leaves(value: Any, path: Path, ids: tuple[Any, ...]) -> Iterator[tuple[Path, Any]]:
    """Plain values with their paths, less ids and references back to an enclosing object."""
    if isinstance(value, Mapping):
        inner = (*ids, value.get("id"))
        for key, item in value.items():
            structural = key == "id" or (key.endswith("_id") and item in inner)
            if not structural:
                yield from _leaves(item, (*path, key), inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index), ids)
    elif value not in (None, ""):
        yield path, value
