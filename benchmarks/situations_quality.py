"""Situational golden set (issue 12) per category and split, scored with lunr.py.

The browser ranks exactly as lunr.py does (tests/test_search_situations_browser.py checks
every query), so these are the site's figures. The script also runs on the code before issue
12 (no ``search.model``), to put today's search beside the new one:

    .venv/bin/python benchmarks/situations_quality.py
    git worktree add /tmp/before ce995a4
    cp benchmarks/situations_quality.py /tmp/before/benchmarks/
    cd /tmp/before && <this worktree>/.venv/bin/python benchmarks/situations_quality.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path.cwd()
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from situational_golden import CATEGORIES, SPLITS, first_hit, scores, situation_queries  # noqa: E402


def ranker() -> Callable[[str], list[str]]:
    """Ranked ids per query: the SearchModel, or the pieces the search had before it."""
    try:
        from cus_catalogue.search.model import load_search_model
    except ImportError:
        from cus_catalogue.catalogue import load_catalogue
        from cus_catalogue.search import search_documents
        from cus_catalogue.search.index import build_lunr_index, demoted_positions
        from cus_catalogue.search.query import run_query
        from cus_catalogue.search.thesaurus import load_thesaurus

        catalogue = load_catalogue(ROOT / "content", ROOT / "data")
        documents = search_documents(catalogue, load_thesaurus(ROOT / "data" / "synonyms.csv"))
        index, demoted = build_lunr_index(documents), set(demoted_positions(documents))
        return lambda text: [documents[p].id for p, _ in run_query(index, text, demoted)]
    return load_search_model(ROOT / "content", ROOT / "data").ids


def main() -> None:
    ids = ranker()
    print("| category | " + " | ".join(f"{s} hit@5 | {s} MRR" for s in SPLITS) + " |")
    print("|---|" + "---:|" * 2 * len(SPLITS))
    for category in [*CATEGORIES, "all"]:
        cells = []
        for split in SPLITS:
            rows = [q for q in situation_queries(split) if category in ("all", q.category)]
            figures = scores([first_hit(ids(q.query), q.expected) for q in rows])
            cells += [f"{figures['hit@5']:.2f}", f"{figures['mrr']:.2f}"]
        print(f"| {category} ({len(rows)} held out) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
