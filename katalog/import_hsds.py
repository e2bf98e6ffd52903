"""``katalog import-hsds FILE``: records from another directory's Open Referral HSDS data."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext
from cus_catalogue.opendata.hsds_import import (
    HsdsImporter,
    HsdsImportError,
    Imported,
    hsds_objects,
)
from cus_catalogue.opendata.hsds_tabular_import import read_tables
from cus_catalogue.record_writer import record_yaml
from cus_catalogue.records import FOLDERS, RecordKind

from .jsonfile import JsonFileError, read_json
from .messages import fail, report, say
from .paths import DATA

LEFT_OUT_WIDTH = 100


def read_hsds_source(source: Path) -> list[Any]:
    """HSDS objects of a JSON file, or of a tabular package (its folder or datapackage.json)."""
    if source.is_dir() or source.name == "datapackage.json":
        folder = source if source.is_dir() else source.parent
        return hsds_objects(read_tables(folder))
    return hsds_objects(read_json(source))


def _say_left_out(imported: Imported) -> None:
    """Per record, every value of the file that is not in it (so nothing is lost unseen)."""
    kinds = {"service": _("service"), "provider": _("provider")}
    for (kind, record_id), values in imported.left_out.items():
        if not values:
            continue
        say(
            ngettext(
                "Not imported into {id} ({kind}): {n} value:",
                "Not imported into {id} ({kind}): {n} values:",
                len(values),
            ).format(id=record_id, kind=kinds[kind], n=len(values))
        )
        for where, value in values:
            text = " ".join(str(value).split())
            cut = text if len(text) <= LEFT_OUT_WIDTH else text[: LEFT_OUT_WIDTH - 1] + "…"
            say(f"  {where}: {cut}")


def cmd_import_hsds(args: argparse.Namespace) -> int:
    """Write the records of an HSDS file into the content folder, then validate them."""
    content = Path(args.content)
    try:
        imported = HsdsImporter().run(read_hsds_source(Path(args.file)))
    except (JsonFileError, HsdsImportError) as error:
        return fail(str(error))
    kinds: list[tuple[RecordKind, dict[str, dict[str, Any]]]] = [
        ("provider", imported.providers),
        ("service", imported.services),
    ]
    targets = [
        (kind, record_id, data, content / FOLDERS[kind] / f"{record_id}.yaml")
        for kind, records in kinds
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
    _say_left_out(imported)
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
        "import-hsds", help=_("create records from Open Referral HSDS data (JSON or tables)")
    )
    command.add_argument(
        "file",
        help=_(
            "HSDS JSON (services, organisations or services at locations), or the folder "
            "(or datapackage.json) of HSDS tables"
        ),
    )
    command.add_argument(
        "--content", "-c", default="content", help=_("content folder (default: content)")
    )
    command.add_argument(
        "--overwrite", action="store_true", help=_("replace records that already exist")
    )
    command.set_defaults(run=cmd_import_hsds)
