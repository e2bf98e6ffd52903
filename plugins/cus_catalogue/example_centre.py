"""The example centre's texts: defaults of the settings that hold Polish data, not code.

A centre replaces each of them in its pelicanconf.py; their typed declaration is
``site_settings.PluginSettings``. Texts are data the centre maintains, not interface strings.
"""

from __future__ import annotations

from typing import Any

# Words of residents in danger (the default of CATALOGUE_CRISIS).
CRISIS_WORDS = [
    "kryzys", "kryzysowa", "kryzysowy", "przemoc", "bije", "bił", "biją", "pobita", "pobity",
    "szarpie", "znęca", "znęcanie", "grozi", "groźby", "zagrożenie", "niebezpieczeństwo",
    "samobójstwo", "samobójcze", "samobójczy", "zabić", "zabije", "zabiję", "gwałt",
    "zgwałcona", "molestowanie", "molestuje", "krzywdzi",
]  # fmt: skip

# The centre itself: shown in the header, footer, empty states and statements.
CENTRE: dict[str, Any] = {
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
}

# Accessibility statement (/deklaracja-dostepnosci/), ministry template version 2.
# Dates are ISO; texts are Polish data the centre maintains, not interface strings.
ACCESSIBILITY_STATEMENT: dict[str, Any] = {
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
}

# The easy-to-read page (/tekst-latwy-do-czytania/), written to Inclusion Europe's
# "Information for all": one idea a sentence, lists instead of commas, hard words
# explained, no abbreviations, a picture beside each main point (themes/cus/static/img/).
# A paragraph is a sentence; a list of sentences is shown as a bulleted list.
EASY_TO_READ: list[Any] = [
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
]

# The RODO (GDPR) information clause of the forms: the rows every form shares, then each
# form's own purpose, legal basis, recipients and how long the centre keeps the case.
# The build writes it into uslugi.json, and the form backend shows the same clause.
RODO: dict[str, Any] = {
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
}
