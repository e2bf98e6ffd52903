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
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from cus_catalogue.catalogue import FOLDERS, ID_PATTERN, RECORD_SUFFIXES, load_catalogue
from cus_catalogue.i18n import gettext as _
from cus_catalogue.problems import Problem
from cus_catalogue.records import RecordLoader

from .messages import fail, report, say
from .offers import is_offer, provider_draft, provider_id
from .paths import DATA, content_folder
from .scaffold import schema_reference

QUOTED = re.compile(r"^(\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2})$")


class ProposalError(Exception):
    """The proposal file cannot be read as a proposal; the message says why, translated."""


@dataclasses.dataclass
class Proposal:
    """One record to add or replace."""

    kind: str
    id: str
    record: dict[str, Any]
    from_offer: bool = False


class _RecordDumper(yaml.SafeDumper):
    """Block style for multi-line text, so descriptions read like the hand-written records."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") else None
    if QUOTED.match(value):  # hours and dates quoted, as in the hand-written records
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _text)


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
            record = yaml.load(text, Loader=RecordLoader)
        except yaml.YAMLError as error:
            message = _("the file is not valid YAML: {detail}").format(detail=error)
            raise ProposalError(message) from error
        if not isinstance(record, dict):
            raise ProposalError(_("the record must be a list of fields (field: value)"))
        guessed = "service" if "provider" in record else "provider"
        return _checked(Proposal(kind or guessed, path.stem, record))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = _("the file is not valid JSON: {error}").format(error=error)
        raise ProposalError(message) from error
    if is_offer(data):
        values = data["values"]
        record_id = record_id or provider_id(str(values.get("organisation", "")))
        draft = provider_draft(values, dt.date.today())
        return _checked(Proposal("provider", record_id, draft, from_offer=True))
    if not isinstance(data, dict) or not isinstance(data.get("record"), dict):
        raise ProposalError(_("a proposal needs “kind”, “id” and “record” (a group of fields)"))
    return _checked(Proposal(str(data.get("kind", "")), str(data.get("id", "")), data["record"]))


def _checked(proposal: Proposal) -> Proposal:
    if proposal.kind not in FOLDERS:
        raise ProposalError(
            _("“{kind}” is not a record type; use service or provider").format(kind=proposal.kind)
        )
    if not ID_PATTERN.match(proposal.id):
        raise ProposalError(
            _(
                "“{id}” is not a valid id: use lowercase letters a-z, digits and hyphens, "
                "e.g. zlota-raczka"
            ).format(id=proposal.id)
        )
    return proposal


def record_yaml(proposal: Proposal, folder: Path) -> str:
    """The record as it is written: the schema line for editors, then the fields in order."""
    body = yaml.dump(
        proposal.record,
        Dumper=_RecordDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return f"# yaml-language-server: $schema={schema_reference(folder, proposal.kind)}\n{body}"


def _existing(folder: Path, record_id: str) -> list[Path]:
    return [folder / f"{record_id}{suffix}" for suffix in RECORD_SUFFIXES]


def validate_proposal(content: Path, proposal: Proposal) -> tuple[str, list[Problem]]:
    """(YAML text, problems the proposal brings) from a copy of the content folder with it."""
    target_folder = content / FOLDERS[proposal.kind]
    text = record_yaml(proposal, target_folder)
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
