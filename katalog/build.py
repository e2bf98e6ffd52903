"""Builds the site with real Pelican in this process, so problems print once and plainly."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import gettext as _
from cus_catalogue.problems import Problem
from cus_catalogue.site_settings import SettingsInvalid, load_settings

from .messages import fail, report, say
from .paths import DEV_SETTINGS


@dataclass
class BuildResult:
    """A build's exit code, the problems it found, other warnings it logged, its summary."""

    code: int
    problems: list[Problem] = field(default_factory=list)
    other_warnings: list[str] = field(default_factory=list)
    summary: str = ""


@dataclass
class BuildLog(logging.Handler):
    """Prints log records plainly; keeps the problems and any other warning for ``publish``."""

    result: BuildResult = field(default_factory=lambda: BuildResult(0))

    def __post_init__(self) -> None:
        super().__init__(logging.INFO)

    def emit(self, record: logging.LogRecord) -> None:
        """Problems as ``path:line: field: message``; the closing summary; other warnings."""
        problem = getattr(record, "problem", None)
        summary = getattr(record, "build_summary", None)
        if problem is not None:
            self.result.problems.append(problem)
            report([problem])
        elif summary is not None:
            self.result.summary = summary.text()
        elif record.levelno >= logging.WARNING:
            message = record.getMessage()
            if record.levelno == logging.WARNING:
                self.result.other_warnings.append(message)
            print(message, flush=True)

    def __hash__(self) -> int:
        return id(self)


def read_site_settings(
    settings_file: Path, content: Path, overrides: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Pelican's settings from the file, with the plugin's defaults, and problems in them."""
    from pelican.settings import read_settings

    override = {"PATH": str(content.resolve()), **(overrides or {})}
    try:
        settings = read_settings(str(settings_file), override=override)
    except Exception as error:  # a settings file that does not run: say where, no traceback
        detail = f"{type(error).__name__}: {error}"
        return {}, [Problem("bad-setting", settings_file, 1, "", {"detail": detail})]
    try:
        _typed, problems = load_settings(settings, settings_file)
    except SettingsInvalid as invalid:
        return settings, invalid.problems
    return settings, problems


def build_site(
    content: Path,
    output: Path,
    settings_file: Path = DEV_SETTINGS,
    overrides: dict[str, Any] | None = None,
) -> BuildResult:
    """Run Pelican; return what happened, having printed problems and the summary."""
    from pelican import Pelican
    from pelican.log import console

    if not (content / "services").is_dir():
        return BuildResult(fail(_("There is no services folder in {path}.").format(path=content)))
    log = BuildLog()
    root = logging.getLogger()
    level = root.level
    root.addHandler(log)
    root.setLevel(logging.INFO)
    quiet = console.quiet
    console.quiet = True  # Pelican's closing line counts blog articles; ours is below
    try:
        override = {"OUTPUT_PATH": str(output.resolve()), **(overrides or {})}
        settings, problems = read_site_settings(settings_file, content, override)
        if not settings:
            report(problems)
            log.result.code = 1
            return log.result
        Pelican(settings).run()
    except SystemExit:  # the plugin stopped the build; the problems were printed
        log.result.code = 1
    except Exception as error:  # a theme or settings fault: say what, not a traceback
        log.result.code = fail(_("The build failed: {error}").format(error=error))
    finally:
        console.quiet = quiet
        root.removeHandler(log)
        root.setLevel(level)
    if log.result.code == 0:
        say(log.result.summary)
        say(_("The site is ready in {path}.").format(path=output))
    return log.result
