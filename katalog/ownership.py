"""Who may change what: ``katalog check-changes`` for pull requests and ``katalog codeowners``.

A provider record lists its ``maintainers`` (accounts on the code host). They may change that
provider's record, the records of its services and the documents those services link
(``content/documents/``); packages and announcements are the centre's own, so only centre
editors (``CATALOGUE_EDITORS``) change them, and editors may change everything. Maintainers
and editors are read as they are on the base branch, so a pull request cannot grant itself the
right it needs.
"""

from __future__ import annotations

import argparse
import runpy
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cus_catalogue.catalogue import FOLDERS, load_catalogue
from cus_catalogue.i18n import gettext as _
from cus_catalogue.i18n import ngettext
from cus_catalogue.records import RecordLoader
from cus_catalogue.settings import DEFAULTS

from .gitutil import GitError, git, show
from .messages import fail, say
from .paths import DATA

RECORD_SUFFIXES = (".yaml", ".yml")
CENTRE_KINDS = ("package", "news")  # records only the centre's editors change
DOCUMENTS = "documents"
PLUGIN_SETTINGS = "plugins/cus_catalogue/settings.py"
CODEOWNERS = Path(".github/CODEOWNERS")


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
    """CATALOGUE_EDITORS as the settings say at ``revision`` (site file, then plugin defaults)."""
    site = _run_settings(show(repo, revision, settings))
    if "CATALOGUE_EDITORS" in site:
        return list(site["CATALOGUE_EDITORS"])
    defaults = _run_settings(show(repo, revision, PLUGIN_SETTINGS)).get("DEFAULTS", DEFAULTS)
    return list(defaults.get("CATALOGUE_EDITORS", []))


def editors_in(settings_file: Path) -> list[str]:
    """CATALOGUE_EDITORS of a settings file in the working tree, else the plugin default."""
    site = runpy.run_path(str(settings_file)) if settings_file.is_file() else {}
    return list(site.get("CATALOGUE_EDITORS", DEFAULTS["CATALOGUE_EDITORS"]))


def _record_at(repo: Path, revision: str, path: str) -> dict[str, Any] | None:
    """The record's data at ``revision``; None when absent or unreadable."""
    text = show(repo, revision, path)
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=RecordLoader)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _record_kind(path: str, content: str) -> tuple[str, str] | None:
    """(kind, id) for a record file under the content folder: ``service``, ``package``…"""
    prefix = content.strip("/") + "/"
    if not path.startswith(prefix):
        return None
    folder, _slash, name = path.removeprefix(prefix).partition("/")
    stem, dot, suffix = name.rpartition(".")
    if "/" in name or not dot or f".{suffix}" not in RECORD_SUFFIXES:
        return None
    kinds = {folder_name: kind for kind, folder_name in FOLDERS.items()}
    return (kinds[folder], stem) if folder in kinds else None


def changed_files(repo: Path, base: str, head: str = "HEAD") -> list[tuple[str, str]]:
    """(status, path) of every file changed on ``head`` since it left ``base`` (renames split)."""
    out = git(repo, "diff", "--name-status", "--no-renames", "-z", f"{base}...{head}")
    fields = [field for field in out.split("\0") if field]
    return list(zip(fields[0::2], fields[1::2], strict=True))


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
                path = f"{self.content}/providers/{provider_id}{suffix}"
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
            providers = self._document_providers(path)
            if providers is None:
                return _("only the centre's editors may change files other than records")
            if not providers:
                return _(
                    "no service links this document; link it from your service's documents "
                    "in the same change"
                )
            return next(filter(None, (self._check_provider(p, author) for p in providers)), None)
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
    """(changed paths, refusals) for ``author``'s changes on ``head`` since ``base``."""
    merge_base = git(repo, "merge-base", base, head).strip()
    changes = changed_files(repo, merge_base, head)
    paths = [path for _status, path in changes]
    login = _login(author)
    if editors is None:
        editors = editors_at(repo, merge_base, settings)
    if login in {_login(e) for e in editors}:
        return paths, []
    ownership = Ownership(repo, merge_base, head, content)
    refusals = [
        Refusal(path, reason)
        for status, path in changes
        if (reason := ownership.refusal(status, path, login))
    ]
    return paths, refusals


def codeowners_text(
    providers: Mapping[str, Any], services: Mapping[str, Any], editors: list[str], content: str
) -> str:
    """CODEOWNERS: editors own everything; each record also its provider's maintainers."""
    folder = "/" + content.strip("/")
    owners = " ".join(f"@{e}" for e in editors)
    lines = [
        "# Generated by `katalog codeowners` from the maintainers of the provider records.",
        "# Do not edit by hand: change `maintainers` in the records (or CATALOGUE_EDITORS in",
        "# the settings) and run `katalog codeowners` again; CI fails when this file is stale.",
        "",
    ]
    if owners:
        lines += ["# Centre editors: everything.", f"* {owners}", ""]

    def line(path: Path, maintainers: list[str]) -> str:
        handles = [f"@{m}" for m in maintainers] + [f"@{e}" for e in editors]
        unique = " ".join(dict.fromkeys(handles))
        return f"{folder}/{path.parent.name}/{path.name} {unique}"

    for provider_id in sorted(providers):
        provider = providers[provider_id]
        maintainers = [str(m) for m in provider.data.get("maintainers") or []]
        if not maintainers:
            continue
        lines.append(f"# {provider.data.get('name', provider_id)}")
        lines.append(line(provider.path, maintainers))
        for service_id in sorted(services):
            service = services[service_id]
            if service.data.get("provider") == provider_id:
                lines.append(line(service.path, maintainers))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


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


def cmd_codeowners(args: argparse.Namespace) -> int:
    """Write .github/CODEOWNERS from the maintainers, or with --check fail when it is stale."""
    content = Path(args.content)
    catalogue = load_catalogue(content, DATA)
    editors = args.editors.split(",") if args.editors else editors_in(Path(args.settings))
    text = codeowners_text(catalogue.providers, catalogue.services, editors, args.content)
    target = Path(args.output)
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    if args.check:
        if current != text:
            return fail(
                _("{path} is out of date: run `katalog codeowners` and commit it.").format(
                    path=target
                )
            )
        say(_("{path} is up to date.").format(path=target))
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    say(_("Wrote {path}.").format(path=target))
    return 0


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """check-changes and codeowners."""
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

    owners = commands.add_parser(
        "codeowners", help=_("write .github/CODEOWNERS from the maintainers")
    )
    owners.add_argument("--check", action="store_true", help=_("only check it is up to date"))
    owners.add_argument("--content", default="content", help=_("content folder (default: content)"))
    owners.add_argument("--output", default=str(CODEOWNERS), help=_("file to write"))
    owners.add_argument("--settings", default="pelicanconf.py", help=_("settings file"))
    owners.add_argument(
        "--editors", help=_("comma-separated editors instead of those in the settings")
    )
    owners.set_defaults(run=cmd_codeowners)
