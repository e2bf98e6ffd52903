"""Who may change what: ``katalog check-changes`` for pull requests.

A provider record lists its ``maintainers`` (accounts on the code host). They may change that
provider's record, the records of its services and the documents those services link
(``content/documents/``); packages and announcements are the centre's own, and centre editors
(``CATALOGUE_EDITORS``) may change everything. Maintainers and editors are read as they are at
the current tip of the base branch (not where the pull request left it), so a pull request
cannot grant itself the right it needs, nor keep a right the base has since taken away. A
symbolic link (or a submodule) in the content folder is refused for everyone: records are plain
files.
"""

from __future__ import annotations

import argparse
import runpy
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext
from cus_catalogue.records import (
    FOLDERS,
    RECORD_SUFFIXES,
    RecordSyntaxError,
    is_record_id,
    parse_record,
)
from cus_catalogue.settings import DEFAULTS

from .gitutil import GitError, git, show
from .messages import fail, say

LINK_MODES = ("120000", "160000")  # symbolic link, submodule
CENTRE_KINDS = ("package", "news")  # records only the centre's editors change
DOCUMENTS = "documents"


@dataclass(frozen=True)
class Refusal:
    """A changed file the author may not change, and why (already translated)."""

    path: str
    reason: str


def _login(name: str) -> str:
    """Account names on code hosts are case-insensitive."""
    return name.strip().lstrip("@").lower()


