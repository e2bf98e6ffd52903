"""The preview's static files: each response is one whole file of one build, while rebuilds
swap the live folder underneath."""

from __future__ import annotations

import mimetypes
import os
import shutil
import threading
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# Held by a rebuild while it swaps the live folder, and by a request while it finds or reads a file.
SWAPPING = threading.Lock()


def retired_folder(output: Path) -> Path:
    """Where the site ``swap_in`` replaced stays: the next build starts from its files."""
    return output.with_name(output.name + ".old")


def swap_in(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging``; a request waits for both renames instead of a 404."""
    retired = retired_folder(output)
    shutil.rmtree(retired, ignore_errors=True)
    with SWAPPING:
        if output.exists():
            output.rename(retired)
        staging.rename(output)


class SwapSafeFiles(StaticFiles):
    """Static files read whole under the swap lock and sent as read.

    Starlette's FileResponse sends the size it found at lookup and opens the file again later:
    a rebuild in between sent the new page under the old length (a cut-off page)."""

    def lookup_path(self, path: str) -> tuple[str, os.stat_result | None]:
        """Find the file while no swap is half done."""
        with SWAPPING:
            return super().lookup_path(path)

    def file_response(
        self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope,
        status_code: int = 200,
    ) -> Response:  # fmt: skip
        """The file's bytes as they are now, with their own length."""
        try:
            with SWAPPING:
                body = Path(full_path).read_bytes()
        except FileNotFoundError:  # the build swapped in meanwhile has no such file
            raise HTTPException(status_code=404) from None
        media_type = mimetypes.guess_type(os.fspath(full_path))[0] or "text/plain"
        return Response(body, status_code=status_code, media_type=media_type)
