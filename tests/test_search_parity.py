"""The JavaScript analyzer gives exactly the Python analyzer's output (Node runs the real JS).

Inputs: the whole vocabulary of the example catalogue (every token of every indexed field,
thesaurus included) plus several hundred Polish word forms chosen to walk every branch of
the Snowball Polish algorithm (conditional, participle and past-tense endings, the apostrophe
rule, the consonant normalisation of short words) and Unicode edge cases.
"""

from __future__ import annotations

import csv
import functools
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from situational_golden import situation_queries

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.search import LEMMA_SHARD_BYTES, search_documents
from cus_catalogue.search.analyzer import (
    analyze,
    browser_settings,
    fold,
    index_terms,
    is_stop_word,
    stem,
    tokenize,
)
from cus_catalogue.search.index import QUERY_SETTINGS
from cus_catalogue.search.lemmas import lemma_shards
from cus_catalogue.search.model import SearchModel, load_search_model
from cus_catalogue.search.pipeline import pipeline_names
from cus_catalogue.search.query import query_plan
from cus_catalogue.search.thesaurus import load_thesaurus

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "themes" / "cus" / "static" / "js"
LUNR = ROOT / "themes" / "cus" / "static" / "vendor" / "lunr-2.3.9.min.js"


def _words(text: str) -> list[str]:
    """Whitespace-separated words: the paradigms read like a grammar table."""
    return text.split()


PARADIGMS = _words(
    """
senior seniora seniorowi seniorem seniorze seniorzy seniorów seniorom seniorami seniorach
opiekun opiekuna opiekunowi opiekunem opiekunie opiekunowie opiekunów opiekunom opiekunami
opiekunka opiekunki opiekunce opiekunkę opiekunką opiekunek opiekunkom opiekunkami
rodzina rodziny rodzinie rodzinę rodziną rodzin rodzinom rodzinami rodzinach
dziecko dziecka dziecku dzieckiem dzieci dzieciom dziećmi dzieciach
osoba osoby osobie osobę osobą osób osobom osobami osobach
pomoc pomocy pomocą usługa usługi usłudze usługę usługą usług usługom usługami usługach
mieszkanie mieszkania mieszkaniu mieszkaniem mieszkań mieszkaniom mieszkaniami mieszkaniach
niepełnosprawność niepełnosprawności niepełnosprawnością niepełnosprawnościami
niepełnosprawny niepełnosprawnego niepełnosprawnemu niepełnosprawnym niepełnosprawni
niepełnosprawnych niepełnosprawnymi niepełnosprawna niepełnosprawnej niepełnosprawną
prawnik prawnika prawnikowi prawnikiem prawniku prawnicy prawników prawnikom prawnikami
psycholog psychologa psychologowi psychologiem psychologowie psychologów psychologiem
asystent asystenta asystentowi asystentem asystencie asystenci asystentów asystentka asystencja
asystencji rehabilitacja rehabilitacji rehabilitację rehabilitacją rehabilitacyjny
rehabilitacyjnego rehabilitacyjnych transport transportu transportem transporcie
posiłek posiłku posiłki posiłków posiłkami obiad obiadu obiady obiadów
dom domu domowi domem domy domów domom domami domach klub klubu klubie kluby klubów
centrum centra centrów wniosek wniosku wnioski wniosków zasiłek zasiłku zasiłki zasiłków
złoty złota złotej złotą złote złotego złotemu złotym złotych złotymi
rączka rączki rączce rączkę rączką rączek
bezpłatny bezpłatna bezpłatne bezpłatnej bezpłatną bezpłatnego bezpłatnych bezpłatnymi
odpłatny odpłatna odpłatność odpłatności nieodpłatna nieodpłatnej nieodpłatną
wytchnieniowa wytchnieniowej wytchnieniową wytchnieniowy wytchnieniowego wytchnienie
opiekuńcze opiekuńczych opiekuńczymi opiekuńczej opiekuńczą
pomagać pomagam pomagasz pomaga pomagamy pomagacie pomagają pomagał pomagała pomagało
pomagali pomagały pomagałem pomagałam pomagałeś pomagałaś pomagaliśmy pomagałyśmy
pomagaliście pomagałyście pomagając pomagająca pomagającą pomagające pomagającego
pomógłbym pomogłabym pomoglibyśmy pomogłybyście pomógłbyś pomogłabyś
zrobiłbym zrobiłabym zrobiłbyś zrobiłabyś zrobilibyśmy zrobiłybyśmy zrobilibyście
mieszkać mieszkam mieszkasz mieszka mieszkamy mieszkacie mieszkają mieszkający mieszkającą
mieszkających mieszkałem mieszkałam mieszkaliście mieszkałyście mieszkaliśmy
pracować pracuję pracujesz pracuje pracujemy pracujecie pracują pracujący pracującego
szukać szukam szukasz szuka szukamy szukacie szukają szukający szukające szukających
jeść jem jesz je jemy jecie jedzą nieść niosę niesiesz kraść kradnę
mówiąc mówiąca mówiące mówiącą piszący pisząca piszące piszącą pisząc
najlepszy najlepsza najlepsze najlepszą najlepszej najmilszej najtańszy najtańsza
ładniejsza ładniejsze ładniejszą ładniejszej ładniejszy bliższy bliższa bliższej
koń koni ćma ćmy łódź łodzi gęś gęsi żółć sól ból miś dzień pięć sześć jeść
ać ąć ić ń ś ź ć ą ę ó ł a e i o u y ab abc ż żż
Kennedy'ego O'Brien d'Artagnan rock'n'roll McDonald's
zaświadczenie zaświadczenia orzeczenie orzeczenia orzeczeniem orzeczeń
interwencja interwencji kryzysowa kryzysowej kryzysowego kryzysie
bezdomność bezdomności bezdomny bezdomnych noclegownia noclegowni schronisko schroniska
uzależnienie uzależnienia uzależnień uzależnionych alkoholików alkoholikiem
przemoc przemocy przemocą przemocowe teleopieka teleopieki teleopiekę
wypożyczalnia wypożyczalni wypożyczenie wypożyczenia sprzęt sprzętu sprzętem
świadczenie świadczenia świadczeń świadczeniami żłobek żłobka żłobku żłobki
korepetycje korepetycji świetlica świetlicy świetlicę świetlicą
cudzoziemiec cudzoziemca cudzoziemcy cudzoziemców uchodźca uchodźcy uchodźców
Ukraina Ukrainy Ukrainie Ukrainą ukraiński ukraińska ukraińskiego ukraińskich
"""
)

