"""A stable digest of template values: equal digests mean equal values, build after build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
from pathlib import PurePath
from typing import Any

from ..views import RecordView

SCALARS = (str, int, float, bool, bytes, type(None))
CODE = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type, types.ModuleType)


class Unfingerprintable(Exception):
    """A value with no stable digest (a cycle outside record views, an opaque object)."""


class Fingerprints:
    """Digests of values for one pass of the build; a record view is digested once.

    A record view links other views (a service its provider, the provider its services), so
    its digest covers every view it reaches: a page showing a provider's other services
    changes when any of them does.
    """

    def __init__(self) -> None:
        self._shallow: dict[int, tuple[RecordView, bytes, list[RecordView]]] = {}

    def of(self, value: Any) -> bytes:
        """The digest of ``value``; ``Unfingerprintable`` if it has none."""
        digest = hashlib.sha256()
        reached: dict[int, RecordView] = {}
        self._encode(value, digest, reached, set())
        for view in self._closure(reached):
            digest.update(self._view(view)[1])
        return digest.digest()

    def _closure(self, reached: dict[int, RecordView]) -> list[RecordView]:
        """Every record view reachable from the ones a value holds, in a stable order."""
        pending = list(reached.values())
        while pending:
            for linked in self._view(pending.pop())[2]:
                if id(linked) not in reached:
                    reached[id(linked)] = linked
                    pending.append(linked)
        return sorted(reached.values(), key=lambda view: self._view(view)[1])

    def _view(self, view: RecordView) -> tuple[RecordView, bytes, list[RecordView]]:
        """A view's own digest (links to other views by kind and id) and the views it links."""
        known = self._shallow.get(id(view))
        if known is None or known[0] is not view:
            digest = hashlib.sha256()
            linked: dict[int, RecordView] = {}
            self._encode_fields(view, digest, linked, {id(view)})
            known = (view, digest.digest(), list(linked.values()))
            self._shallow[id(view)] = known
        return known

    def _encode(self, value: Any, out: Any, linked: dict[int, RecordView], path: set[int]) -> None:
        """Feed a tagged, ordered encoding of ``value`` into ``out``."""
        kind = type(value)
        out.update(f"<{kind.__module__}.{kind.__qualname__}".encode())
        if isinstance(value, SCALARS):
            out.update(value if isinstance(value, bytes) else repr(value).encode())
        elif isinstance(value, dt.date | dt.time | dt.timedelta | PurePath):
            out.update(str(value).encode())
        elif isinstance(value, CODE):
            out.update(getattr(value, "__qualname__", getattr(value, "__name__", "")).encode())
        elif hasattr(value, "fingerprint_source"):  # a value still being made elsewhere
            self._encode(value.fingerprint_source(), out, linked, path)
        elif isinstance(value, RecordView):
            out.update(f"{value.id}".encode())
            linked[id(value)] = value
        elif id(value) in path:
            raise Unfingerprintable(kind.__qualname__)
        else:
            self._encode_container(value, out, linked, path | {id(value)})
        out.update(b">")

    def _encode_container(self, value: Any, out: Any, linked: dict, path: set[int]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                self._encode(key, out, linked, path)
                self._encode(item, out, linked, path)
        elif isinstance(value, list | tuple):
            for item in value:
                self._encode(item, out, linked, path)
        elif isinstance(value, set | frozenset):
            out.update(b"".join(sorted(self.of(item) for item in value)))
        elif dataclasses.is_dataclass(value) or hasattr(value, "__dict__"):
            self._encode_fields(value, out, linked, path)
        else:
            raise Unfingerprintable(type(value).__qualname__)

    def _encode_fields(self, value: Any, out: Any, linked: dict, path: set[int]) -> None:
        if dataclasses.is_dataclass(value):
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        else:
            fields = vars(value)
        self._encode(fields, out, linked, path)
