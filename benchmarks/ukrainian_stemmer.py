"""Which Ukrainian stemmer: the Ukrainian golden set (tests/golden_queries_uk.csv) scored with
lunr.py for each candidate, so the choice in ``search/ukrainian.py`` is measured, not guessed.

Candidates: no stemming (folding only), prefix matching (every word cut to its first four,
five or six folded letters) and the light suffix stripper (one reflexive and one inflectional
ending).
The browser ranks as lunr.py does (tests/test_search_languages_browser.py checks it).

    .venv/bin/python benchmarks/ukrainian_stemmer.py
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from build_bench import machine_line  # noqa: E402
from language_golden import golden_set  # noqa: E402
from test_search_golden import first_hit, metrics  # noqa: E402

from cus_catalogue.search import analyzer, ukrainian  # noqa: E402
from cus_catalogue.search.model import load_search_model  # noqa: E402


def prefix(letters: int) -> Callable[[str], str]:
    """Prefix matching: a word is its first ``letters`` folded letters."""
    return lambda folded: folded[:letters]


Candidates = dict[str, Callable[[str], str]]
CANDIDATES: Candidates = {
    "folding only": lambda folded: folded,
    **{f"prefix ({n} letters)": prefix(n) for n in (4, 5, 6)},
    "light suffix stripper (chosen)": ukrainian.stem,
}


def scores(language: str) -> dict[str, float]:
    """hit@1, hit@5 and MRR of the language's golden set with the stemmer in place now, and
    the median number of results (a stemmer that joins too much finds everything)."""
    model = load_search_model(ROOT / "content", ROOT / "data", language)
    ranked = {q.query: model.ids(q.query) for q in golden_set(language)}
    found = metrics([first_hit(ranked[q.query], q.expected) for q in golden_set(language)])
    found["results"] = statistics.median(len(ids) for ids in ranked.values())
    return found


def compare(name: str, language: str, module: ModuleType, candidates: Candidates) -> None:
    """Print the golden-set scores of ``language`` with each candidate as ``module.stem``."""
    chosen = module.stem
    print(machine_line())
    print(f"| {name} stemmer | {language} hit@1 | {language} hit@5 | {language} MRR "
          f"| {language} results (median) |")  # fmt: skip
    print("|---|---:|---:|---:|---:|")
    try:
        for label, candidate in candidates.items():
            module.stem = candidate
            analyzer._index_terms.cache_clear()
            found = scores(language)
            cells = [f"{found[key]:.2f}" for key in ("hit@1", "hit@5", "mrr")]
            print(f"| {label} | " + " | ".join(cells) + f" | {found['results']:.0f} |", flush=True)
    finally:
        module.stem = chosen
        analyzer._index_terms.cache_clear()


def main() -> None:
    compare("Ukrainian", "uk", ukrainian, CANDIDATES)


if __name__ == "__main__":
    main()
