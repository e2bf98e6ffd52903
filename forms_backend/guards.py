"""Guards of every request: where a post may come from, and how answers may be kept."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Answers may echo what a resident typed: never kept by a cache, never framed by another site.
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "frame-ancestors 'none'",
}
FORWARDING_HEADERS = ("forwarded", "x-forwarded-for", "x-real-ip")


class PrivateResponses:
    """Add ``PRIVATE_HEADERS`` to every answer of the backend."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_private(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in PRIVATE_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_private)


def origin_allowed(request: Request, allowed: tuple[str, ...]) -> bool:
    """With ``FORMS_ALLOWED_ORIGINS`` set, a browser may post only from there or from here."""
    origin = request.headers.get("origin")
    if not allowed or origin is None:  # no browser sent it: Origin protects browsers only
        return True
    # The backend's own pages (a form shown again with its errors) post from its own host.
    return origin in allowed or urlsplit(origin).netloc == request.headers.get("host", "")


def forwarded(request: Request, client_ip_header: str) -> bool:
    """True when a proxy (or someone posing as one) says the request came from elsewhere."""
    names = (
        (*FORWARDING_HEADERS, client_ip_header.lower()) if client_ip_header else FORWARDING_HEADERS
    )
    return any(name in request.headers for name in names)
