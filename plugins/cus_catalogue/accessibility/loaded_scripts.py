"""Which scripts the built pages load: a script a page names (``<script src>``, or a module it
gives another script to import, ``data-refine-module``) and every module those import.

The offline worker keeps only these of the search bundle's inputs: the rest reach residents
inside the bundle, and keeping them too would download them for nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..publishing.sitepaths import site_path

# A quoted path to a script in a page: src="../theme/js/site.js", data-refine-module="...".
NAMED_IN_PAGE = re.compile(r"""(["'])([^"'\s<>()]+\.m?js)\1""")
# A module a script imports: `from "./dom.js"`, `import "./x.js"`, `import("./kiosk.js")`.
IMPORTED = re.compile(r"""\b(?:from|import)\s*\(?\s*(["'])([^"'\s]+\.m?js)\1""")


def loaded_scripts(output: Path, siteurl: str) -> set[str]:
    """Output-relative paths of the scripts some page loads, directly or through imports."""
    pending = set()
    for page in output.rglob("*.html"):
        relative = page.relative_to(output).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        pending |= _targets(NAMED_IN_PAGE, text, relative, siteurl)
    loaded: set[str] = set()
    while pending:
        script = pending.pop()
        if script in loaded or not (output / script).is_file():
            continue
        loaded.add(script)
        text = (output / script).read_text(encoding="utf-8", errors="replace")
        pending |= _targets(IMPORTED, text, script, siteurl) - loaded
    return loaded


def _targets(pattern: re.Pattern[str], text: str, referrer: str, siteurl: str) -> set[str]:
    """The site's files the pattern's quoted paths name, resolved from ``referrer``."""
    found = (site_path(match.group(2), referrer, siteurl) for match in pattern.finditer(text))
    return {path for path in found if path}
