"""Small real documents for tests and the example catalogue: a PDF with a text layer (or
without one, like a scan) and a title (or none), a DOCX and an ODT.

``python tests/documentkit.py`` writes the example catalogue's documents into
``content/documents/`` again (the texts are below).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

# Polish letters outside WinAnsiEncoding take the codes of À-Ï through /Differences (ó and the
# quotes and dashes are in WinAnsi, which is Windows-1252).
POLISH = "ąćęłńśźżĄĆĘŁŃŚŹŻ"
GLYPHS = [
    "aogonek", "cacute", "eogonek", "lslash", "nacute", "sacute", "zacute", "zdotaccent",
    "Aogonek", "Cacute", "Eogonek", "Lslash", "Nacute", "Sacute", "Zacute", "Zdotaccent",
]  # fmt: skip
FIRST_CODE = 0xC0
CODES = {char: FIRST_CODE + index for index, char in enumerate(POLISH)}


def _pdf_text(line: str) -> bytes:
    """One line as a PDF string in the font's encoding, with ( ) and \\ escaped."""
    raw = b"".join(
        bytes([CODES[char]]) if char in CODES else char.encode("cp1252") for char in line
    )
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(lines: list[str], title: str | None = None, text_layer: bool = True) -> bytes:
    """An A4 PDF: the lines as real text (or, without a text layer, as drawn boxes only)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    encoding = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Encoding"),
            NameObject("/BaseEncoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/Differences"): ArrayObject(
                [NumberObject(FIRST_CODE), *(NameObject("/" + glyph) for glyph in GLYPHS)]
            ),
        }
    )
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): encoding,
        }
    )
    resources = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): resources})
    if text_layer:
        body = (
            b"BT /F1 12 Tf 16 TL 56 780 Td "
            + b" ".join(_pdf_text(line) + b" Tj T*" for line in lines)
            + b" ET"
        )
    else:  # what a scan looks like to a screen reader: marks on the page, no text
        body = b" ".join(f"56 {780 - 16 * n} 480 8 re f".encode() for n in range(len(lines)))
    stream = DecodedStreamObject()
    stream.set_data(body)
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Title": title} if title else {})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_bytes(lines: list[str], title: str) -> bytes:
    """A minimal Word document (Office Open XML) with one paragraph per line."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{_escape(line)}</w:t></w:r></w:p>" for line in lines)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
            'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override '
            'PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
            'core-properties+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
            '"word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
            'package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            "</Relationships>"
        ),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/'
            f'dc/elements/1.1/"><dc:title>{_escape(title)}</dc:title><dc:language>pl-PL'
            "</dc:language></cp:coreProperties>"
        ),
        "word/document.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"{paragraphs}</w:body></w:document>"
        ),
    }
    return _zip(files)


def odt_bytes(lines: list[str], title: str) -> bytes:
    """A minimal OpenDocument text (LibreOffice) with one paragraph per line."""
    paragraphs = "".join(f"<text:p>{_escape(line)}</text:p>" for line in lines)
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    files = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
            'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry'
            ' manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"'
            '/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
            '/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"
        ),
        "meta.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {office} xmlns:dc="http:'
            '//purl.org/dc/elements/1.1/" office:version="1.2"><office:meta>'
            f"<dc:title>{_escape(title)}</dc:title><dc:language>pl-PL</dc:language>"
            "</office:meta></office:document-meta>"
        ),
        "content.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {office} xmlns:text='
            '"urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
            f"<office:text>{paragraphs}</office:text></office:body></office:document-content>"
        ),
    }
    return _zip(files)


def _zip(files: dict[str, str]) -> bytes:
    """The archive with fixed dates, ``mimetype`` first and stored (as ODF requires)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 2, 12, 0, 0))
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"), compress_type=method)
    return buffer.getvalue()


EXAMPLE = {
    "opiekun-osoby-starszej/regulamin.pdf": (
        "Regulamin usługi „Opiekun osoby starszej”",
        [
            "Regulamin usługi „Opiekun osoby starszej”",
            "§ 1. Usługa jest dla mieszkańców gminy w wieku 65 lat i więcej.",
            "§ 2. Opiekun pomaga w codziennych sprawach według planu ułożonego z seniorem.",
            "§ 3. Opłata wynosi 20 zł za godzinę. Koordynator może zwolnić z opłaty.",
            "§ 4. Usługę przyznaje koordynator centrum po rozmowie z seniorem.",
        ],
    ),
    "opiekun-osoby-starszej/wniosek.docx": (
        "Wniosek o usługę „Opiekun osoby starszej”",
        [
            "Wniosek o usługę „Opiekun osoby starszej”",
            "Imię i nazwisko: ....................",
            "Adres: ....................",
            "Telefon: ....................",
            "W czym potrzebujesz pomocy: ....................",
            "Data i podpis: ....................",
        ],
    ),
    "zlota-raczka/regulamin.pdf": (
        "Regulamin usługi „Złota rączka”",
        [
            "Regulamin usługi „Złota rączka – mobilny konserwator”",
            "§ 1. Usługa jest dla seniorów, osób z niepełnosprawnościami i rodzin z dziećmi.",
            "§ 2. Konserwator wykonuje drobne naprawy w mieszkaniu, do 2 godzin.",
            "§ 3. Materiały kupuje mieszkaniec.",
        ],
    ),
    "zlota-raczka/wniosek.odt": (
        "Wniosek o usługę „Złota rączka”",
        [
            "Wniosek o usługę „Złota rączka”",
            "Imię i nazwisko: ....................",
            "Adres: ....................",
            "Co trzeba naprawić: ....................",
            "Data i podpis: ....................",
        ],
    ),
    "opieka-wytchnieniowa/informacja.pdf": (
        "Opieka wytchnieniowa: jak to działa",
        [
            "Opieka wytchnieniowa: jak to działa",
            "Opiekun z centrum zastąpi Cię przy bliskiej osobie na kilka godzin.",
            "Zadzwoń do centrum i umów pierwszą wizytę.",
        ],
    ),
}


def write_example(folder: Path) -> None:
    """The example catalogue's documents."""
    for file, (title, lines) in EXAMPLE.items():
        target = folder / file
        target.parent.mkdir(parents=True, exist_ok=True)
        suffix = target.suffix
        make = {".pdf": pdf_bytes, ".docx": docx_bytes, ".odt": odt_bytes}[suffix]
        target.write_bytes(make(lines, title))


if __name__ == "__main__":
    write_example(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("content/documents"))
