"""The fast schema check (jsonschema-rs; valid records skip jsonschema) agrees with jsonschema.

A record the fast check calls valid gets no schema problem at all, so a disagreement
would hide a malformed record: every example record, mutated at random, is judged by both.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cus_catalogue.records import FOLDERS, read_record
from cus_catalogue.validation import _validator, _verdict

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    (kind, path)
    for kind, folder in FOLDERS.items()
    for path in sorted((ROOT / "content" / folder).glob("*.yaml"))
]
CENTRE = {
    "name": "Centrum Usług Społecznych w Przykładowie",
    "website": "https://cus.example.org/",
    "email": "biuro@example.org",
    "phone": "+48 91 000 00 00",
}
# Values near the rules of the schemas: hours, dates, codes, ids, line breaks, odd numbers.
TEXTS = st.sampled_from(
    [
        "",
        "a",
        "ab",
        "08:00",
        "24:00",
        "24:01",
        "8:00",
        "2026-05-31",
        "2026-05-31T10:00",
        "72-100",
        "72100",
        "PL",
        "DE",
        "pl",
        "uk",
        "x" * 201,
        "zlota-raczka",
        "Zlota",
        "id\n",
        "jedna\nlinia",
        "a\u2028b",
        "https://example.org",
        "https://ex ample.org",
        "https://example.org/\ufeff",
        "biuro@example.org",
        "+48 91 000 00 00",
        "free",
        "partial",
        "paid",
        "pn",
        "wt",
        "active",
        "regulamin",
        "opiekun/regulamin.pdf",
        "/zostan-realizatorem/",
        "/bez-ukosnika",
    ]
) | st.text(max_size=12)
SCALARS = (
    TEXTS
    | st.integers(-200, 200)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([1.0, 90.5, -180.0, True, False, None])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
    max_leaves=6,
)


def nodes(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every node path of a record's data (its keys and list positions)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += nodes(value, (*path, index))
    return found


def holder_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, Any]:
    """An example record (or centre) with a few nodes replaced, removed, added or copied."""
    kind, path = draw(st.sampled_from([*EXAMPLES, ("centre", None)]))
    data = copy.deepcopy(read_record(path, kind).data if path else CENTRE)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(nodes(data)))
        action = draw(st.sampled_from(["replace", "remove", "add", "duplicate"]))
        if not where:
            if action == "add":
                data[draw(TEXTS)] = draw(VALUES)
            continue
        holder = holder_of(data, where)
        if action == "replace":
            holder[where[-1]] = draw(VALUES)
        elif action == "remove":
            del holder[where[-1]]
        elif action == "add" and isinstance(holder, dict):
            holder[draw(TEXTS)] = draw(VALUES)
        elif isinstance(holder, list):  # an item twice (uniqueItems)
            holder.append(copy.deepcopy(holder[where[-1]]))
    return kind, data


@pytest.mark.parametrize(("kind", "path"), EXAMPLES, ids=lambda item: getattr(item, "name", item))
def test_example_records_are_valid_for_both(kind: str, path: Path) -> None:
    data = read_record(path, kind).data
    assert _verdict(kind)(data) is True
    assert not list(_validator(kind).iter_errors(data))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_compiled_verdict_is_jsonschemas(case: tuple[str, Any]) -> None:
    """Valid for the fast check exactly when jsonschema (with ECMA patterns) finds no error."""
    kind, data = case
    errors = list(_validator(kind).iter_errors(data))
    assert _verdict(kind)(data) is (not errors), [error.message for error in errors]
