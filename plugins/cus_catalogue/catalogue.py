"""The whole catalogue: every record and vocabulary read, validated and cross-checked at once."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .abbreviations import check_abbreviations, read_abbreviations
from .problems import Problem
from .records import (
    CENTRE_FOLDER,
    FOLDERS,
    RECORD_SUFFIXES,
    Record,
    RecordKind,
    RecordSyntaxError,
    is_record_id,
    not_a_plain_file,
    not_a_plain_folder,
    read_record,
)
from .validation import (
    check_fee_and_age,
    check_freshness,
    check_hours,
    check_how_to_start,
    check_schema,
    check_service_links,
)
from .vocabularies import check_vocabularies

Term = dict[str, str]
Check = Callable[[Record], list[Problem]]


class RecordMemo(Protocol):
    """Reads a record and runs its own checks, or takes both from a cache keyed by its bytes."""

    def read(self, path: Path, kind: RecordKind, check: Check) -> tuple[Record, list[Problem]]:
        """The record at ``path`` and the problems ``check`` finds in it alone."""


def read_checked(path: Path, kind: RecordKind, check: Check) -> tuple[Record, list[Problem]]:
    """The record at ``path`` and the problems ``check`` finds in it alone (no cache)."""
    record = read_record(path, kind)
    return record, check(record)


@dataclass
class Catalogue:
    """Every record by kind and id, the vocabularies, and every problem found in them."""

    content: Path = field(default_factory=Path)
    services: dict[str, Record] = field(default_factory=dict)
    providers: dict[str, Record] = field(default_factory=dict)
    packages: dict[str, Record] = field(default_factory=dict)
    news: dict[str, Record] = field(default_factory=dict)
    centres: dict[str, Record] = field(default_factory=dict)
    audiences: dict[str, Term] = field(default_factory=dict)
    areas: dict[str, Term] = field(default_factory=dict)
    units: dict[str, Term] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop a build."""
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Problems worth a look that do not stop a build."""
        return [problem for problem in self.problems if problem.severity == "warning"]


def read_vocabulary(path: Path) -> dict[str, Term]:
    """A vocabulary CSV by id (validated as a table by frictionless elsewhere)."""
    with path.open(encoding="utf-8", newline="") as table:
        return {row["id"]: row for row in csv.DictReader(table)}


def _record_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The record files of a folder; a link or anything but a plain file there is a problem."""
    if not folder.exists() and not folder.is_symlink():
        return []
    if code := not_a_plain_folder(folder):
        problems.append(Problem(code, folder, 1, "", {"path": folder}))
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if code := not_a_plain_file(path):
            problems.append(Problem(code, path, 1, "", {"path": path}))
        elif path.suffix in RECORD_SUFFIXES:
            found.append(path)
    return found


def _read_kind(
    content: Path,
    kind: RecordKind,
    catalogue: Catalogue,
    folder: str = "",
    check: Check = lambda record: [],
    memo: RecordMemo | None = None,
) -> dict[str, Record]:
    records: dict[str, Record] = {}
    for path in _record_files(content / (folder or FOLDERS[kind]), catalogue.problems):
        if not is_record_id(path.stem):
            catalogue.problems.append(Problem("bad-id", path, 1, "", {"name": path.name}))
            continue
        if path.stem in records:
            other = records[path.stem].path.name
            catalogue.problems.append(
                Problem("duplicate-id", path, 1, "", {"id": path.stem, "other": other})
            )
            continue
        try:
            record, own_problems = (memo.read if memo else read_checked)(path, kind, check)
        except RecordSyntaxError as error:
            catalogue.problems.append(Problem(error.code, path, error.line, "", error.params))
            continue
        records[record.id] = record
        catalogue.problems += own_problems
    return records


def read_centres(folder: Path) -> tuple[dict[str, Record], list[Problem]]:
    """The centre records of a regional catalogue or of a region's folder, with their problems."""
    found = Catalogue(content=folder)
    centres = _read_kind(folder, "centre", found, CENTRE_FOLDER)
    for record in centres.values():
        found.problems += check_schema(record)
    return centres, found.problems


def load_catalogue(
    content: Path,
    data: Path,
    today: dt.date | None = None,
    stale_months: int = 12,
    memo: RecordMemo | None = None,
) -> Catalogue:
    """Read and check everything; the caller decides what to do with ``catalogue.problems``."""
    today = today or dt.date.today()
    catalogue = Catalogue(
        content=content,
        audiences=read_vocabulary(data / "audiences.csv"),
        areas=read_vocabulary(data / "areas.csv"),
        units=read_vocabulary(data / "units.csv"),
    )
    catalogue.problems += check_vocabularies(data)
    abbreviations = read_abbreviations(data)
    if not (content / FOLDERS["service"]).is_dir():
        catalogue.problems.append(Problem("no-services-folder", content, 1, "", {"path": content}))

    def own_checks(record: Record) -> list[Problem]:
        """What a record's own text shows, whatever the other records say."""
        problems = check_schema(record) + check_freshness(record, today, stale_months)
        problems += check_abbreviations(record, abbreviations)
        if record.kind in ("provider", "service"):
            problems += check_hours(record)
        if record.kind == "service":
            problems += check_fee_and_age(record) + check_how_to_start(record)
        return problems

    catalogue.providers = _read_kind(content, "provider", catalogue, check=own_checks, memo=memo)
    catalogue.services = _read_kind(content, "service", catalogue, check=own_checks, memo=memo)
    for record in catalogue.services.values():
        catalogue.problems += check_service_links(
            record, catalogue.providers, catalogue.audiences, catalogue.areas
        )
    # The centre's own records: their features check what a schema cannot (features.py).
    catalogue.packages = _read_kind(content, "package", catalogue, check=own_checks, memo=memo)
    catalogue.news = _read_kind(content, "news", catalogue, check=own_checks, memo=memo)
    catalogue.centres, problems = read_centres(content)
    catalogue.problems += problems
    catalogue.problems.sort(key=lambda p: (str(p.file), p.line, p.field, p.code))
    return catalogue
