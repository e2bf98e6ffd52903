"""The long-lived parts of one app instance, shared by its endpoints."""

from __future__ import annotations

import asyncio
import ipaddress
from dataclasses import dataclass, field

from starlette.requests import Request

from forms_backend.catalogue import Catalogue
from forms_backend.committer import Committer
from forms_backend.config import Config
from forms_backend.crypto import Sealer, load_or_create_key
from forms_backend.limits import RateLimiter
from forms_backend.rendering import Pages


@dataclass
class Backend:
    """Configuration, outbox writer, catalogue, limiter and pages of one app."""

    config: Config
    sealer: Sealer
    catalogue: Catalogue
    committer: Committer
    limiter: RateLimiter
    pages: Pages
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    loop: asyncio.AbstractEventLoop | None = None
    last_write: str = "none"  # "ok" or "failed" after the first submission, for /health

    @classmethod
    def build(cls, config: Config, catalogue: Catalogue) -> Backend:
        """Wire everything from one configuration; the key file is created if needed."""
        sealer = Sealer(load_or_create_key(config.encryption_key, config.database_path))
        backend = cls(
            config=config,
            sealer=sealer,
            catalogue=catalogue,
            committer=Committer(config),
            limiter=RateLimiter(config.rate_limit_per_minute, config.rate_limit_burst),
            pages=Pages(config),
        )
        backend.committer.on_commit = backend.notify
        return backend

    def notify(self) -> None:
        """Wake the delivery loop after a commit (called from the writer thread)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.wake.set)

    def client_address(self, request: Request) -> str:
        """The socket peer, or the address a named proxy (and only a named proxy) forwarded."""
        peer = request.client.host if request.client else "unknown"
        header = self.config.client_ip_header
        if not header or not request.headers.get(header) or not self._trusted(peer):
            return peer
        hops = [hop.strip() for hop in request.headers[header].split(",")]
        # Proxies append: the first hop from the right that is not a named proxy is the client.
        for hop in reversed(hops):
            if not self._trusted(hop):
                return hop
        return hops[0]

    def _trusted(self, address: str) -> bool:
        """True when the address belongs to a proxy the operator named."""
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.config.trusted_proxies)
