"""The search script: the theme's ES modules bundled by esbuild (from npm, ``package.json``).

The entry ``js/search-main.js`` imports the other modules and lunr; the build defines the names
of the index and stylesheet files beside the bundle and the interface strings of the page's
language. esbuild's output is minified and byte-identical for the same inputs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..i18n import N_
from ..problems import Problem

PROJECT_ROOT = Path(__file__).resolve().parents[3]
ESBUILD = PROJECT_ROOT / "node_modules" / ".bin" / "esbuild"
ENTRY = "js/search-main.js"
#: How esbuild finds the bundle's modules: the same for the bundle and the list of its inputs.
BUNDLING = (ENTRY, "--bundle", "--format=esm", "--log-level=error")
MISSING = N_(
    "esbuild, which builds the search script, is not installed: install Node.js 20.19 or newer, "
    "then run `npm install` in the folder {folder}"
)


class BundleError(RuntimeError):
    """esbuild refused the theme's scripts (what it said is the message)."""


def bundler_problems() -> list[Problem]:
    """esbuild (an npm package run by Node.js) must be installed before a site can be built."""
    if ESBUILD.exists() and shutil.which("node"):
        return []
    folder = str(PROJECT_ROOT)
    return [
        Problem(
            "search-bundler-missing",
            PROJECT_ROOT / "package.json",
            field="devDependencies",
            params={"folder": folder},
            template=MISSING,
        )
    ]


def bundle_js(static: Path, index_name: str, css_name: str, messages: Mapping[str, Any]) -> bytes:
    """The search script: the theme's modules and lunr in one minified ES module."""
    defines = {
        "SEARCH_INDEX": index_name.rsplit("/", 1)[1],
        "SEARCH_STYLESHEET": css_name.rsplit("/", 1)[1],
        "SEARCH_MESSAGES": dict(messages),
    }
    command = [
        str(ESBUILD),
        *BUNDLING,
        "--minify",
        "--charset=utf8",
        "--legal-comments=eof",
        *(f"--define:{key}={json.dumps(value, sort_keys=True)}" for key, value in defines.items()),
    ]
    run = subprocess.run(command, cwd=static, capture_output=True, check=False)
    if run.returncode != 0:
        raise BundleError(run.stderr.decode(errors="replace"))
    return run.stdout


def bundle_inputs(static: Path) -> list[str]:
    """The theme's files inside the bundle, relative to ``static`` (from esbuild's metafile):
    no page needs them on their own, so the offline worker need not keep them."""
    with tempfile.TemporaryDirectory() as folder:
        metafile = Path(folder) / "meta.json"
        outfile = Path(folder) / "search.js"
        command = [str(ESBUILD), *BUNDLING, f"--outfile={outfile}", f"--metafile={metafile}"]
        run = subprocess.run(command, cwd=static, capture_output=True, check=False)
        if run.returncode != 0:
            raise BundleError(run.stderr.decode(errors="replace"))
        inputs = json.loads(metafile.read_text(encoding="utf-8"))["inputs"]
    return sorted(name for name in inputs if not name.startswith("<"))  # "<define:...>": none
