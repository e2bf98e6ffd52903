"""The core subcommands: validate, build and serve."""

from __future__ import annotations

import argparse
from pathlib import Path

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.i18n import gettext as _

from .annotations import github_report
from .build import build_site
from .messages import report, say, summary
from .paths import DATA, DEFAULT_OUTPUT, DEV_SETTINGS, content_folder


def cmd_validate(args: argparse.Namespace) -> int:
    """Check every record and vocabulary; exit 1 when anything is an error."""
    content = content_folder(args.content)
    catalogue = load_catalogue(content, DATA, stale_months=args.stale_months)
    if args.format == "github":
        errors, warnings = github_report(catalogue.problems, Path.cwd())
    else:
        errors, warnings = report(catalogue.problems, Path.cwd())
    say(summary(len(catalogue.services), len(catalogue.providers), errors, warnings))
    return 1 if errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site with Pelican into the output folder."""
    content = content_folder(args.content)
    code, _warnings = build_site(content, Path(args.output), Path(args.settings))
    return code


def cmd_serve(args: argparse.Namespace) -> int:
    """Local preview with the form backend, rebuilt on change."""
    from .serve import serve

    return serve(content_folder(args.content), Path(args.output), args.host, args.port)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """validate, build and serve."""
    validate = commands.add_parser("validate", help=_("check the records"))
    validate.add_argument("content", nargs="?", help=_("content folder (default: content)"))
    validate.add_argument(
        "--stale-months",
        type=int,
        default=12,
        help=_("warn about records not checked for this many months"),
    )
    validate.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help=_("github: annotations for GitHub Actions (::error file=...,line=...::)"),
    )
    validate.set_defaults(run=cmd_validate)

    build = commands.add_parser("build", help=_("build the site"))
    build.add_argument("content", nargs="?", help=_("content folder (default: content)"))
    build.add_argument("--output", "-o", default=str(DEFAULT_OUTPUT), help=_("output folder"))
    build.add_argument(
        "--settings", "-s", default=str(DEV_SETTINGS), help=_("Pelican settings file")
    )
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help=_("preview the site locally"))
    serve.add_argument("content", nargs="?", help=_("content folder (default: content)"))
    serve.add_argument("--output", "-o", default=str(DEFAULT_OUTPUT), help=_("output folder"))
    serve.add_argument("--host", default="127.0.0.1", help=_("address to listen on"))
    serve.add_argument("--port", type=int, default=8000, help=_("port to listen on"))
    serve.set_defaults(run=cmd_serve)
