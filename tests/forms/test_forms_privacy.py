"""The information clause (RODO): each form states its own, with the retention really applied."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from formkit import PATHS

from forms_backend.config import Config
from forms_backend.startup import load

FORM_PAGES = {
    "application": "wniosek/",
    "catalogue_update": "zglos-zmiane/",
    "missing_service": "zglos-brak-uslugi/",
    "error_report": "zglos-blad/",
    "feedback": "ocen-usluge/",
}
ROWS = ("controller", "dpo_contact", "purpose", "legal_basis", "recipients", "retention",
        "rights", "complaint")  # fmt: skip


def clause(page: str) -> dict[str, str]:
    """The rows of the page's information clause, in the order the clause shows them."""
    section = re.search(r'<section class="rodo-clause".*?</section>', page, re.S)
    assert section is not None, "the page has no information clause"
    cells = re.findall(r"<dd[^>]*>(.*?)</dd>", section.group(0), re.S)
    texts = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", cell)).split()) for cell in cells]
    return dict(zip(ROWS, texts, strict=True))


def static_clauses(site: Path) -> dict[str, dict[str, str]]:
    return {
        form: clause((site / page / "index.html").read_text(encoding="utf-8"))
        for form, page in FORM_PAGES.items()
    }


def test_each_form_states_its_own_purpose_legal_basis_and_recipients(forms_site: Path):
    """Defect (issue 10, item 6): /zglos-brak-uslugi/ and /zglos-zmiane/ showed the purpose
    and recipients of the application form, and the rating form had no clause."""
    clauses = static_clauses(forms_site)
    for row in ("purpose", "recipients", "retention"):
        stated = [clauses[form][row] for form in FORM_PAGES]
        assert len(set(stated)) == len(FORM_PAGES), (row, stated)
    for form in FORM_PAGES:
        assert clauses[form]["legal_basis"].startswith("Art. 6 ust. 1 lit.")
    assert "realizator" not in clauses["missing_service"]["recipients"].lower()


@pytest.mark.parametrize("form", sorted(FORM_PAGES))
def test_the_retention_stated_is_the_retention_the_backend_applies(forms_site: Path, form: str):
    """Defect (issue 10, item 6): the forms said 90 days; FORMS_RETENTION_DAYS is 30."""
    days = load(Config(catalogue_path=forms_site / "uslugi.json"))[0].retention_days
    page = (forms_site / FORM_PAGES[form] / "index.html").read_text(encoding="utf-8")
    retention = clause(page)["retention"]
    stated = [int(number) for number in re.findall(r"(\d+) dni", retention)]
    assert stated == [days], retention


@pytest.mark.parametrize("form", sorted(FORM_PAGES))
def test_the_backend_shows_the_very_clause_of_the_static_page(forms_site: Path, make_client, form):
    """One owner (issue 11, item 2): the backend read its own copy of the clause."""
    static = static_clauses(forms_site)[form]
    page = make_client(background_worker=False).post(PATHS[form], data={"website": "x"}).text
    assert clause(page) == static


def test_the_consent_says_plainly_that_the_resident_knows_the_clause(forms_site: Path):
    page = (forms_site / "wniosek" / "index.html").read_text(encoding="utf-8")
    assert "Znam informację o przetwarzaniu danych" in page
    assert "Zapoznałem" not in page and "zapoznałam" not in page
