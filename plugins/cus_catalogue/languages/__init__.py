"""The catalogue in several languages: Polish at the root, every other one under /<code>/.

``content``: a record's or a vocabulary's texts in one language (Polish where untranslated,
marked); ``links``: the internal links of a page in another language lead to that language.
"""

from __future__ import annotations

# Each language in its own name, as the language switch shows it.
OWN_NAMES = {"pl": "Polski", "uk": "Українська", "en": "English"}


def prefix(language: str, languages: tuple[str, ...]) -> str:
    """The folder of a language's pages: ``""`` for the first (Polish), else ``uk/``."""
    return "" if language == languages[0] else f"{language}/"
