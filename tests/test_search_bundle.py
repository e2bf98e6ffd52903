"""The search script is the theme's ES modules bundled by esbuild (issue 11 item 5), and a
project without its npm packages says in Polish what to run instead of failing in the bundler."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import ROOT

JS = ROOT / "themes" / "cus" / "static" / "js"

# `katalog` exactly as a person runs it, except that esbuild is looked for where it is not
# (removing node_modules would break every other test running at the same time).
WITHOUT_ESBUILD = """
import sys
from pathlib import Path
from cus_catalogue.search import bundle
bundle.ESBUILD = Path(sys.argv[1])
from katalog.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


def katalog_without_esbuild(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    missing = tmp_path / "node_modules" / ".bin" / "esbuild"
    command = [sys.executable, "-c", WITHOUT_ESBUILD, str(missing), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.mark.parametrize("command", ["validate", "build"])
def test_without_esbuild_the_command_says_in_polish_what_to_run(tmp_path, command):
    args = [command] + (["--output", str(tmp_path / "site")] if command == "build" else [])
    result = katalog_without_esbuild(tmp_path, *args)
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "package.json:1: devDependencies: brakuje programu esbuild" in said
    assert f"uruchom `npm install` w folderze {ROOT}" in said
    assert "Traceback" not in said
    assert not (tmp_path / "site" / "szukaj").exists()


def test_search_modules_share_nothing_through_globals():
    """Before: six scripts concatenated as strings, talking through globalThis.CusSearch."""
    sources = {path.name: path.read_text("utf-8") for path in JS.glob("search*.js")}
    assert len(sources) >= 7
    for name, source in sources.items():
        assert not re.search(r"globalThis|CusSearch|\(typeof globalThis", source), name
        assert re.search(r"^(import|export) ", source, re.MULTILINE), name
