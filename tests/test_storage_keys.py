"""Every name the site keeps in browser storage is declared once, in storage-keys.js.

The first-paint scripts of the templates must run before any module, so they spell the
reading-aid and kiosk names again; a renamed key that one side misses would silently forget a
resident's larger text or break the kiosk. These tests fail on such a drift.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "themes" / "cus" / "static" / "js"
TEMPLATES = ROOT / "themes" / "cus" / "templates"
STORAGE_CALL = re.compile(r"""(?:get|set|remove)Item\(\s*["'](cus-[a-z-]+)["']""")


def declared_keys() -> set[str]:
    return set(re.findall(r'"(cus-[a-z-]+)"', (JS / "storage-keys.js").read_text(encoding="utf-8")))


def test_the_templates_first_paint_scripts_use_only_declared_keys():
    used = {
        (path.relative_to(TEMPLATES).as_posix(), key)
        for path in sorted(TEMPLATES.rglob("*.html"))
        for key in STORAGE_CALL.findall(path.read_text(encoding="utf-8"))
    }
    assert {key for _path, key in used} >= {"cus-text", "cus-contrast", "cus-kiosk"}
    assert [(path, key) for path, key in sorted(used) if key not in declared_keys()] == []


def test_scripts_name_storage_keys_only_through_storage_keys_js():
    spelled = [
        f"{path.name}: {literal}"
        for path in sorted(JS.glob("*.js"))
        if path.name != "storage-keys.js"
        for literal in re.findall(r"""["'](cus-[a-z-]+)["']""", path.read_text(encoding="utf-8"))
    ]
    assert spelled == []