EDGE_CASES = [
    "",
    "ZŁOTA RĄCZKA",
    "Złota Rączka dla SENIORÓW",
    "zlota raczka",
    "ﬁnansowa ﬂaga",  # ligatures (NFKC)
    "Ｐｏｍｏｃ",  # full-width letters (NFKC)
    "z\u0307łoty z\u0307o\u0301łw",  # decomposed ż and ó (combining marks)
    "İstanbul ΣΟΦΊΑ Straße",  # special lower-casing
    "pomoc😀w domu 👩‍👩‍👧 rodzina",
    "𝒜𝓁𝒶 ma 𝕜𝕠𝕥𝕒",  # mathematical letters outside the BMP
    "𠀀𠀁 漢字 かな",  # astral and CJK letters
    "psycholg; prawnik: *~^+- \"porada\" 'prawna'",
    "24h 112 2024-05-01 3,50 zł",
    "e-mail, on-line, wi-fi",
    "a" * 120,
    "zażółć gęślą jaźń ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
    "dla się że od do w z na",
    "ﾊﾟｿｺﾝ ㌀",  # half-width katakana and squared words (NFKC)
]

NODE_SCRIPT = r"""
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const input = JSON.parse(readFileSync(0, 'utf8'));
const load = (name) => import(pathToFileURL(input.js + '/' + name).href);
const lunr = (await import(pathToFileURL(input.lunr).href)).default;
const S = Object.assign({}, ...(await Promise.all(input.modules.map(load))));
S.configure(input.analyzer);
S.registerPipeline(lunr);
const pipeline = lunr.Pipeline.load(input.pipeline);
const all = new S.LemmaMap();
for (const shard of input.lemmaShards) all.add(shard);
const common = new Set(input.common);
const known = Object.create(null);
for (const term of input.known) known[term] = true;
const out = {
  stem: input.words.map((w) => S.stem(w)),
  fold: input.words.map((w) => S.fold(w)),
  stop: input.words.map((w) => S.isStopWord(w)),
  terms: input.words.map((w) => S.indexTerms(w)),
  pipeline: input.words.map((w) => pipeline.runString(S.normalize(w))),
  tokenize: input.texts.map((t) => S.tokenize(t)),
  analyze: input.texts.map((t) => S.analyze(t)),
  plan: input.texts.map((t) => S.plan(t, input.query, lunr, known, input.situations, all,
    common)),
  lemmas: input.lemmaWords.map((w) => {
    const one = new S.LemmaMap();
    const n = S.lemmaShardOf(input.lemmaStarts, w);
    if (n >= 0) one.add(input.lemmaShards[n]);
    return one.terms(w);
  }),
};
process.stdout.write(JSON.stringify(out));
"""


