"""The core subcommands: validate, build and serve."""

from __future__ import annotations

import argparse
from pathlib import Path

from cus_catalogue.features import inspect_catalogue
from cus_catalogue.i18n import gettext as _
from cus_catalogue.site_settings import SettingsInvalid, SiteSettings

from .annotations import github_report
from .build import build_site, read_site_settings
from .messages import report, say, summary
from .paths import DEFAULT_OUTPUT, DEV_SETTINGS, content_folder


def cmd_validate(args: argparse.Namespace) -> int:
    """Check what the build checks (records, vocabularies, every feature's data); exit 1 on
    any error, so a pull request fails on everything a build or publish would stop on."""
    content = content_folder(args.content)
    overrides = {} if args.stale_months is None else {"CATALOGUE_STALE_MONTHS": args.stale_months}
    settings, problems = read_site_settings(Path(args.settings), content, overrides)
    counts = 0, 0
    if not any(p.severity == "error" for p in problems):
        try:
            catalogue = inspect_catalogue(content, SiteSettings.model_validate(settings))
        except SettingsInvalid as invalid:
            problems += invalid.problems
        else:
            problems += catalogue.problems
            counts = len(catalogue.services), len(catalogue.providers)
    print_problems = github_report if args.format == "github" else report
    errors, warnings = print_problems(problems, Path.cwd())
    say(summary(*counts, errors, warnings))
    return 1 if errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site with Pelican into the output folder."""
    content = content_folder(args.content)
    overrides = {"CATALOGUE_PUBLIC_URL": args.public_url} if args.public_url else {}
    if args.cache:
        overrides["CATALOGUE_BUILD_CACHE"] = str(Path(args.cache).resolve())
    return build_site(content, Path(args.output), Path(args.settings), overrides).code


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
        help=_("warn about records not checked for this many months (default: the settings)"),
    )
    validate.add_argument(
        "--settings", "-s", default=str(DEV_SETTINGS), help=_("Pelican settings file")
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
    build.add_argument(
        "--public-url", help=_("address the site is served at (sitemap, feed, QR codes)")
    )
    build.add_argument(
        "--cache", help=_("folder where a build keeps its work, so the next one is faster")
    )
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help=_("preview the site locally"))
    serve.add_argument("content", nargs="?", help=_("content folder (default: content)"))
    serve.add_argument("--output", "-o", default=str(DEFAULT_OUTPUT), help=_("output folder"))
    serve.add_argument("--host", default="127.0.0.1", help=_("address to listen on"))
    serve.add_argument("--port", type=int, default=8000, help=_("port to listen on"))
    serve.set_defaults(run=cmd_serve)
