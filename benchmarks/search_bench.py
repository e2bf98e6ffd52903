"""Search benchmark: our Polish lunr search vs plain lunr (English pipeline) vs Pagefind.

For the example catalogue and synthetic catalogues (the example records repeated under new
ids, as in build_bench.py), the same built site is served over loopback HTTP and driven in
headless Chromium. For each engine it reports, in one run:

* hit@1, hit@5, MRR on tests/golden_queries.csv (a result counts for the record it copies),
  and hit@5, MRR, p95 on the held-out third of tests/golden_situations.csv (issue 12);
* bytes transferred (raw and gzip -6 of every response) from an empty page on the site's
  origin until the first result of a query is ready to show, and the files that took;
* index load time (fetch + ready to query) and query latency p50/p95 (warm, 5 rounds of the
  golden queries; first-time latency, which includes fetching shards, reported separately).

Budgets (issue 3): at 1,000 services <= 250 KB gzip before the first result and p95 <= 20 ms;
at 10,000 services p95 <= 50 ms and no more bytes than Pagefind before the first result.

    .venv/bin/python benchmarks/search_bench.py [--sizes example 1000 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from synthetic import synthetic_catalogue  # noqa: E402

from cus_catalogue.catalogue import load_catalogue  # noqa: E402
from cus_catalogue.search import FIELDS, search_documents  # noqa: E402

CONTENT = ROOT / "content"
GOLDEN = ROOT / "tests" / "golden_queries.csv"
SITUATIONS = ROOT / "tests" / "golden_situations.csv"
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.min.js"
TODAY = "2026-11-23"
FIRST_RESULT_QUERIES = [
    "opieka wytchnieniowa",
    "prawnik",
    "transport do lekarza",
    "ojciec znowu pije i wywalili mnie z chaty",
]
#: What a synthetic copy adds to the id of the record it copies: its number, and in a
#: regional catalogue its centre's prefix (search_scale_bench.py).
SYNTHETIC = re.compile(r"^c\d+-|-\d+$")
#: The empty start page of each language (``write_harness``).
HARNESS = {"pl": "index.html", "uk": "index-uk.html", "en": "index-en.html"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# ---- catalogues and builds --------------------------------------------------------------


def build_site(content: Path, output: Path) -> float:
    """The real build (search included); seconds."""
    command = [
        sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
        "-o", str(output), "-e", f'CATALOGUE_TODAY="{TODAY}"',
        "CATALOGUE_OPENDATA_VALIDATE=false",
    ]  # fmt: skip
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - start


def build_plain_lunr(content: Path, output: Path) -> None:
    """lunr.py with its default (English) pipeline over the same fields and boosts, the
    way a site adds lunr: one index file and one file of documents to show."""
    from lunr import lunr

    catalogue = load_catalogue(content, ROOT / "data")
    documents = search_documents(catalogue, [])
    rows = [
        {"id": d.id, **{name: " ".join(d.texts.get(name, [])) for name, _ in FIELDS}}
        for d in documents
    ]
    fields = [{"field_name": name, "boost": boost} for name, boost in FIELDS if name != "synonyms"]
    index = lunr(ref="id", fields=fields, documents=rows)
    folder = output / "bench"
    folder.mkdir(exist_ok=True)
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    (folder / "plain-index.json").write_text(dump(index.serialize()), encoding="utf-8")
    docs = {d.id: d.record for d in documents}
    (folder / "plain-docs.json").write_text(dump(docs), encoding="utf-8")
    shutil.copy(LUNR_JS, folder / "lunr.js")


def build_pagefind(output: Path, glob: str = "uslugi/*/index.html") -> float:
    """Pagefind over the service pages of the same built site; seconds."""
    command = [str(PAGEFIND), "--site", str(output), "--glob", glob]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - start


def write_harness(output: Path, language: str = "pl") -> str:
    """An empty page on the site's origin from which every engine starts cold (in the page's
    language: Pagefind picks its index by ``<html lang>``); returns the search bundle that
    language's search page loads."""
    folder = output / "bench"
    folder.mkdir(exist_ok=True)
    (folder / f"{HARNESS[language]}").write_text(
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>bench</title>'
        "</head><body><main></main></body></html>",
        encoding="utf-8",
    )
    page = output / ("" if language == "pl" else language) / "szukaj" / "index.html"
    bundle = re.search(r"static/search/search\.[0-9a-f]+\.js", page.read_text(encoding="utf-8"))
    if bundle is None:
        raise SystemExit(f"{page} loads no search bundle")
    return "/" + bundle.group(0)


