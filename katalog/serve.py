"""Local preview: the built site and the form backend on one origin, rebuilt on every change."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import gettext as _

from .messages import fail, say
from .paths import PROJECT_ROOT

BACKEND_PATHS = ("/api/", "/health", "/openapi.json")


class PreviewApp:
    """ASGI app: the form backend's paths go to the backend, everything else is a static file."""

    def __init__(self, static: Any, backend: Any) -> None:
        self.static = static
        self.backend = backend

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        """Dispatch by path; the backend also gets the lifespan events (its delivery worker)."""
        path = scope.get("path", "")
        if scope["type"] == "lifespan" or path.startswith(BACKEND_PATHS):
            await self.backend(scope, receive, send)
        else:
            await self.static(scope, receive, send)


def _backend(output: Path) -> Any:
    """The form backend, reading the catalogue this preview built (and rebuilds)."""
    from forms_backend.app import create_app
    from forms_backend.config import Config

    built = output.resolve() / "uslugi.json"
    return create_app(Config.from_env().model_copy(update={"catalogue_path": built}))


def _rebuild(content: Path, output: Path, address: str) -> None:
    """Build beside the live folder and swap it in, so no request sees a half-written site;
    the cache beside them keeps every unchanged record and page from the build before, and
    the build starts from the site the last swap retired (its unchanged pages stay)."""
    from .preview_files import retired_folder, swap_in

    staging = output.with_name(output.name + ".next")
    cache = output.with_name(output.name + ".cache")
    if retired_folder(output).is_dir() and not staging.exists():
        retired_folder(output).rename(staging)
    command = [sys.executable, "-m", "katalog", "build", str(content), "--output", str(staging)]
    command += ["--public-url", address, "--cache", str(cache)]
    if subprocess.run(command, check=False).returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return  # the old site stays up; the problems were printed
    swap_in(staging, output)


def _watch(content: Path, output: Path, address: str, stop: threading.Event) -> None:
    from watchfiles import watch

    folders = [content, PROJECT_ROOT / "themes", PROJECT_ROOT / "plugins", PROJECT_ROOT / "data"]
    for _changes in watch(*[f for f in folders if f.exists()], stop_event=stop):
        say(_("Change detected, rebuilding…"))
        _rebuild(content, output, address)


def serve(content: Path, output: Path, host: str, port: int) -> int:
    """Build, then serve on http://host:port/ until Ctrl+C, rebuilding on changes."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.routing import Mount

    from forms_backend.problems import StartupError

    from .preview_files import SwapSafeFiles

    address = f"http://{host}:{port}"
    _rebuild(content, output, address)
    output.mkdir(parents=True, exist_ok=True)
    files = SwapSafeFiles(directory=output, html=True, check_dir=False)
    static = Starlette(routes=[Mount("/", files)])
    try:
        backend = _backend(output)
    except StartupError as error:  # no site was built, or FORMS_* is wrong: say so plainly
        return fail(str(error))
    app = PreviewApp(static, backend)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(content, output, address, stop), daemon=True)
    watcher.start()
    say(_("Preview at {address}/ (Ctrl+C stops it).").format(address=address))
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        stop.set()
    return 0
