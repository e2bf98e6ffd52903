"""English search stems with Snowball's English algorithm (Porter2, issue 13 item 4) on both
sides: the build's snowballstemmer and the browser's vendored Snowball JavaScript give the
Snowball project's own stems for its 42,649-word English sample vocabulary (Node runs the
module the search bundle imports)."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import snowballstemmer.english_stemmer

from cus_catalogue.search.analyzer import index_terms
from cus_catalogue.search.english import stem

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "snowball-english"
ENGLISH_JS = ROOT / "themes" / "cus" / "static" / "js" / "search-english.js"
VENDOR = ROOT / "themes" / "cus" / "static" / "vendor"
GENERATED_BY = re.compile(r"Generated from english\.sbl by Snowball (\d+\.\d+\.\d+)")

NODE_SCRIPT = """
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const input = JSON.parse(readFileSync(0, 'utf8'));
const { stem } = await import(pathToFileURL(input.module).href);
process.stdout.write(JSON.stringify(input.words.map(stem)));
"""


@functools.cache
def sample() -> tuple[list[str], list[str]]:
    """Snowball's English words and the stems its algorithm gives them."""
    words = (SAMPLE / "voc.txt").read_text(encoding="utf-8").splitlines()
    stems = (SAMPLE / "output.txt").read_text(encoding="utf-8").splitlines()
    assert len(words) == len(stems) > 40_000
    return words, stems


def browser_stems(words: list[str]) -> list[str]:
    """The stems search-english.js gives, as the bundle imports it."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for this test (Node 20 is part of the toolchain)")
    run = subprocess.run(
        [node, "--input-type=module", "-e", NODE_SCRIPT],
        input=json.dumps({"module": str(ENGLISH_JS), "words": words}),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(run.stdout)


def mismatches(words: list[str], expected: list[str], got: list[str]) -> list[str]:
    return [
        f"{w!r}: {e!r} != {g!r}" for w, e, g in zip(words, expected, got, strict=True) if e != g
    ]


def test_build_stems_are_snowballs_english_stems():
    words, stems = sample()
    assert not mismatches(words, stems, [stem(word) for word in words])


def test_browser_stems_are_snowballs_english_stems():
    words, stems = sample()
    assert not mismatches(words, stems, browser_stems(words))


def test_vendored_javascript_is_the_snowball_release_of_the_python_package():
    """Updating snowballstemmer without the JavaScript (or back) would split the stems."""
    python = Path(snowballstemmer.english_stemmer.__file__).read_text(encoding="utf-8")
    imported = re.search(r'from "\.\./vendor/([^"]+)"', ENGLISH_JS.read_text(encoding="utf-8"))
    assert imported, "search-english.js imports the vendored Snowball module"
    javascript = (VENDOR / imported.group(1)).read_text(encoding="utf-8")
    versions = {GENERATED_BY.search(python).group(1), GENERATED_BY.search(javascript).group(1)}
    assert len(versions) == 1, versions
    assert f"snowball-{versions.pop()}/" in imported.group(1)


def test_english_stems_are_porter2_not_lunrs_original_porter():
    """Before: the English index used lunr.js's original Porter stemmer, which joins words a
    resident keeps apart ("paste" with "past", "evening" with "even", "organization" with
    "organ") and cuts others too far ("generously" → "gener", "news" → "new")."""
    assert index_terms("generously", "en") == ["generous"]
    assert index_terms("news", "en") == ["news"]
    assert index_terms("skies", "en") == index_terms("sky", "en") == ["sky"]
    assert index_terms("dying", "en") == ["die"]
    assert index_terms("paste", "en") != index_terms("past", "en")
    assert index_terms("evening", "en") != index_terms("even", "en")
    assert index_terms("organization", "en") != index_terms("organ", "en")
    assert browser_stems(["generously", "news", "skies", "dying", "evening"]) == [
        "generous",
        "news",
        "sky",
        "die",
        "evening",
    ]


def test_words_with_other_letters_are_kept_alike_by_build_and_browser():
    """Before: "a𠀀ed" (a letter outside the Basic Multilingual Plane) was "a𠀀e" in Python and
    "a𠀀" in JavaScript, which counts that letter as two."""
    words = ["a𠀀ed", "𠀀𠀁ing", "straßes", "naïvely"]
    assert [stem(word) for word in words] == words
    assert browser_stems(words) == words
