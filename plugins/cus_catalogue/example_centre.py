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
    # The name and opening hours in the other languages of the site (docs/languages.md).
    "translations": {
        "uk": {
            "name": "Центр соціальних послуг у Пшикладові",
            "hours": "з понеділка до п'ятниці, 7:30–15:30",
        },
        "en": {
            "name": "Social Services Centre in Przykładowo",
            "hours": "Monday to Friday, 7:30–15:30",
        },
    },
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
    # The same texts for the Ukrainian and English pages; a text left out is shown in Polish.
    "translations": {
        "uk": {
            "entity": "Центр соціальних послуг у Пшикладові",
            "status": "сумісним",
            "method": "Центр сам перевірив сайт (самооцінка). Програма axe-core перевірила кожен тип сторінки за настановами WCAG 2.1 на рівні AA (це міжнародні правила доступності сайтів) на екрані телефона й комп'ютера, у звичайному вигляді та в кіоску. Кожну сторінку перевірили на екрані шириною 320 пікселів: вона вміщується без прокручування вбік. Працівники також самі перевірили, як сайтом користуватися з клавіатури, як збільшується текст до 200% і як сайт читає програма екранного доступу.",
            "shortcuts": "На сайті можна користуватися звичайними клавіатурними скороченнями браузера. Перше натискання клавіші Tab показує посилання «Перейти до основного вмісту».",
            "complaints_to": "директора Центру соціальних послуг у Пшикладові (адреса: ul. Słoneczna 1, 00-000 Przykładowo), cus@przykladowo.example",
            "architecture": [
                "Будинок центру на вулиці Słoneczna 1 має вхід з вулиці з пандусом для візків; двері відчиняються автоматично.",
                "Біля входу є дзвінок, яким можна покликати працівника, і план будинку великими літерами.",
                "Бюро обслуговування мешканців розташоване на першому поверсі. Там є кіоск із каталогом послуг і робочі місця, де можна залагодити справу. На другий поверх веде ліфт.",
                "На першому поверсі є туалет, пристосований для людей з інвалідністю.",
                "Перед будинком є два паркувальні місця для людей з інвалідністю.",
                "До будинку можна зайти із собакою-помічником і собакою-поводирем.",
                "У бюро обслуговування працює індукційна петля. Це пристрій, який допомагає чути людям зі слуховим апаратом.",
            ],
            "communication": [
                "Ви можете нам зателефонувати, написати електронного листа, надіслати лист поштою або прийти до бюро обслуговування. Документи можна також надіслати через ePUAP — інтернет-скриньку польських установ.",
                "Якщо ви не чуєте або погано чуєте, можете написати нам SMS. Номер указано нижче.",
                "Ви можете прийти з особою, яка допоможе вам порозумітися.",
                "Перекладач польської жестової мови (PJM) буває у бюро обслуговування в понеділок і середу з 9:00 до 13:00. Якщо хочете прийти іншого дня, напишіть електронного листа або SMS щонайменше за 3 робочі дні. Ми замовимо перекладача. Перекладач безкоштовний.",
                "На сайті є інформація про центр легким для читання текстом.",
            ],
            "apps": "Центр не має мобільного застосунку. Каталог працює в браузері телефона, також без інтернету після першого відвідування.",
        },
        "en": {
            "entity": "The Social Services Centre in Przykładowo",
            "status": "compliant",
            "method": "The centre checked the website itself (self-assessment). The axe-core program checked every kind of page against the WCAG 2.1 guidelines at level AA (the international rules for accessible websites), on a phone screen and a computer screen, in the normal view and in the kiosk. Every page was checked on a screen 320 pixels wide: it fits without scrolling sideways. Staff also checked by hand using the website with a keyboard, enlarging the text to 200% and listening to the website with a screen reader.",
            "shortcuts": "You can use your browser's usual keyboard shortcuts on this website. The first press of the Tab key shows the link “Skip to main content”.",
            "complaints_to": "the Director of the Social Services Centre in Przykładowo (address: ul. Słoneczna 1, 00-000 Przykładowo), cus@przykladowo.example",
            "architecture": [
                "The centre's building at Słoneczna street 1 has a street entrance with a ramp for wheelchairs; the door opens automatically.",
                "At the entrance there is a bell to call a member of staff, and a plan of the building in large print.",
                "The residents' service office is on the ground floor. There is a kiosk with the catalogue of services and desks where you can deal with your matter. A lift goes to the first floor.",
                "There is an accessible toilet for disabled people on the ground floor.",
                "There are two parking spaces for disabled people in front of the building.",
                "Assistance dogs and guide dogs are welcome in the building.",
                "The service office has a hearing loop. It is a device that helps people with a hearing aid to hear.",
            ],
            "communication": [
                "You can phone us, send an e-mail, send a letter or come to the service office. You can also send documents through ePUAP, the online inbox of Polish public offices.",
                "If you are deaf or hard of hearing, you can send us a text message (SMS). The number is below.",
                "You can come with a person who helps you communicate.",
                "A Polish Sign Language (PJM) interpreter is at the service office on Mondays and Wednesdays from 9:00 to 13:00. If you want to come on another day, send an e-mail or a text message at least 3 working days before. We will book an interpreter. The interpreter is free of charge.",
                "The website has information about the centre in easy-to-read text.",
            ],
            "apps": "The centre has no mobile app. The catalogue works in your phone's browser, also without an internet connection after the first visit.",
        },
    },
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
        "translations": {
            "uk": {
                "heading": "Що таке центр соціальних послуг?",
                "picture_alt": "Будинок центру соціальних послуг.",
                "paragraphs": [
                    "Центр соціальних послуг — це установа в нашій громаді.",
                    "У цьому тексті ми пишемо коротко: центр.",
                    "Центр допомагає людям, яким потрібна підтримка.",
                    "Центр допомагає, наприклад:",
                    [
                        "літнім людям,",
                        "людям з інвалідністю,",
                        "сім'ям з дітьми,",
                        "людям, які не мають роботи,",
                        "людям, які приїхали з іншої країни.",
                    ],
                ],
            },
            "en": {
                "heading": "What is a social services centre?",
                "picture_alt": "The building of the social services centre.",
                "paragraphs": [
                    "A social services centre is a public office in our municipality.",
                    "In this text we call it the centre.",
                    "The centre helps people who need support.",
                    "For example, the centre helps:",
                    [
                        "older people,",
                        "people with disabilities,",
                        "families with children,",
                        "people who have no job,",
                        "people who came from another country.",
                    ],
                ],
            },
        },
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
        "translations": {
            "uk": {
                "heading": "Що таке послуга?",
                "picture_alt": "Долоня, на якій лежить серце.",
                "paragraphs": [
                    "Послуга — це допомога, яку ви можете отримати.",
                    "Наприклад:",
                    [
                        "хтось допомагає вам удома,",
                        "таксі везе вас до лікаря,",
                        "ви розмовляєте з психологом,",
                        "ви вчите польську мову.",
                    ],
                    "Центр допомагає вибрати послугу.",
                    "Центр також допомагає записатися на послугу.",
                ],
            },
            "en": {
                "heading": "What is a service?",
                "picture_alt": "A hand with a heart on it.",
                "paragraphs": [
                    "A service is help that you can get.",
                    "For example:",
                    [
                        "someone helps you at home,",
                        "a taxi takes you to the doctor,",
                        "you talk to a psychologist,",
                        "you learn Polish.",
                    ],
                    "The centre helps you choose a service.",
                    "The centre also helps you sign up for a service.",
                ],
            },
        },
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
        "translations": {
            "uk": {
                "heading": "Скільки це коштує?",
                "picture_alt": "Гаманець. Поруч напис: 0 злотих.",
                "paragraphs": [
                    "Розмова в центрі нічого не коштує.",
                    "Допомога у виборі послуги теж нічого не коштує.",
                    "Багато послуг безкоштовні.",
                    "Безкоштовна послуга — це послуга, за яку ви не платите.",
                    "За деякі послуги треба заплатити.",
                    "Якщо у вас мало грошей, ви заплатите менше або нічого.",
                    "Біля кожної послуги написано, скільки вона коштує.",
                ],
            },
            "en": {
                "heading": "How much does it cost?",
                "picture_alt": "A wallet. Next to it: 0 złoty.",
                "paragraphs": [
                    "Talking to the centre costs nothing.",
                    "Help with choosing a service also costs nothing.",
                    "Many services are free.",
                    "A free service is a service you do not pay for.",
                    "Some services cost money.",
                    "If you have little money, you pay less or nothing.",
                    "Each service says how much it costs.",
                ],
            },
        },
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
        "translations": {
            "uk": {
                "heading": "Як знайти послугу на цьому сайті?",
                "picture_alt": "Лупа.",
                "paragraphs": [
                    "На головній сторінці є поле: Що ви шукаєте?",
                    "Напишіть там, що вам потрібно.",
                    "Наприклад: допомога вдома.",
                    "Також можна натиснути в меню слово: Пошук.",
                    "Також можна вибрати, для кого послуга.",
                    "Тоді натисніть у меню: Для кого.",
                    "Потім натисніть назву послуги.",
                    "Ви побачите:",
                    [
                        "для кого ця послуга,",
                        "скільки вона коштує,",
                        "коли і де вона є,",
                        "як нею скористатися.",
                    ],
                    "Кнопка Більший текст збільшує літери.",
                    "Кнопка Висока контрастність змінює кольори.",
                    "Тоді текст краще видно.",
                ],
            },
            "en": {
                "heading": "How do I find a service on this website?",
                "picture_alt": "A magnifying glass.",
                "paragraphs": [
                    "On the home page there is a box: What are you looking for?",
                    "Write there what you need.",
                    "For example: help at home.",
                    "You can also click the word Search in the menu.",
                    "You can also choose who the service is for.",
                    "Then click Who is it for in the menu.",
                    "Then click the name of the service.",
                    "You will see:",
                    [
                        "who the service is for,",
                        "how much it costs,",
                        "when and where it is,",
                        "how to use it.",
                    ],
                    "The Larger text button makes the letters bigger.",
                    "The High contrast button changes the colours.",
                    "Then the text is easier to see.",
                ],
            },
        },
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
        "translations": {
            "uk": {
                "heading": "Як з нами зв'язатися?",
                "picture_alt": "Телефон.",
                "paragraphs": [
                    "Ви можете прийти до центру.",
                    "Ви можете нам зателефонувати.",
                    "Ви можете написати нам електронного листа.",
                    "Адреса, номер телефону та електронна адреса є нижче на цій сторінці.",
                    "Там також є дні та години, коли центр відчинений.",
                ],
            },
            "en": {
                "heading": "How can I contact you?",
                "picture_alt": "A telephone.",
                "paragraphs": [
                    "You can come to the centre.",
                    "You can phone us.",
                    "You can send us an e-mail.",
                    "The address, phone number and e-mail address are lower down on this page.",
                    "There you can also see the days and hours when the centre is open.",
                ],
            },
        },
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
        "translations": {
            "uk": {
                "heading": "Якщо ви не чуєте або погано чуєте",
                "picture_alt": "Долоні, які говорять жестовою мовою.",
                "paragraphs": [
                    "Ви можете написати нам SMS.",
                    "SMS — це повідомлення, яке ви пишете в мобільному телефоні.",
                    "Номер для SMS є нижче на цій сторінці.",
                    "У центрі є перекладач польської жестової мови.",
                    "Перекладач буває в понеділок і в середу.",
                    "Перекладач буває з 9:00 до 13:00.",
                    "Хочете прийти іншого дня?",
                    "Напишіть нам SMS або електронного листа за 3 дні до того.",
                    "Ми замовимо для вас перекладача.",
                    "Перекладач нічого не коштує.",
                    "Ви також можете прийти з особою, яка допоможе вам порозумітися.",
                ],
            },
            "en": {
                "heading": "If you are deaf or hard of hearing",
                "picture_alt": "Hands speaking sign language.",
                "paragraphs": [
                    "You can send us a text message.",
                    "A text message (SMS) is a message you write on a mobile phone.",
                    "The number for text messages is lower down on this page.",
                    "The centre has a Polish Sign Language interpreter.",
                    "The interpreter is there on Mondays and Wednesdays.",
                    "The interpreter is there from 9:00 to 13:00.",
                    "Do you want to come on another day?",
                    "Send us a text message or an e-mail 3 days before.",
                    "We will book an interpreter for you.",
                    "The interpreter costs nothing.",
                    "You can also come with a person who helps you communicate.",
                ],
            },
        },
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
        "translations": {
            "uk": {
                "heading": "Якщо ви пересуваєтеся на візку",
                "picture_alt": "Людина на візку.",
                "paragraphs": [
                    "До будинку центру можна заїхати на візку.",
                    "Двері відчиняються самі.",
                    "У центрі є ліфт.",
                    "У центрі є туалет для людей на візку.",
                ],
            },
            "en": {
                "heading": "If you use a wheelchair",
                "picture_alt": "A person in a wheelchair.",
                "paragraphs": [
                    "You can get into the centre's building in a wheelchair.",
                    "The door opens by itself.",
                    "The centre has a lift.",
                    "The centre has a toilet for wheelchair users.",
                ],
            },
        },
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
            "legal_basis": "Art. 6 ust. 1 lit. e ogólnego rozporządzenia o ochronie danych (RODO): centrum wykonuje zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
            "recipients": "Pracownicy centrum. Jeśli to potrzebne do sprawy, także realizator wybranej usługi. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
            "retention": "Centrum przechowuje Twoją sprawę tak długo, jak każą przepisy o archiwach.",
        },
        "catalogue_update": {
            "purpose": "Chcemy sprawdzić Twoją propozycję zmiany w katalogu i w razie pytań skontaktować się z Tobą.",
            "legal_basis": "Art. 6 ust. 1 lit. e ogólnego rozporządzenia o ochronie danych (RODO): centrum prowadzi katalog usług jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
            "recipients": "Pracownicy centrum, którzy prowadzą katalog. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer. Twoje imię, nazwisko i kontakt nie trafią do katalogu.",
            "retention": "Centrum przechowuje propozycję do czasu jej sprawdzenia, a potem tak długo, jak każą przepisy o archiwach.",
        },
        "missing_service": {
            "purpose": "Chcemy wiedzieć, jakiej pomocy brakuje w gminie, żeby planować nowe usługi. Jeśli podasz e-mail, odpowiemy Ci.",
            "legal_basis": "Art. 6 ust. 1 lit. e ogólnego rozporządzenia o ochronie danych (RODO): centrum planuje usługi społeczne jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
            "recipients": "Pracownicy centrum, którzy planują usługi. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
            "retention": "Centrum przechowuje zgłoszenie do czasu przygotowania planu usług, najdłużej 2 lata.",
        },
        "error_report": {
            "purpose": "Chcemy poprawić błąd na stronie usługi. Jeśli podasz e-mail, odpowiemy Ci.",
            "legal_basis": "Art. 6 ust. 1 lit. e ogólnego rozporządzenia o ochronie danych (RODO): centrum prowadzi katalog usług jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
            "recipients": "Pracownicy centrum, którzy prowadzą katalog. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
            "retention": "Centrum przechowuje zgłoszenie do czasu poprawienia błędu.",
        },
        "partner_offer": {
            "purpose": "Chcemy porozmawiać z Twoją organizacją o prowadzeniu usług społecznych w gminie i odpowiedzieć na ofertę.",
            "legal_basis": "Art. 6 ust. 1 lit. e ogólnego rozporządzenia o ochronie danych (RODO): centrum organizuje usługi społeczne i współpracuje z ich realizatorami jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
            "recipients": "Pracownicy centrum, którzy organizują usługi. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer. Imię, nazwisko i kontakt osoby z organizacji nie trafią do katalogu bez jej zgody.",
            "retention": "Centrum przechowuje ofertę do końca współpracy albo 2 lata od odpowiedzi, jeśli do współpracy nie dojdzie.",
        },
        "feedback": {
            "purpose": "Chcemy wiedzieć, jak oceniasz usługę, żeby ją ulepszyć. Nie pytamy, kim jesteś.",
            "legal_basis": "Art. 6 ust. 1 lit. e ogólnego rozporządzenia o ochronie danych (RODO): centrum ocenia usługi społeczne jako zadanie publiczne z ustawy o realizowaniu usług społecznych przez centrum usług społecznych.",
            "recipients": "Pracownicy centrum. Realizator usługi poznaje tylko oceny i komentarze, bez daty i godziny wysłania. Firmy, które na zlecenie centrum prowadzą jego pocztę i serwer.",
            "retention": "Centrum przechowuje ocenę do końca następnego roku.",
        },
    },
    # The same clause for the Ukrainian and English pages; a text left out is shown in Polish.
    "translations": {
        "uk": {
            "controller": "Центр соціальних послуг у Пшикладові, ul. Słoneczna 1, 00-000 Przykładowo, тел. +48 94 000 00 00, cus@przykladowo.example.",
            "dpo_contact": "Напишіть інспекторові із захисту даних: iod@przykladowo.example або на адресу центру.",
            "rights": "Ви можете переглянути свої дані, виправити їх, попросити їх видалити або обмежити їх використання. Ви також можете заперечити проти їх використання. Напишіть або прийдіть до центру.",
            "complaint": "Якщо ви вважаєте, що ми неправильно використовуємо ваші дані, можете подати скаргу Голові Управління із захисту персональних даних (Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa).",
            "forms": {
                "application": {
                    "purpose": "Ми хочемо зв'язатися з вами щодо послуги, про яку ви питаєте.",
                    "legal_basis": "Ст. 6 ч. 1 п. e RODO (Загальний регламент ЄС про захист даних): центр виконує публічне завдання згідно з закону про надання соціальних послуг центром соціальних послуг.",
                    "recipients": "Працівники центру. Якщо це потрібно для справи, також надавач вибраної послуги. Фірми, які на замовлення центру обслуговують його пошту й сервер.",
                    "retention": "Центр зберігає вашу справу так довго, як вимагають закони про архіви.",
                },
                "catalogue_update": {
                    "purpose": "Ми хочемо перевірити вашу пропозицію зміни в каталозі та, якщо будуть питання, зв'язатися з вами.",
                    "legal_basis": "Ст. 6 ч. 1 п. e RODO (Загальний регламент ЄС про захист даних): центр веде каталог послуг як публічне завдання згідно з закону про надання соціальних послуг центром соціальних послуг.",
                    "recipients": "Працівники центру, які ведуть каталог. Фірми, які на замовлення центру обслуговують його пошту й сервер. Ваші ім'я, прізвище та контакти не потраплять до каталогу.",
                    "retention": "Центр зберігає пропозицію, доки її не перевірить, а потім так довго, як вимагають закони про архіви.",
                },
                "missing_service": {
                    "purpose": "Ми хочемо знати, якої допомоги бракує в громаді, щоб планувати нові послуги. Якщо ви вкажете електронну адресу, ми вам відповімо.",
                    "legal_basis": "Ст. 6 ч. 1 п. e RODO (Загальний регламент ЄС про захист даних): центр планує соціальні послуги як публічне завдання згідно з закону про надання соціальних послуг центром соціальних послуг.",
                    "recipients": "Працівники центру, які планують послуги. Фірми, які на замовлення центру обслуговують його пошту й сервер.",
                    "retention": "Центр зберігає повідомлення, доки не підготує план послуг, найдовше 2 роки.",
                },
                "error_report": {
                    "purpose": "Ми хочемо виправити помилку на сторінці послуги. Якщо ви вкажете електронну адресу, ми вам відповімо.",
                    "legal_basis": "Ст. 6 ч. 1 п. e RODO (Загальний регламент ЄС про захист даних): центр веде каталог послуг як публічне завдання згідно з закону про надання соціальних послуг центром соціальних послуг.",
                    "recipients": "Працівники центру, які ведуть каталог. Фірми, які на замовлення центру обслуговують його пошту й сервер.",
                    "retention": "Центр зберігає повідомлення, доки не виправить помилку.",
                },
                "partner_offer": {
                    "purpose": "Ми хочемо поговорити з вашою організацією про надання соціальних послуг у громаді та відповісти на пропозицію.",
                    "legal_basis": "Ст. 6 ч. 1 п. e RODO (Загальний регламент ЄС про захист даних): центр організовує соціальні послуги та співпрацює з їх надавачами як публічне завдання згідно з закону про надання соціальних послуг центром соціальних послуг.",
                    "recipients": "Працівники центру, які організовують послуги. Фірми, які на замовлення центру обслуговують його пошту й сервер. Ім'я, прізвище та контакти особи з організації не потраплять до каталогу без її згоди.",
                    "retention": "Центр зберігає пропозицію до кінця співпраці або 2 роки від відповіді, якщо співпраці не буде.",
                },
                "feedback": {
                    "purpose": "Ми хочемо знати, як ви оцінюєте послугу, щоб її покращити. Ми не питаємо, хто ви.",
                    "legal_basis": "Ст. 6 ч. 1 п. e RODO (Загальний регламент ЄС про захист даних): центр оцінює соціальні послуги як публічне завдання згідно з закону про надання соціальних послуг центром соціальних послуг.",
                    "recipients": "Працівники центру. Надавач послуги бачить лише оцінки й коментарі, без дати й часу надсилання. Фірми, які на замовлення центру обслуговують його пошту й сервер.",
                    "retention": "Центр зберігає оцінку до кінця наступного року.",
                },
            },
        },
        "en": {
            "controller": "Social Services Centre in Przykładowo, ul. Słoneczna 1, 00-000 Przykładowo, phone +48 94 000 00 00, cus@przykladowo.example.",
            "dpo_contact": "Write to the data protection officer: iod@przykladowo.example or to the centre's address.",
            "rights": "You can see your data, correct it, ask us to delete it or to limit how we use it. You can also object to its use. Write to us or come to the centre.",
            "complaint": "If you think we use your data wrongly, you can complain to the President of the Personal Data Protection Office (Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa).",
            "forms": {
                "application": {
                    "purpose": "We want to contact you about the service you are asking about.",
                    "legal_basis": "Article 6(1)(e) of the GDPR (RODO in Polish): the centre performs a public task under the Act on the provision of social services by a social services centre.",
                    "recipients": "The centre's staff. If the matter needs it, also the provider of the service you chose. Companies that run the centre's e-mail and server on its behalf.",
                    "retention": "The centre keeps your case for as long as the archiving laws require.",
                },
                "catalogue_update": {
                    "purpose": "We want to check your proposed change to the catalogue and contact you if we have questions.",
                    "legal_basis": "Article 6(1)(e) of the GDPR (RODO in Polish): the centre keeps the catalogue of services as a public task under the Act on the provision of social services by a social services centre.",
                    "recipients": "The centre's staff who keep the catalogue. Companies that run the centre's e-mail and server on its behalf. Your name and contact details will not appear in the catalogue.",
                    "retention": "The centre keeps the proposal until it has been checked, and then for as long as the archiving laws require.",
                },
                "missing_service": {
                    "purpose": "We want to know what help is missing in the municipality, to plan new services. If you give your e-mail address, we will answer you.",
                    "legal_basis": "Article 6(1)(e) of the GDPR (RODO in Polish): the centre plans social services as a public task under the Act on the provision of social services by a social services centre.",
                    "recipients": "The centre's staff who plan services. Companies that run the centre's e-mail and server on its behalf.",
                    "retention": "The centre keeps the report until the plan of services is ready, for 2 years at most.",
                },
                "error_report": {
                    "purpose": "We want to correct a mistake on a service's page. If you give your e-mail address, we will answer you.",
                    "legal_basis": "Article 6(1)(e) of the GDPR (RODO in Polish): the centre keeps the catalogue of services as a public task under the Act on the provision of social services by a social services centre.",
                    "recipients": "The centre's staff who keep the catalogue. Companies that run the centre's e-mail and server on its behalf.",
                    "retention": "The centre keeps the report until the mistake is corrected.",
                },
                "partner_offer": {
                    "purpose": "We want to talk with your organisation about running social services in the municipality and to answer your offer.",
                    "legal_basis": "Article 6(1)(e) of the GDPR (RODO in Polish): the centre organises social services and works with their providers as a public task under the Act on the provision of social services by a social services centre.",
                    "recipients": "The centre's staff who organise services. Companies that run the centre's e-mail and server on its behalf. The name and contact details of the person from the organisation will not appear in the catalogue without their consent.",
                    "retention": "The centre keeps the offer until the end of the cooperation, or for 2 years after the answer if there is no cooperation.",
                },
                "feedback": {
                    "purpose": "We want to know how you rate the service, to make it better. We do not ask who you are.",
                    "legal_basis": "Article 6(1)(e) of the GDPR (RODO in Polish): the centre assesses social services as a public task under the Act on the provision of social services by a social services centre.",
                    "recipients": "The centre's staff. The provider of the service sees only the ratings and comments, without the date and time they were sent. Companies that run the centre's e-mail and server on its behalf.",
                    "retention": "The centre keeps the rating until the end of the following year.",
                },
            },
        },
    },
}
