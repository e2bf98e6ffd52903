"""Defaults of the plugin's Pelican settings; a site overrides any of them in pelicanconf.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Words of residents in danger (see CATALOGUE_CRISIS below).
CRISIS_WORDS = [
    "kryzys", "kryzysowa", "kryzysowy", "przemoc", "bije", "bił", "biją", "pobita", "pobity",
    "szarpie", "znęca", "znęcanie", "grozi", "groźby", "zagrożenie", "niebezpieczeństwo",
    "samobójstwo", "samobójcze", "samobójczy", "zabić", "zabije", "zabiję", "gwałt",
    "zgwałcona", "molestowanie", "molestuje", "krzywdzi",
]  # fmt: skip

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
        "zostan-realizatorem/": "forms/partner_offer.html",
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
        "hours": "od poniedziałku do piątku, 7:30–15:30",
        # A mobile number for text messages (deaf residents write rather than call).
        "sms": "+48 500 000 000",
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
        "method": "Centrum samo sprawdziło stronę (samoocena). Program axe-core sprawdził każdy rodzaj strony według wytycznych WCAG 2.1 na poziomie AA (to międzynarodowe zasady dostępności stron), na ekranie telefonu i komputera, w zwykłym widoku i w kiosku. Każdą stronę sprawdzono na ekranie szerokim na 320 pikseli: mieści się bez przewijania w bok. Pracownicy sprawdzili też sami obsługę strony klawiaturą, powiększenie tekstu do 200% i czytanie strony przez czytnik ekranu.",
        "auditor": "",
        "shortcuts": "Na stronie można używać standardowych skrótów klawiaturowych przeglądarki. Pierwszy klawisz Tab pokazuje odnośnik „Przejdź do treści głównej”.",
        "contact_person": "Anna Przykładowa",
        "contact_email": "dostepnosc@przykladowo.example",
        "contact_phone": "+48 94 000 00 10",
        "complaints_to": "Dyrektora Centrum Usług Społecznych w Przykładowie, ul. Słoneczna 1, 00-000 Przykładowo, cus@przykladowo.example",
        "ombudsman_url": "https://bip.brpo.gov.pl/",
        "architecture": [
            "Budynek centrum przy ul. Słonecznej 1 ma wejście od ulicy z podjazdem dla wózków; drzwi otwierają się automatycznie.",
            "Przy wejściu jest dzwonek, którym możesz wezwać pracownika, i plan budynku napisany dużymi literami.",
            "Biuro obsługi mieszkańców jest na parterze. Jest tam kiosk z katalogiem usług i stanowiska, przy których załatwisz sprawę. Na piętro prowadzi winda.",
            "Na parterze jest toaleta dostosowana do potrzeb osób z niepełnosprawnościami.",
            "Przed budynkiem są dwa miejsca parkingowe dla osób z niepełnosprawnościami.",
            "Do budynku można wejść z psem asystującym i psem przewodnikiem.",
            "W biurze obsługi działa pętla indukcyjna. To urządzenie, które pomaga słyszeć osobom z aparatem słuchowym.",
        ],
        "communication": [
            "Możesz do nas zadzwonić, napisać e-mail, wysłać list albo przyjść do biura obsługi. Pisma możesz też wysłać przez ePUAP, czyli internetową skrzynkę podawczą urzędów.",
            "Jeśli nie słyszysz albo słabo słyszysz, możesz napisać do nas SMS. Numer jest niżej.",
            "Możesz przyjść z osobą, która pomoże Ci się porozumieć.",
            "Tłumacz polskiego języka migowego (PJM) jest w biurze obsługi w poniedziałki i środy od 9:00 do 13:00. Jeśli chcesz przyjść w inny dzień, napisz e-mail albo SMS co najmniej 3 dni robocze wcześniej. Zamówimy tłumacza. Tłumacz jest bezpłatny.",
            "Na stronie są informacje o centrum w tekście łatwym do czytania.",
        ],
        "sign_language_video_url": "",
        "apps": "Centrum nie ma aplikacji mobilnej. Katalog działa w przeglądarce telefonu, także bez połączenia z internetem po pierwszej wizycie.",
    },
    # The easy-to-read page (/tekst-latwy-do-czytania/), written to Inclusion Europe's
    # "Information for all": one idea a sentence, lists instead of commas, hard words
    # explained, no abbreviations, a picture beside each main point (themes/cus/static/img/).
    # A paragraph is a sentence; a list of sentences is shown as a bulleted list.
    "EASY_TO_READ": [
        {
            "heading": "Co to jest centrum usług społecznych?",
            "picture": "etr/centrum.svg",
            "picture_alt": "Budynek centrum usług społecznych.",
            "paragraphs": [
                "Centrum usług społecznych to urząd w naszej gminie.",
                "W tym tekście piszemy krótko: centrum.",
                "Centrum pomaga ludziom, którzy potrzebują wsparcia.",
                "Centrum pomaga na przykład:",
                [
                    "osobom starszym,",
                    "osobom z niepełnosprawnością,",
                    "rodzinom z dziećmi,",
                    "osobom, które nie mają pracy,",
                    "osobom, które przyjechały z innego kraju.",
                ],
            ],
        },
        {
            "heading": "Co to jest usługa?",
            "picture": "etr/pomoc.svg",
            "picture_alt": "Dłoń, na której leży serce.",
            "paragraphs": [
                "Usługa to pomoc, którą możesz dostać.",
                "Na przykład:",
                [
                    "ktoś pomaga Ci w domu,",
                    "taksówka zawozi Cię do lekarza,",
                    "rozmawiasz z psychologiem,",
                    "uczysz się języka polskiego.",
                ],
                "Centrum pomaga wybrać usługę.",
                "Centrum pomaga też zapisać się na usługę.",
            ],
        },
        {
            "heading": "Ile to kosztuje?",
            "picture": "etr/bezplatnie.svg",
            "picture_alt": "Portfel. Obok napis: 0 zł.",
            "paragraphs": [
                "Rozmowa w centrum nic nie kosztuje.",
                "Pomoc w wyborze usługi też nic nie kosztuje.",
                "Wiele usług jest bezpłatnych.",
                "Bezpłatna usługa to usługa, za którą nie płacisz.",
                "Za niektóre usługi trzeba zapłacić.",
                "Jeśli masz mało pieniędzy, zapłacisz mniej albo nic.",
                "Przy każdej usłudze jest napisane, ile kosztuje.",
            ],
        },
        {
            "heading": "Jak znaleźć usługę na tej stronie?",
            "picture": "etr/szukaj.svg",
            "picture_alt": "Lupa.",
            "paragraphs": [
                "Na stronie głównej jest pole: Czego szukasz?",
                "Wpisz tam, czego potrzebujesz.",
                "Na przykład: pomoc w domu.",
                "Możesz też kliknąć w menu słowo: Szukaj.",
                "Możesz też wybrać, dla kogo jest usługa.",
                "Kliknij wtedy w menu: Dla kogo.",
                "Potem kliknij nazwę usługi.",
                "Zobaczysz:",
                [
                    "dla kogo jest usługa,",
                    "ile kosztuje,",
                    "kiedy i gdzie jest,",
                    "jak z niej skorzystać.",
                ],
                "Przycisk Większy tekst powiększa litery.",
                "Przycisk Wysoki kontrast zmienia kolory.",
                "Wtedy tekst lepiej widać.",
            ],
        },
        {
            "heading": "Jak się z nami skontaktować?",
            "picture": "etr/telefon.svg",
            "picture_alt": "Telefon.",
            "paragraphs": [
                "Możesz przyjść do centrum.",
                "Możesz do nas zadzwonić.",
                "Możesz napisać do nas e-mail.",
                "Adres, numer telefonu i adres e-mail są niżej na tej stronie.",
                "Tam są też dni i godziny, kiedy centrum jest otwarte.",
            ],
        },
        {
            "heading": "Jeśli nie słyszysz albo słabo słyszysz",
            "picture": "etr/jezyk-migowy.svg",
            "picture_alt": "Dłonie, które mówią w języku migowym.",
            "paragraphs": [
                "Możesz napisać do nas SMS.",
                "SMS to wiadomość, którą piszesz w telefonie komórkowym.",
                "Numer do SMS-ów jest niżej na tej stronie.",
                "W centrum jest tłumacz polskiego języka migowego.",
                "Tłumacz jest w poniedziałki i w środy.",
                "Tłumacz jest od 9:00 do 13:00.",
                "Chcesz przyjść w inny dzień?",
                "Napisz do nas SMS albo e-mail 3 dni wcześniej.",
                "Zamówimy dla Ciebie tłumacza.",
                "Tłumacz nic nie kosztuje.",
                "Możesz też przyjść z osobą, która pomoże Ci się porozumieć.",
            ],
        },
        {
            "heading": "Jeśli poruszasz się na wózku",
            "picture": "etr/wozek.svg",
            "picture_alt": "Osoba na wózku.",
            "paragraphs": [
                "Do budynku centrum wjedziesz wózkiem.",
                "Drzwi otwierają się same.",
                "W centrum jest winda.",
                "W centrum jest toaleta dla osób na wózku.",
            ],
        },
    ],
    # Help in a crisis: the numbers of data/crisis-lines.csv are shown at once on the pages of
    # these audiences, on the kiosk, and above search results for these words (any form of
    # them: they are analysed like the index); a service shows them with emergency_numbers.
    "CATALOGUE_CRISIS": {"audiences": ["osoby-w-kryzysie"], "words": CRISIS_WORDS},
    # The European easy-to-read logo is shown only when people with intellectual
    # disabilities checked the text (Inclusion Europe's rule); "logo" is the path of the logo
    # file the centre downloaded from inclusion-europe.eu and publishes with the site.
    "EASY_TO_READ_REVIEW": {"checked_by_readers": False, "logo": ""},
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
    # Documents of services (content/documents/, published at /dokumenty/): the formats
    # allowed, the largest file allowed, and the largest one the offline worker keeps (a
    # resident on a weak connection should not download every rule book on the first visit).
    "CATALOGUE_DOCUMENT_FORMATS": ("pdf", "docx", "odt"),
    "CATALOGUE_DOCUMENT_MAX_KB": 5000,
    "CATALOGUE_OFFLINE_DOCUMENT_MAX_KB": 300,
    # An announcement without a deadline or a date of its event stays on the start page for
    # this many days after it was published.
    "CATALOGUE_NEWS_DAYS": 30,
    # The RODO (GDPR) information clause of the forms: the rows every form shares, then each
    # form's own purpose, legal basis, recipients and how long the centre keeps the case.
    # The build writes it into uslugi.json, and the form backend shows the same clause.
    "RODO": {
        "controller": "Centrum Usług Społecznych w Przykładowie, ul. Słoneczna 1, 00-000 Przykładowo, tel. +48 94 000 00 00, cus@przykladowo.example.",
        "dpo_contact": "Napisz do inspektora ochrony danych: iod@przykladowo.example albo na adres centrum.",
        "rights": "Możesz zobaczyć swoje dane, poprawić je, poprosić o ich usunięcie albo o ograniczenie ich użycia. Możesz też sprzeciwić się ich użyciu. Napisz albo przyjdź do centrum.",
        "complaint": "Jeśli uważasz, że źle używamy Twoich danych, możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa).",
        # Days the form backend keeps its (encrypted) copy after it reached the centre, or
        # after the last failed try. The backend's FORMS_RETENTION_DAYS must say the same:
        # it refuses to start when it does not.
        "retention_days": 30,
        "forms": {
            "application": {
                "purpose": "Chcemy się z Tobą skontaktować w sprawie usługi, o którą pytasz.",
                "legal_basis": "Art. 6 ust. 1 lit. e RODO: centrum wykonuje zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
                "recipients": "Pracownicy centrum. Jeśli to potrzebne do sprawy, także realizator wybranej usługi. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
                "retention": "Centrum przechowuje Twoją sprawę tak długo, jak każą przepisy o archiwach.",
            },
            "catalogue_update": {
                "purpose": "Chcemy sprawdzić Twoją propozycję zmiany w katalogu i w razie pytań skontaktować się z Tobą.",
                "legal_basis": "Art. 6 ust. 1 lit. e RODO: centrum prowadzi katalog usług jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
                "recipients": "Pracownicy centrum, którzy prowadzą katalog. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer. Twoje imię, nazwisko i kontakt nie trafią do katalogu.",
                "retention": "Centrum przechowuje propozycję do czasu jej sprawdzenia, a potem tak długo, jak każą przepisy o archiwach.",
            },
            "missing_service": {
                "purpose": "Chcemy wiedzieć, jakiej pomocy brakuje w gminie, żeby planować nowe usługi. Jeśli podasz e-mail, odpowiemy Ci.",
                "legal_basis": "Art. 6 ust. 1 lit. e RODO: centrum planuje usługi społeczne jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
                "recipients": "Pracownicy centrum, którzy planują usługi. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
                "retention": "Centrum przechowuje zgłoszenie do czasu przygotowania planu usług, najdłużej 2 lata.",
            },
            "error_report": {
                "purpose": "Chcemy poprawić błąd na stronie usługi. Jeśli podasz e-mail, odpowiemy Ci.",
                "legal_basis": "Art. 6 ust. 1 lit. e RODO: centrum prowadzi katalog usług jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
                "recipients": "Pracownicy centrum, którzy prowadzą katalog. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
                "retention": "Centrum przechowuje zgłoszenie do czasu poprawienia błędu.",
            },
            "partner_offer": {
                "purpose": "Chcemy porozmawiać z Twoją organizacją o prowadzeniu usług społecznych w gminie i odpowiedzieć na ofertę.",
                "legal_basis": "Art. 6 ust. 1 lit. e RODO: centrum organizuje usługi społeczne i współpracuje z ich realizatorami jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
                "recipients": "Pracownicy centrum, którzy organizują usługi. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer. Imię, nazwisko i kontakt osoby z organizacji nie trafią do katalogu bez jej zgody.",
                "retention": "Centrum przechowuje ofertę do końca współpracy albo 2 lata od odpowiedzi, jeśli do współpracy nie dojdzie.",
            },
            "feedback": {
                "purpose": "Chcemy wiedzieć, jak oceniasz usługę, żeby ją ulepszyć. Nie pytamy, kim jesteś.",
                "legal_basis": "Art. 6 ust. 1 lit. e RODO: centrum ocenia usługi społeczne jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
                "recipients": "Pracownicy centrum. Realizator usługi poznaje tylko oceny i komentarze, bez daty i godziny wysłania. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
                "retention": "Centrum przechowuje ocenę do końca następnego roku.",
            },
        },
    },
    # Published languages: Polish (the source, at the root) first; the others mirror every
    # page under /<code>/ (docs/languages.md).
    "CATALOGUE_LANGUAGES": ("pl", "uk", "en"),
}
