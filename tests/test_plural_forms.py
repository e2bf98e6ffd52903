"""Numbers in Polish messages: every counted noun agrees with its number (three plural forms).

Polish says 1 usługa; 2, 3, 4, 22 usługi; 5–21, 25 usług. A message that puts a number beside
a noun goes through ngettext, and each one is rendered here at 1, 2, 5, 12, 22 and 25 against
the forms a Polish speaker expects ("#" stands for the number).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from polish_texts import ROOT, PoEntry, po_entries, po_files

from cus_catalogue.search.messages import PLURALS, translated_messages

NUMBERS = (1, 2, 5, 12, 22, 25)
FORM_OF = {1: 0, 2: 1, 22: 1, 5: 2, 12: 2, 25: 2}  # 0: one, 1: few (2–4, 22–24), 2: many
# Placeholders that hold a number.
NUMERIC = re.compile(
    r"%\(\w+\)d|%\((?:num|seconds|count)\)s|\{(?:n|num|count|limit|length|months|failed|total"
    r"|seconds|remaining|granted|used|line|column|number|other|age_min|age_max|low|high"
    r"|services|providers|errors|warnings)\}"
)
# Messages with a number but no noun that agrees with it, and why.
NOT_COUNTED = {
    "must be at least {limit}": "a bare value (musi wynosić co najmniej 5)",
    "must be at most {limit}": "a bare value (musi wynosić najwyżej 5)",
    "id “{id}” is used by another file as well: {other}": "{other} is a file name",
    "age_min ({age_min}) is greater than age_max ({age_max})": "values of two fields",
    "“{file}” has {size}, at most {limit} are allowed: save it smaller (e.g. as PDF)": (
        "sizes with their unit (ma 5 KB, najwyżej 2 KB)"
    ),
    "Checked {services} and {providers}: {errors}, {warnings}.": "each is a ngettext phrase",
    "granted ({granted}) is more than the limit ({limit})": "values in brackets",
    "used ({used}) is more than granted ({granted})": "values in brackets",
    "Service no. {number} in the file has no name.": "an ordinal (usługa nr 3)",
    "phrase {number} is empty: remove the extra “;” or “|”, or write the words": (
        "an ordinal (wyrażenie nr 2)"
    ),
    "Enter a number of at least {limit} (now: {value})": "a bare value (nie mniejszą niż 5)",
    "Enter a number of at most {limit} (now: {value})": "a bare value (nie większą niż 5)",
    "The file is not valid JSON (line {line}, column {column}).": "a position in a file",
    "Written to {content}: services: {services}, providers: {providers}.": (
        "label and number (usług: 5): the noun before the colon agrees with no number"
    ),
    "{page}:{line}: broken link to {target}": "a position in a file",
    "{file}, line {line}": "a position in a file",
    "“{value}” is already on line {other}: every row needs a different one": "a position",
    "the same {columns} as on line {other}: every row needs a different one": "a position",
    "id “{id}” is already used on line {other}": "a position in a file",
    "“{term}” is already in group “{other}” (line {other_line}): merge them": "a position",
    "{label}: {done} of {total}": "a progress counter after a label (Strony usług: 5 z 64)",
    "Built {services} and {providers} in {seconds} s.": "ngettext phrases; s is a unit symbol",
    "Pages ({language}): {total}: {kinds}.": "label and number; {kinds} are ngettext phrases",
    "Problems: {errors}, {warnings}.": "each is a ngettext phrase",
    "the file is too large ({size} kB); a record may have at most {limit} kB": (
        "kB is a unit symbol"
    ),
    "{count} (unit: {unit})": "a unit data/units.csv does not know: its name, not its forms",
    "Question {number} of {total}": "a position (Pytanie 2 z 7)",
    "income_up_to must go up from row to row: {limit} is not more than {previous} in the row "
    "above": "values of a field",
    "{amount} a month: {total}": "{amount} has the unit's plural forms, {total} is money",
    "Income per person: {income}, that is at most {limit}. You pay {pay} of the full amount "
    "({full}).": "money (zł)",
    "Income per person: {income}, that is more than {limit}. You pay {pay} of the full amount "
    "({full}).": "money (zł)",
    "income per person up to {limit}% of the income criterion": "a percentage",
}
# msgid: (the placeholder holding the count, form for 1, for 2–4, for 5–21).
EXPECTED = {
    "We delete the copy of your data in the form system %(num)d day after it reaches the centre.": (
        "num",
        "usuwamy # dzień po",
        "usuwamy # dni po",
        "usuwamy # dni po",
    ),
    "%(num)d of them is running now": ("num", "działa # z", "działają # z", "działa # z"),
    "%(num)d is suspended": ("num", "# jest zawieszona", "# są zawieszone", "# jest zawieszonych"),
    "%(num)d is planned": ("num", "# jest planowana", "# są planowane", "# jest planowanych"),
    "%(num)d service for this group.": ("num", "# usługa", "# usługi", "# usług"),
    "%(num)d service open to every resident of the municipality.": (
        "num",
        "# usługa",
        "# usługi",
        "# usług",
    ),
    # The unit's own forms come with %(amount)s (data/units.csv); the verb agrees here.
    "For %(period)s, %(amount)s of %(limit)d is left.": (
        "amount",
        "zostaje #",
        "zostały #",
        "zostało #",
    ),
    "Enter no more than %(num)d character": ("num", "# znak", "# znaki", "# znaków"),
    "is too short (at least {limit} character)": (
        "limit",
        "co najmniej # znak)",
        "co najmniej # znaki)",
        "co najmniej # znaków)",
    ),
    "is too long: it has {length} character, at most {limit} are allowed": (
        "length",
        "ma # znak,",
        "ma # znaki,",
        "ma # znaków,",
    ),
    "must list at least {limit} item": ("limit", "# pozycję", "# pozycje", "# pozycji"),
    "not checked for {months} month (last on {value}): check it and enter today's date": (
        "months",
        "od # miesiąca",
        "od # miesięcy",
        "od # miesięcy",
    ),
    "The catalogue has %(n)d error.": ("n", "ma # błąd.", "ma # błędy.", "ma # błędów."),
    "Not imported into {id} ({kind}): {n} value:": (
        "n",
        "# wartość:",
        "# wartości:",
        "# wartości:",
    ),
    "the record is nested too deeply (more than {limit} level)": (
        "limit",
        "niż # poziom)",
        "niż # poziomy)",
        "niż # poziomów)",
    ),
    "The file nests lists and objects too deeply (more than {limit} level).": (
        "limit",
        "niż # poziom).",
        "niż # poziomy).",
        "niż # poziomów).",
    ),
    "{n} service": ("n", "# usługa", "# usługi", "# usług"),
    "{n} provider": ("n", "# realizator", "# realizatorów", "# realizatorów"),
    "{n} error": ("n", "# błąd", "# błędy", "# błędów"),
    "{n} warning": ("n", "# ostrzeżenie", "# ostrzeżenia", "# ostrzeżeń"),
    "{author} may not change {n} file; ask the centre's editors to review it.": (
        "n",
        "nie może zmienić # pliku;",
        "nie może zmienić # plików;",
        "nie może zmienić # plików;",
    ),
    "{author} may change the {n} changed file.": (
        "n",
        "zmieniać # zmieniony plik.",
        "zmieniać wszystkie # zmienione pliki.",
        "zmieniać wszystkie # zmienionych plików.",
    ),
    "Freshness: {n} record is past its verification date.": (
        "n",
        "# rekord wymaga",
        "# rekordy wymagają",
        "# rekordów wymaga",
    ),
    "The build logged {n} warning; a publish needs none.": (
        "n",
        "zgłosiło # ostrzeżenie;",
        "zgłosiło # ostrzeżenia;",
        "zgłosiło # ostrzeżeń;",
    ),
    "Minified and hashed {n} stylesheet or script.": ("n", "# plik ", "# pliki ", "# plików "),
    "{n} internal link leads nowhere; nothing was published.": (
        "n",
        "# odnośnik wewnętrzny prowadzi",
        "# odnośniki wewnętrzne prowadzą",
        "# odnośników wewnętrznych prowadzi",
    ),
    "External links: {failed} of {total} does not work (reported, not fatal).": (
        "failed",
        "nie działa # z",
        "nie działają # z",
        "nie działa # z",
    ),
    "%(num)s second left": ("num", "Została # sekunda", "Zostały # sekundy", "Zostało # sekund"),
    "%(num)d service.": ("num", "# usługa.", "# usługi.", "# usług."),
    "%(num)d service": ("num", "# usługa", "# usługi", "# usług"),
    "See all %(num)d service": ("num", "# usługę", "wszystkie # usługi", "wszystkie # usług"),
    "%(num)d service in the catalogue.": (
        "num",
        "jest # usługa.",
        "są # usługi.",
        "jest # usług.",
    ),
    "Age: from %(low)d to %(num)d year": ("num", "do # roku", "do # lat", "do # lat"),
    "Age: at least %(num)d year": ("num", "# rok", "# lata", "# lat"),
    "Age: up to %(num)d year": ("num", "do # roku", "do # lat", "do # lat"),
    "The data describe %(num)d service": ("num", "# usługę", "# usługi", "# usług"),
    "from %(num)d provider": ("num", "od # realizatora", "od # realizatorów", "od # realizatorów"),
    "%(num)d record to verify.": ("num", "# rekord do", "# rekordy do", "# rekordów do"),
    "For centre staff: records whose information was last checked %(num)d month ago or "
    "earlier, grouped by provider.": (
        "num",
        "# miesiąc temu",
        "# miesiące temu",
        "# miesięcy temu",
    ),
    "{count} service found": ("count", "# usługę", "# usługi", "# usług"),
    "%(n)d service page": ("n", "# strona usługi", "# strony usług", "# stron usług"),
    "%(n)d provider page": (
        "n",
        "# strona realizatora",
        "# strony realizatorów",
        "# stron realizatorów",
    ),
    "%(n)d list by audience or area": ("n", "# lista ", "# listy ", "# list "),
    "%(n)d other page": ("n", "# inna strona", "# inne strony", "# innych stron"),
    "{n} file in the output folder ({size} MB).": ("n", "# plik w", "# pliki w", "# plików w"),
    "{n} package of services.": ("n", "# pakiet usług", "# pakiety usług", "# pakietów usług"),
    "%(num)d centre": ("num", "# centrum", "# centra", "# centrów"),
    "{n} file left out (errors above):": (
        "n",
        "# plik pominięty",
        "# pliki pominięte",
        "# plików pominiętych",
    ),
    "The catalogue gathers the services of %(num)d centre.": (
        "num",
        "usługi # centrum",
        "usługi # centrów",
        "usługi # centrów",
    ),
    "{n} document published.": (
        "n",
        "# dokument do pobrania",
        "# dokumenty do pobrania",
        "# dokumentów do pobrania",
    ),
    "{n} announcement.": ("n", "# ogłoszenie", "# ogłoszenia", "# ogłoszeń"),
    "{n} announcement waits for its date.": (
        "n",
        "# ogłoszenie czeka",
        "# ogłoszenia czekają",
        "# ogłoszeń czeka",
    ),
    "Package of services: %(num)d service": (
        "num",
        "Pakiet usług: # usługa",
        "Pakiet usług: # usługi",
        "Pakiet usług: # usług",
    ),
    "%(num)d service in the package": (
        "num",
        "# usługa w pakiecie",
        "# usługi w pakiecie",
        "# usług w pakiecie",
    ),
    "%(num)d person": ("num", "# osoba", "# osoby", "# osób"),
    "{n} file kept for offline use.": (
        "n",
        "# plik dostępny",
        "# pliki dostępne",
        "# plików dostępnych",
    ),
    "%(num)s service in your plan": (
        "num",
        "# usługa w Twoim",
        "# usługi w Twoim",
        "# usług w Twoim",
    ),
    "Your plan can have at most %(num)d service. Remove one to add another.": (
        "num",
        "może być najwyżej # usługa.",
        "mogą być najwyżej # usługi.",
        "może być najwyżej # usług.",
    ),
    "A request can name at most %(num)d service. Remove some from your plan.": (
        "num",
        "najwyżej # usługę.",
        "najwyżej # usługi.",
        "najwyżej # usług.",
    ),
    "A note can have at most %(num)d character": (
        "num",
        "najwyżej # znak",
        "najwyżej # znaki",
        "najwyżej # znaków",
    ),
    "The plan has %(num)d service:": ("num", "ma # usługę:", "ma # usługi:", "ma # usług:"),
    "%(num)d person uses the service.": (
        "num",
        "korzysta # osoba.",
        "korzystają # osoby.",
        "korzysta # osób.",
    ),
    "Waiting list: %(num)d person.": ("num", "# osoba.", "# osoby.", "# osób."),
    "%(num)s year": ("num", "# rok", "# lata", "# lat"),
    "%(num)s person in the household": ("num", "# osoba w domu", "# osoby w domu", "# osób w"),
    "%(num)s service fits your answers.": (
        "num",
        "pasuje # usługa.",
        "pasują # usługi.",
        "pasuje # usług.",
    ),
    "%(num)s more service may fit: ask the coordinator.": (
        "num",
        "# usługa może",
        "# usługi mogą",
        "# usług może",
    ),
    "age from %(low)d to %(num)d year": ("num", "do # roku", "do # lat", "do # lat"),
    "age %(num)d year or more": ("num", "# rok i więcej", "# lata i więcej", "# lat i więcej"),
    "age up to %(num)d year": ("num", "do # roku", "do # lat", "do # lat"),
    "{count} suggestion, use the arrow keys": (
        "count",
        "# podpowiedź,",
        "# podpowiedzi,",
        "# podpowiedzi,",
    ),
}
PLURAL_ENTRIES = [entry for entry in po_entries() if entry.is_plural]


def translations_of(po_path: Path) -> Translations:
    """One .po file compiled, so its own Plural-Forms header picks the form."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="pl")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def render(template: str, count: str, number: int) -> str:
    """Fill the count placeholder with the number and every other one with "…"."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        return str(number) if name == count else "…"

    return re.sub(r"%\((\w+)\)[sd]|\{(\w+)\}", fill, template)


def test_every_number_beside_a_noun_goes_through_ngettext() -> None:
    """ "Wiek: %(low)d lat i więcej" gave "22 lat": a number without plural forms."""
    singular = [
        f"{entry.path.relative_to(ROOT)}:{entry.line}: {entry.msgid!r}"
        for entry in po_entries()
        if not entry.is_plural and NUMERIC.search(entry.msgid) and entry.msgid not in NOT_COUNTED
    ]
    assert not singular, "Use ngettext (three Polish forms) for:\n" + "\n".join(singular)


def test_every_plural_message_has_its_expected_forms() -> None:
    missing = sorted({entry.msgid for entry in PLURAL_ENTRIES} - set(EXPECTED))
    assert not missing, "Add the expected Polish forms to EXPECTED for: " + repr(missing)


@pytest.mark.parametrize("entry", PLURAL_ENTRIES, ids=[e.msgid[:48] for e in PLURAL_ENTRIES])
def test_plural_message_agrees_at_1_2_5_12_22_25(entry: PoEntry) -> None:
    count, *forms = EXPECTED[entry.msgid]
    translations = translations_of(entry.path)
    wrong = []
    for number in NUMBERS:
        text = render(translations.ngettext(entry.msgid, entry.msgid_plural, number), count, number)
        expected = forms[FORM_OF[number]].replace("#", str(number))
        if expected not in text:
            wrong.append(f"{number}: {text!r} lacks {expected!r}")
    assert not wrong, f"{entry.path.relative_to(ROOT)}:{entry.line}:\n" + "\n".join(wrong)


def test_every_polish_file_declares_the_three_polish_plural_forms() -> None:
    for path in po_files():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale="pl")
        assert catalog.num_plurals == 3, path
        assert "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20)" in catalog.plural_expr, path


@pytest.mark.parametrize("key", sorted(PLURALS))
def test_search_script_plurals_follow_the_browsers_plural_categories(key: str) -> None:
    """The search script picks a form with Intl.PluralRules (CLDR categories), not gettext."""
    forms = translated_messages(ROOT / "themes" / "cus", "pl")[key]
    category_of = Locale.parse("pl").plural_form
    count, *expected = EXPECTED[PLURALS[key][0]]
    for number in NUMBERS:
        text = forms[category_of(number)].replace("{" + count + "}", str(number))
        assert expected[FORM_OF[number]].replace("#", str(number)) in text, (number, text)
