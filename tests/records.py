"""Helpers to write small catalogues into temporary folders for tests, and to check them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from cus_catalogue.catalogue import Catalogue, load_catalogue

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = Path(__file__).resolve().parents[1] / "data"
#: The day the fixture catalogues are checked on (their dates are neither future nor stale).
TODAY = dt.date(2026, 11, 23)


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


def checked(content: Path) -> Catalogue:
    """The catalogue as ``katalog validate`` loads it, on ``TODAY``."""
    return load_catalogue(content, DATA, today=TODAY)


def problems_of(content: Path) -> list[str]:
    """Formatted problems, with paths relative to the content folder."""
    return [problem.format(content) for problem in checked(content).problems]


def warnings_of(content: Path) -> list[str]:
    """Formatted warnings only, with paths relative to the content folder."""
    return [problem.format(content) for problem in checked(content).warnings]
