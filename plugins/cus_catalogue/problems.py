"""A problem found in the catalogue is data (code, file, line, field, params), not a string."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .i18n import N_, ngettext
from .i18n import gettext as _

Severity = Literal["error", "warning"]

# Message templates, keyed by problem code. The msgids are English; residents and providers
# read them in Polish through the plugin's translation catalogue.
TEMPLATES: dict[str, str] = {
    "invalid-yaml": N_("the file is not valid YAML: {detail}"),
    "not-utf8": N_("the file is not saved in UTF-8 encoding"),
    "empty-record": N_("the file is empty"),
    "not-a-mapping": N_("the record must be a list of fields (field: value)"),
    "duplicate-key": N_("field “{detail}” is written twice"),
    "complex-key": N_("a field name must be plain text"),
    "several-documents": N_(
        "the file holds more than one record (a second “---”); one file is one record"
    ),
    "yaml-alias": N_(
        "anchors and aliases (&name, *name) are not allowed in records: write each value out "
        "in full"
    ),
    "too-big": N_("the file is too large ({size} kB); a record may have at most {limit} kB"),
    "symlink": N_(
        "this is a symbolic link (a shortcut to another file); a record must be an ordinary "
        "file in this folder"
    ),
    "not-a-file": N_("this is not an ordinary file; only record files belong in this folder"),
    "not-a-folder": N_("this must be a folder of record files"),
    "line-break": N_("must be one line (without line breaks)"),
    "unknown-field": N_("unknown field “{name}” (a typo?); allowed fields: {allowed}"),
    "required": N_("required field is missing"),
    "translation-without-name": N_(
        "the translation has no name: write the name in this language first "
        "(translations.{language}.name)"
    ),
    "wrong-type": N_("must be {expected}"),
    "not-in-enum": N_("“{value}” is not allowed; allowed values: {allowed}"),
    "duplicate-items": N_("lists the same value twice"),
    "bad-pattern": N_("“{value}” has the wrong form: {hint}"),
    "too-small": N_("must be at least {limit}"),
    "too-large": N_("must be at most {limit}"),
    "bad-place": N_(
        "must be a description or a list of addresses (name, street, postal_code, city)"
    ),
    "empty-object": N_("must contain at least one field"),
    "invalid": N_("is invalid"),
    "bad-id": N_(
        "file name “{name}” is not a valid id: use only lowercase letters a–z (no Polish "
        "letters), digits and hyphens, e.g. zlota-raczka.yaml"
    ),
    "duplicate-id": N_("id “{id}” is used by another file as well: {other}"),
    "unknown-provider": N_("there is no provider “{value}” (no file providers/{value}.yaml)"),
    "unknown-audience": N_("“{value}” is not an audience id; allowed: {allowed}"),
    "unknown-area": N_("“{value}” is not a statutory area id; allowed: {allowed}"),
    "fee-amount-missing": N_("a paid or partly paid service needs the amount (fee.amount) in PLN"),
    "fee-amount-for-free": N_("a free service cannot have an amount"),
    "hours-order": N_(
        "opening time {start} is the same as closing time {end}: for all day write 00:00–24:00; "
        "hours past midnight close the next morning (e.g. 18:00–08:00)"
    ),
    "hours-empty": N_("no hours: give them, or explain in hours_note (e.g. “po uzgodnieniu”)"),
    "bad-date": N_("“{value}” is not a real date (YYYY-MM-DD)"),
    "future-date": N_("date {value} is in the future"),
    "age-order": N_("age_min ({age_min}) is greater than age_max ({age_max})"),
    "no-services-folder": N_("there is no services folder in {path}"),
    "vocabulary-invalid": N_("vocabulary table is invalid: {note}"),
    "unexplained-abbreviation": N_(
        "abbreviation “{abbreviation}” is not explained in this record: write “{expansion}” "
        "(at its first use you may add the abbreviation in brackets)"
    ),
    "unknown-setting": N_("unknown setting “{name}” (a typo?); did you mean {close}?"),
    "bad-setting": N_("the setting has a value that cannot be used: {detail}"),
    "no-way-to-start": N_(
        "an active service must say how to start: write how_to_apply or set apply_online: true"
    ),
}

# Templates whose words agree with a number (Polish has three forms: 1; 2–4, 22–24; 5–21,
# 25...): the parameter holding the number, and the plural-aware translation.
PLURAL_TEMPLATES: dict[str, tuple[str, Callable[[int], str]]] = {
    "too-short": (
        "limit",
        lambda n: ngettext(
            "is too short (at least {limit} character)",
            "is too short (at least {limit} characters)",
            n,
        ),
    ),
    "too-long": (
        "length",
        lambda n: ngettext(
            "is too long: it has {length} character, at most {limit} are allowed",
            "is too long: it has {length} characters, at most {limit} are allowed",
            n,
        ),
    ),
    "too-few-items": (
        "limit",
        lambda n: ngettext(
            "must list at least {limit} item", "must list at least {limit} items", n
        ),
    ),
    "too-deep": (
        "limit",
        lambda n: ngettext(
            "the record is nested too deeply (more than {limit} level)",
            "the record is nested too deeply (more than {limit} levels)",
            n,
        ),
    ),
    "stale": (
        "months",
        lambda n: ngettext(
            "not checked for {months} month (last on {value}): check it and enter today's date",
            "not checked for {months} months (last on {value}): check it and enter today's date",
            n,
        ),
    ),
}

TYPE_NAMES: dict[str, str] = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a group of fields"),
}


@dataclass(frozen=True)
class Problem:
    """One error or warning, pointing at a file, a line and a field."""

    code: str
    file: Path | str
    line: int = 1
    field: str = ""
    params: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)
    severity: Severity = "error"
    #: A feature's own message template (an ``N_`` msgid); core problems use ``TEMPLATES``.
    template: str = dataclasses.field(default="", compare=False)

    @property
    def message(self) -> str:
        """The translated message, with its parameters filled in."""
        params = {
            key: _(value) if key in ("expected", "hint") else value
            for key, value in self.params.items()
        }
        if self.code in PLURAL_TEMPLATES and not self.template:
            count, forms = PLURAL_TEMPLATES[self.code]
            return forms(int(params[count])).format(**params)
        return _(self.template or TEMPLATES[self.code]).format(**params)

    def format(self, base: Path | None = None) -> str:
        """``path:line: field: message``, the form editors and CI annotations understand."""
        path = Path(self.file)
        if base is not None:  # a link is named as itself, not as the file it points to
            for where, root in (
                (path.absolute(), base.absolute()),
                (path.resolve(), base.resolve()),
            ):
                with contextlib.suppress(ValueError):
                    path = where.relative_to(root)
                    break
        prefix = f"{path}:{self.line}: "
        label = _("warning") + ": " if self.severity == "warning" else ""
        field = f"{self.field}: " if self.field else ""
        return f"{prefix}{label}{field}{self.message}"
