"""What a document file is: its format from its content, its size, and whether people with a
screen reader can read it (a PDF needs a text layer and a title).

Each finding is a problem code; ``feature.py`` turns codes into problems at the record that
links the file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from babel.numbers import format_decimal

from ..i18n import babel_locale

# The first bytes (or the zip member) that say a file is what its name says.
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
PAGES_READ_FOR_TEXT = 5


@dataclass
class DocumentFacts:
    """One inspected file: its size, and the codes of what is wrong or worth a warning."""

    size: int
    errors: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    warnings: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def size_text(size: int) -> str:
    """``240 KB``, ``1,2 MB``: the size a resident sees before downloading."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{format_decimal(size / 1_000_000, format='#,##0.0', locale=babel_locale())} MB"


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _is_odt(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _pdf_findings(path: Path, facts: DocumentFacts) -> None:
    """A PDF must open; without a text layer or a title it is a warning."""
    from pypdf import PdfReader  # imported only when a catalogue has PDFs
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            facts.errors.append(("document-encrypted", {}))
            return
        pages = list(reader.pages[:PAGES_READ_FOR_TEXT])
        has_text = any((page.extract_text() or "").strip() for page in pages)
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        facts.errors.append(("document-unreadable", {"detail": str(error)}))
        return
    if not has_text:
        facts.warnings.append(("document-no-text", {}))
    if not str(title).strip():
        facts.warnings.append(("document-no-title", {}))


def inspect_document(path: Path, suffix: str) -> DocumentFacts:
    """Size, a content that matches the format of the name, and the PDF checks."""
    facts = DocumentFacts(size=path.stat().st_size)
    with path.open("rb") as handle:
        head = handle.read(len(PDF_MAGIC))
    matches = {
        "pdf": head == PDF_MAGIC,
        "docx": head[:4] == ZIP_MAGIC and _is_docx(path),
        "odt": head[:4] == ZIP_MAGIC and _is_odt(path),
    }.get(suffix, True)
    if not matches:
        facts.errors.append(("document-wrong-content", {"format": suffix.upper()}))
    elif suffix == "pdf":
        _pdf_findings(path, facts)
    return facts
