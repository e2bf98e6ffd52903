"""``katalog publish``: production build, checks, freshness report, then deploy. One command.

Order: build with publishconf.py (which minifies and hashes CSS/JS inside the build, before the
offline worker lists the files, and validates the open-data package; any warning is fatal,
except records past their verification date, which go to the freshness report), check
internal links (a broken one stops the publish), report failing external links (never stops
it), report freshness, and deploy to ``CATALOGUE_DEPLOY_TARGET`` unless ``--dry-run``.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext
from cus_catalogue.publishing.freshness import FRESHNESS_CSV, FRESHNESS_URL

from .build import build_site, read_site_settings
from .deploy import DeployError, deploy_git, deploy_rsync, deploy_s3, parse_target, redact
from .linkcheck import Fetch, check_external, check_internal, external_links
from .messages import fail, say
from .paths import DEFAULT_OUTPUT, PUBLISH_SETTINGS, content_folder


@dataclass
class PublishResult:
    """What a publish did: its exit code, the warnings that stopped it, whether it deployed."""

    code: int
    fatal_warnings: list[str] = field(default_factory=list)
    deployed: bool = False


def _freshness_summary(output: Path, siteurl: str) -> None:
    """Print how many records are past their verification date, by provider."""
    table = output / FRESHNESS_CSV
    if not table.is_file():
        return
    with table.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))[1:]
    providers: dict[str, int] = {}
    for row in rows:
        providers[row[1]] = providers.get(row[1], 0) + 1
    say(
        ngettext(
            "Freshness: {n} record is past its verification date.",
            "Freshness: {n} records are past their verification date.",
            len(rows),
        ).format(n=len(rows))
    )
    for provider, count in sorted(providers.items()):
        say(f"  {provider}: {count}")
    if rows:
        say(_("Details for the staff: {url}").format(url=f"{siteurl}/{FRESHNESS_URL}"))


def publish(
    content: Path,
    output: Path,
    *,
    dry_run: bool = False,
    settings_file: Path = PUBLISH_SETTINGS,
    overrides: dict[str, Any] | None = None,
    target: str | None = None,
    check_links: bool = True,
    fetch: Fetch | None = None,
) -> PublishResult:
    """Build, check, report and (unless ``dry_run``) deploy; every step says what it found."""
    # What goes out is a valid Data Package: frictionless checks it, whatever the settings say.
    overrides = {**(overrides or {}), "CATALOGUE_OPENDATA_VALIDATE": True}
    settings, _problems = read_site_settings(settings_file, content, overrides)
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    built = build_site(content, output, settings_file, overrides)
    if built.code:
        return PublishResult(built.code)
    # Records past their verification date go to the freshness report; any other warning
    # (a feature's, Pelican's, a theme's) must be fixed before the site goes out.
    fatal = [p.format() for p in built.problems if p.code != "stale"] + built.other_warnings
    if fatal:
        fail(
            ngettext(
                "The build logged {n} warning; a publish needs none.",
                "The build logged {n} warnings; a publish needs none.",
                len(fatal),
            ).format(n=len(fatal))
        )
        return PublishResult(1, fatal_warnings=fatal)
    broken = check_internal(output, siteurl)
    for link in broken:
        fail(
            _("{page}:{line}: broken link to {target}").format(
                page=output / link.page, line=link.line, target=link.target
            )
        )
    if broken:
        fail(
            ngettext(
                "{n} internal link leads nowhere; nothing was published.",
                "{n} internal links lead nowhere; nothing was published.",
                len(broken),
            ).format(n=len(broken))
        )
        return PublishResult(1)
    say(_("Internal links: all lead to pages and files of the site."))
    if check_links:
        links = external_links(output, siteurl)
        failures = check_external(links, fetch)
        for failure in failures:
            say(
                _(
                    "warning: external link {url} does not work ({reason}); linked from {pages}"
                ).format(url=failure.url, reason=failure.reason, pages=", ".join(failure.pages[:3]))
            )
        say(
            ngettext(
                "External links: {failed} of {total} does not work (reported, not fatal).",
                "External links: {failed} of {total} do not work (reported, not fatal).",
                len(failures),
            ).format(failed=len(failures), total=len(links))
        )
    _freshness_summary(output, siteurl)
    result = PublishResult(0)
    if dry_run:
        say(_("Dry run: the site is in {path}; nothing was deployed.").format(path=output))
        return result
    target = target if target is not None else str(settings.get("CATALOGUE_DEPLOY_TARGET") or "")
    if not target:
        fail(
            _(
                "No deploy target: set KATALOG_DEPLOY (or CATALOGUE_DEPLOY_TARGET), or use "
                "--dry-run. The checked site is in {path}."
            ).format(path=output)
        )
        return PublishResult(1)
    try:
        deploy(output, target, str(settings.get("CATALOGUE_DEPLOY_S3_ENDPOINT") or ""))
    except DeployError as error:
        fail(_("Deploy failed: {error}").format(error=redact(str(error))))
        return PublishResult(1)
    say(_("Published to {target}.").format(target=redact(target)))
    result.deployed = True
    return result


def deploy(site: Path, target_text: str, s3_endpoint: str = "") -> None:
    """Hand the site to the deployer the target names."""
    from .gitutil import GitError

    target = parse_target(target_text)
    try:
        if target.method == "rsync":
            deploy_rsync(site, target.location)
        elif target.method == "s3":
            deploy_s3(site, target.location, target.path, s3_endpoint)
        elif not deploy_git(site, target.location, target.path):
            say(_("The site has not changed since the last publish."))
    except (GitError, OSError) as error:
        raise DeployError(str(error)) from error


def cmd_publish(args: argparse.Namespace) -> int:
    """Production build, checks and deploy."""
    result = publish(
        content_folder(args.content),
        Path(args.output),
        dry_run=args.dry_run,
        settings_file=Path(args.settings),
        target=args.target,
        check_links=not args.no_external,
    )
    return result.code


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """publish."""
    publish_parser = commands.add_parser(
        "publish", help=_("build for production, check and deploy the site")
    )
    publish_parser.add_argument("content", nargs="?", help=_("content folder (default: content)"))
    publish_parser.add_argument(
        "--output", "-o", default=str(DEFAULT_OUTPUT), help=_("output folder")
    )
    publish_parser.add_argument(
        "--dry-run", action="store_true", help=_("build and check, do not deploy")
    )
    publish_parser.add_argument(
        "--target", help=_("deploy target instead of the one in the settings")
    )
    publish_parser.add_argument(
        "--no-external", action="store_true", help=_("do not try external links")
    )
    publish_parser.add_argument(
        "--settings", "-s", default=str(PUBLISH_SETTINGS), help=_("Pelican settings file")
    )
    publish_parser.set_defaults(run=cmd_publish)