MODEL = functools.cache(lambda: load_search_model(ROOT / "content", ROOT / "data"))
#: The modules whose exports the parity script compares (the page code needs a document).
NODE_MODULES = [
    "search-stemmer.js",
    "search-analyzer.js",
    "search-lemmas.js",
    "search-situations.js",
    "search-engine.js",
]


def lemma_word_list(vocabulary: list[str], texts: list[str]) -> list[str]:
    """Issue 12's parity inputs: the whole vocabulary, every word of every thesaurus and
    situation phrase, and 1,000 inflected forms sampled from the lemma map (fixed seed)."""
    forms = sorted(MODEL().lemma_map.forms)
    sampled = random.Random(12).sample(forms, 1000)
    phrase_words = {token for text in texts for token in tokenize(text)}
    return sorted(set(vocabulary) | phrase_words | set(sampled))


def situation_texts() -> list[str]:
    """Every phrase of data/situations.csv, each alternative written out once."""
    with (ROOT / "data" / "situations.csv").open(encoding="utf-8", newline="") as table:
        cells = [row["phrases"] for row in csv.DictReader(table)]
    return [phrase.replace("|", " ") for cell in cells for phrase in cell.split(";")]


def catalogue_vocabulary() -> tuple[list[str], list[str]]:
    """Every token of the example catalogue's indexed text, and the texts themselves."""
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    groups = load_thesaurus(ROOT / "data" / "synonyms.csv")
    texts = [
        text
        for document in search_documents(catalogue, groups)
        for values in document.texts.values()
        for text in values
    ]
    texts += [term for group in groups for term in group.terms]
    words = sorted({token for text in texts for token in tokenize(text)})
    return words, texts


@pytest.fixture(scope="module")
def parity() -> dict:
    """Python and JavaScript outputs over the same inputs."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the parity test (Node 20 is part of the toolchain)")
    vocabulary, texts = catalogue_vocabulary()
    words = sorted(set(vocabulary) | set(PARADIGMS) | set(EDGE_CASES))
    texts = texts + EDGE_CASES + [" ".join(PARADIGMS)] + situation_texts()
    texts += [query.query for query in situation_queries()]
    # Index terms of the catalogue: words typed right are "known", typos are not.
    known = sorted(MODEL().index.inverted_index)
    shards = lemma_shards(MODEL().lemma_map, LEMMA_SHARD_BYTES)
    lemma_words = lemma_word_list(vocabulary, texts)
    payload = {
        "lunr": str(LUNR),
        "js": str(JS),
        "modules": NODE_MODULES,
        "analyzer": browser_settings("pl"),
        "pipeline": list(pipeline_names("pl")),
        "query": QUERY_SETTINGS,
        "words": words,
        "known": known,
        "texts": texts,
        "situations": MODEL().situations,
        "common": sorted(MODEL().common),
        "lemmaShards": shards,
        "lemmaStarts": [[next(iter(shard)), str(n)] for n, shard in enumerate(shards)],
        "lemmaWords": lemma_words,
    }
    return {
        "words": words,
        "texts": texts,
        "js": run_node(node, payload),
        "vocabulary": vocabulary,
        "known": known,
        "lemma_words": lemma_words,
    }


def run_node(node: str, payload: dict) -> dict:
    """The JavaScript outputs for the payload (Node runs the scripts the bundle carries)."""
    run = subprocess.run(
        [node, "--input-type=module", "-e", NODE_SCRIPT],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(run.stdout)


def _differences(inputs: list[str], python: list, js: list) -> list[str]:
    return [
        f"{word!r}: python {p!r} != js {j!r}"
        for word, p, j in zip(inputs, python, js, strict=True)
        if p != j
    ]


def test_inputs_cover_the_catalogue_and_several_hundred_word_forms(parity):
    assert len(parity["vocabulary"]) > 500
    assert len(set(PARADIGMS)) > 400


def test_stems_are_identical(parity):
    python = [stem(word) for word in parity["words"]]
    assert not _differences(parity["words"], python, parity["js"]["stem"])


def test_stemmer_is_not_the_identity(parity):
    changed = [w for w, s in zip(parity["words"], parity["js"]["stem"], strict=True) if w != s]
    assert len(changed) > len(parity["words"]) / 3


def test_folding_and_stop_words_are_identical(parity):
    words = parity["words"]
    assert not _differences(words, [fold(w) for w in words], parity["js"]["fold"])
    assert not _differences(words, [is_stop_word(w) for w in words], parity["js"]["stop"])


def test_index_terms_are_identical(parity):
    words = parity["words"]
    assert not _differences(words, [index_terms(w) for w in words], parity["js"]["terms"])


def test_registered_lunr_pipelines_agree(parity):
    from lunr.pipeline import Pipeline

    from cus_catalogue.search.analyzer import normalize
    from cus_catalogue.search.pipeline import PIPELINE_NAMES, register

    register()
    pipeline = Pipeline.load(list(PIPELINE_NAMES))
    words = parity["words"]
    python = [pipeline.run_string(normalize(w)) for w in words]
    assert not _differences(words, python, parity["js"]["pipeline"])


def test_tokens_and_analysis_are_identical(parity):
    texts = parity["texts"]
    assert not _differences(texts, [tokenize(t) for t in texts], parity["js"]["tokenize"])
    assert not _differences(texts, [analyze(t) for t in texts], parity["js"]["analyze"])


def test_query_plans_are_identical(parity):
    texts = parity["texts"]
    known = set(parity["known"])
    model = MODEL()
    python = [
        query_plan(t, known, QUERY_SETTINGS, model.situations, model.lemma_map, model.common)
        for t in texts
    ]
    assert not _differences(texts, python, parity["js"]["plan"])
    assert any(c.get("editDistance") for plan in python for c in plan)
    assert any(c["boost"] == QUERY_SETTINGS["situationBoost"] for plan in python for c in plan)


def test_lemma_terms_are_identical_with_only_the_words_shard(parity):
    """Issue 12: the whole vocabulary, every phrase word and 1,000 sampled inflected forms."""
    words = parity["lemma_words"]
    lemmas = MODEL().lemma_map
    assert len(words) > 3000
    assert sum(word in lemmas.forms for word in words) > 2000
    assert not _differences(words, [lemmas.terms(w) for w in words], parity["js"]["lemmas"])


# ---- Ukrainian and English (issue 13) ------------------------------------------------------

#: Ukrainian forms that walk every ending of the suffix stripper, the reflexive endings, the
#: short-stem guard, apostrophes, Russian keyboard habits and Latin look-alikes.
UKRAINIAN_WORDS = _words(
    """
