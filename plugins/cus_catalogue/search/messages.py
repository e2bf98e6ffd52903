"""Interface strings of the search scripts, translated at build time and embedded in the bundle.

The msgids live here (English); their translations live with the theme's, in
``themes/cus/translations/<lang>/LC_MESSAGES/search.po``.  Plurals are resolved per CLDR
category so the browser picks the right form with ``Intl.PluralRules``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from babel import Locale
from babel.support import NullTranslations

from ..i18n import load_translations

MESSAGES: dict[str, str] = {
    "none": "No service matches your search.",
    "error": "Search is not available right now. Please try again or browse the lists below.",
    "provider": "Provider:",
    "fee": "Fee:",
    "suggestionsLabel": "Suggestions",
    "noSuggestions": "No suggestions. Press Enter to search.",
    "allResults": "See all results for “{query}”",
    "forEveryone": "For every resident",
}

PLURALS: dict[str, tuple[str, str]] = {
    "count": ("{count} service found", "{count} services found"),
    "suggestions": (
        "{count} suggestion, use the arrow keys",
        "{count} suggestions, use the arrow keys",
    ),
}


def plural_examples(language: str) -> dict[str, int]:
    """One whole number for each CLDR plural category of the language (pl: 1, 2, 5)."""
    rule = Locale.parse(language).plural_form
    examples: dict[str, int] = {}
    for number in range(0, 200):
        examples.setdefault(rule(number), number)
    return examples


def translated_messages(theme: Path, language: str) -> dict[str, Any]:
    """Every search message in the site's language; plurals as {category: text}."""
    translations: NullTranslations = load_translations(theme / "translations", language)
    result: dict[str, Any] = {key: translations.gettext(text) for key, text in MESSAGES.items()}
    examples = plural_examples(language)
    for key, (singular, plural) in PLURALS.items():
        forms = {cat: translations.ngettext(singular, plural, n) for cat, n in examples.items()}
        forms.setdefault("other", translations.ngettext(singular, plural, 5))
        result[key] = forms
    return result
