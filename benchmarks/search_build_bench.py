"""CPU seconds and peak memory of the search part of the build (the index files of the Polish,
Ukrainian and English pages), on synthetic catalogues, in a fresh process per size.

The catalogue is loaded first and not counted; each language's ``build_search_assets`` is
timed by ``time.process_time`` (esbuild's bundling runs in a child process and is left out).
Another checkout's code is measured with ``PYTHONPATH=<checkout>:<checkout>/plugins``.

    .venv/bin/python benchmarks/search_build_bench.py [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_bench import machine_line
from synthetic import synthetic_catalogue

LANGUAGES = ("pl", "uk", "en")


def measure(content: Path) -> dict[str, float]:
    """CPU seconds of each language's search files and the process's peak MB."""
    import cus_catalogue
    from cus_catalogue.catalogue import load_catalogue
    from cus_catalogue.i18n import use_language
    from cus_catalogue.languages.search import catalogue_in
    from cus_catalogue.search import build_search_assets, theme_static
    from cus_catalogue.search.situations import read_situations
    from cus_catalogue.search.thesaurus import load_thesaurus

    data = Path(cus_catalogue.__file__).parents[2] / "data"
    catalogue = load_catalogue(content, data)
    loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    groups = load_thesaurus(data / "synonyms.csv")
    situations, _problems = read_situations(data / "situations.csv", groups)
    figures: dict[str, float] = {"loaded_mb": loaded_mb}
    for language in LANGUAGES:
        start = time.process_time()
        with use_language(language):
            localised = catalogue_in(catalogue, language)
            build_search_assets(localised, groups, theme_static(None), language, (), situations)
        figures[language] = time.process_time() - start
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    print(machine_line() + f" · load average {os.getloadavg()[0]:.1f}")
    print("| services | pl CPU s | uk CPU s | en CPU s | search CPU s | loaded MB | peak MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            content = synthetic_catalogue(Path(tmp) / "catalogue", size)
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(content)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        cpu = [figures[language] for language in LANGUAGES]
        cells = " | ".join(f"{seconds:.1f}" for seconds in cpu)
        print(
            f"| {size:,} | {cells} | {sum(cpu):.1f} | {figures['loaded_mb']:.0f} | "
            f"{figures['peak_mb']:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
