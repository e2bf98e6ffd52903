"""Reading built pages for the language tests: visible text outside Polish passages, and the
Polish interface strings that must not appear there."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIRS = ["themes/cus/translations", "plugins/cus_catalogue/locale", "forms_backend/locale"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
SHOWN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


class VisibleText(HTMLParser):
    """Text and labelling attributes of a page, leaving out every ``lang="pl"`` passage."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: inside Polish, script or style
        self.pieces: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        # <title> and the meta description cannot mark a Polish record name (no elements
        # inside): they are left to the record's translation, not checked here.
        hidden = self._hidden() or values.get("lang") == "pl" or tag in ("script", "style", "title")
        if not hidden:
            self.pieces += [values[name] or "" for name in SHOWN_ATTRIBUTES if name in values]
        if tag not in VOID:
            self.stack.append(hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.pieces.append(data)


def visible_text(html: str) -> str:
    """What a reader sees or hears of a page, outside its ``lang="pl"`` passages."""
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.pieces).split())


def _strings(language: str) -> dict[object, tuple[str, ...]]:
    found: dict[object, tuple[str, ...]] = {}
    for folder in LOCALE_DIRS:
        for path in sorted((ROOT / folder / language / "LC_MESSAGES").glob("*.po")):
            with path.open("rb") as handle:
                for message in read_po(handle, locale=language):
                    if message.id:
                        string = message.string
                        found[message.id] = string if isinstance(string, tuple) else (string,)
    return found


def polish_interface_strings() -> list[str]:
    """Polish msgstrs (their literal parts between placeholders) that differ from both the
    Ukrainian and the English translation of the same msgid."""
    polish, others = _strings("pl"), [_strings("uk"), _strings("en")]
    pieces = set()
    for msgid, strings in polish.items():
        translated = {s for other in others for s in other.get(msgid, ())}
        for string in strings:
            if string in translated:
                continue
            parts = PLACEHOLDER.split(string)
            for piece in parts:
                piece = piece.strip(" :.,;–()")
                # A whole message, or a phrase between placeholders (not a lone word like
                # "usług", which record text in Polish passages shares).
                long_enough = len(piece) >= 4 if len(parts) == 1 else " " in piece
                if long_enough and any(c.isalpha() for c in piece) and piece not in translated:
                    pieces.add(piece)
    return sorted(pieces)
