"""Translations of records and the languages services are provided in, as Data Package
tables: ``translations`` (one translated field in a row) and ``service_languages``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..catalogue import Catalogue
from .datapackage import LIST_SEPARATOR, Column, Table

TRANSLATION_COLUMNS = [
    Column("record_type", "string", "Rodzaj rekordu: service (usługa) albo provider (realizator).",
           lambda row: row["record_type"], {"required": True, "enum": ["service", "provider"]}),
    Column("record", "string", "Identyfikator rekordu (tabela services albo providers).",
           lambda row: row["record"], {"required": True}),
    Column("language", "string", "Język tłumaczenia: kod ISO 639-1 (uk, en).",
           lambda row: row["language"], {"required": True}),
    Column("field", "string", "Pole rekordu, np. name, description, eligibility.text.",
           lambda row: row["field"], {"required": True}),
    Column("text", "string", "Tekst w tym języku (listy słów rozdzielone „; ”).",
           lambda row: row["text"], {"required": True}),
]  # fmt: skip
LANGUAGE_COLUMNS = [
    Column("service", "string", "Identyfikator usługi.", lambda row: row["service"],
           {"required": True}),
    Column("language", "string", "Język, w którym usługa jest prowadzona: kod ISO 639-1.",
           lambda row: row["language"], {"required": True}),
]  # fmt: skip


def _fields(value: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """``(field, text)`` of a translation, nested fields dotted, lists joined."""
    for name, item in value.items():
        if isinstance(item, Mapping):
            yield from _fields(item, f"{prefix}{name}.")
        elif isinstance(item, list):
            yield f"{prefix}{name}", LIST_SEPARATOR.join(str(word) for word in item)
        else:
            yield f"{prefix}{name}", str(item)


def translation_tables(catalogue: Catalogue) -> list[Table]:
    """The two tables, rows in record id order."""
    rows = [
        {"record_type": kind, "record": key, "language": language, "field": name, "text": text}
        for kind, records in (("service", catalogue.services), ("provider", catalogue.providers))
        for key in sorted(records)
        for language, translation in sorted((records[key].data.get("translations") or {}).items())
        for name, text in _fields(translation)
    ]
    languages = [
        {"service": key, "language": code}
        for key in sorted(catalogue.services)
        for code in catalogue.services[key].data.get("languages") or []
    ]
    return [
        Table("translations", "Tłumaczenia rekordów",
              "Teksty usług i realizatorów po ukraińsku i angielsku: jedno pole w wierszu.",
              TRANSLATION_COLUMNS, rows, ["record_type", "record", "language", "field"]),
        Table("service_languages", "Języki usług", "W jakich językach usługa jest prowadzona.",
              LANGUAGE_COLUMNS, languages, ["service", "language"], {"service": "services"}),
    ]  # fmt: skip
