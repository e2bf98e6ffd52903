"""The catalogue as a Frictionless (tabular) Data Package: CSV tables plus datapackage.json.

Titles and descriptions are Polish data about the data, like those of data/datapackage.json.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from ..catalogue import Catalogue
from ..formatting import DAY_CODES
from ..records import Record
from .common import canonical_json, csv_bytes

ID = {"pattern": "[a-z0-9]+(-[a-z0-9]+)*"}
COUNTRY = {"pattern": "[A-Z]{2}"}
TIME = {"pattern": "([01][0-9]|2[0-3]):[0-5][0-9]|24:00"}
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """One column: its Table Schema field and how a row's value is read."""

    name: str
    type: str
    description: str
    get: Callable[[Any], Any]
    constraints: Mapping[str, Any] | None = None

    def field(self) -> dict[str, Any]:
        """The Table Schema field descriptor."""
        field: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "description": self.description,
        }
        if self.constraints:
            field["constraints"] = dict(self.constraints)
        return field


def _joined(values: Iterable[str] | None) -> str | None:
    values = list(values or [])
    return LIST_SEPARATOR.join(values) if values else None


def _service_columns(base: str | None) -> list[Column]:
    d: Callable[[Record], dict[str, Any]] = lambda r: r.data  # noqa: E731
    text_place = lambda r: r.data["place"] if isinstance(r.data.get("place"), str) else None  # noqa: E731
    return [
        Column(
            "id",
            "string",
            "Identyfikator usługi (nazwa pliku rekordu).",
            lambda r: r.id,
            {"required": True, "unique": True, **ID},
        ),
        Column("name", "string", "Nazwa usługi.", lambda r: d(r)["name"], {"required": True}),
        Column(
            "summary",
            "string",
            "Jedno zdanie: co mieszkaniec dostaje.",
            lambda r: d(r)["summary"],
            {"required": True},
        ),
        Column(
            "description",
            "string",
            "Opis usługi (Markdown).",
            lambda r: d(r)["description"],
            {"required": True},
        ),
        Column(
            "provider",
            "string",
            "Identyfikator realizatora (tabela providers).",
            lambda r: d(r)["provider"],
            {"required": True},
        ),
        Column(
            "unit",
            "string",
            "Jednostka miary usługi (np. godzina, wizyta); opłata i limity dotyczą tej jednostki.",
            lambda r: d(r)["unit"],
            {"required": True},
        ),
        Column(
            "fee_kind",
            "string",
            "Odpłatność: free – bezpłatna, paid – płatna, partial – częściowo płatna.",
            lambda r: d(r)["fee"]["kind"],
            {"required": True, "enum": ["free", "paid", "partial"]},
        ),
        Column(
            "fee_amount",
            "number",
            "Kwota w złotych za jednostkę miary (przy partial – najwyższa).",
            lambda r: d(r)["fee"].get("amount"),
            {"minimum": 0},
        ),
        Column("fee_note", "string", "Wyjaśnienie odpłatności.", lambda r: d(r)["fee"].get("note")),
        Column(
            "eligibility",
            "string",
            "Kto może skorzystać z usługi.",
            lambda r: d(r)["eligibility"]["text"],
            {"required": True},
        ),
        Column(
            "age_min",
            "integer",
            "Najniższy wiek (lata).",
            lambda r: d(r)["eligibility"].get("age_min"),
            {"minimum": 0},
        ),
        Column(
            "age_max",
            "integer",
            "Najwyższy wiek (lata).",
            lambda r: d(r)["eligibility"].get("age_max"),
            {"minimum": 0},
        ),
        Column(
            "requires",
            "string",
            "Wymagane dokumenty lub warunki, oddzielone średnikiem.",
            lambda r: _joined(d(r)["eligibility"].get("requires")),
        ),
        Column(
            "residents_only",
            "boolean",
            "Tylko dla mieszkańców gminy.",
            lambda r: d(r)["eligibility"].get("residents_only"),
        ),
        Column(
            "hours_note",
            "string",
            "Uwagi o godzinach (godziny: tabela hours).",
            lambda r: d(r).get("hours_note"),
        ),
        Column("place", "string", "Miejsce opisane słowami (adresy: tabela places).", text_place),
        Column(
            "how_to_apply",
            "string",
            "Jak złożyć wniosek (Markdown).",
            lambda r: d(r).get("how_to_apply"),
        ),
        Column(
            "apply_online",
            "boolean",
            "Czy można zgłosić się przez internet.",
            lambda r: d(r).get("apply_online"),
        ),
        Column(
            "contact_phone",
            "string",
            "Telefon w sprawie usługi (pusty: telefon realizatora).",
            lambda r: (d(r).get("contact") or {}).get("phone"),
        ),
        Column(
            "contact_email",
            "string",
            "E-mail w sprawie usługi (pusty: e-mail realizatora).",
            lambda r: (d(r).get("contact") or {}).get("email"),
        ),
        Column("limits", "string", "Limity korzystania z usługi.", lambda r: d(r).get("limits")),
        Column(
            "keywords",
            "string",
            "Dodatkowe słowa wyszukiwania, oddzielone średnikiem.",
            lambda r: _joined(d(r).get("keywords")),
        ),
        Column(
            "status",
            "string",
            "active – działa, suspended – zawieszona, planned – planowana.",
            lambda r: r.status,
            {"required": True, "enum": ["active", "suspended", "planned"]},
        ),
        Column(
            "last_verified",
            "date",
            "Data ostatniego sprawdzenia informacji.",
            lambda r: d(r)["last_verified"],
            {"required": True},
        ),
        Column(
            "url",
            "string",
            "Adres strony usługi w katalogu.",
            lambda r: f"{base}/uslugi/{r.id}/" if base else None,
        ),
    ]


