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
from ukrainian_stemmer import Candidates, compare  # noqa: E402

from cus_catalogue.search import english  # noqa: E402

CANDIDATES: Candidates = {
    "original Porter (before)": snowballstemmer.stemmer("porter").stemWord,
    "Snowball English, Porter2 (chosen)": english.stem,
}


def main() -> None:
    compare("English", "en", english, CANDIDATES)


if __name__ == "__main__":
    main()
