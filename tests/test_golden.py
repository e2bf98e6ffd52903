"""Rendered pages against golden files: any change to what residents see is a reviewed change.

After an intended change, regenerate with ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_golden.py`` and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = {
    "mini-service-zlota-raczka.html": "uslugi/zlota-raczka/index.html",
    "mini-service-porada-prawna.html": "uslugi/porada-prawna/index.html",
    "mini-provider.html": "realizatorzy/fundacja-pomocna-dlon/index.html",
}


def main_element(html: str) -> str:
    """The page's <main> element: the part the catalogue's records fill in."""
    match = re.search(r"<main\b.*?</main>", html, re.S)
    assert match, "no <main> element"
    return match.group(0) + "\n"


@pytest.mark.parametrize(("golden", "built"), sorted(PAGES.items()))
def test_page_matches_its_golden_file(mini_site: Path, golden: str, built: str) -> None:
    rendered = main_element((mini_site / built).read_text(encoding="utf-8"))
    expected_file = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(rendered, encoding="utf-8")
    assert rendered == expected_file.read_text(encoding="utf-8"), (
        f"{built} differs from tests/golden/{golden}; if intended, run with UPDATE_GOLDEN=1"
    )
