"""A problem that stops the backend from starting: code, place and values, worded in Polish."""

from __future__ import annotations

from dataclasses import dataclass, field

from forms_backend.forms import N_
from forms_backend.i18n import gettext as _

TEMPLATES = {
    "not_an_integer": N_("Enter a whole number, for example 25 (now: {value})"),
    "not_a_number": N_("Enter a number, for example 10 or 2.5 (now: {value})"),
    "not_a_boolean": N_("Enter true or false (now: {value})"),
    "too_small": N_("Enter a number of at least {limit} (now: {value})"),
    "too_large": N_("Enter a number of at most {limit} (now: {value})"),
    "not_one_of": N_("Enter one of: {expected} (now: {value})"),
    "not_a_network": N_(
        "Enter IP addresses or networks separated by commas, for example 127.0.0.1 or "
        "10.0.0.0/8 (now: {value})"
    ),
    "invalid_value": N_("This value is not valid (now: {value}): {detail}"),
    "proxy_not_named": N_(
        "Name the proxy whose header you trust in FORMS_TRUSTED_PROXIES, or leave "
        "FORMS_CLIENT_IP_HEADER empty"
    ),
    "not_a_postgresql_url": N_(
        "Enter the address of a PostgreSQL database, for example "
        "postgresql://formularze:password@db.example.org/formularze, or leave "
        "FORMS_DATABASE_URL empty to keep submissions in the file FORMS_DATABASE_PATH "
        "(now: {value})"
    ),
    "key_required": N_(
        "With submissions in PostgreSQL, set the same FORMS_ENCRYPTION_KEY on every server: "
        "a key file stays on one computer, and the others could not read what it encrypted. "
        "How to create a key: docs/forms-backend.md"
    ),
    "catalogue_missing": N_(
        "There is no built catalogue here. Build the site (`katalog build`) or set "
        "FORMS_CATALOGUE_PATH to the site's uslugi.json"
    ),
    "catalogue_unreadable": N_("The built catalogue cannot be read as JSON: {detail}"),
    "catalogue_invalid": N_(
        "The built catalogue does not match plugins/cus_catalogue/schemas/uslugi.schema.json "
        "at {where}: {detail}. Build the site again with this version of the project"
    ),
    "retention_differs": N_(
        "FORMS_RETENTION_DAYS is {configured}, but the forms tell residents {stated} days "
        "(RODO['retention_days'] in the site's settings). Set the same number in both"
    ),
}


@dataclass(frozen=True)
class Problem:
    """Where (a variable or a file), what (a code with its values), and the Polish message."""

    code: str
    where: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The translated message with its values filled in."""
        return _(TEMPLATES[self.code]).format(**self.params)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class StartupError(Exception):
    """The backend cannot start; every problem found is listed, one a line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
