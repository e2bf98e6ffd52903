"""``katalog new service|provider|package|news ID``: a commented record template to fill in."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import string
from pathlib import Path

from cus_catalogue.catalogue import ID_PATTERN
from cus_catalogue.i18n import gettext as _

from .messages import fail, say
from .paths import PROJECT_ROOT, content_folder

TEMPLATES = Path(__file__).parent / "templates"
SCHEMAS = PROJECT_ROOT / "plugins" / "cus_catalogue" / "schemas"
FOLDERS = {"service": "services", "provider": "providers", "package": "packages", "news": "news"}


def schema_reference(folder: Path, kind: str) -> str:
    """The schema's path relative to the record, so editors find it in any checkout."""
    schema = SCHEMAS / f"{kind}.schema.json"
    return Path(os.path.relpath(schema, folder.resolve())).as_posix()


def record_template(
    kind: str, folder: Path, provider: str = "", maintainer: str = "", today: dt.date | None = None
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
    if not ID_PATTERN.match(args.id):
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
