"""``katalog new service|provider|package|news ID``: a commented record template to fill in."""

from __future__ import annotations

import argparse
import datetime as dt
import string
from pathlib import Path

from cus_catalogue.i18n import gettext as _
from cus_catalogue.record_writer import schema_reference
from cus_catalogue.records import FOLDERS, RecordKind, is_record_id

from .messages import fail, say
from .paths import content_folder

TEMPLATES = Path(__file__).parent / "templates"


def record_template(
    kind: RecordKind,
    folder: Path,
    provider: str = "",
    maintainer: str = "",
    today: dt.date | None = None,
) -> str:
    """The filled-in template text: schema line, comments in Polish, values to replace."""
    text = (TEMPLATES / f"{kind}.yaml").read_text(encoding="utf-8")
    return string.Template(text).substitute(
        schema=schema_reference(folder, kind),
        provider=provider or "id-realizatora",
        maintainer=maintainer or "login-opiekuna",
        today=(today or dt.date.today()).isoformat(),
    )


def cmd_new(args: argparse.Namespace) -> int:
    """Write the template as ``<content>/<folder>/<id>.yaml``; never overwrite a record."""
    if not is_record_id(args.id):
        return fail(
            _(
                "“{id}” is not a valid id: use lowercase letters a-z, digits and hyphens, "
                "e.g. zlota-raczka"
            ).format(id=args.id)
        )
    folder = content_folder(args.content) / FOLDERS[args.kind]
    today = dt.date.today()
    # An announcement's file name starts with its date, so the folder lists them in order.
    stem = f"{today.isoformat()}-{args.id}" if args.kind == "news" else args.id
    target = folder / f"{stem}.yaml"
    if target.exists() and not args.force:
        return fail(_("{path} already exists.").format(path=target))
    folder.mkdir(parents=True, exist_ok=True)
    text = record_template(args.kind, folder, args.provider or "", args.maintainer or "", today)
    target.write_text(text, encoding="utf-8")
    say(_("Wrote {path}: fill it in, then run `katalog validate`.").format(path=target))
    return 0


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """new service|provider|package|news."""
    new = commands.add_parser("new", help=_("write a commented template of a new record"))
    new.add_argument("kind", choices=sorted(FOLDERS), help=_("service, provider, package or news"))
    new.add_argument("id", help=_("id of the record: its file name without .yaml"))
    new.add_argument("--content", help=_("content folder (default: content)"))
    new.add_argument("--provider", help=_("id of the service's provider"))
    new.add_argument("--maintainer", help=_("account name of the provider's maintainer"))
    new.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    new.set_defaults(run=cmd_new)
