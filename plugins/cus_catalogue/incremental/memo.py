"""Memo tables: results of a pure per-item step (one record's search terms, one word's
lemmas) by the digest of everything the step reads, kept in the build cache as one entry
(or, for large results, each in an entry of its own: ``entry_table``)."""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def digest(inputs: Any) -> bytes:
    """Equal digests mean equal inputs: a pickle round-trips, so unequal values differ. No
    memo: equal values give equal bytes whether or not they share objects (records read from
    YAML share their field names, records read from the cache do not)."""
    pickled = io.BytesIO()
    pickler = pickle.Pickler(pickled, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # inputs are data (no cycles): each value is written out in full
    pickler.dump(inputs)
    return hashlib.sha256(pickled.getbuffer()).digest()


class MemoTable:
    """Item results by their inputs' digest; only the ones this build asked for are kept."""

    def __init__(self, entries: dict[bytes, Any] | None = None) -> None:
        self.known = entries or {}
        self.used: dict[bytes, Any] = {}
        self.computed = 0

    def get(self, inputs: Any, compute: Callable[[], T]) -> T:
        """The result for ``inputs``: remembered, or ``compute()``d now and remembered."""
        key = digest(inputs)
        if key in self.used:
            return self.used[key]
        if key in self.known:
            found = self.known[key]
        else:
            found = compute()
            self.computed += 1
        self.used[key] = found
        return found

    def peek(self, inputs: Any) -> Any | None:
        """The remembered result for ``inputs`` (kept for the next build), or None."""
        key = digest(inputs)
        found = self.used.get(key, self.known.get(key))
        if found is not None:
            self.used[key] = found
        return found

    def mark(self) -> tuple[frozenset[bytes], int]:
        """Where the table stands: a forked render worker reports what it adds after this."""
        return frozenset(self.used), self.computed

    def added_since(self, mark: tuple[frozenset[bytes], int]) -> tuple[dict[bytes, Any], int]:
        """The entries used since ``mark`` and how many of them were computed."""
        keys, computed = mark
        added = {key: value for key, value in self.used.items() if key not in keys}
        return added, self.computed - computed

    def absorb(self, added: tuple[dict[bytes, Any], int]) -> None:
        """Keep what a render worker added (``added_since`` in the worker)."""
        entries, computed = added
        self.used.update(entries)
        self.computed += computed

    @property
    def changed(self) -> bool:
        """Whether the entries this build used differ from the ones it found."""
        return self.computed > 0 or len(self.used) != len(self.known)


class Forgetful(MemoTable):
    """The table of a build without a cache: computes every item when asked and keeps none
    (at 100,000 services the results would fill gigabytes that no later build reads)."""

    def get(self, inputs: Any, compute: Callable[[], T]) -> T:
        """``compute()``, now."""
        return compute()

    def peek(self, inputs: Any) -> None:
        """Nothing is remembered."""
        return None


def memo_table(cache: Any, name: str, *inputs: Any) -> MemoTable:
    """The cache's table ``name`` for steps that also read ``inputs`` (a vocabulary, a
    language); a table that keeps nothing when the build keeps no cache."""
    return Forgetful() if cache is None else cache.table(name, *inputs)


def shared_table(cache: Any, name: str, *inputs: Any) -> MemoTable:
    """``memo_table`` for a step each language of a build repeats on the same items (a
    record's Markdown, a service's QR code): without a cache its results are still shared
    until the build ends."""
    return MemoTable() if cache is None else cache.table(name, *inputs)


class EntryTable(MemoTable):
    """A table whose every result is a build cache entry of its own, read when asked and
    written when made, never held: for large results of every record (a service's HSDS JSON
    and rows were 26 MB a 1,000 services in one entry, all in memory from load to save)."""

    def __init__(self, cache: Any, name: str, inputs_digest: bytes) -> None:
        super().__init__()
        self.cache, self.name, self.inputs_digest = cache, name, inputs_digest

    def get(self, inputs: Any, compute: Callable[[], T]) -> T:
        """The result for ``inputs``: from its cache entry, or ``compute()``d and stored now."""
        key = self._key(inputs)
        found = self.cache.get(key)
        if found is None:
            found = compute()
            self.computed += 1
            self.cache.put(key, found)
        return found

    def peek(self, inputs: Any) -> Any | None:
        """The stored result for ``inputs``, or None."""
        return self.cache.get(self._key(inputs))

    def _key(self, inputs: Any) -> str:
        return self.cache.key("entry", self.name, self.inputs_digest, digest(inputs))

    @property
    def changed(self) -> bool:
        """Nothing to save: each result was stored when it was made."""
        return False


def entry_table(cache: Any, name: str, *inputs: Any) -> MemoTable:
    """``memo_table`` for results too large to hold for every record: one cache entry each."""
    return Forgetful() if cache is None else EntryTable(cache, name, digest(inputs))
