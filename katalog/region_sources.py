"""Where a centre's catalogue comes from: a content folder, a git repository or an HSDS export.

Each is copied, as record files, into a staging folder of the centre's own before anything is
checked, so a broken record can be left out without touching the centre's files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import N_
from cus_catalogue.opendata.hsds_import import HsdsImporter, HsdsImportError
from cus_catalogue.problems import Problem
from cus_catalogue.record_writer import record_yaml
from cus_catalogue.records import FOLDERS, Record, RecordKind

from .import_hsds import read_hsds_source
from .jsonfile import JsonFileError

SOURCE_FIELDS = ("content", "git", "hsds")
DOCUMENTS = "documents"
COPIED = (FOLDERS["service"], FOLDERS["provider"], DOCUMENTS)
NO_SOURCE = N_("say where the centre's catalogue is: exactly one of content, git or hsds")
NO_FOLDER = N_("there is no folder {path}")
GIT_FAILED = N_("the repository could not be copied: {detail}")
HSDS_FAILED = N_("the HSDS data could not be read: {detail}")


@dataclass(frozen=True)
class Staged:
    """A centre's records in its staging folder; ``origin`` is where problems point."""

    centre: Record
    content: Path
    origin: Path
    kind: str

    def original(self, path: Path) -> Path:
        """The centre's own file a staged file was copied from."""
        try:
            return self.origin / path.relative_to(self.content)
        except ValueError:
            return path


class SourceProblem(Exception):
    """The centre's catalogue could not be fetched; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _problem(centre: Record, field: str, template: str, **params: object) -> SourceProblem:
    where = centre.line_of(field) if field else 1
    return SourceProblem(
        Problem(f"centre-{field or 'source'}", centre.path, where, field, params, template=template)
    )


def _copy_records(source: Path, staging: Path) -> None:
    for folder in COPIED:
        if (source / folder).is_dir() and not (source / folder).is_symlink():
            shutil.copytree(source / folder, staging / folder, symlinks=True)


def _clone(centre: Record, url: str, region: Path, target: Path) -> None:
    """A shallow copy of the repository (its default branch, or ``ref``)."""
    command = ["git", "clone", "--quiet", "--depth", "1"]
    if ref := centre.data.get("ref"):
        command += ["--branch", ref]
    if (region / url).is_dir():  # a folder, beside the region's: --depth needs a protocol
        url = (region / url).resolve().as_uri()
    # Never a password prompt, never a transport that runs commands (``ext::``).
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_ALLOW_PROTOCOL": "https:ssh:git:file"}
    result = subprocess.run(
        [*command, "--", url, str(target)], capture_output=True, text=True, check=False, env=env
    )
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["git clone"])[-1]
        raise _problem(centre, "git", GIT_FAILED, detail=detail)


def _import_hsds(centre: Record, source: Path, staging: Path) -> None:
    """Records of the export, written as ``katalog import-hsds`` writes them."""
    try:
        imported = HsdsImporter().run(read_hsds_source(source))
    except (JsonFileError, HsdsImportError, OSError) as error:
        raise _problem(centre, "hsds", HSDS_FAILED, detail=str(error)) from None
    kinds: list[tuple[RecordKind, dict[str, dict[str, Any]]]] = [
        ("provider", imported.providers),
        ("service", imported.services),
    ]
    for kind, records in kinds:
        folder = staging / FOLDERS[kind]
        folder.mkdir(parents=True, exist_ok=True)
        for record_id, data in records.items():
            text = record_yaml(data, kind, folder)
            (folder / f"{record_id}.yaml").write_text(text, encoding="utf-8")


def stage(centre: Record, region: Path, work: Path) -> Staged:
    """Copy the centre's records into ``work/<id>/content``; SourceProblem when it cannot."""
    given = [name for name in SOURCE_FIELDS if name in centre.data]
    if len(given) != 1:
        raise _problem(centre, "", NO_SOURCE)
    kind = given[0]
    staging = work / centre.id / "content"
    shutil.rmtree(work / centre.id, ignore_errors=True)
    staging.mkdir(parents=True)
    if kind == "hsds":
        _import_hsds(centre, region / centre.data["hsds"], staging)
        return Staged(centre, staging, staging, kind)
    if kind == "git":
        clone = work / centre.id / "repository"
        _clone(centre, centre.data["git"], region, clone)
        origin = clone / centre.data.get("folder", "content")
    else:
        origin = (region / centre.data["content"]).resolve()
    if not origin.is_dir():
        raise _problem(centre, kind, NO_FOLDER, path=origin)
    _copy_records(origin, staging)
    return Staged(centre, staging, origin, kind)