def _provider_columns(base: str | None) -> list[Column]:
    address = lambda r, key: (r.data.get("address") or {}).get(key)  # noqa: E731
    return [
        Column(
            "id",
            "string",
            "Identyfikator realizatora (nazwa pliku rekordu).",
            lambda r: r.id,
            {"required": True, "unique": True, **ID},
        ),
        Column(
            "name",
            "string",
            "Pełna nazwa realizatora.",
            lambda r: r.data["name"],
            {"required": True},
        ),
        Column(
            "kind",
            "string",
            "cus – centrum usług społecznych, public – jednostka publiczna, "
            "ngo – organizacja pozarządowa, social-cooperative – spółdzielnia socjalna, "
            "private – podmiot prywatny.",
            lambda r: r.data["kind"],
            {"required": True, "enum": ["cus", "public", "ngo", "social-cooperative", "private"]},
        ),
        Column(
            "description", "string", "Krótki opis (Markdown).", lambda r: r.data.get("description")
        ),
        Column("street", "string", "Ulica i numer siedziby.", lambda r: address(r, "street")),
        Column(
            "postal_code",
            "string",
            "Kod pocztowy siedziby (w Polsce NN-NNN).",
            lambda r: address(r, "postal_code"),
        ),
        Column("city", "string", "Miejscowość siedziby.", lambda r: address(r, "city")),
        Column(
            "country",
            "string",
            "Kraj siedziby za granicą (kod ISO 3166-1); puste – Polska.",
            lambda r: address(r, "country"),
            COUNTRY,
        ),
        Column("phone", "string", "Telefon.", lambda r: r.data.get("phone")),
        Column(
            "email",
            "string",
            "E-mail.",
            lambda r: r.data.get("email"),
            {"pattern": "[^@\\s]+@[^@\\s]+\\.[^@\\s]+"},
        ),
        Column("website", "string", "Strona internetowa.", lambda r: r.data.get("website")),
        Column(
            "accessibility",
            "string",
            "Dostępność architektoniczna siedziby.",
            lambda r: r.data.get("accessibility"),
        ),
        Column(
            "last_verified",
            "date",
            "Data ostatniego sprawdzenia informacji.",
            lambda r: r.data["last_verified"],
            {"required": True},
        ),
        Column(
            "url",
            "string",
            "Adres strony realizatora w katalogu.",
            lambda r: f"{base}/realizatorzy/{r.id}/" if base else None,
        ),
    ]


