"""The centre's own tables in the Data Package: packages of services and the services the
centre is looking for (needs), with their Table Schemas."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..partners.needs import read_needs
from .datapackage import ID, Column, Table, required


def _package_columns(base: str | None) -> list[Column]:
    return [
        Column("id", "string", "Identyfikator pakietu (nazwa pliku rekordu).", lambda r: r.id,
               {"required": True, "unique": True, **ID}),
        Column("name", "string", "Nazwa pakietu: sytuacja życiowa.", lambda r: r.data["name"],
               {"required": True}),
        Column("summary", "string", "Jedno zdanie: komu pakiet pomaga.",
               lambda r: r.data["summary"], {"required": True}),
        Column("description", "string", "Opis pakietu (Markdown).",
               lambda r: r.data["description"], {"required": True}),
        Column("last_verified", "date", "Data ostatniego sprawdzenia pakietu.",
               lambda r: r.data["last_verified"], {"required": True}),
        Column("url", "string", "Adres strony pakietu w katalogu.",
               lambda r: f"{base}/pakiety/{r.id}/" if base else None),
    ]  # fmt: skip


PACKAGE_SERVICE_COLUMNS = [
    required("package", "string", "Identyfikator pakietu."),
    required("service", "string", "Identyfikator usługi (tabela services)."),
    required("position", "integer", "Miejsce usługi na liście pakietu (od 1).", minimum=1),
]
PACKAGE_AUDIENCE_COLUMNS = [
    required("package", "string", "Identyfikator pakietu."),
    required("audience", "string", "Identyfikator grupy odbiorców (tabela audiences)."),
]
NEED_COLUMNS = [
    required("id", "string", "Identyfikator potrzeby.", unique=True, **ID),
    required("name", "string", "Jakiej usługi brakuje."),
    required("description", "string", "Co usługa ma dawać."),
    required("audience", "string", "Dla kogo (tabela audiences)."),
    required("people", "integer", "Ile osób potrzebuje tej usługi.", minimum=1),
    Column(
        "area",
        "string",
        "Obszar usług społecznych (tabela areas).",
        lambda row: row.get("area") or None,
    ),
    required("updated_on", "date", "Stan na dzień."),
]


def centre_tables(catalogue: Catalogue, base: str | None) -> list[Table]:
    """Packages (with their services and audiences) and needs, as Data Package tables."""
    packages = [catalogue.packages[key] for key in sorted(catalogue.packages)]
    listed = [
        {"package": p.id, "service": s, "position": n}
        for p in packages
        for n, s in enumerate(p.data["services"], 1)
    ]
    audiences = [{"package": p.id, "audience": a} for p in packages for a in p.data["audiences"]]
    return [
        Table("packages", "Pakiety usług", "Usługi zebrane według sytuacji życiowej.",
              _package_columns(base), packages, ["id"]),
        Table("package_services", "Usługi w pakietach", "Jakie usługi są w pakiecie.",
              PACKAGE_SERVICE_COLUMNS, listed, ["package", "service"],
              {"package": "packages", "service": "services"}),
        Table("package_audiences", "Pakiety i grupy odbiorców", "Dla kogo jest pakiet.",
              PACKAGE_AUDIENCE_COLUMNS, audiences, ["package", "audience"],
              {"package": "packages", "audience": "audiences"}),
        Table("needs", "Potrzebne usługi", "Usługi, dla których centrum szuka realizatora.",
              NEED_COLUMNS, read_needs(catalogue.content), ["id"],
              {"audience": "audiences", "area": "areas"}),
    ]  # fmt: skip
