"""The ASGI application: ``forms_backend.app:app``, or ``create_app(config)`` for tests."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Route

from forms_backend import endpoints, startup
from forms_backend.backend import Backend
from forms_backend.config import Config
from forms_backend.forms import FORMS
from forms_backend.guards import PrivateResponses
from forms_backend.health import health
from forms_backend.limits import BodyLimit
from forms_backend.worker import Worker, run_forever


def create_app(config: Config | None = None) -> Starlette:
    """Build an app from explicit configuration, or from ``FORMS_*`` variables.

    Raises ``StartupError`` (every problem in Polish) when the configuration or the built
    catalogue is wrong, so the backend never runs on a guess.
    """
    config, catalogue = startup.load(config)
    backend = Backend.build(config, catalogue)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        backend.loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        task = None
        if config.background_worker:
            worker = await asyncio.to_thread(Worker, config, backend.sealer)
            task = asyncio.create_task(run_forever(worker, backend.wake, stop))
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                await task
            await asyncio.to_thread(backend.committer.close)

    routes = [
        Route(spec.path, endpoints.submission_endpoint(spec), methods=["POST"])
        for spec in FORMS.values()
    ]
    routes += [
        Route("/api/confirmation/{reference}", endpoints.confirmation, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/openapi.json", endpoints.openapi, methods=["GET"]),
    ]
    middleware = [Middleware(PrivateResponses)]
    if config.allowed_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(config.allowed_origins),
                allow_methods=["POST"],
                allow_headers=["Content-Type", "Idempotency-Key"],
                max_age=600,
            )
        )
    middleware.append(Middleware(BodyLimit, max_bytes=config.max_body_bytes))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.backend = backend
    return app


def __getattr__(name: str) -> Starlette:
    """``forms_backend.app:app`` is built on first access, from the environment."""
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
