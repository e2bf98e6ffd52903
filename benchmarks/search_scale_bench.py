"""Search at 100,000 services (issue 17): our sharded index beside Pagefind, in one run.

A regional catalogue as ``katalog aggregate`` joins it (``--centres`` centres, each a synthetic
catalogue of ``size / centres`` services as ``synthetic.py`` makes them; every id collides, so
every service and provider id is prefixed with its centre's, and each centre's record lists its
services) is loaded with the build's own loader, and its search files are built by the build's
own ``build_search_assets`` (in a child process, for its CPU time and peak memory). The full
site build at this size takes hours on a 2-core machine, so the other pages are not built:
each service gets a minimal page carrying the text our index holds (``service_texts``), which
Pagefind indexes. Both are served over loopback and driven in headless Chromium exactly as in
``search_bench.py`` (bytes before the first result, warm and first-time latency, golden set).

    .venv/bin/python benchmarks/search_scale_bench.py [--sizes 1000 100000] [--centres 50]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from build_bench import measure_cpu
from search_bench import (
    CHROMIUM_ARGS,
    FIRST_RESULT_QUERIES,
    PAGEFIND,
    chromium,
    cold_first_result,
    golden_set,
    quality_and_latency,
    serve,
    situational_held_out,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

CONTENT = ROOT / "content"
CENTRE = (
    "name: Centrum Usług Społecznych {n}\nphone: +48 91 000 00 {n:02d}\nemail: cus{n}@example.org\n"
)
#: The centre whose filter the "centre filter" row uses.
FILTERED_CENTRE = "c7"


def region_content(target: Path, size: int, centres: int) -> Path:
    """The joined content folder of ``centres`` synthetic centres (ids prefixed ``c<n>-``)."""
    shutil.copytree(CONTENT / "documents", target / "documents")
    for folder in ("providers", "services", "centres"):
        (target / folder).mkdir(parents=True)
    providers = sorted((CONTENT / "providers").glob("*.yaml"))
    examples = sorted((CONTENT / "services").glob("*.yaml"))
    per_centre = size // centres
    for n in range(centres):
        centre = f"c{n}"
        for source in providers:
            shutil.copyfile(source, target / "providers" / f"{centre}-{source.stem}.yaml")
        listed = []
        for index in range(per_centre):
            source = examples[index % len(examples)]
            text = source.read_text(encoding="utf-8")
            text = text.replace("\nname: ", f"\nname: {index} ", 1)
            text = text.replace("\nprovider: ", f"\nprovider: {centre}-", 1)
            service_id = f"{centre}-{source.stem}-{index}"
            (target / "services" / f"{service_id}.yaml").write_text(text, encoding="utf-8")
            listed.append(service_id)
        record = CENTRE.format(n=n) + "services:\n" + "".join(f"  - id: {i}\n" for i in listed)
        record += "providers:\n" + "".join(f"  - {centre}-{p.stem}\n" for p in providers)
        (target / "centres" / f"{centre}.yaml").write_text(record, encoding="utf-8")
    return target


def build_search_files(content: Path, output: Path) -> dict[str, float]:
    """Load the catalogue and build its search files as the build does; times and memory."""
    from cus_catalogue.catalogue import load_catalogue
    from cus_catalogue.search import build_search_assets, search_asset_urls, theme_static
    from cus_catalogue.search.index import service_texts
    from cus_catalogue.search.situations import read_situations
    from cus_catalogue.search.thesaurus import load_thesaurus

    start = time.perf_counter()
    catalogue = load_catalogue(content, ROOT / "data")
    loaded = time.perf_counter()
    load_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    groups = load_thesaurus(ROOT / "data" / "synonyms.csv")
    situations, _problems = read_situations(ROOT / "data" / "situations.csv", groups)
    assets = build_search_assets(catalogue, groups, theme_static(None), "pl", (), situations)
    built = time.perf_counter()
    search_cpu = time.process_time() - cpu
    for path, data in assets.items():
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(data)
    for service_id, service in catalogue.services.items():
        provider = catalogue.providers.get(service.data.get("provider", ""))
        texts = service_texts(service.data, provider.data["name"] if provider else "", [])
        paragraphs = "".join(f"<p>{html.escape(t)}</p>" for v in texts.values() for t in v)
        page = output / "uslugi" / service_id / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="pl"><head><meta charset="utf-8">'
            f"<title>{html.escape(service.data['name'])}</title></head>"
            f"<body><main><h1>{html.escape(service.data['name'])}</h1>{paragraphs}</main></body>"
            "</html>",
            encoding="utf-8",
        )
    (output / "bench").mkdir()
    (output / "bench" / "index.html").write_text(
        '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>bench</title>'
        "</head><body><main></main></body></html>",
        encoding="utf-8",
    )
    return {
        "load_s": loaded - start,
        "search_s": built - loaded,
        "search_cpu_s": search_cpu,
        "load_mb": load_mb,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bundle": "/" + search_asset_urls(assets)["search_js"],
        "files": len(assets),
        "bytes": sum(len(data) for data in assets.values()),
    }


CENTRE_ENGINE_JS = (
    "window.benchEngines.centre = Object.assign({}, window.benchEngines.ours, {"
    "  async query(q) { return this.engine.search(q, {osrodek: window.CENTRE}); },"
    "});"
    f"window.CENTRE = {json.dumps(FILTERED_CENTRE)};"
)


def bench_size(size: int, centres: int, work: Path, browser: Any, rounds: int) -> list[dict]:
    output = work / f"site-{size}"
    if not (output / "build.json").is_file():  # a kept --work folder skips the built steps
        content = work / f"content-{size}"
        if not (content / "centres" / f"c{centres - 1}.yaml").is_file():
            region_content(content, size, centres)
        output.mkdir()
        child = subprocess.run(
            [sys.executable, __file__, "--build-only", str(content), str(output)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if child.returncode != 0:
            raise SystemExit(child.stderr)
        (output / "build.json").write_text(child.stdout.strip().splitlines()[-1])
        command = [str(PAGEFIND), "--site", str(output), "--glob", "uslugi/*/index.html"]
        seconds, cpu, peak = measure_cpu(command)
        print(f"# {size}: pagefind {seconds:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MB")
    build = json.loads((output / "build.json").read_text())
    print(f"# {size}: {json.dumps(build)}", flush=True)
    rows = []
    with serve(output) as (base, served):
        for engine in ("ours", "centre", "pagefind"):
            cold = [
                cold_first_result(browser, base, served, build["bundle"], engine, query)
                for query in FIRST_RESULT_QUERIES
            ]
            row = {
                "size": size,
                "engine": engine,
                "raw_kb": statistics.mean(c["raw"] for c in cold) / 1000,
                "gzip_kb": statistics.mean(c["gzip"] for c in cold) / 1000,
                "max_gzip_kb": max(c["gzip"] for c in cold) / 1000,
                "files": statistics.mean(c["files"] for c in cold),
                "first_ms": statistics.median(c["first"] for c in cold),
                "found": all(c["found"] for c in cold),
            }
            if engine != "centre":
                row |= quality_and_latency(browser, base, build["bundle"], engine, rounds,
                                           golden_set())  # fmt: skip
                situational = quality_and_latency(
                    browser, base, build["bundle"], engine, 1, situational_held_out()
                )
                row |= {"sit_hit5": situational["hit5"], "sit_mrr": situational["mrr"]}
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    if sys.argv[1:2] == ["--build-only"]:
        print(json.dumps(build_search_files(Path(sys.argv[2]), Path(sys.argv[3]))))
        return
    import search_bench
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 100_000])
    parser.add_argument("--centres", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, help="a folder kept between runs (default: temporary)")
    args = parser.parse_args()
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {platform.machine()} · {os.cpu_count()} cores · "
          f"load average {os.getloadavg()}", flush=True)  # fmt: skip
    search_bench.ENGINES_JS += CENTRE_ENGINE_JS
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            for size in args.sizes:
                bench_size(size, args.centres, args.work or Path(tmp), browser, args.rounds)
                print(f"# load average {os.getloadavg()}", flush=True)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
