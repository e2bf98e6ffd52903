"""The pages the law and the front office need: statement, easy-to-read, kiosk, offline."""

from __future__ import annotations

from ..feature import SiteWriter

# URL path → template; the texts come from settings (ACCESSIBILITY_STATEMENT, EASY_TO_READ).
PAGES = {
    "deklaracja-dostepnosci/": "accessibility/statement.html",
    "tekst-latwy-do-czytania/": "accessibility/easy_to_read.html",
    "kiosk/": "accessibility/kiosk.html",
    "offline/": "accessibility/offline.html",
}
# Interface strings of the scripts (kiosk dialog, keyboard), translated like any template.
MESSAGES_URL = "static/a11y/messages.json"
MESSAGES_TEMPLATE = "accessibility/messages_json.html"


def write_pages(site: SiteWriter) -> None:
    """Render the statement, ETR, kiosk and offline pages and the script messages."""
    for url, template in PAGES.items():
        site.page(url, template)
    site.page(MESSAGES_URL, MESSAGES_TEMPLATE)
