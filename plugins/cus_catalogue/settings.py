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
    # Open data (/dane/): licence of the published data, and capacity figures older than
    # this many days are not shown on service pages.
    "CATALOGUE_DATA_LICENSE": {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/deed.pl",
        "title": "Creative Commons Uznanie autorstwa 4.0 Międzynarodowe",
    },
    "CATALOGUE_CAPACITY_MAX_AGE_DAYS": 45,
    # HSDS ids are UUIDv5 of the record ids in this namespace: keep it, and ids stay stable.
    "CATALOGUE_HSDS_NAMESPACE": "4a43c836-0ae1-4220-8ca9-667ff2e1b148",
    # HSDS addresses require a region: the centre's voivodeship.
    "CATALOGUE_HSDS_STATE_PROVINCE": "zachodniopomorskie",
    # Validate the written Data Package with frictionless on every build.
    "CATALOGUE_OPENDATA_VALIDATE": True,
    # Pages rendered from a template: URL path -> template name (forms, then any others).
    "CATALOGUE_STATIC_PAGES": {},
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
    # Publishing (issue 6). Account names on the code host allowed to change every record.
    "CATALOGUE_EDITORS": ["cus-przykladowo"],
    # How many services the Atom feed of new and updated services lists.
    "CATALOGUE_FEED_LENGTH": 50,
    # Where `katalog publish` deploys: "" (nowhere), "rsync:USER@HOST:/PATH/",
    # "s3://BUCKET/PREFIX" or "git:REPOSITORY#BRANCH"; see docs/publishing.md.
    "CATALOGUE_DEPLOY_TARGET": "",
    # Endpoint of an S3-compatible service other than AWS ("" means AWS itself).
    "CATALOGUE_DEPLOY_S3_ENDPOINT": "",
    # Accessibility statement (/deklaracja-dostepnosci/), ministry template version 2.
    # Dates are ISO; texts are Polish data the centre maintains, not interface strings.
    "ACCESSIBILITY_STATEMENT": {
        "entity": "Centrum Usług Społecznych w Przykładowie",
        "published": "2026-01-15",
        "updated": "2026-11-02",
        "status": "zgodna",
        "status_note": "",
        "inaccessible": [],
        "burden_assessment_url": "",
        "prepared": "2026-11-02",
        "reviewed": "2026-11-02",
        "method": "Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny: automatyczne testy axe-core każdego rodzaju strony (WCAG 2.1 AA, szerokość 375 i 1280 px, tryb zwykły i kiosk) oraz ręczne testy obsługi klawiaturą, powiększenia tekstu do 200% i czytnika ekranu.",
        "auditor": "",
        "shortcuts": "Na stronie można używać standardowych skrótów klawiaturowych przeglądarki. Pierwszy klawisz Tab pokazuje odnośnik „Przejdź do treści głównej”.",
        "contact_person": "Anna Przykładowa",
        "contact_email": "dostepnosc@przykladowo.example",
        "contact_phone": "+48 94 000 00 10",
        "complaints_to": "Dyrektor Centrum Usług Społecznych w Przykładowie, ul. Słoneczna 1, 00-000 Przykładowo, cus@przykladowo.example",
        "ombudsman_url": "https://bip.brpo.gov.pl/",
        "architecture": [
            "Budynek centrum przy ul. Słonecznej 1 ma wejście od ulicy z podjazdem dla wózków; drzwi otwierają się automatycznie.",
            "Przy wejściu jest dzwonek przywołujący pracownika i tablica z planem budynku w druku powiększonym.",
            "Biuro obsługi mieszkańców (kiosk informacyjny i stanowiska obsługi) jest na parterze. Na piętro prowadzi winda.",
            "Na parterze jest toaleta dostosowana do potrzeb osób z niepełnosprawnościami.",
            "Przed budynkiem są dwa miejsca parkingowe dla osób z niepełnosprawnościami.",
            "Do budynku można wejść z psem asystującym i psem przewodnikiem.",
            "W biurze obsługi działa pętla indukcyjna.",
        ],
        "communication": [
            "Możesz skontaktować się z nami telefonicznie, e-mailem, listownie, przez ePUAP lub osobiście w biurze obsługi.",
            "Osoba niesłysząca lub słabosłysząca może przyjść z wybraną przez siebie osobą przybraną.",
            "Tłumacz polskiego języka migowego (PJM) jest dostępny w biurze obsługi w poniedziałki i środy w godz. 9:00–13:00. W innym terminie zgłoś potrzebę tłumacza co najmniej 3 dni robocze wcześniej (e-mail lub SMS).",
            "Na stronie jest informacja o centrum w tekście łatwym do czytania (ETR).",
        ],
        "sign_language_video_url": "",
        "apps": "Centrum nie ma aplikacji mobilnej. Katalog działa w przeglądarce telefonu, także bez połączenia z internetem po pierwszej wizycie.",
    },
    # The easy-to-read page (/tekst-latwy-do-czytania/): short paragraphs, one idea each.
    "EASY_TO_READ": [
        {
            "heading": "Co to jest Centrum Usług Społecznych?",
            "paragraphs": [
                "Centrum Usług Społecznych to urząd w naszej gminie.",
                "Mówimy na nie krótko: centrum albo CUS.",
                "Centrum pomaga ludziom, którzy potrzebują wsparcia.",
                "Na przykład osobom starszym, osobom z niepełnosprawnością, rodzinom z dziećmi.",
            ],
        },
        {
            "heading": "Co robi centrum?",
            "paragraphs": [
                "Centrum mówi, jakie usługi są w gminie.",
                "Usługa to pomoc. Na przykład pomoc w domu, przewóz do lekarza albo rozmowa z psychologiem.",
                "Centrum pomaga wybrać usługę i się na nią zapisać.",
            ],
        },
        {
            "heading": "Jak korzystać z tej strony?",
            "paragraphs": [
                "Na górze strony jest wyszukiwarka.",
                "Wpisz, czego potrzebujesz. Na przykład: pomoc w domu.",
                "Możesz też wybrać, dla kogo jest usługa. Na przykład: seniorzy.",
                "Kliknij nazwę usługi. Zobaczysz, kiedy jest usługa, ile kosztuje i jak się zgłosić.",
                "Przycisk „Większy tekst” powiększa litery.",
                "Przycisk „Wysoki kontrast” zmienia kolory na mocniejsze.",
            ],
        },
        {
            "heading": "Jak się z nami skontaktować?",
            "paragraphs": [
                "Możesz przyjść do centrum. Adres jest na dole strony.",
                "Możesz zadzwonić albo napisać e-mail.",
                "Możesz przyjść z tłumaczem języka migowego albo poprosić nas o tłumacza.",
                "W centrum jest winda i toaleta dla osób na wózku.",
            ],
        },
    ],
    # Kiosk mode (/kiosk/): seconds without a touch before the "more time?" dialog, and how
    # long the dialog waits (at least 20 s, WCAG 2.2.1) before the kiosk resets itself.
    "CATALOGUE_KIOSK_IDLE_SECONDS": 90,
    "CATALOGUE_KIOSK_WARNING_SECONDS": 30,
    # From this many services on, QR codes are encoded in worker processes during the build.
    "CATALOGUE_QR_PARALLEL_FROM": 500,
    # Where the catalogue is published. Sitemap, feed, JSON-LD, open data and QR codes use
    # SITEURL when it is absolute, else this address (`katalog serve` sets its own).
    "CATALOGUE_PUBLIC_URL": "https://katalog.przykladowo.example",
    # A site's own features, "package.module:ClassName" (docs/architecture.md shows one).
    "CATALOGUE_EXTRA_FEATURES": (),
    # Production builds minify CSS and JS and name them by content (publishconf.py sets it).
    "CATALOGUE_HASH_ASSETS": False,
    # Never precached by the offline worker: the worker itself, files residents need no offline.
    "CATALOGUE_OFFLINE_EXCLUDE": ("sw.js", "dane/*", "*.map"),
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