житло житла житлу житлом житлі житлах житлами дитина дитини дитині дитину дитиною діти дітей
дітям дітьми дітях психолог психолога психологові психологом психологи психологів
психологічна психологічної психологічній психологічну психологічною психологічний
психологічного психологічному психологічним психологічних психологічними психологічне
безоплатна безоплатні безоплатних безоплатне безкоштовно допомога допомоги допомогу
допомозі допомогою допомагати допомагаю допомагаєш допомагає допомагаємо допомагаєте
допомагають навчатися навчаюся навчаєшся вчитися вчусь сім'я сім’я сімʼя сім`я сім‘я
сім'ї сім’єю кар'єра кар’єри м'ясо мʼясо мъясо об'єкт пʼять ґанок ганок їдальня їдальні
ідальня идальня нічліжка нічліжки нічліжку нічліжці ничлижка пiдтримка пiдтримки підтримка
підтримки підтримкою є їх її й і а я ю у мова мови мові мову мовою дім дому домі
українською українська української польською польської польська іноземців іноземці
роботу роботи робота роботою роботодавець роботодавцями курс курси курсів курсами
шукаю хочу мені потрібна будь ласка нужно мне где ищу
ЖИТЛО Житло ДОПОМОГА сІм'Я
"""
)

#: English forms that walk the steps of Snowball's English (Porter2: plurals, -ed/-ing,
#: -ational, -ness, -ize..., the exceptional words, "y" as a consonant, "'s").
ENGLISH_WORDS = _words(
    """
caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled
sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional
rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli
vietnamization predication operator feudalism decisiveness hopefulness callousness
formaliti sensitiviti sensibiliti triplicate formative formalize electriciti electrical
hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible
irritant replacement adjustment dependent adoption homologou communism activate
angulariti homologous effective bowdlerize probate rate cease controll roll
generalization oscillators lawyers lawyer housing homeless shelters psychologists
counselling children childcare carers caring meals workshops interviews employers
refugees foreigners disabilities disabled supported flats older women's parents
a an the i y yy ye eed ied sses
generously news dying lying tying skies skis idly gently ugly early only singly sky
inning outing canning herring earring proceed exceed succeed arsenal communism commune
emergency generate gener interest later lateral organ organic organize past paste united
universe university youth yelling sayings boyish cried ties agreed feed bleed consign
geologist geology fluently abnormalli fullness hopelessness invariably critically
a𠀀ed 𠀀𠀁ing a𠀀e straßes naïvely æsthetics
"""
)

LANGUAGE_WORDS = {"uk": UKRAINIAN_WORDS, "en": ENGLISH_WORDS}
LANGUAGE_MODELS = functools.cache(
    lambda language: load_search_model(ROOT / "content", ROOT / "data", language)
)


def language_texts(model: SearchModel) -> list[str]:
    """Every indexed text of the language's documents (translations and Polish keywords)."""
    return [text for document in model.documents for values in document.texts.values()
            for text in values]  # fmt: skip


@pytest.fixture(scope="module", params=["uk", "en"])
def language_parity(request) -> dict:
    """Python and JavaScript outputs in the Ukrainian or the English index."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the parity test (Node 20 is part of the toolchain)")
    language = request.param
    model = LANGUAGE_MODELS(language)
    texts = language_texts(model) + EDGE_CASES + [" ".join(LANGUAGE_WORDS[language])]
    for golden in (f"golden_queries_{language}.csv", f"golden_situations_{language}.csv"):
        with Path(__file__).with_name(golden).open(encoding="utf-8", newline="") as table:
            texts += [row["query"] for row in csv.DictReader(table)]
    vocabulary = {token for text in texts for token in tokenize(text)}
    words = sorted(vocabulary | set(LANGUAGE_WORDS[language]) | set(EDGE_CASES))
    shards = lemma_shards(model.lemma_map, LEMMA_SHARD_BYTES)
    payload = {
        "lunr": str(LUNR),
        "js": str(JS),
        "modules": NODE_MODULES,
        "analyzer": browser_settings(language),
        "pipeline": list(pipeline_names(language)),
        "query": QUERY_SETTINGS,
        "words": words,
        "known": sorted(model.index.inverted_index),
        "texts": texts,
        "situations": model.situations,
        "common": sorted(model.common),
        "lemmaShards": shards,
        "lemmaStarts": [[next(iter(shard)), str(n)] for n, shard in enumerate(shards)],
        "lemmaWords": words,
    }
    return {
        "language": language,
        "model": model,
        "words": words,
        "texts": texts,
        "js": run_node(node, payload),
    }


def test_language_inputs_cover_the_translations(language_parity):
    cyrillic = [w for w in language_parity["words"] if any("а" <= c <= "я" for c in w)]
    assert len(language_parity["words"]) > 500
    assert len(cyrillic) > (400 if language_parity["language"] == "uk" else 0)


def test_language_index_terms_are_identical(language_parity):
    words, language = language_parity["words"], language_parity["language"]
    python = [index_terms(w, language) for w in words]
    assert not _differences(words, python, language_parity["js"]["terms"])
    assert not _differences(words, [fold(w) for w in words], language_parity["js"]["fold"])
    assert not _differences(words, [is_stop_word(w) for w in words], language_parity["js"]["stop"])


def test_language_pipelines_agree(language_parity):
    from lunr.pipeline import Pipeline

    from cus_catalogue.search.analyzer import normalize
    from cus_catalogue.search.pipeline import register

    register()
    pipeline = Pipeline.load(list(pipeline_names(language_parity["language"])))
    words = language_parity["words"]
    python = [pipeline.run_string(normalize(w)) for w in words]
    assert not _differences(words, python, language_parity["js"]["pipeline"])


def test_language_tokens_analysis_and_query_plans_are_identical(language_parity):
    texts, language = language_parity["texts"], language_parity["language"]
    model = language_parity["model"]
    known = set(model.index.inverted_index)
    js = language_parity["js"]
    assert not _differences(texts, [tokenize(t) for t in texts], js["tokenize"])
    assert not _differences(texts, [analyze(t, language) for t in texts], js["analyze"])
    python = [
        query_plan(t, known, QUERY_SETTINGS, model.situations, model.lemma_map, model.common)
        for t in texts
    ]
    assert not _differences(texts, python, js["plan"])


def test_language_lemma_terms_are_identical(language_parity):
    words = language_parity["words"]
    lemmas = language_parity["model"].lemma_map
    assert not _differences(
        words, [lemmas.terms(w) for w in words], language_parity["js"]["lemmas"]
    )
