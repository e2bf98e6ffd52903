"""Where the project's own files are, so the command works from any folder."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = Path("content")
DEFAULT_OUTPUT = Path("output")
DEV_SETTINGS = PROJECT_ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = PROJECT_ROOT / "publishconf.py"
DATA = PROJECT_ROOT / "data"


def content_folder(value: str | None) -> Path:
    """The content folder given, else ``./content``, else the project's example catalogue."""
    if value:
        return Path(value)
    if DEFAULT_CONTENT.is_dir():
        return DEFAULT_CONTENT
    return PROJECT_ROOT / "content"
