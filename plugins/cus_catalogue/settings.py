"""Defaults of the plugin's Pelican settings; a site overrides any of them in pelicanconf.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]

DEFAULTS: dict[str, Any] = {
    # Vocabularies (audiences, areas, units, synonyms) and their datapackage.json.
    "CATALOGUE_DATA_PATH": str(PROJECT_ROOT / "data"),
    # Records older than this many months are reported as warnings.
    "CATALOGUE_STALE_MONTHS": 12,
    # "Today" for date checks; None means the real date (tests pin it).
    "CATALOGUE_TODAY": None,
    # How many services the start page lists as newest and recently updated.
    "CATALOGUE_HOME_LIST_LENGTH": 6,
    # Static pages rendered from a template: URL path -> template name.
    "CATALOGUE_FORM_PAGES": {
        "wniosek/": "forms/application.html",
        "wniosek/wyslano/": "forms/confirmation.html",
        "zglos-zmiane/": "forms/catalogue_update.html",
        "zglos-brak-uslugi/": "forms/missing_service.html",
        "zglos-blad/": "forms/error_report.html",
        "ocen-usluge/": "forms/feedback.html",
    },
    # Base URL of the form backend ('' when it shares the site's origin).
    "FORMS_ENDPOINT": "",
    # The centre itself: shown in the header, footer, empty states and statements.
    "CENTRE": {
        "name": "Centrum Usług Społecznych w Przykładowie",
        "short_name": "CUS Przykładowo",
        "street": "ul. Słoneczna 1",
        "postal_code": "00-000",
        "city": "Przykładowo",
        "phone": "+48 94 000 00 00",
        "email": "cus@przykladowo.example",
        "hours": "pn–pt 7:30–15:30",
        "bip": "https://bip.przykladowo.example",
        "is_example": True,
    },
    # The RODO (GDPR) information clause shown with every form.
    "RODO": {
        "controller": "Centrum Usług Społecznych w Przykładowie, ul. Słoneczna 1, 00-000 Przykładowo",
        "dpo_contact": "iod@przykladowo.example",
        "purpose": "Kontakt w sprawie usługi społecznej, o którą pytasz.",
        "legal_basis": "Art. 6 ust. 1 lit. a i e RODO.",
        "recipients": "Pracownicy centrum i realizator usługi, której dotyczy zgłoszenie.",
        "retention": "Do 90 dni od przekazania zgłoszenia do centrum.",
        "rights": "Masz prawo dostępu do danych, ich sprostowania, usunięcia, ograniczenia przetwarzania, sprzeciwu i cofnięcia zgody.",
        "complaint": "Możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa).",
    },
}


def apply_defaults(settings: dict[str, Any]) -> None:
    """Fill in every plugin setting the site did not set itself."""
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
