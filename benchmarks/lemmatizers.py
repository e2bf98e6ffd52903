"""Morfeusz 2 (SGJP) against simplemma for the search's lemmas (issue 12): figures to choose by.

For the example catalogue's index vocabulary and the words of tests/golden_situations.csv it
reports how many words each tool knows, how many of issue 12's word pairs (and slang forms) it
joins to a shared lemma, its time per 1,000 words, and whether it can list every inflected form
of a lemma (needed to ship the browser a form→lemma map for the index's lemmas).

    .venv/bin/python benchmarks/lemmatizers.py
"""

from __future__ import annotations

import csv
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import morfeusz2  # noqa: E402
import simplemma  # noqa: E402

from cus_catalogue.catalogue import load_catalogue  # noqa: E402
from cus_catalogue.search import search_documents  # noqa: E402
from cus_catalogue.search.analyzer import is_stop_word, tokenize  # noqa: E402
from cus_catalogue.search.thesaurus import load_thesaurus  # noqa: E402

#: Issue 12, cause 3 (derivation, irregular inflection) and the slang of cause 4.
PAIRS = [
    ("picie", "pije"), ("uzależnienie", "uzależniony"), ("samotność", "samotny"),
    ("rehabilitacja", "rehabilitacyjny"), ("dziecko", "dzieci"), ("ojciec", "ojca"),
    ("pił", "pije"), ("człowiek", "ludzie"), ("rok", "lata"), ("być", "jest"),
    ("wywalili", "wywalić"), ("nawalony", "nawalić"), ("spłonął", "spłonąć"),
    ("mieszkać", "mieszkam"), ("żona", "żonie"), ("brat", "braci"), ("oko", "oczy"),
    ("pomóc", "pomogę"), ("iść", "szedł"), ("dobry", "lepszy"),
]  # fmt: skip

_morfeusz = morfeusz2.Morfeusz()


def morfeusz_lemmas(word: str) -> set[str]:
    """Every lemma SGJP gives the word's first segment; empty when the word is unknown."""
    return {
        lemma.split(":")[0].lower()
        for start, _end, (_form, lemma, tag, *_rest) in _morfeusz.analyse(word)
        if start == 0 and tag != "ign"
    }


def simplemma_lemmas(word: str) -> set[str]:
    """simplemma's one lemma, or nothing when its dictionary does not know the word."""
    return (
        {simplemma.lemmatize(word, lang="pl").lower()} if simplemma.is_known(word, "pl") else set()
    )


def words() -> list[str]:
    """The example catalogue's indexed words and the situational queries' words (no stop words)."""
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    groups = load_thesaurus(ROOT / "data" / "synonyms.csv")
    texts = [t for d in search_documents(catalogue, groups) for v in d.texts.values() for t in v]
    with (ROOT / "tests" / "golden_situations.csv").open(encoding="utf-8") as table:
        texts += [row["query"] for row in csv.DictReader(table)]
    return sorted({t for text in texts for t in tokenize(text) if not is_stop_word(t)})


def report(name: str, lemmas: Callable[[str], set[str]], vocabulary: list[str]) -> None:
    start = time.perf_counter()
    known = sum(bool(lemmas(word)) for word in vocabulary)
    per_thousand = (time.perf_counter() - start) / len(vocabulary) * 1000
    joined = [f"{a}/{b}" for a, b in PAIRS if lemmas(a) & lemmas(b)]
    ambiguous = sum(len(lemmas(word)) > 1 for word in vocabulary)
    print(
        f"{name:10} knows {known}/{len(vocabulary)} ({known / len(vocabulary):.1%}), "
        f"several lemmas {ambiguous}, joins {len(joined)}/{len(PAIRS)} pairs, "
        f"{per_thousand * 1000:.0f} ms per 1,000 words"
    )
    print(f"{'':10} joined: {', '.join(joined)}")


def main() -> None:
    vocabulary = words()
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"Morfeusz {morfeusz2.__version__}, dictionary {_morfeusz.dict_id()}; simplemma")
    report("morfeusz2", morfeusz_lemmas, vocabulary)
    report("simplemma", simplemma_lemmas, vocabulary)
    forms = {form for form, *_rest in _morfeusz.generate("ojciec")}
    print(f"synthesis: morfeusz2 lists {len(forms)} forms of “ojciec”; simplemma has no synthesis")


if __name__ == "__main__":
    main()
