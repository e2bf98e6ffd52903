"""Which English stemmer: the English golden set (tests/golden_queries_en.csv) scored with
lunr.py for the original Porter algorithm (Snowball's ``porter``; lunr.js runs a variant of
it, which the English index used before) and Snowball's English (Porter2), which it uses now.
The browser ranks as lunr.py does (tests/test_search_languages_browser.py checks it).

    .venv/bin/python benchmarks/english_stemmer.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

import snowballstemmer  # noqa: E402
from build_bench import machine_line  # noqa: E402
from ukrainian_stemmer import scores  # noqa: E402

from cus_catalogue.search import analyzer, english  # noqa: E402

CANDIDATES = {
    "original Porter (before)": snowballstemmer.stemmer("porter").stemWord,
    "Snowball English, Porter2 (chosen)": english.stem,
}


def main() -> None:
    chosen = english.stem
    print(machine_line())
    print("| English stemmer | en hit@1 | en hit@5 | en MRR | en results (median) |")
    print("|---|---:|---:|---:|---:|")
    for label, candidate in CANDIDATES.items():
        english.stem = candidate
        analyzer._index_terms.cache_clear()
        en = scores("en")
        cells = [f"{en[key]:.2f}" for key in ("hit@1", "hit@5", "mrr")]
        print(f"| {label} | " + " | ".join(cells) + f" | {en['results']:.0f} |", flush=True)
    english.stem = chosen


if __name__ == "__main__":
    main()
