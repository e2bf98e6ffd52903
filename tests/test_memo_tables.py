"""Memo tables of a build without a cache: they keep nothing, so no step needs a special case
for "no cache" and nothing is held for a later build that will never read it. Tables of large
results keep each in a cache entry of its own, never in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cus_catalogue.incremental.memo import entry_table, memo_table, shared_table
from cus_catalogue.incremental.store import BuildCache


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


def test_entry_table_keeps_each_result_in_its_own_cache_entry_not_in_memory(
    tmp_path: Path,
) -> None:
    """Defect (issue 17, peak memory): every service's HSDS JSON and rows were one cache entry,
    loaded whole and held until the build ended (about 2.6 GB at 100,000 services). Now each
    result is its own entry: the next build reads it, a build that does not ask drops it."""
    inputs = ("zlota-raczka", 1)
    calls, compute = counting()
    first = BuildCache(tmp_path, "base")
    table = entry_table(first, "hsds-services", "exporter inputs")
    assert table.get(inputs, compute) == "result"
    assert table.used == {} and table.known == {}
    first.save()

    second = BuildCache(tmp_path, "base")
    assert entry_table(second, "hsds-services", "exporter inputs").get(inputs, compute) == "result"
    assert calls == ["run"]
    assert entry_table(second, "hsds-services", "other inputs").peek(inputs) is None
    second.save()

    BuildCache(tmp_path, "base").save()  # a build without this service
    assert (
        entry_table(BuildCache(tmp_path, "base"), "hsds-services", "exporter inputs").peek(inputs)
        is None
    )
