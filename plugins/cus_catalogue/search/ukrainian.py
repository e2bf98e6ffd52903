"""The Ukrainian part of the analyzer: folding, function words and a light suffix stripper.

Snowball has no Ukrainian stemmer and no dictionary is vendored, so words are folded to one
spelling and stripped of one inflectional ending. The choice was measured on the Ukrainian
golden set (tests/golden_queries_uk.csv, figures in docs/performance.md). Everything here is
shipped to the browser in the index manifest (``analyzer``), so this module is the single
source of ``search-analyzer.js``'s Ukrainian rules.
"""

from __future__ import annotations

#: Letters folded to one form, on both the index and the query side: a newcomer used to a
#: Russian keyboard types и for і, е for є, г for ґ (ы, э, ё, ъ are Russian letters). й and ї
#: reach и through NFD and this map; the apostrophe and the hard sign vanish ("мʼясо",
#: "мясо", "мъясо" meet).
FOLD_MAP: dict[str, str] = {
    "і": "и",
    "ї": "и",
    "є": "е",
    "ґ": "г",
    "ы": "и",
    "э": "е",
    "ъ": "",
    "ʼ": "",
}

#: Latin letters typed inside a Cyrillic word (the Latin "i" of a Russian layout, look-alike
#: letters): read as the Cyrillic letter they look like, only in a word that has Cyrillic.
HOMOGLYPHS: dict[str, str] = {
    "a": "а",
    "c": "с",
    "e": "е",
    "i": "и",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
}

#: Apostrophes typed between two Cyrillic letters ("сім'я", "сім’я", "сімʼя", "сім`я"); the
#: tokenizer drops them there, so a word is never split at its apostrophe.
APOSTROPHES = "'\u2019\u02bc`\u2018"

#: Ukrainian (and everyday Russian) function words and fillers, as a newcomer types them.
#: Words that name a need ("допомога", "житло") are never here.
STOP_WORDS: frozenset[str] = frozenset(
    [
        "і",
        "й",
        "та",
        "в",
        "у",
        "на",
        "з",
        "із",
        "зі",
        "до",
        "для",
        "по",
        "про",
        "від",
        "за",
        "що",
        "як",
        "це",
        "я",
        "мені",
        "мене",
        "ми",
        "нам",
        "нас",
        "ти",
        "тобі",
        "тебе",
        "ви",
        "вам",
        "вас",
        "він",
        "вона",
        "воно",
        "вони",
        "його",
        "її",
        "їх",
        "їм",
        "мій",
        "моя",
        "моє",
        "мої",
        "мого",
        "моєї",
        "моєму",
        "моїй",
        "моїм",
        "моїх",
        "наш",
        "наша",
        "наше",
        "наші",
        "свій",
        "своя",
        "своє",
        "свої",
        "де",
        "куди",
        "коли",
        "чи",
        "не",
        "ні",
        "а",
        "але",
        "або",
        "бо",
        "же",
        "б",
        "би",
        "є",
        "був",
        "була",
        "було",
        "були",
        "буде",
        "будуть",
        "хочу",
        "хочемо",
        "треба",
        "потрібно",
        "потрібна",
        "потрібен",
        "потрібні",
        "шукаю",
        "шукаємо",
        "будь",
        "ласка",
        "дуже",
        "який",
        "яка",
        "яке",
        "які",
        "якої",
        "якого",
        "щоб",
        "вже",
        "ще",
        "теж",
        "також",
        "так",
        "при",
        "під",
        "над",
        "без",
        "через",
        "після",
        "там",
        "тут",
        "хто",
        "кого",
        "кому",
        "и",
        "в",
        "с",
        "к",
        "от",
        "мне",
        "нужно",
        "нужна",
        "нужен",
        "нужны",
        "где",
        "как",
        "что",
        "это",
        "или",
        "мой",
        "моя",
        "моей",
        "моему",
        "ищу",
        "хочу",
        "пожалуйста",
        "есть",
        "мы",
        "меня",
    ]
)

#: Inflectional endings of nouns, adjectives and verbs, written folded (і, ї, й → и; є → е).
SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        [
            "ами",
            "ями",
            "ах",
            "ях",
            "ам",
            "ям",
            "ов",
            "ев",
            "ив",
            "ови",
            "еви",
            "ом",
            "ем",
            "ей",
            "еи",
            "ою",
            "ею",
            "ую",
            "юю",
            "ая",
            "яя",
            "ее",
            "ими",
            "ого",
            "ому",
            "ои",
            "ии",
            "им",
            "их",
            "ать",
            "ять",
            "ить",
            "уть",
            "ють",
            "ете",
            "ите",
            "емо",
            "имо",
            "еш",
            "иш",
            "а",
            "я",
            "е",
            "и",
            "у",
            "ю",
            "о",
        ],
        key=lambda suffix: (-len(suffix), suffix),
    )
)

#: Reflexive endings, stripped first ("навчатися" → "навчати").
REFLEXIVE: tuple[str, ...] = ("ся", "сь")

#: Shortest stem left: "діти" keeps "дит", never "д".
MIN_STEM = 3


def is_cyrillic(char: str) -> bool:
    """The Cyrillic block (Ukrainian, Russian and their letters with marks)."""
    return "\u0400" <= char <= "\u04ff"


def stem(folded: str) -> str:
    """One reflexive and one inflectional ending off a folded word, keeping ``MIN_STEM``
    letters, then a final soft sign: "житла", "житлом" and "житлі" all give "житл"."""
    word = folded
    for ending in REFLEXIVE:
        if word.endswith(ending) and len(word) - len(ending) > MIN_STEM:
            word = word[: -len(ending)]
            break
    for ending in SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)]
            break
    if word.endswith("ь") and len(word) > MIN_STEM:
        word = word[:-1]
    return word