def required(name: str, kind: str, description: str, **constraints: Any) -> Column:
    """A column every row fills: read as ``row[name]``, required by its schema."""
    return Column(name, kind, description, itemgetter(name), {"required": True, **constraints})


def optional(name: str, kind: str, description: str, **constraints: Any) -> Column:
    """A column a row may leave empty: read as ``row.get(name)``."""
    return Column(name, kind, description, lambda row: row.get(name), constraints or None)


def _pair_columns(kind: str, description: str) -> list[Column]:
    return [
        required("service", "string", "Identyfikator usługi."),
        required(kind, "string", description),
    ]


HOURS_COLUMNS = [
    optional("service", "string", "Identyfikator usługi (puste przy godzinach realizatora)."),
    optional("provider", "string", "Identyfikator realizatora (puste przy godzinach usługi)."),
    required("day", "string", "Dzień tygodnia: pn, wt, sr, cz, pt, so, nd.", enum=list(DAY_CODES)),
    required("opens", "string", "Od godziny (GG:MM).", **TIME),
    required("closes", "string", "Do godziny (GG:MM; 24:00 – do północy).", **TIME),
]
PLACE_COLUMNS = [
    required("service", "string", "Identyfikator usługi."),
    required("name", "string", "Nazwa miejsca."),
    optional("street", "string", "Ulica i numer."),
    optional("postal_code", "string", "Kod pocztowy."),
    optional("city", "string", "Miejscowość."),
    optional("country", "string", "Kraj za granicą (kod ISO 3166-1); puste – Polska.", **COUNTRY),
    optional("lat", "number", "Szerokość geograficzna (WGS 84).", minimum=-90, maximum=90),
    optional("lon", "number", "Długość geograficzna (WGS 84).", minimum=-180, maximum=180),
]
TERM_COLUMNS = [
    required("id", "string", "Identyfikator.", unique=True),
    required("label", "string", "Nazwa."),
    required("description", "string", "Opis."),
]
UNIT_COLUMNS = [
    required("id", "string", "Jednostka miary.", unique=True),
    required("label", "string", "Nazwa jednostki."),
    required("per_unit", "string", "Zwrot „za jednostkę”, np. za godzinę."),
]
CAPACITY_COLUMNS = [
    required("service", "string", "Identyfikator usługi."),
    required("period", "string", "Okres, którego dotyczą liczby (rok, kwartał albo miesiąc)."),
    required("limit", "integer", "Limit na okres (w jednostkach z kolumny unit).", minimum=0),
    required("granted", "integer", "Przyznano w okresie.", minimum=0),
    optional("used", "integer", "Wykorzystano w okresie.", minimum=0),
    optional("people_served", "integer", "Ile osób korzysta z usługi w okresie.", minimum=0),
    optional("waiting", "integer", "Ile osób czeka na usługę (lista oczekujących).", minimum=0),
    required("as_of", "date", "Stan na dzień."),
    optional(
        "unit",
        "string",
        "W czym liczone są limit i przyznane (tabela units); pusta – jednostka miary usługi.",
    ),
]


@dataclass(frozen=True)
class Table:
    """One CSV resource: its columns, rows, primary key and foreign keys (column -> table)."""

    name: str
    title: str
    description: str
    columns: list[Column]
    items: list[Any]
    primary_key: list[str]
    foreign_keys: Mapping[str, str] = field(default_factory=dict)

    def csv(self) -> bytes:
        """The table's rows as CSV."""
        rows = ({column.name: column.get(item) for column in self.columns} for item in self.items)
        return csv_bytes([column.name for column in self.columns], rows)

    def resource(self) -> dict[str, Any]:
        """The Data Resource descriptor with its Table Schema."""
        schema: dict[str, Any] = {"fields": [column.field() for column in self.columns]}
        if self.primary_key:
            schema["primaryKey"] = self.primary_key
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": table, "fields": "id"}}
                for column, table in self.foreign_keys.items()
            ]
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "path": f"{self.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


