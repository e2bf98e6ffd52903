"""``katalog apply-proposal FILE``: a proposed record, validated as the build would, into content/.

A proposal is a JSON file ``{"kind": "service"|"provider", "id": "...", "record": {...}}`` (what
the form backend's catalogue-update queue hands over once an editor has written the record), an
accepted partner offer from the form backend (a draft provider record, ``offers.py``), or a YAML
record whose file name is its id. It is written only when the whole catalogue with it
has no new error; otherwise the validator's messages are printed and nothing changes.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.i18n import gettext as _
from cus_catalogue.problems import Problem
from cus_catalogue.record_writer import record_yaml
from cus_catalogue.records import (
    FOLDERS,
    RECORD_SUFFIXES,
    RecordKind,
    RecordSyntaxError,
    is_record_id,
    parse_record,
)

from .jsonfile import JsonFileError, parse_json
from .messages import fail, report, say
from .offers import is_offer, provider_draft, provider_id
from .paths import DATA, content_folder


class ProposalError(Exception):
    """The proposal file cannot be read as a proposal; the message says why, translated."""


@dataclasses.dataclass
class Proposal:
    """One record to add or replace."""

    kind: RecordKind
    id: str
    record: dict[str, Any]
    from_offer: bool = False


def read_proposal(path: Path, kind: str | None = None, record_id: str | None = None) -> Proposal:
    """A JSON proposal, an accepted partner offer (a draft provider, id from ``--id`` or the
    organisation's name), or a YAML record (kind from ``--kind`` or from its fields)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        message = _("cannot read {path}: {error}").format(path=path, error=error)
        raise ProposalError(message) from error
    if path.suffix in RECORD_SUFFIXES:
        try:
            record, _lines = parse_record(text)
        except RecordSyntaxError as error:
            problem = Problem(error.code, path, error.line, "", error.params)
            raise ProposalError(problem.format()) from None
        guessed = "service" if "provider" in record else "provider"
        return _checked(kind or guessed, path.stem, record)
    try:
        data = parse_json(text)
    except JsonFileError as error:
        raise ProposalError(str(error)) from None
    if is_offer(data):
        values = data["values"]
        record_id = record_id or provider_id(str(values.get("organisation", "")))
        proposal = _checked("provider", record_id, provider_draft(values, dt.date.today()))
        return dataclasses.replace(proposal, from_offer=True)
    if not isinstance(data, dict) or not isinstance(data.get("record"), dict):
        raise ProposalError(_("a proposal needs “kind”, “id” and “record” (a group of fields)"))
    return _checked(str(data.get("kind", "")), str(data.get("id", "")), data["record"])


def _checked(kind: str, record_id: str, record: dict[str, Any]) -> Proposal:
    if kind not in FOLDERS:
        raise ProposalError(
            _("“{kind}” is not a record type; use service or provider").format(kind=kind)
        )
    proposal = Proposal(kind, record_id, record)
    if not is_record_id(proposal.id):
        raise ProposalError(
            _(
                "“{id}” is not a valid id: use lowercase letters a-z, digits and hyphens, "
                "e.g. zlota-raczka"
            ).format(id=proposal.id)
        )
    return proposal


def _existing(folder: Path, record_id: str) -> list[Path]:
    return [folder / f"{record_id}{suffix}" for suffix in RECORD_SUFFIXES]


def validate_proposal(content: Path, proposal: Proposal) -> tuple[str, list[Problem]]:
    """(YAML text, problems the proposal brings) from a copy of the content folder with it."""
    target_folder = content / FOLDERS[proposal.kind]
    text = record_yaml(proposal.record, proposal.kind, target_folder)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "content"
        for folder in FOLDERS.values():
            if (content / folder).is_dir():
                shutil.copytree(content / folder, copy / folder)
        before = load_catalogue(copy, DATA)
        known = {_key(p, copy) for p in before.errors}
        (copy / FOLDERS[proposal.kind]).mkdir(parents=True, exist_ok=True)
        for path in _existing(copy / FOLDERS[proposal.kind], proposal.id):
            path.unlink(missing_ok=True)
        written = copy / FOLDERS[proposal.kind] / f"{proposal.id}.yaml"
        written.write_text(text, encoding="utf-8")
        after = load_catalogue(copy, DATA)
        new = [
            p
            for p in after.problems
            if Path(p.file).resolve() == written.resolve() or _key(p, copy) not in known
        ]
        # Point messages at the file the proposal becomes, not at the scratch copy.
        problems = [_moved(p, copy, content) for p in new]
    return text, problems


def _relative(problem: Problem, root: Path) -> Path | None:
    """The problem's file relative to ``root``; None for files elsewhere (vocabularies)."""
    try:
        return Path(problem.file).resolve().relative_to(root.resolve())
    except ValueError:
        return None


def _moved(problem: Problem, copy: Path, content: Path) -> Problem:
    relative = _relative(problem, copy)
    return problem if relative is None else dataclasses.replace(problem, file=content / relative)


def _key(problem: Problem, root: Path) -> tuple[str, int, str, str]:
    """A problem's identity across two loads of the same folder."""
    return (
        str(_relative(problem, root) or problem.file),
        problem.line,
        problem.field,
        problem.code,
    )


def cmd_apply_proposal(args: argparse.Namespace) -> int:
    """Validate the proposed record; write it into the content folder only when it is valid."""
    content = content_folder(args.content)
    try:
        proposal = read_proposal(Path(args.file), args.kind, args.id)
    except ProposalError as error:
        return fail(f"{args.file}: {error}")
    text, problems = validate_proposal(content, proposal)
    errors, _warnings = report(problems, Path.cwd())
    folder = content / FOLDERS[proposal.kind]
    target = folder / f"{proposal.id}.yaml"
    if errors:
        return fail(
            _("The proposal was not applied: fix the errors above. {path} is unchanged.").format(
                path=target
            )
        )
    if args.dry_run:
        say(_("The proposal is valid; nothing was written (--dry-run)."))
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    for path in _existing(folder, proposal.id):
        if path != target:
            path.unlink(missing_ok=True)
    target.write_text(text, encoding="utf-8")
    say(_("Wrote {path}. Check it with `git diff` and commit it.").format(path=target))
    if proposal.from_offer:
        say(
            _(
                "It is a draft made from an offer: ask the organisation which address, phone and "
                "e-mail to publish, add them and the maintainers, then commit it."
            )
        )
    return 0


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """apply-proposal."""
    apply = commands.add_parser(
        "apply-proposal", help=_("validate a proposed record and write it into content/")
    )
    apply.add_argument("file", help=_("proposal: JSON {kind, id, record} or a YAML record"))
    apply.add_argument("--content", help=_("content folder (default: content)"))
    apply.add_argument(
        "--kind", choices=sorted(FOLDERS), help=_("record type of a YAML record (default: guess)")
    )
    apply.add_argument(
        "--dry-run", action="store_true", help=_("only validate, do not write anything")
    )
    apply.add_argument(
        "--id", help=_("id of the provider made from a partner offer (default: from its name)")
    )
    apply.set_defaults(run=cmd_apply_proposal)
