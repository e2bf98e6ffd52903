"""Record and vocabulary texts in the page's language, following the contract in the schemas.

A translated field replaces the Polish one; an untranslated one keeps the Polish text as a
``PolishText``, which templates mark ``lang="pl"`` (the ``in_polish`` filter), so a screen
reader reads it with Polish pronunciation and the resident sees why it is in Polish.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..i18n import DEFAULT_LOCALE, N_, current_language
from ..i18n import gettext as _

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
# Free text the contract does not translate (a place described in words, required papers by
# their Polish names): always shown in Polish, so marked as such.
POLISH_ONLY = {"service": [("place",), ("eligibility", "requires")], "provider": [], "centre": []}
UNTRANSLATED_NOTE = N_("This text has not been translated yet; it is shown in Polish.")


TRANSLATED_SUFFIXES = ("uk", "en")


class PolishText(str):
    """Record text shown untranslated on a page in another language."""


@functools.cache
def translatable(kind: str) -> dict[str, Any]:
    """The translatable fields of a record kind: ``translation`` in its JSON Schema."""
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return schema["$defs"]["translation"]["properties"]


def localized(data: Mapping[str, Any], kind: str, language: str) -> dict[str, Any]:
    """A copy of a record's data with every translatable text in ``language``. What it does
    not change it shares with the record (nothing changes record data once read): three
    languages' deep copies of every record were about 7 MB a 1,000 services."""
    result = dict(data)
    if language == "pl":
        return result
    translation = (data.get("translations") or {}).get(language) or {}
    for name, field in translatable(kind).items():
        if name not in result:
            continue
        if field.get("type") == "object":
            inner_values = result[name] = dict(result[name])
            for inner in field["properties"]:
                value = (translation.get(name) or {}).get(inner)
                if inner in inner_values:
                    inner_values[inner] = _choose(inner_values[inner], value)
        else:
            result[name] = _choose(result[name], translation.get(name))
    for path in POLISH_ONLY[kind]:
        *parents, last = path
        holder = result
        for parent in parents:  # each holder on the way copied: it is about to change
            inner = holder.get(parent)
            if not isinstance(inner, dict):
                holder = {}
                break
            holder[parent] = holder = dict(inner)
        if last in holder:
            holder[last] = _choose(holder[last], None)
    return result


def _choose(polish: Any, translated: Any) -> Any:
    """The translation when there is one; the Polish text, marked as such, when not."""
    if translated is not None:
        return translated
    if isinstance(polish, str):
        return PolishText(polish)
    if isinstance(polish, list):
        return [PolishText(item) if isinstance(item, str) else item for item in polish]
    return polish


def localized_terms(
    terms: Mapping[str, Mapping[str, str]], language: str
) -> dict[str, dict[str, str]]:
    """A vocabulary with every term in ``language`` (``localized_row``)."""
    return {term_id: localized_row(term, language) for term_id, term in terms.items()}


def localized_row(row: Mapping[str, str], language: str) -> dict[str, str]:
    """A vocabulary row whose ``label_uk``-style columns are read as its ``label`` in
    ``language``; an untranslated text stays Polish, marked."""
    if language == DEFAULT_LOCALE:
        return dict(row)
    own = {}
    for column, value in row.items():
        if column == "id" or column.rsplit("_", 1)[-1] in TRANSLATED_SUFFIXES:
            own[column] = value
            continue
        translated = row.get(f"{column}_{language}")
        own[column] = translated if translated else _choose(value, None)
    return own


def in_polish(value: Any) -> Any:
    """Jinja filter: untranslated record text inside ``<span lang="pl">``; other text as is."""
    if isinstance(value, PolishText):  # escape() as Markup.format would, without its parser
        return Markup(f'<span lang="pl">{escape(str(value))}</span>')
    return value


def lang_attribute(value: Any) -> Markup:
    """Jinja filter: `` lang="pl"`` for an element (an ``<option>``) whose whole text is
    untranslated record text; nothing otherwise."""
    return Markup(' lang="pl"') if isinstance(value, PolishText) else Markup("")


def polish_only(value: Any) -> Any:
    """Jinja filter: text that exists in Polish only (the centre's name, the data protection
    clause and easy-to-read texts of the settings, document titles), marked ``lang="pl"`` on
    other languages' pages."""
    if current_language() == DEFAULT_LOCALE or not isinstance(value, str) or not value:
        return value
    if isinstance(value, Markup):  # rendered Markdown: a block, with the note
        return polish_block(value, True)
    return Markup(f'<span lang="pl">{escape(value)}</span>')


def polish_block(html: Markup, untranslated: bool) -> Markup:
    """Rendered Markdown of an untranslated field: marked Polish, with a one-line note."""
    if not untranslated or not html:
        return html
    note = f'<p class="lang-note">{escape(_(UNTRANSLATED_NOTE))}</p>'
    return Markup(f'{note}<div lang="pl">{escape(html)}</div>')
