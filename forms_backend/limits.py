"""Protection against abuse: a body size limit (413) and a per-client rate limit (429)."""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import time
from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from forms_backend.i18n import gettext as _


class BodyLimit:
    """Read at most ``max_bytes`` of a request body; answer 413 beyond that, before the app."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            await self._too_large(send, bad=not declared.isdigit())
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send, *, bad: bool = False) -> None:
        """Answer without reading the rest of the body."""
        message = _("The form is too large. Shorten the longest answers and send it again.")
        status = 400 if bad else 413
        code = "unreadable_length" if bad else "too_large"
        answer = {"errors": {"_form": message}, "code": code}
        data = json.dumps(answer, ensure_ascii=False).encode()
        headers = [
            (b"content-type", b"application/json; charset=utf-8"),
            (b"content-length", str(len(data)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": data})


class RateLimiter:
    """A token bucket per client, at most ``max_clients`` of them, least recently seen dropped.

    Clients are known only by a salted hash of their address. Every request costs O(1):
    a dictionary lookup and a move to the end of the recency order.
    """

    def __init__(self, per_minute: float, burst: int, max_clients: int = 50_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(burst, 1))
        self.max_clients = max_clients
        self._salt = secrets.token_bytes(16)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._buckets)

    def client_key(self, address: str) -> str:
        """Hash the address with a per-process salt, so neither memory nor logs hold it."""
        return hashlib.blake2b(address.encode(), key=self._salt, digest_size=12).hexdigest()

    def allow(self, address: str) -> float:
        """Take one token; return 0 when allowed, else the seconds to wait."""
        if self.rate <= 0:
            return 0.0
        key = self.client_key(address)
        now = time.monotonic()
        with self._lock:
            tokens, stamp = self._buckets.pop(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - stamp) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        return 0.0 if allowed else (1.0 - tokens) / self.rate
