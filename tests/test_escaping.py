"""Hostile text in any field is shown as text: no markup, script or dangerous link gets through."""

from __future__ import annotations

import re
from pathlib import Path

from records import write
from sitekit import run_pelican

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"


def q(value: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + value.replace("'", "''") + "'"


def hostile_catalogue(root: Path) -> Path:
    write(
        root / "providers" / "zly.yaml",
        f"""name: {q("Zły " + HOSTILE)}
kind: ngo
description: {q("Opis " + HOSTILE + " [klik](javascript:alert(1))")}
address: {{street: {q("ul. " + HOSTILE)}, city: {q("Miasto " + HOSTILE)}}}
accessibility: {q("Winda " + HOSTILE)}
website: "https://example.org/?q=<script>"
last_verified: "2026-01-01"
""",
    )
    write(
        root / "services" / "zla-usluga.yaml",
        f"""name: {q("Usługa " + HOSTILE)}
summary: {q("Streszczenie " + HOSTILE)}
description: |
  Opis {HOSTILE}

  <iframe src="https://evil.example"></iframe>

  [link](javascript:alert(document.cookie)) i [drugi](  vbscript:msgbox )
provider: zly
unit: {q("<b>jedn</b>&")}
hours: []
hours_note: {q("Godziny " + HOSTILE)}
fee: {{kind: partial, amount: 10, note: {q("Opłata " + HOSTILE)}}}
eligibility:
  text: {q("Warunki " + HOSTILE)}
  requires: [{q("Dokument " + HOSTILE)}]
audiences: [seniorzy]
areas: [kultura]
place:
  - name: {q("Miejsce " + HOSTILE)}
    street: {q("Ulica " + HOSTILE)}
how_to_apply: {q("Wniosek " + HOSTILE)}
contact: {{email: "a@b.pl"}}
limits: {q("Limit " + HOSTILE)}
keywords: [{q(HOSTILE)}]
last_verified: "2026-01-01"
""",
    )
    return root


def test_hostile_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    content = hostile_catalogue(tmp_path / "content")
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = list((tmp_path / "out").rglob("*.html"))
    assert len(pages) > 20
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert" not in html, html_file
        assert "<img src=x" not in html, html_file
        assert "<iframe" not in html, html_file
        assert not re.search(r'(href|src)="\s*(javascript|vbscript):', html, re.I), html_file
    service = (tmp_path / "out" / "uslugi" / "zla-usluga" / "index.html").read_text(
        encoding="utf-8"
    )
    for label in ("Usługa ", "Streszczenie ", "Godziny ", "Opłata ", "Warunki ", "Dokument ",
                  "Miejsce ", "Ulica ", "Limit "):  # fmt: skip
        assert label + ESCAPED in service, label
    assert "&lt;b&gt;jedn&lt;/b&gt;&amp;" in service
    assert "Opis &lt;script&gt;" in service  # Markdown keeps raw HTML as visible text
    provider = (tmp_path / "out" / "realizatorzy" / "zly" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Zły " + ESCAPED in provider and "Winda " + ESCAPED in provider
