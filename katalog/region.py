"""One regional catalogue from several centres' catalogues, ready for one Pelican build.

Each centre is checked on its own, as its own build would check it: a broken record is left
out and reported and the centre's other records go on (a record that depended on it, such as
the services of a broken provider, is left out in the next round). Ids that two centres share
are prefixed with the centre's id; the centres folder says which centre owns which record.
"""

from __future__ import annotations

import copy
import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cus_catalogue.catalogue import Catalogue
from cus_catalogue.features import inspect_catalogue
from cus_catalogue.i18n import N_
from cus_catalogue.problems import Problem
from cus_catalogue.record_writer import record_yaml
from cus_catalogue.records import CENTRE_FOLDER, FOLDERS, Record, RecordKind
from cus_catalogue.site_settings import SiteSettings

from .region_sources import DOCUMENTS, SOURCE_FIELDS, Staged

ID_TAKEN = N_("after adding the centre's id, “{id}” is still used by another record")
SERVICE_PAGE = "uslugi/{id}/"  # the URL contract of a centre's own catalogue


@dataclass
class CentreResult:
    """What one centre brings: its clean records, its problems, the files left out."""

    centre: Record
    staged: Staged | None = None
    catalogue: Catalogue | None = None
    problems: list[Problem] = field(default_factory=list)
    left_out: list[Path] = field(default_factory=list)


def check_centre(staged: Staged, settings: SiteSettings) -> CentreResult:
    """The build's own checks, round after round, leaving out the records with errors."""
    result = CentreResult(staged.centre, staged)
    record_folders = {staged.content / FOLDERS["service"], staged.content / FOLDERS["provider"]}
    while True:
        catalogue = inspect_catalogue(staged.content, settings)
        errors = catalogue.errors
        result.problems += [_pointing_home(problem, staged) for problem in errors]
        if not errors:
            break
        broken = {Path(problem.file) for problem in errors}
        if any(path.parent not in record_folders for path in broken):
            return result  # not one record's fault (no services folder...): the centre is out
        for path in sorted(broken):
            path.unlink()
            result.left_out.append(staged.original(path))
    result.problems += [_pointing_home(problem, staged) for problem in catalogue.warnings]
    result.catalogue = catalogue
    return result


def _pointing_home(problem: Problem, staged: Staged) -> Problem:
    return replace(problem, file=staged.original(Path(problem.file)))


def _final_ids(results: list[CentreResult]) -> dict[tuple[str, str, str], str]:
    """(centre, kind, id) → id in the region: prefixed with the centre's id where ids collide."""
    wanted: dict[tuple[str, str, str], str] = {}
    for result in results:
        assert result.catalogue is not None
        for kind, records in (
            ("provider", result.catalogue.providers),
            ("service", result.catalogue.services),
        ):
            for record_id in records:
                wanted[(result.centre.id, kind, record_id)] = record_id
    shared = Counter((kind, record_id) for (_centre, kind, record_id) in wanted)
    return {key: f"{key[0]}-{key[2]}" if shared[(key[1], key[2])] > 1 else key[2] for key in wanted}


def _moved(record: Record, centre: str, ids: dict[tuple[str, str, str], str]) -> dict | None:
    """The service's data with its provider and documents renamed, or None when unchanged."""
    data = copy.deepcopy(record.data)
    data["provider"] = ids[(centre, "provider", data["provider"])]
    for document in data.get("documents", []):
        document["file"] = f"{centre}/{document['file']}"
    return None if data == record.data else data


def _write(record: Record, record_id: str, data: dict[str, Any] | None, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{record_id}.yaml"
    if data is None:
        shutil.copyfile(record.path, target)  # unchanged: the centre's own text and comments
    else:
        target.write_text(record_yaml(data, record.kind, folder), encoding="utf-8")


def write_region(content: Path, results: list[CentreResult]) -> None:
    """The regional content folder: every usable centre's records and one record per centre."""
    shutil.rmtree(content, ignore_errors=True)
    usable = [result for result in results if result.catalogue is not None]
    ids = _final_ids(usable)
    taken: set[tuple[str, str]] = set()
    for result in usable:
        centre, catalogue, staged = result.centre, result.catalogue, result.staged
        assert catalogue is not None and staged is not None
        listed: dict[str, Any] = {"services": [], "providers": []}
        kinds: list[tuple[RecordKind, dict[str, Record]]] = [
            ("provider", catalogue.providers),
            ("service", catalogue.services),
        ]
        for kind, records in kinds:
            for record_id, record in records.items():
                final = ids[(centre.id, kind, record_id)]
                if (kind, final) in taken:
                    result.left_out.append(staged.original(record.path))
                    result.problems.append(
                        Problem(
                            "id-taken",
                            staged.original(record.path),
                            1,
                            "",
                            {"id": final},
                            template=ID_TAKEN,
                        )
                    )
                    continue
                taken.add((kind, final))
                data = _moved(record, centre.id, ids) if kind == "service" else None
                _write(record, final, data, content / FOLDERS[kind])
                listed[FOLDERS[kind]].append(_entry(centre, kind, record_id, final, staged))
        if (staged.content / DOCUMENTS).is_dir():
            shutil.copytree(staged.content / DOCUMENTS, content / DOCUMENTS / centre.id)
        _write_centre(centre, listed, content / CENTRE_FOLDER)


def _entry(centre: Record, kind: str, original: str, final: str, staged: Staged) -> Any:
    """A centre record's line about one record: a provider's id, a service's id and page."""
    if kind == "provider":
        return final
    website = centre.data.get("website")
    if website and staged.kind != "hsds":
        return {"id": final, "canonical": website + SERVICE_PAGE.format(id=original)}
    return {"id": final}


def _write_centre(centre: Record, listed: dict[str, Any], folder: Path) -> None:
    data = {key: value for key, value in centre.data.items() if key not in SOURCE_FIELDS}
    data = {key: value for key, value in data.items() if key not in ("ref", "folder")}
    data |= {key: value for key, value in listed.items() if value}
    folder.mkdir(parents=True, exist_ok=True)
    text = record_yaml(data, "centre", folder)
    (folder / f"{centre.id}.yaml").write_text(text, encoding="utf-8")
