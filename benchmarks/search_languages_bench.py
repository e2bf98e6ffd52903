"""Search in each language (issue 13): our search on /uk/szukaj/ and /en/szukaj/ beside
Pagefind (multilingual: one index per ``<html lang>``) on the same built site, in headless
Chromium, as benchmarks/search_bench.py measures the Polish search.

Per language and catalogue size: hit@1, hit@5, MRR of tests/golden_queries_<language>.csv
and, for Ukrainian and English, of the situational sets tests/golden_situations_<language>.csv
(a result counts for the record it copies), KB gzip from an empty page until the first
result is ready to show, and warm query latency p50/p95.

Budgets (issue 13): at 1,000 services <= 250 KB gzip before the first result and p95 <= 20 ms
in each language; golden sets hit@5 >= 0.95 and MRR >= 0.85.

    .venv/bin/python benchmarks/search_languages_bench.py [--sizes example 1000]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from build_bench import machine_line  # noqa: E402
from language_golden import golden_set  # noqa: E402
from search_bench import (  # noqa: E402
    build_pagefind,
    build_site,
    cold_first_result,
    quality_and_latency,
    run_sizes,
    serve,
    size_arguments,
    write_harness,
)
from situational_golden import situation_queries  # noqa: E402

LANGUAGES = ("pl", "uk", "en")
#: Pagefind indexes the service pages of every language; it groups them by ``<html lang>``.
SERVICE_PAGES = "{uslugi,uk/uslugi,en/uslugi}/*/index.html"
FIRST_RESULT_QUERIES = {
    "pl": ["opieka wytchnieniowa", "prawnik", "transport do lekarza"],
    "uk": ["нічліжка", "юрист", "курси польської мови", "психолог для дитини"],
    "en": ["night shelter", "lawyer", "polish course", "psychologist for children"],
}


def golden(language: str) -> list[tuple[str, set[str]]]:
    """The golden queries of a language as (query, expected ids); Polish: the main set."""
    if language == "pl":
        from search_bench import golden_set as polish_golden_set

        return polish_golden_set()
    return [(q.query, set(q.expected)) for q in golden_set(language)]


def query_sets(language: str) -> list[tuple[str, list[tuple[str, set[str]]]]]:
    """The sets measured in a language: its golden set, and for uk and en the situations."""
    sets = [("golden", golden(language))]
    if language != "pl":
        situations = [(q.query, set(q.expected)) for q in situation_queries(language=language)]
        sets.append(("situations", situations))
    return sets


def bench_size(label: str, content: Path, work: Path, browser: Any, rounds: int) -> list[dict]:
    """Every language, our search and Pagefind, on one build of the catalogue."""
    output = work / f"site-{label}"
    build_site(content, output)
    build_pagefind(output, SERVICE_PAGES)
    rows = []
    with serve(output) as (base, served):
        for language in LANGUAGES:
            bundle = write_harness(output, language)
            for engine in ("ours", "pagefind"):
                cold = [
                    cold_first_result(browser, base, served, bundle, engine, query, language)
                    for query in FIRST_RESULT_QUERIES[language]
                ]
                for name, queries in query_sets(language):
                    quality = quality_and_latency(
                        browser, base, bundle, engine, rounds, queries, language
                    )
                    rows.append(
                        {
                            "size": label,
                            "language": language,
                            "set": name,
                            "engine": engine,
                            **quality,
                            "gzip_kb": statistics.mean(c["gzip"] for c in cold) / 1000,
                            "max_gzip_kb": max(c["gzip"] for c in cold) / 1000,
                            "found": all(c["found"] for c in cold),
                        }
                    )
                    print(rows[-1], flush=True)
    return rows


def table(rows: list[dict]) -> str:
    """The figures as docs/performance.md shows them."""
    lines = [
        "| services | language | queries | engine | hit@1 | hit@5 | MRR | KB gzip before 1st "
        "result (mean / max) | query p50 ms | p95 ms |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    names = {"ours": "our search", "pagefind": "Pagefind"}
    for r in rows:
        lines.append(
            f"| {r['size']} | {r['language']} | {r['set']} | {names[r['engine']]} "
            f"| {r['hit1']:.2f} "
            f"| {r['hit5']:.2f} | {r['mrr']:.2f} | {r['gzip_kb']:.1f} / {r['max_gzip_kb']:.1f} "
            f"| {r['p50']:.2f} | {r['p95']:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    rows = run_sizes(size_arguments(__doc__ or "", ["example", "1000"]), bench_size)
    print("\n" + machine_line() + "\n")
    print(table(rows))


if __name__ == "__main__":
    main()
