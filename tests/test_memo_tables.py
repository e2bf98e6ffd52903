"""Memo tables of a build without a cache: they keep nothing, so no step needs a special case
for "no cache" and nothing is held for a later build that will never read it."""

from __future__ import annotations

from collections.abc import Callable

from cus_catalogue.incremental.memo import memo_table, shared_table


def counting() -> tuple[list[str], Callable[[], str]]:
    """A step that says each time it runs."""
    calls: list[str] = []

    def compute() -> str:
        calls.append("run")
        return "result"

    return calls, compute


def test_memo_table_without_a_cache_keeps_nothing() -> None:
    """Defect: ``memo_table(None, ...)`` returned a keeping table, so a build without a cache
    held every record's result to the end of the build for nothing."""
    table = memo_table(None, "hsds-services")
    calls, compute = counting()
    assert table.get(("zlota-raczka", 1), compute) == "result"
    assert table.get(("zlota-raczka", 1), compute) == "result"
    assert calls == ["run", "run"]
    assert table.peek(("zlota-raczka", 1)) is None
    assert not table.changed


def test_shared_table_without_a_cache_keeps_results_until_the_build_ends() -> None:
    """Each language renders the same Markdown: the second language takes the first's HTML."""
    table = shared_table(None, "markdown")
    calls, compute = counting()
    assert table.get("**Dla seniorów**", compute) == table.get("**Dla seniorów**", compute)
    assert calls == ["run"]
