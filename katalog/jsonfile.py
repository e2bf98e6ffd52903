"""JSON files from other people (proposals, HSDS exports): read with a plain message, never a
traceback, and never deeper than any real file of theirs nests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext

# HSDS's fullest example nests 9 levels; nothing a person or a directory exports needs 64.
MAX_DEPTH = 64


class JsonFileError(Exception):
    """The file cannot be read as JSON; the message is ready for the person."""


def too_deep(data: Any, limit: int = MAX_DEPTH) -> bool:
    """True when lists and objects nest deeper than ``limit`` (checked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if not isinstance(value, dict | list):
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def parse_json(text: str) -> Any:
    """Parsed JSON text, or JsonFileError saying where it is broken or that it nests too deep."""
    try:
        data = json.loads(text)
        if not too_deep(data):
            return data
    except json.JSONDecodeError as error:
        raise JsonFileError(
            _("The file is not valid JSON (line {line}, column {column}).").format(
                line=error.lineno, column=error.colno
            )
        ) from None
    except RecursionError:  # deeper than Python's own limit: the same answer
        pass
    raise JsonFileError(
        ngettext(
            "The file nests lists and objects too deeply (more than {limit} level).",
            "The file nests lists and objects too deeply (more than {limit} levels).",
            MAX_DEPTH,
        ).format(limit=MAX_DEPTH)
    )


def read_json(path: Path) -> Any:
    """The file's JSON, or JsonFileError saying why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JsonFileError(_("File not found: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise JsonFileError(_("This is a folder, not a file: {path}").format(path=path)) from None
    except UnicodeDecodeError:
        raise JsonFileError(_("The file is not UTF-8 text: {path}").format(path=path)) from None
    except OSError as error:
        message = _("Cannot read {path}: {error}").format(path=path, error=error.strerror)
        raise JsonFileError(message) from None
    return parse_json(text)
