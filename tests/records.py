"""Helpers to write small catalogues into temporary folders for tests."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_mini(target: Path) -> Path:
    """A fresh, valid copy of the two-service fixture catalogue."""
    shutil.copytree(FIXTURES / "mini", target)
    return target


def write(path: Path, text: str) -> Path:
    """Write a record file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, old: str, new: str) -> Path:
    """Replace one exact piece of a record (it must be there exactly once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path