def _hours_rows(owner_key: str, owner_id: str, hours: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {owner_key: owner_id, "day": day, "opens": slot["from"], "closes": slot["to"]}
        for slot in hours
        for day in slot["days"]
    ]


def package_files(
    catalogue: Catalogue,
    capacity: list[dict[str, Any]],
    metadata: Mapping[str, Any],
    base: str | None,
    more: Iterable[Table] = (),
) -> dict[str, bytes]:
    """The CSV tables (and ``more`` of other features) and their ``datapackage.json``."""
    services = [catalogue.services[key] for key in sorted(catalogue.services)]
    providers = [catalogue.providers[key] for key in sorted(catalogue.providers)]
    hours = [row for s in services for row in _hours_rows("service", s.id, s.data["hours"])]
    hours += [
        row for p in providers for row in _hours_rows("provider", p.id, p.data.get("hours", []))
    ]
    places = [
        {"service": s.id, **place}
        for s in services
        if isinstance(s.data.get("place"), list)
        for place in s.data["place"]
    ]
    tables = [
        Table("services", "Usługi społeczne", "Jedna usługa w wierszu.",
              _service_columns(base), services, ["id"], {"provider": "providers"}),
        Table("providers", "Realizatorzy usług", "Jeden realizator w wierszu.",
              _provider_columns(base), providers, ["id"]),
        Table("service_audiences", "Usługi i grupy odbiorców", "Dla kogo jest usługa.",
              _pair_columns("audience", "Identyfikator grupy odbiorców (tabela audiences)."),
              [{"service": s.id, "audience": a} for s in services for a in s.data["audiences"]],
              ["service", "audience"], {"service": "services", "audience": "audiences"}),
        Table("service_areas", "Usługi i obszary ustawowe", "Obszary usług społecznych usługi.",
              _pair_columns("area", "Identyfikator obszaru (tabela areas)."),
              [{"service": s.id, "area": a} for s in services for a in s.data["areas"]],
              ["service", "area"], {"service": "services", "area": "areas"}),
        Table("hours", "Godziny", "Jeden dzień jednego przedziału godzin w wierszu.",
              HOURS_COLUMNS, hours, [], {"service": "services", "provider": "providers"}),
        Table("places", "Miejsca realizacji usług", "Adresy, pod którymi usługa jest realizowana.",
              PLACE_COLUMNS, places, [], {"service": "services"}),
        Table("capacity", "Dostępność miejsc", "Limity i wykorzystanie usług w okresach.",
              CAPACITY_COLUMNS, [row for row in capacity if row["service"] in catalogue.services],
              ["service", "period"], {"service": "services", "unit": "units"}),
        Table("audiences", "Grupy odbiorców", "Słownik grup odbiorców.",
              TERM_COLUMNS, list(catalogue.audiences.values()), ["id"]),
        Table("areas", "Obszary usług społecznych", "Obszary z art. 2 ustawy o CUS.",
              TERM_COLUMNS, list(catalogue.areas.values()), ["id"]),
        Table("units", "Jednostki miary", "Słownik jednostek miary usług.",
              UNIT_COLUMNS, list(catalogue.units.values()), ["id"]),
        *more,
    ]  # fmt: skip
    from .centre_tables import centre_tables  # its tables are built from this module's parts

    tables += centre_tables(catalogue, base)
    from .translation_tables import translation_tables

    tables += translation_tables(catalogue)
    files: dict[str, bytes] = {}
    resources = []
    for table in tables:
        files[f"{table.name}.csv"] = table.csv()
        resources.append(table.resource())
    files["datapackage.json"] = canonical_json(
        {**metadata, "profile": "tabular-data-package", "resources": resources}
    )
    return files