# ---- serving ------------------------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files like any web host (correct types for modules and wasm), no logs; every
    file served is recorded, so bytes are counted where they leave, not guessed in the page."""

    extensions_map = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".wasm": "application/wasm",
    }
    served: list[str]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        """Record the file behind every successful GET."""
        result = super().send_head()
        path = Path(self.translate_path(self.path))
        if result is not None and path.is_file():
            self.served.append(str(path))
        return result


@functools.cache
def sizes_of(path: str) -> tuple[int, int]:
    """Raw and gzip -6 size of a served file (what a compressing web server sends)."""
    content = Path(path).read_bytes()
    return len(content), len(gzip.compress(content, 6))


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[tuple[str, list[str]]]:
    served: list[str] = []
    handler = functools.partial(
        type("Handler", (QuietHandler,), {"served": served}), directory=str(folder)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", served
    finally:
        server.shutdown()
        server.server_close()


# ---- engines in the page ------------------------------------------------------------------

# Each engine: load() -> ready to query; query(q) -> ranked result handles; first(handles)
# -> the first result's display data; ids(handles, k) -> top-k service ids.
ENGINES_JS = r"""
window.benchEngines = {
  ours: {
    async load() {
      this.engine = await (await import(window.BUNDLE)).engine();
    },
    async query(q) { return this.engine.search(q, {}); },
    async first(r) { return r.length ? (await this.engine.records([r[0].position]))[0] : null; },
    async ids(r, k) {
      return (await this.engine.records(r.slice(0, k).map((x) => x.position))).map((d) => d.id);
    },
  },
  plain: {
    async load() {
      await new Promise((ok, fail) => {
        const s = document.createElement('script');
        s.src = '/bench/lunr.js'; s.onload = ok; s.onerror = fail;
        document.head.appendChild(s);
      });
      const data = await (await fetch('/bench/plain-index.json')).json();
      this.index = lunr.Index.load(data);
    },
    async query(q) {
      try { return this.index.search(q); } catch (e) { return []; }
    },
    async first(r) {
      if (!this.docs) this.docs = await (await fetch('/bench/plain-docs.json')).json();
      return r.length ? this.docs[r[0].ref] : null;
    },
    async ids(r, k) { return r.slice(0, k).map((x) => x.ref); },
  },
  pagefind: {
    async load() {
      this.pf = await import('/pagefind/pagefind.js');
      await this.pf.options({ excerptLength: 20 });
      await this.pf.init();
    },
    async query(q) { return (await this.pf.search(q)).results; },
    async first(r) { return r.length ? await r[0].data() : null; },
    async ids(r, k) {
      const data = await Promise.all(r.slice(0, k).map((x) => x.data()));
      return data.map((d) => (d.url.match(/uslugi\/([^/]+)\//) || [])[1] || d.url);
    },
  },
};
"""


def open_harness(browser: Any, base: str, bundle: str, language: str = "pl") -> tuple[Any, Any]:
    """A fresh context (empty cache) on the empty page, with the engines defined."""
    context = browser.new_context(locale=language)
    page = context.new_page()
    page.goto(base + "/bench/" + HARNESS[language])
    page.evaluate(f"window.BUNDLE = {json.dumps(bundle)};")
    page.evaluate(ENGINES_JS)
    return context, page


def cold_first_result(
    browser: Any,
    base: str,
    served: list[str],
    bundle: str,
    engine: str,
    query: str,
    language: str = "pl",
) -> dict:
    """Bytes and time from an empty page until the first result is ready to show."""
    context, page = open_harness(browser, base, bundle, language)
    try:
        served.clear()
        timing = page.evaluate(
            """async ([name, q]) => {
                const e = window.benchEngines[name];
                const t0 = performance.now();
                await e.load();
                const t1 = performance.now();
                const first = await e.first(await e.query(q));
                const t2 = performance.now();
                return {load: t1 - t0, first: t2 - t0, found: first !== null};
            }""",
            [engine, query],
        )
        files = list(served)
        return {
            **timing,
            "raw": sum(sizes_of(f)[0] for f in files),
            "gzip": sum(sizes_of(f)[1] for f in files),
            "files": len(files),
        }
    finally:
        context.close()


def quality_and_latency(
    browser: Any,
    base: str,
    bundle: str,
    engine: str,
    rounds: int,
    golden: list,
    language: str = "pl",
) -> dict:
    """Golden-set metrics, warm p50/p95 and first-time p50/p95, in one page."""
    context, page = open_harness(browser, base, bundle, language)
    try:
        result = page.evaluate(
            """async ([name, queries, rounds]) => {
                const e = window.benchEngines[name];
                await e.load();
                const firstTimes = [], times = [], ids = {};
                for (const q of queries) {
                  const t0 = performance.now();
                  const r = await e.query(q);
                  firstTimes.push(performance.now() - t0);
                  ids[q] = await e.ids(r, 10);
                }
                for (let round = 0; round < rounds; round++) {
                  for (const q of queries) {
                    const t0 = performance.now();
                    await e.query(q);
                    times.push(performance.now() - t0);
                  }
                }
                return {ids, times, firstTimes};
            }""",
            [engine, [q for q, _ in golden], rounds],
        )
    finally:
        context.close()
    ranks = []
    for query, expected in golden:
        bases = [SYNTHETIC.sub("", i) if i not in expected else i for i in result["ids"][query]]
        ranks.append(next((k for k, i in enumerate(bases, 1) if i in expected), None))
    count = len(ranks)
    return {
        "hit1": sum(r == 1 for r in ranks) / count,
        "hit5": sum(r is not None and r <= 5 for r in ranks) / count,
        "mrr": sum(1 / r for r in ranks if r) / count,
        "p50": percentile(result["times"], 50),
        "p95": percentile(result["times"], 95),
        "first_p50": percentile(result["firstTimes"], 50),
        "first_p95": percentile(result["firstTimes"], 95),
    }


def situational_held_out() -> list[tuple[str, set[str]]]:
    """The untouched third of tests/golden_situations.csv (issue 12)."""
    with SITUATIONS.open(encoding="utf-8", newline="") as table:
        return [
            (row["query"], set(row["expected"].split(";")))
            for row in csv.DictReader(table)
            if row["split"] == "held-out"
        ]


def golden_set() -> list[tuple[str, set[str]]]:
    """tests/golden_queries.csv with ``@audience`` expanded against the example catalogue."""
    catalogue = load_catalogue(CONTENT, ROOT / "data")
    golden = []
    with GOLDEN.open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table):
            expected: set[str] = set()
            for item in row["expected"].split(";"):
                if item.startswith("@"):
                    expected |= {
                        s for s, r in catalogue.services.items() if item[1:] in r.data["audiences"]
                    }
                else:
                    expected.add(item)
            golden.append((row["query"], expected))
    return golden


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


# ---- the run ------------------------------------------------------------------------------


def chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate) or candidate
    raise SystemExit("Chromium not found (apt-get install chromium)")


def bench_size(label: str, content: Path, work: Path, browser: Any, rounds: int) -> list[dict]:
    output = work / f"site-{label}"
    build_seconds = build_site(content, output)
    build_plain_lunr(content, output)
    pagefind_seconds = build_pagefind(output)
    bundle = write_harness(output)
    rows = []
    with serve(output) as (base, served):
        for engine in ("ours", "plain", "pagefind"):
            cold = [
                cold_first_result(browser, base, served, bundle, engine, q)
                for q in FIRST_RESULT_QUERIES
            ]
            metrics = quality_and_latency(browser, base, bundle, engine, rounds, golden_set())
            situational = quality_and_latency(
                browser, base, bundle, engine, 1, situational_held_out()
            )
            rows.append(
                {
                    "size": label,
                    "engine": engine,
                    **metrics,
                    "sit_hit5": situational["hit5"],
                    "sit_mrr": situational["mrr"],
                    "sit_p95": situational["p95"],
                    "raw_kb": statistics.mean(c["raw"] for c in cold) / 1000,
                    "gzip_kb": statistics.mean(c["gzip"] for c in cold) / 1000,
                    "max_gzip_kb": max(c["gzip"] for c in cold) / 1000,
                    "files": statistics.mean(c["files"] for c in cold),
                    "load_ms": statistics.median(c["load"] for c in cold),
                    "first_ms": statistics.median(c["first"] for c in cold),
                    "found": all(c["found"] for c in cold),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    print(f"# {label}: site build {build_seconds:.1f} s, pagefind {pagefind_seconds:.1f} s")
    return rows


def table(rows: list[dict]) -> str:
    names = {
        "ours": "our search (Polish lunr)",
        "plain": "plain lunr (English)",
        "pagefind": "Pagefind",
    }
    lines = [
        "| services | engine | hit@1 | hit@5 | MRR | KB before 1st result (raw / gzip) "
        "| files | index load ms | 1st result ms | query p50 ms | p95 ms | first-time p95 ms "
        "| situations held out hit@5 | MRR | p95 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']} | {names[r['engine']]} | {r['hit1']:.3f} | {r['hit5']:.3f} "
            f"| {r['mrr']:.3f} | {r['raw_kb']:.1f} / {r['gzip_kb']:.1f} | {r['files']:.0f} "
            f"| {r['load_ms']:.1f} | {r['first_ms']:.1f} | {r['p50']:.2f} | {r['p95']:.2f} "
            f"| {r['first_p95']:.2f} | {r['sit_hit5']:.3f} | {r['sit_mrr']:.3f} "
            f"| {r['sit_p95']:.2f} |"
        )
    return "\n".join(lines)


def size_arguments(doc: str, sizes: list[str]) -> argparse.Namespace:
    """``--sizes`` (``example`` or numbers of services) and ``--rounds`` of a benchmark."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=sizes)
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args()


def run_sizes(
    args: argparse.Namespace, bench: Callable[[str, Path, Path, Any, int], list[dict]]
) -> list[dict]:
    """``bench(label, content, work folder, browser, rounds)`` for each size, in one headless
    Chromium; every row."""
    from playwright.sync_api import sync_playwright

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        work = Path(tmp)
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            for label in args.sizes:
                if label == "example":
                    content = CONTENT
                else:
                    content = synthetic_catalogue(work / f"content-{label}", int(label))
                rows += bench(label, content, work, browser, args.rounds)
        finally:
            browser.close()
    return rows


def main() -> None:
    rows = run_sizes(size_arguments(__doc__ or "", ["example", "1000", "10000"]), bench_size)
    version = subprocess.run([chromium(), "--version"], capture_output=True, text=True).stdout
    print(
        f"\n{time.strftime('%Y-%m-%d')} · {platform.machine()} · {os.cpu_count()} cores · "
        f"{version.strip()} · Python {platform.python_version()}\n"
    )
    print(table(rows))


if __name__ == "__main__":
    main()
