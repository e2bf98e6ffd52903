"""Synthetic catalogues for the benchmarks: the example records repeated under new ids."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def synthetic_catalogue(target: Path, size: int) -> Path:
    """``size`` services cycling through the example records, each under its own id."""
    shutil.copytree(CONTENT / "providers", target / "providers")
    # The example services link their documents (rules, forms): they must exist to build.
    shutil.copytree(CONTENT / "documents", target / "documents")
    (target / "services").mkdir(parents=True)
    examples = sorted((CONTENT / "services").glob("*.yaml"))
    for index in range(size):
        source = examples[index % len(examples)]
        text = source.read_text(encoding="utf-8")
        text = text.replace("\nname: ", f"\nname: {index} ", 1)
        (target / "services" / f"{source.stem}-{index}.yaml").write_text(text, encoding="utf-8")
    return target
