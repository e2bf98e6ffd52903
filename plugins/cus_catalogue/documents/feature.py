"""Documents as a feature of the build: every file a service links is checked (it exists, its
format is allowed, it is not too large, a PDF has a text layer and a title), copied into the
site at ``/dokumenty/<file>`` (the URL stays as long as the file keeps its name), and listed
on the service's page with its kind, format and size ("PDF, 240 KB")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..catalogue import Catalogue
from ..feature import Build, Contributions, Feature, SiteWriter
from ..i18n import N_, ngettext
from ..i18n import gettext as _
from ..problems import Problem, Severity
from ..records import Record
from ..site_settings import SiteSettings
from ..validation import field_name
from .files import DocumentFacts, inspect_document, size_text

FOLDER = "documents"  # in the content folder
PUBLISHED = "dokumenty/"  # in the site
KIND_LABELS = {
    "regulamin": N_("Rules of the service"),
    "wniosek": N_("Form to fill in"),
    "informacja": N_("Information"),
}
TEMPLATES = {
    "document-missing": N_("there is no file documents/{file} in the content folder"),
    "document-not-a-file": N_("documents/{file} must be a plain file, not a link or a folder"),
    "document-format": N_("“{file}” is not in an allowed format; allowed: {allowed}"),
    "document-too-large": N_(
        "“{file}” has {size}, at most {limit} are allowed: save it smaller (e.g. as PDF)"
    ),
    "document-wrong-content": N_("“{file}” is not a real {format} file: save it again as {format}"),
    "document-encrypted": N_("“{file}” is protected by a password: residents cannot open it"),
    "document-unreadable": N_("“{file}” cannot be opened as PDF: {detail}"),
    "document-no-text": N_(
        "“{file}” has no text layer (a scan?): a screen reader cannot read it; save the PDF "
        "from the text document instead"
    ),
    "document-no-title": N_(
        "“{file}” has no title in its properties: set one, screen readers announce it"
    ),
    "document-unlinked": N_("no service links to this file, so it is not published"),
}


@dataclass(frozen=True)
class DocumentLink:
    """One document as the service's page lists it."""

    title: str
    kind: str
    url: str
    format: str
    size: str

    @property
    def kind_label(self) -> str:
        """The kind in the words of the page being written (its language)."""
        return _(KIND_LABELS.get(self.kind, ""))


class Documents(Feature):
    """The documents of services: checked, copied with stable URLs, listed on their pages."""

    name = "documents"

    def __init__(self) -> None:
        self.links: dict[str, list[DocumentLink]] = {}
        self.files: dict[str, Path] = {}  # published: linked and without errors
        self.linked: set[Path] = set()  # every file a service links, good or not

    def check(self, catalogue: Catalogue, settings: SiteSettings) -> list[Problem]:
        """Every linked file, once each, and the files no service links."""
        root = catalogue.content / FOLDER
        inspected: dict[str, DocumentFacts] = {}
        problems: list[Problem] = []
        for record in catalogue.services.values():
            documents = record.data.get("documents")
            for index, document in enumerate(documents if isinstance(documents, list) else []):
                if isinstance(document, Mapping) and isinstance(document.get("file"), str):
                    problems += self._check_one(record, index, document, root, settings, inspected)
        return problems + self._unlinked(root)

    def _check_one(
        self,
        record: Record,
        index: int,
        document: Mapping[str, Any],
        root: Path,
        settings: SiteSettings,
        inspected: dict[str, DocumentFacts],
    ) -> list[Problem]:
        file = document["file"]
        node = ("documents", index, "file")
        where = (record.path, record.line_of(*node), field_name(node))

        def problem(code: str, severity: Severity = "error", /, **params: Any) -> Problem:
            params = {"file": file, **params}
            return Problem(code, *where, params, severity, template=TEMPLATES[code])

        self.linked.add(root / file)
        suffix = PurePosixPath(file).suffix.lower().lstrip(".")
        if suffix not in settings.document_formats:
            allowed = ", ".join(f.upper() for f in settings.document_formats)
            return [problem("document-format", allowed=allowed)]
        path = root / file
        if not path.exists() and not path.is_symlink():
            return [problem("document-missing")]
        if path.is_symlink() or not path.is_file() or not _inside(path, root):
            return [problem("document-not-a-file")]
        facts = inspected.get(file) or inspected.setdefault(file, inspect_document(path, suffix))
        problems = [problem(code, **params) for code, params in facts.errors]
        limit = settings.document_max_kb * 1000
        if facts.size > limit:
            size, most = size_text(facts.size), size_text(limit)
            problems.append(problem("document-too-large", size=size, limit=most))
        problems += [problem(code, "warning", **params) for code, params in facts.warnings]
        if not any(p.severity == "error" for p in problems):
            self.files[file] = path
            self.links.setdefault(record.id, []).append(
                DocumentLink(
                    title=str(document.get("title", "")),
                    kind=str(document.get("kind", "")),
                    url=PUBLISHED + file,
                    format=suffix.upper(),
                    size=size_text(facts.size),
                )
            )
        return problems

    def _unlinked(self, root: Path) -> list[Problem]:
        """A warning for each file in the folder no service links (it would not be published)."""
        if not root.is_dir():
            return []
        linked = {path.resolve() for path in self.linked}
        return [
            Problem(
                "document-unlinked",
                path,
                1,
                "",
                severity="warning",
                template=TEMPLATES["document-unlinked"],
            )
            for path in sorted(root.rglob("*"))
            if path.is_file() and not path.name.startswith(".") and path.resolve() not in linked
        ]

    def contribute(self, build: Build) -> Contributions:
        """Each service's documents, for its page."""
        return Contributions(
            service_extras={sid: {"documents": links} for sid, links in self.links.items()}
        )

    def write(self, build: Build, site: SiteWriter) -> list[Problem]:
        """Copy every linked file to ``dokumenty/<file>`` (once: every language links there)."""
        if not build.is_primary:
            return []
        for file, path in sorted(self.files.items()):
            site.file(PUBLISHED + file, path.read_bytes())
        return []

    def summary(self) -> list[str]:
        """How many documents the site publishes."""
        count = len(self.files)
        line = ngettext("{n} document published.", "{n} documents published.", count)
        return [line.format(n=count)] if count else []


def _inside(path: Path, root: Path) -> bool:
    """The file really lies in the documents folder (no link in its path leads out)."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
