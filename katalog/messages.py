"""Console output of the command: problems and summaries, translated, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext
from cus_catalogue.problems import Problem


def say(message: str) -> None:
    """A line for the person at the terminal."""
    print(message, flush=True)


def fail(message: str) -> int:
    """A line on stderr, and the exit code that goes with it."""
    print(message, file=sys.stderr, flush=True)
    return 1


def report(problems: Iterable[Problem], base: Path | None = None) -> tuple[int, int]:
    """Print every problem as ``path:line: field: message``; return (errors, warnings)."""
    errors = warnings = 0
    for problem in problems:
        stream = sys.stderr if problem.severity == "error" else sys.stdout
        print(problem.format(base), file=stream)
        errors += problem.severity == "error"
        warnings += problem.severity == "warning"
    return errors, warnings


def summary(services: int, providers: int, errors: int, warnings: int) -> str:
    """``Sprawdzono 46 usług i 14 realizatorów: 0 błędów, 1 ostrzeżenie.``"""
    checked = _("Checked {services} and {providers}: {errors}, {warnings}.")
    return checked.format(
        services=ngettext("{n} service", "{n} services", services).format(n=services),
        providers=ngettext("{n} provider", "{n} providers", providers).format(n=providers),
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
    )
