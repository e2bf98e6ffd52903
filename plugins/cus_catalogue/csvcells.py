"""CSV cells that a spreadsheet program cannot run: the one cell writer of every CSV the build
writes (the Data Package, the HSDS tables, the freshness report).

Text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel and LibreOffice, so it gets a leading apostrophe (OWASP, "CSV injection"). Numbers stay
numbers, and text that is only a signed number or a phone number ("+48 91 000 00 00", "-5")
stays as written: it has no letters, so it can call no function.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_LIKE = re.compile(r"[+-]?[0-9][0-9 ().,+-]*")


def cell_text(value: Any) -> str:
    """A CSV cell: empty for missing, ``true``/``false`` for booleans, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    formula = text.startswith(FORMULA_START) and not _NUMBER_LIKE.fullmatch(text)
    return "'" + text if isinstance(value, str) and formula else text
