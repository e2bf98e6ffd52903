"""Records read and checked once: the next build takes them from the cache by their bytes."""

from __future__ import annotations

from pathlib import Path

from ..catalogue import Check, read_checked
from ..problems import Problem
from ..records import Record, RecordKind
from .store import BuildCache


class CachedRecords:
    """A ``RecordMemo`` over a ``BuildCache``: key = the file's path and bytes, the build's day
    and freshness limit (the checks read them), on top of the cache's code and data key."""

    def __init__(self, cache: BuildCache, *check_inputs: object) -> None:
        self.cache = cache
        self.check_inputs = check_inputs

    def read(self, path: Path, kind: RecordKind, check: Check) -> tuple[Record, list[Problem]]:
        """The record at ``path`` and its own problems, parsed and checked only when new."""
        key = self.cache.key("record", kind, path, path.read_bytes(), *self.check_inputs)
        found = self.cache.get(key)
        if found is None:
            found = read_checked(path, kind, check)
            self.cache.put(key, found)
        return found
