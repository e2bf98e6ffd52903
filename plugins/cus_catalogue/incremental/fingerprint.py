"""A stable digest of template values: equal digests mean equal values, build after build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
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
        self._reaches: dict[int, frozenset[int]] = {}  # view → the views it reaches
        self._joined: dict[tuple[int, ...], bytes] = {}  # reach sets → their sorted digests

    def of(self, value: Any) -> bytes:
        """The digest of ``value``; ``Unfingerprintable`` if it has none."""
        digest = hashlib.sha256()
        reached: dict[int, RecordView] = {}
        self._encode(value, digest, reached, set())
        digest.update(self._closure(reached))
        return digest.digest()

    def _closure(self, reached: dict[int, RecordView]) -> bytes:
        """The digests of every record view reachable from the ones a value holds, sorted.

        Views that reach each other (a provider and its services) share one reach set, made
        once per build: a page's key costs its own values, not the size of its provider.
        """
        sets = {id(found): found for found in map(self._reach, reached.values())}
        key = tuple(sorted(sets))
        joined = self._joined.get(key)
        if joined is None:
            views = frozenset().union(*sets.values())
            joined = b"".join(sorted(self._shallow[view][1] for view in views))
            self._joined[key] = joined
        return joined

    def _reach(self, start: RecordView) -> frozenset[int]:
        """The views ``start`` reaches (itself too), by Tarjan's strongly connected components:
        every view of a component gets the component's set, made from its members' links."""
        if id(start) in self._reaches:
            return self._reaches[id(start)]
        order: dict[int, int] = {}
        low: dict[int, int] = {}
        stack: list[RecordView] = []
        work: list[tuple[RecordView, Any]] = []

        def visit(view: RecordView) -> None:
            order[id(view)] = low[id(view)] = len(order)
            stack.append(view)
            work.append((view, iter(self._view(view)[2])))

        visit(start)
        while work:
            view, links = work[-1]
            for linked in links:
                if id(linked) in self._reaches:
                    continue
                if id(linked) not in order:
                    visit(linked)
                    break
                if id(linked) in low:  # still on the stack: part of this component
                    low[id(view)] = min(low[id(view)], order[id(linked)])
            else:
                work.pop()
                if work:
                    parent = id(work[-1][0])
                    low[parent] = min(low[parent], low[id(view)])
                if low[id(view)] == order[id(view)]:
                    self._close_component(view, stack, low)
        return self._reaches[id(start)]

    def _close_component(self, root: RecordView, stack: list[RecordView], low: dict) -> None:
        """Pop ``root``'s component off the stack and give each member the component's reach."""
        members: list[RecordView] = []
        while not members or members[-1] is not root:
            members.append(stack.pop())
            del low[id(members[-1])]
        reach = {id(member) for member in members}
        for member in members:
            for linked in self._view(member)[2]:
                if id(linked) not in reach:
                    reach |= self._reaches[id(linked)]
        found = frozenset(reach)
        for member in members:
            self._reaches[id(member)] = found

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
        elif isinstance(value, re.Pattern):  # a condition's text pattern (the check page's)
            out.update(repr((value.pattern, value.flags)).encode())
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
