"""Problems as GitHub Actions workflow commands, so each shows on its line in a pull request."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from cus_catalogue.problems import Problem


def _escape_data(text: str) -> str:
    """The message part: %, CR and LF are encoded, as the runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A property value: additionally ``:`` and ``,``, which separate properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, base: Path | None = None) -> str:
    """``::error file=content/services/x.yaml,line=12,title=fee.amount::message``."""
    path = Path(problem.file)
    if base is not None:
        with contextlib.suppress(ValueError):
            path = path.resolve().relative_to(base.resolve())
    properties = [f"file={_escape_property(path.as_posix())}", f"line={int(problem.line)}"]
    if problem.field:
        properties.append(f"title={_escape_property(problem.field)}")
    level = "error" if problem.severity == "error" else "warning"
    return f"::{level} {','.join(properties)}::{_escape_data(problem.message)}"


def github_report(problems: Iterable[Problem], base: Path | None = None) -> tuple[int, int]:
    """Print one workflow command per problem on stdout; return (errors, warnings)."""
    errors = warnings = 0
    for problem in problems:
        print(github_annotation(problem, base), flush=True)
        errors += problem.severity == "error"
        warnings += problem.severity == "warning"
    return errors, warnings
