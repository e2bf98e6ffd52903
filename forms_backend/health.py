"""``/health``: whether submissions can be written; outbox counts for the operator only."""

from __future__ import annotations

import asyncio
import hmac
import ipaddress

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from forms_backend import store
from forms_backend.backend import Backend
from forms_backend.database import OutboxError
from forms_backend.guards import forwarded


def sees_outbox(request: Request, backend: Backend) -> bool:
    """The operator: the health token, or a caller on this machine that no proxy forwarded."""
    token = backend.config.health_token
    if token:
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if hmac.compare_digest(given.encode(), token.encode()):
            return True
    peer = request.client.host if request.client else ""
    try:
        local = ipaddress.ip_address(peer).is_loopback
    except ValueError:
        return False
    return local and not forwarded(request, backend.config.client_ip_header)


async def health(request: Request) -> Response:
    """ "ok" while the outbox can be read and the last submission could be written."""
    backend: Backend = request.app.state.backend

    def read_counts() -> dict[str, int]:
        conn = store.connect(backend.config)
        try:
            return store.counts(conn)
        finally:
            conn.close()

    try:
        counts = await asyncio.to_thread(read_counts)
    except (OutboxError, OSError):
        return JSONResponse({"status": "error", "last_write": backend.last_write}, 503)
    healthy = backend.last_write != "failed"
    body: dict[str, object] = {"status": "ok" if healthy else "error"}
    body["last_write"] = backend.last_write
    if sees_outbox(request, backend):
        body["outbox"] = counts
    return JSONResponse(body, status_code=200 if healthy else 503)