def _run_settings(text: str | None) -> dict[str, Any]:
    """The variables a settings file defines (it is the project's own Python, from the base)."""
    if text is None:
        return {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.py"
        path.write_text(text, encoding="utf-8")
        try:
            return runpy.run_path(str(path))
        except Exception:  # a settings file that needs more of its tree: fall back to defaults
            return {}


def editors_at(repo: Path, revision: str, settings: str = "pelicanconf.py") -> list[str]:
    """CATALOGUE_EDITORS as the site's settings say at ``revision``, else the plugin default.

    The default is the running code's: CI installs only the base branch to run this check.
    """
    site = _run_settings(show(repo, revision, settings))
    return list(site.get("CATALOGUE_EDITORS", DEFAULTS["CATALOGUE_EDITORS"]))


def _record_at(repo: Path, revision: str, path: str) -> dict[str, Any] | None:
    """The record's data at ``revision``; None when absent or unreadable."""
    text = show(repo, revision, path)
    if text is None:
        return None
    try:
        return parse_record(text)[0]
    except RecordSyntaxError:
        return None


def _record_kind(path: str, content: str) -> tuple[str, str] | None:
    """(``service``|``provider``, id) for a record file under the content folder."""
    prefix = content.strip("/") + "/"
    if not path.startswith(prefix):
        return None
    folder, _slash, name = path.removeprefix(prefix).partition("/")
    stem, dot, suffix = name.rpartition(".")
    if "/" in name or not dot or f".{suffix}" not in RECORD_SUFFIXES or not is_record_id(stem):
        return None
    kinds = {folder_name: kind for kind, folder_name in FOLDERS.items()}
    return (kinds[folder], stem) if folder in kinds else None


@dataclass(frozen=True)
class Change:
    """One changed file: git's status letter, its path and its new mode."""

    status: str
    path: str
    mode: str  # "100644" for a plain file, "120000" for a symbolic link, "000000" when deleted

    @property
    def is_link(self) -> bool:
        """A symbolic link or a submodule: never a record, whatever its name."""
        return self.mode in LINK_MODES


def changed_files(repo: Path, base: str, head: str = "HEAD") -> list[Change]:
    """Every file changed on ``head`` since it left ``base`` (renames split), with its mode."""
    out = git(repo, "diff", "--raw", "--no-renames", "--no-abbrev", "-z", f"{base}...{head}")
    fields = [field for field in out.split("\0") if field]
    changes = []
    for meta, path in zip(fields[0::2], fields[1::2], strict=True):
        _old_mode, new_mode, _old, _new, status = meta.lstrip(":").split(" ")
        changes.append(Change(status, path, new_mode))
    return changes


class Ownership:
    """Answers "may this author change this file?" from the records at the base revision."""

    def __init__(self, repo: Path, base: str, head: str, content: str) -> None:
        self.repo, self.base, self.head, self.content = repo, base, head, content.strip("/")
        self._maintainers: dict[str, set[str] | None] = {}

    def maintainers(self, provider_id: str) -> set[str] | None:
        """Logins that maintain a provider on the base revision; None if it is not there."""
        if provider_id not in self._maintainers:
            found = None
            for suffix in RECORD_SUFFIXES:
                path = f"{self.content}/{FOLDERS['provider']}/{provider_id}{suffix}"
                data = _record_at(self.repo, self.base, path)
                if data is not None:
                    found = {_login(str(m)) for m in data.get("maintainers") or []}
                    break
            self._maintainers[provider_id] = found
        return self._maintainers[provider_id]

    def _check_provider(self, provider_id: str, author: str) -> str | None:
        """Why the author may not change records of this provider, or None when they may."""
        maintainers = self.maintainers(provider_id)
        if maintainers is None:
            return _(
                "provider “{provider}” is not in the catalogue yet; a new provider is added "
                "by the centre's editors"
            ).format(provider=provider_id)
        if author not in maintainers:
            listed = ", ".join(sorted(maintainers)) or _("nobody")
            return _(
                "{author} does not maintain provider “{provider}” (its maintainers: {listed})"
            ).format(author=author, provider=provider_id, listed=listed)
        return None

    def _document_providers(self, path: str) -> list[str] | None:
        """Providers of the services that link a document at the base or the head revision;
        None when ``path`` is not in the documents folder."""
        document = path.removeprefix(f"{self.content}/{DOCUMENTS}/")
        if document == path:
            return None
        providers = []
        for revision in (self.base, self.head):
            found = git(self.repo, "grep", "-l", "-F", "-e", document, revision, "--",
                        f"{self.content}/{FOLDERS['service']}/", check=False)  # fmt: skip
            for service in (line.partition(":")[2] for line in found.splitlines()):
                data = _record_at(self.repo, revision, service) or {}
                files = [d.get("file") for d in data.get("documents") or [] if isinstance(d, dict)]
                if document in files and isinstance(data.get("provider"), str):
                    providers.append(data["provider"])
        return list(dict.fromkeys(providers))

    def refusal(self, status: str, path: str, author: str) -> str | None:
        """Why ``author`` may not make this change, or None when they may."""
        kind = _record_kind(path, self.content)
        if kind is None:
            linking = self._document_providers(path)
            if linking is None:
                return _("only the centre's editors may change files other than records")
            if not linking:
                return _(
                    "no service links this document; link it from your service's documents "
                    "in the same change"
                )
            return next(filter(None, (self._check_provider(p, author) for p in linking)), None)
        record_kind, record_id = kind
        if record_kind in CENTRE_KINDS:
            return _("packages and announcements are the centre's: only its editors change them")
        if record_kind == "provider":  # a new one is not on the base: editors only
            return self._check_provider(record_id, author)
        providers: list[str] = []
        for revision in (self.base, self.head):
            data = _record_at(self.repo, revision, path)
            if data is not None and isinstance(data.get("provider"), str):
                providers.append(data["provider"])
        if not providers:
            return _("the record cannot be read, so its provider is unknown; fix the file first")
        for provider_id in dict.fromkeys(providers):
            if reason := self._check_provider(provider_id, author):
                return reason
        return None


def check_changes(
    repo: Path,
    author: str,
    base: str,
    head: str = "HEAD",
    content: str = "content",
    editors: Iterable[str] | None = None,
    settings: str = "pelicanconf.py",
) -> tuple[list[str], list[Refusal]]:
    """(changed paths, refusals) for ``author``'s changes on ``head`` since ``base``.

    The changes are those since ``head`` left ``base``; who may make them is read at the
    current tip of ``base``, the state the changes would be merged into.
    """
    tip = git(repo, "rev-parse", "--verify", "--end-of-options", f"{base}^{{commit}}").strip()
    changes = changed_files(repo, tip, head)
    paths = [change.path for change in changes]
    folder = content.strip("/") + "/"
    refusals = [
        Refusal(change.path, _("a symbolic link is not allowed here: records are ordinary files"))
        for change in changes
        if change.is_link and change.path.startswith(folder)
    ]
    login = _login(author)
    if editors is None:
        editors = editors_at(repo, tip, settings)
    if login in {_login(e) for e in editors}:
        return paths, refusals
    ownership = Ownership(repo, tip, head, content)
    refusals += [
        Refusal(change.path, reason)
        for change in changes
        if not (change.is_link and change.path.startswith(folder))
        and (reason := ownership.refusal(change.status, change.path, login))
    ]
    return paths, refusals


def cmd_check_changes(args: argparse.Namespace) -> int:
    """Fail, naming each file, when the author changed records they do not maintain."""
    repo = Path(args.repo)
    editors = args.editors.split(",") if args.editors else None
    try:
        paths, refusals = check_changes(
            repo, args.author, args.base, args.head, args.content, editors, args.settings
        )
    except GitError as error:
        return fail(_("git could not compare the changes: {error}").format(error=error))
    for refusal in refusals:
        print(f"{refusal.path}: {refusal.reason}", file=sys.stderr, flush=True)
    if refusals:
        count = len(refusals)
        return fail(
            ngettext(
                "{author} may not change {n} file; ask the centre's editors to review it.",
                "{author} may not change {n} files; ask the centre's editors to review them.",
                count,
            ).format(author=args.author, n=count)
        )
    say(
        ngettext(
            "{author} may change the {n} changed file.",
            "{author} may change all {n} changed files.",
            len(paths),
        ).format(author=args.author, n=len(paths))
    )
    return 0


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """check-changes."""
    check = commands.add_parser(
        "check-changes", help=_("check that the author may change every changed record")
    )
    check.add_argument("--author", required=True, help=_("account name of the author"))
    check.add_argument("--base", required=True, help=_("the branch the changes go into"))
    check.add_argument("--head", default="HEAD", help=_("the changed revision (default: HEAD)"))
    check.add_argument("--repo", default=".", help=_("the git repository (default: .)"))
    check.add_argument("--content", default="content", help=_("content folder in the repository"))
    check.add_argument(
        "--settings", default="pelicanconf.py", help=_("settings file in the repository")
    )
    check.add_argument(
        "--editors", help=_("comma-separated editors instead of those in the settings")
    )
    check.set_defaults(run=cmd_check_changes)
