"""``katalog aggregate REGION``: one site from several centres' catalogues.

``REGION/centres/<id>.yaml`` names each centre, its contact and where its catalogue is (a
content folder, a git repository or an HSDS export). Problems are reported per centre; a
centre's broken record is left out and the rest of the region is still built.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cus_catalogue.catalogue import read_centres
from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext
from cus_catalogue.site_settings import SettingsInvalid, SiteSettings

from .build import build_site, read_site_settings
from .messages import fail, report, say
from .paths import DEFAULT_OUTPUT, DEV_SETTINGS
from .region import CentreResult, check_centre, write_region
from .region_sources import SourceProblem, stage


def _say_centre(result: CentreResult, base: Path) -> None:
    """The centre's problems, then what it brings and what was left out."""
    say(_("Centre {name} ({id}):").format(name=result.centre.data["name"], id=result.centre.id))
    report(result.problems, base)
    if result.catalogue is None:
        fail("  " + _("The centre is left out: fix the errors above."))
        return
    services, providers = len(result.catalogue.services), len(result.catalogue.providers)
    say(
        "  "
        + ngettext("{n} service", "{n} services", services).format(n=services)
        + ", "
        + ngettext("{n} provider", "{n} providers", providers).format(n=providers)
    )
    if result.left_out:
        count = len(result.left_out)
        say(
            "  "
            + ngettext(
                "{n} file left out (errors above):", "{n} files left out (errors above):", count
            ).format(n=count)
        )
        for path in result.left_out:
            say(f"    {path}")


def aggregate(
    region: Path,
    output: Path,
    work: Path,
    settings_file: Path = DEV_SETTINGS,
    overrides: dict[str, Any] | None = None,
) -> int:
    """Fetch, check and join every centre's catalogue; build the regional site."""
    work = work.resolve()
    content = work / "content"
    content.mkdir(parents=True, exist_ok=True)  # Pelican's settings want it to exist
    raw, problems = read_site_settings(settings_file, content, overrides)
    try:
        settings = SiteSettings.model_validate(raw) if raw else None
    except SettingsInvalid as invalid:
        problems, settings = invalid.problems, None
    centres, centre_problems = read_centres(region)
    errors, _warnings = report(problems + centre_problems, Path.cwd())
    if settings is None or (errors and not centres):
        return 1
    broken = {problem.file for problem in centre_problems if problem.severity == "error"}
    results = []
    for centre in centres.values():
        if centre.path in broken:
            continue  # its own file is invalid: reported above
        try:
            result = check_centre(stage(centre, region, work / "centres"), settings)
        except SourceProblem as problem:
            result = CentreResult(centre, problems=[problem.problem])
        _say_centre(result, Path.cwd())
        results.append(result)
    if not any(result.catalogue is not None for result in results):
        return fail(_("No centre could be used: nothing was built."))
    write_region(content, results)
    return build_site(content, output, settings_file, overrides).code


def cmd_aggregate(args: argparse.Namespace) -> int:
    """Build the regional catalogue."""
    overrides = {"CATALOGUE_PUBLIC_URL": args.public_url} if args.public_url else {}
    region = Path(args.region)
    work = Path(args.work) if args.work else region / ".katalog-region"
    return aggregate(region, Path(args.output), work, Path(args.settings), overrides)


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """aggregate."""
    command = commands.add_parser(
        "aggregate", help=_("build one site from several centres' catalogues")
    )
    command.add_argument("region", help=_("region folder: centres/<id>.yaml for each centre"))
    command.add_argument("--output", "-o", default=str(DEFAULT_OUTPUT), help=_("output folder"))
    command.add_argument(
        "--work", help=_("folder for the centres' copies (default: REGION/.katalog-region)")
    )
    command.add_argument(
        "--settings", "-s", default=str(DEV_SETTINGS), help=_("Pelican settings file")
    )
    command.add_argument(
        "--public-url", help=_("address the site is served at (sitemap, feed, QR codes)")
    )
    command.set_defaults(run=cmd_aggregate)
