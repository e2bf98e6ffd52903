"""What a record is: its kinds, folders, file suffixes and id rule, and how one file is read.

This module is the one owner of those facts; every other module imports them from here.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .record_parser import MAX_RECORD_BYTES, NodePath, RecordSyntaxError, parse_record, too_big

RecordKind = Literal["service", "provider", "package", "news", "centre"]
FOLDERS: dict[RecordKind, str] = {
    "service": "services",
    "provider": "providers",
    "package": "packages",
    "news": "news",
}
# A regional catalogue's centres (``katalog aggregate``): written by the region's editors and
# the command, never proposed by a resident or scaffolded, so not one of FOLDERS.
CENTRE_FOLDER = "centres"
RECORD_SUFFIXES = (".yaml", ".yml")
# The same rule as "$defs/id" of the service schema (tests/test_validation.py checks it).
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

__all__ = [
    "CENTRE_FOLDER",
    "FOLDERS",
    "ID_PATTERN",
    "RECORD_SUFFIXES",
    "NodePath",
    "Record",
    "RecordKind",
    "RecordSyntaxError",
    "is_record_id",
    "parse_record",
    "read_record",
]


def is_record_id(text: str) -> bool:
    """Ids are whole-string matches: "zlota-raczka\\n" is not an id."""
    return ID_PATTERN.fullmatch(text) is not None


@dataclass
class Record:
    """One record (service, provider, package, news): its id (the file name), data, node lines."""

    id: str
    kind: RecordKind
    path: Path
    data: dict[str, Any]
    lines: dict[NodePath, int] = field(default_factory=dict, repr=False)

    def line_of(self, *node_path: str | int) -> int:
        """Line of the nearest node on ``node_path`` that exists (the record start otherwise)."""
        for end in range(len(node_path), 0, -1):
            line = self.lines.get(tuple(node_path[:end]))
            if line is not None:
                return line
        return self.lines.get((), 1)

    @property
    def status(self) -> str:
        """Services are active unless their record says otherwise."""
        return self.data.get("status", "active")


def not_a_plain_file(path: Path) -> str | None:
    """Problem code when ``path`` is a symbolic link or anything but a regular file."""
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return "symlink"
    return None if stat.S_ISREG(mode) else "not-a-file"


def not_a_plain_folder(path: Path) -> str | None:
    """Problem code when a record folder is a link or not a folder at all."""
    if path.is_symlink():
        return "symlink"
    return None if path.is_dir() else "not-a-folder"


def read_record(path: Path, kind: RecordKind, max_bytes: int = MAX_RECORD_BYTES) -> Record:
    """Read a record file (never through a link, never more than ``max_bytes``)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        raise RecordSyntaxError(not_a_plain_file(path) or "not-a-file", 1) from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise RecordSyntaxError("not-a-file", 1)
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise too_big(os.stat(path, follow_symlinks=False).st_size, max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RecordSyntaxError("not-utf8", 1) from None
    data, lines = parse_record(text, max_bytes)
    return Record(id=path.stem, kind=kind, path=path, data=data, lines=lines)
