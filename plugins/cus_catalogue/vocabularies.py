"""The vocabulary tables in data/ checked against their Frictionless Table Schemas."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem

DESCRIPTOR = "datapackage.json"


def check_vocabularies(data: Path) -> list[Problem]:
    """Every row error of every table in ``data/datapackage.json``, at its CSV line."""
    from frictionless import FrictionlessException, Package  # slow import, once per build

    descriptor = (data / DESCRIPTOR).resolve()
    try:
        report = Package(str(descriptor)).validate()
    except FrictionlessException as failure:
        return [Problem("vocabulary-invalid", descriptor, 1, "", {"note": failure.error.message})]
    problems = []
    for task in report.tasks:
        path = descriptor.parent / task.place if task.place else descriptor
        for error in task.errors:
            line = getattr(error, "row_number", None) or 1
            field = getattr(error, "field_name", "") or ""
            problems.append(
                Problem("vocabulary-invalid", path, line, field, {"note": error.message})
            )
    for error in report.errors:
        problems.append(Problem("vocabulary-invalid", descriptor, 1, "", {"note": error.message}))
    return problems
