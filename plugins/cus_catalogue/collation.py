"""Alphabetical order as a Polish reader expects it, for every list the site sorts.

ICU's Polish collation (CLDR, through PyICU): ą after a, ł after l, ś after s, ź and ż after z,
and quotes, dashes and other punctuation ignored ("„E-senior”" sorts and is listed under E).
Babel has no collation and pyuca knows only the root order, where ś is a variant of s, not a
letter of its own; ICU is the library every browser and database uses for this.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

LOCALE = "pl_PL"
Item = TypeVar("Item")


@functools.cache
def _collator(locale: str) -> icu.Collator:
    """One collator per locale; punctuation and spaces are ignored (alternate = shifted)."""
    collator = icu.Collator.createInstance(icu.Locale(locale))
    collator.setAttribute(icu.UCollAttribute.ALTERNATE_HANDLING, icu.UCollAttributeValue.SHIFTED)
    return collator


def sort_key(text: str, locale: str = LOCALE) -> tuple[bytes, str]:
    """Key for ``sorted``: the collation key, then the text itself so the order is total."""
    return _collator(locale).getSortKey(text), text


def initial(text: str) -> str:
    """The letter a name is listed under: its first letter or digit, quotes and dashes skipped."""
    for char in text:
        if unicodedata.category(char)[0] in "LN":
            return char.upper()
    return "#"


def by_initial(items: Iterable[Item], name: Callable[[Item], str]) -> list[tuple[str, list[Item]]]:
    """Sorted items grouped under their initials (ł apart from l: a letter of its own)."""
    groups: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda item: sort_key(name(item))):
        groups.setdefault(initial(name(item)), []).append(item)
    return list(groups.items())
