"""Where the theme's scripts find the files they load: base.html puts them on ``<body>``.

The scripts never spell the build's folder layout; the page tells them (``data-`` attributes),
whether Pelican or the form backend rendered it.
"""

from __future__ import annotations

from .accessibility.offline import SERVICE_WORKER
from .accessibility.pages import MESSAGES_URL as A11Y_MESSAGES
from .accessibility.qr import LINKS_FILE
from .plan.feature import MESSAGES_URL as PLAN_MESSAGES


def script_paths() -> dict[str, str]:
    """Output-relative paths, by the names base.html reads."""
    return {
        "A11Y_MESSAGES": A11Y_MESSAGES,
        "KIOSK_LINKS": LINKS_FILE,
        "PLAN_MESSAGES": PLAN_MESSAGES,
        "SERVICE_WORKER": SERVICE_WORKER,
    }
