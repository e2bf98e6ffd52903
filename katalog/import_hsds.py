"""``katalog import-hsds FILE``: records from another directory's Open Referral HSDS JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.i18n import gettext as _
from cus_catalogue.opendata.hsds_import import HsdsImportError, import_services
from cus_catalogue.record_writer import record_yaml
from cus_catalogue.records import FOLDERS

from .jsonfile import JsonFileError, read_json
from .messages import fail, report, say
from .paths import DATA


def cmd_import_hsds(args: argparse.Namespace) -> int:
    """Write the records of an HSDS file into the content folder, then validate them."""
    content = Path(args.content)
    try:
        imported = import_services(read_json(Path(args.file)))
    except (JsonFileError, HsdsImportError) as error:
        return fail(str(error))
    targets = [
        (kind, record_id, data, content / FOLDERS[kind] / f"{record_id}.yaml")
        for kind, records in (("provider", imported.providers), ("service", imported.services))
        for record_id, data in records.items()
    ]
    clashes = [path for kind, _id, _data, path in targets if kind == "service" and path.exists()]
    if clashes and not args.overwrite:
        for path in clashes:
            fail(_("{path}: a service with this id already exists").format(path=path))
        return fail(_("Nothing was written. Use --overwrite to replace existing services."))
    written = []
    for kind, _record_id, data, path in targets:
        if kind == "provider" and path.exists() and not args.overwrite:
            say(
                _("{path}: the provider is already in the catalogue, its file is kept").format(
                    path=path
                )
            )
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_yaml(data, kind, path.parent), encoding="utf-8")
        written.append(path)
    for note in imported.notes:
        say(_("Check: {note}").format(note=note))
    catalogue = load_catalogue(content, DATA)
    ours = {path.resolve() for path in written}
    errors, _warnings = report(
        [p for p in catalogue.problems if Path(p.file).resolve() in ours], Path.cwd()
    )
    say(
        _("Written to {content}: services: {services}, providers: {providers}.").format(
            services=len(imported.services),
            providers=sum(1 for path in written if path.parent.name == FOLDERS["provider"]),
            content=content,
        )
    )
    if errors:
        return fail(_("Fix the errors above in the written files before publishing."))
    return 0


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """import-hsds."""
    command = commands.add_parser(
        "import-hsds", help=_("create records from an Open Referral HSDS JSON file")
    )
    command.add_argument("file", help=_("HSDS JSON file: a list of services"))
    command.add_argument(
        "--content", "-c", default="content", help=_("content folder (default: content)")
    )
    command.add_argument(
        "--overwrite", action="store_true", help=_("replace records that already exist")
    )
    command.set_defaults(run=cmd_import_hsds)
