"""Every Polish text residents and providers read, each with the file and line it comes from.

Shared by the spelling, glossary and plural-form tests and the readability benchmark, so they
all look at the same texts: the Polish msgstrs of every ``.po`` file, the records of a
catalogue, the vocabularies, the texts of the plugin's settings and ``CONTRIBUTING.md``.
"""

from __future__ import annotations

import csv
import re
import runpy
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from cus_catalogue.abbreviations import prose

ROOT = Path(__file__).resolve().parent.parent
PO_FOLDERS = ("plugins", "themes", "forms_backend", "katalog")
# Record fields that hold ids, codes, numbers or addresses a program reads, not prose.
NOT_PROSE = {
    "provider", "audiences", "areas", "unit", "days", "from", "to", "last_verified", "status",
    "maintainers", "email", "website", "phone", "lat", "lon", "postal_code", "kind",
    "apply_online", "residents_only", "age_min", "age_max", "amount", "conditions",
    "income_up_to", "pay",
    "file", "services", "date", "deadline", "start", "end", "form",
    "translations", "languages",  # other languages than Polish, and language codes
}  # fmt: skip
# Settings values that are names, addresses or codes rather than prose.
SETTINGS_TEXTS = ("ACCESSIBILITY_STATEMENT", "EASY_TO_READ", "CENTRE", "RODO")


@dataclass(frozen=True)
class Text:
    """A piece of Polish text and where it is written."""

    path: Path
    line: int
    text: str
    where: str = ""

    def locate(self, word: str) -> int:
        """The first line at or after ``self.line`` of the file that contains ``word``."""
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return self.line
        for number in range(max(self.line, 1), len(lines) + 1):
            if word in lines[number - 1]:
                return number
        return self.line


@dataclass(frozen=True)
class PoEntry:
    """One message of a Polish ``.po`` file: msgid (and plural), msgstr forms, line."""

    path: Path
    line: int
    msgid: str
    msgid_plural: str
    msgstrs: tuple[str, ...]

    @property
    def is_plural(self) -> bool:
        """A message with Polish plural forms (ngettext)."""
        return bool(self.msgid_plural)


def po_files(root: Path = ROOT) -> list[Path]:
    """Every Polish translation file of the project."""
    found: list[Path] = []
    for folder in PO_FOLDERS:
        found += (root / folder).glob("**/pl/LC_MESSAGES/*.po")
    return sorted(found)


def po_entries(root: Path = ROOT) -> Iterator[PoEntry]:
    """Every translated message of every Polish ``.po`` file."""
    for path in po_files(root):
        with path.open("rb") as handle:
            catalog = read_po(handle, locale="pl")
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id, "")
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            yield PoEntry(path, message.lineno or 1, ids[0], ids[1], tuple(strings))


def msgstr_texts(root: Path = ROOT) -> Iterator[Text]:
    """Every Polish msgstr (each plural form), with its ``.po`` file and line."""
    for entry in po_entries(root):
        for string in entry.msgstrs:
            if string:
                yield Text(entry.path, entry.line, string, entry.msgid)


def record_texts(content: Path = ROOT / "content") -> Iterator[Text]:
    """The prose of every record of a catalogue (not ids, codes or addresses), needs.csv too."""
    from cus_catalogue.records import read_record

    kinds = (("providers", "provider"), ("services", "service"), ("packages", "package"),
             ("news", "news"))  # fmt: skip
    for folder, kind in kinds:
        for path in sorted((content / folder).glob("*.yaml")):
            record = read_record(path, kind)  # type: ignore[arg-type]
            for node, text in prose(record.data, skip=NOT_PROSE):
                field = ".".join(str(part) for part in node)
                yield Text(path, record.line_of(*node), text, field)
    yield from needs_texts(content / "needs.csv")


def needs_texts(path: Path) -> Iterator[Text]:
    """The name and description of each service the centre is looking for (content/needs.csv)."""
    if not path.is_file():
        return
    with path.open(encoding="utf-8", newline="") as table:
        reader = csv.DictReader(table)
        for row in reader:
            for column in ("name", "description"):
                yield Text(path, reader.line_num, row[column], f"{row['id']}.{column}")


def settings_texts(root: Path = ROOT) -> Iterator[Text]:
    """The Polish texts of the plugin's settings (statement, easy-to-read page, centre)."""
    path = root / "plugins" / "cus_catalogue" / "example_centre.py"
    defaults = runpy.run_path(str(path))
    for name in SETTINGS_TEXTS:
        for node, text in prose(defaults.get(name, {}), skip=NOT_PROSE):
            start = _setting_line(path, name)
            yield Text(path, start, text, ".".join(map(str, (name, *node))))


def _setting_line(path: Path, name: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{name}:"):
            return number
    return 1


def vocabulary_texts(data: Path = ROOT / "data") -> Iterator[Text]:
    """Labels, descriptions and questions of the vocabularies residents see (audiences, areas,
    units, the conditions the check "Is it for me?" asks about)."""
    for name in ("audiences", "areas", "units", "conditions"):
        path = data / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as table:
            for line, row in enumerate(csv.DictReader(table), 2):
                for column in ("label", "description", "per_unit", "label_few", "label_many",
                               "question", "hint"):  # fmt: skip
                    if row.get(column):
                        yield Text(path, line, row[column], f"{row['id']}.{column}")


def template_lines(folder: Path = ROOT / "katalog" / "templates") -> Iterator[Text]:
    """Every line of the record templates `katalog new` writes: their comments guide providers."""
    for path in sorted(folder.glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield Text(path, number, line)


def schema_texts(folder: Path = ROOT / "plugins" / "cus_catalogue" / "schemas") -> Iterator[Text]:
    """Titles and descriptions of the record schemas: editors show them beside a record's fields
    (each record names its schema in its first line)."""
    for path in sorted(folder.glob("*.schema.json")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            for text in re.findall(r'"(?:description|title)":\s*"((?:[^"\\]|\\.)*)"', line):
                yield Text(path, number, text)


def markdown_lines(path: Path) -> Iterator[Text]:
    """The prose lines of a Markdown file: code blocks and inline code left out."""
    in_code = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):  # a fence may be indented in a list
            in_code = not in_code
            continue
        if not in_code:
            yield Text(path, number, re.sub(r"`[^`]*`", " ", line))
