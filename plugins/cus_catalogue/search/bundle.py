"""The search script: the theme's ES modules bundled by esbuild (from npm, ``package.json``).

The entry ``js/search-main.js`` imports the other modules and lunr; the build defines the names
of the index and stylesheet files beside the bundle and the interface strings of the page's
language. esbuild's output is minified and byte-identical for the same inputs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..i18n import N_
from ..problems import Problem

PROJECT_ROOT = Path(__file__).resolve().parents[3]
ESBUILD = PROJECT_ROOT / "node_modules" / ".bin" / "esbuild"
ENTRY = "js/search-main.js"
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
        ENTRY,
        "--bundle",
        "--format=esm",
        "--minify",
        "--charset=utf8",
        "--legal-comments=eof",
        "--log-level=error",
        *(f"--define:{key}={json.dumps(value, sort_keys=True)}" for key, value in defines.items()),
    ]
    run = subprocess.run(command, cwd=static, capture_output=True, check=False)
    if run.returncode != 0:
        raise BundleError(run.stderr.decode(errors="replace"))
    return run.stdout
