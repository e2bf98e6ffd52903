"""The files search adds to the site: vendored lunr, deterministic content-hashed assets,
and every message of the search package translated to Polish."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.i18n import load_translations
from cus_catalogue.search import build_search_assets, load_thesaurus, search_asset_urls
from cus_catalogue.search.messages import MESSAGES, PLURALS, translated_messages

ROOT = Path(__file__).resolve().parent.parent
VENDORED = ROOT / "themes" / "cus" / "static" / "vendor" / "lunr-2.3.9.min.js"
NODE_LUNR = ROOT / "node_modules" / "lunr" / "lunr.min.js"
STATIC = ROOT / "themes" / "cus" / "static"


def build_assets() -> dict[str, bytes]:
    """The search files of the example catalogue, as the build makes them."""
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    return build_search_assets(
        catalogue, load_thesaurus(ROOT / "data" / "synonyms.csv"), STATIC, "pl"
    )


@pytest.fixture(scope="module")
def assets() -> dict[str, bytes]:
    return build_assets()


def test_vendored_lunr_is_the_pinned_npm_copy():
    assert NODE_LUNR.is_file(), "run `npm ci`: package.json pins lunr 2.3.9"
    package = json.loads((NODE_LUNR.parent / "package.json").read_text(encoding="utf-8"))
    assert package["version"] == "2.3.9"
    assert VENDORED.read_bytes() == NODE_LUNR.read_bytes()


def test_build_is_deterministic(assets):
    again = build_assets()
    assert again == assets


def test_names_are_content_hashes(assets):
    for path, content in assets.items():
        assert path.startswith("static/search/")
        digest = path.rsplit("/", 1)[1].split(".")[-2]
        assert digest == hashlib.sha256(content).hexdigest()[:10], path


def test_logical_names_for_templates(assets):
    urls = search_asset_urls(assets)
    assert {"index", "search_js", "search_css", "facets"} <= set(urls)
    assert set(urls.values()) == set(assets)


def test_manifest_points_at_files_that_exist(assets):
    urls = search_asset_urls(assets)
    manifest = json.loads(assets[urls["index"]])
    folder = "static/search/"
    tables = [json.loads(assets[folder + table]) for _, table in manifest["shards"]]
    shards = [shard for table in tables for shard in table]
    named = [table for _, table in manifest["shards"]] + [name for _, _, name in shards]
    named += manifest["vocabulary"]
    named += manifest["docs"]["tables"] + [manifest["facets"]]
    for table in manifest["docs"]["tables"]:
        named += json.loads(assets[folder + table])
    for files in json.loads(assets[folder + manifest["facets"]]).values():
        named += [files] if isinstance(files, str) else list(files.values())
    assert all(folder + name in assets for name in named)
    assert len(set(named)) == len([path for path in assets if path.endswith(".json")]) - 1 - len(
        manifest["lemmas"]
    )  # every other file: the manifest itself and the lemma shards
    assert manifest["pipeline"] == ["cusPolishStopWordFilter", "cusPolishStemmer"]
    first_terms = [first for first, _, _ in shards]
    assert first_terms == sorted(first_terms)
    assert [first for first, _ in manifest["shards"]] == [table[0][0] for table in tables]
    bundle = assets[urls["search_js"]].decode()
    assert json.dumps(urls["index"].rsplit("/", 1)[1]) in bundle


def test_json_is_compact_and_sorted(assets):
    for path, content in assets.items():
        if path.endswith(".json"):
            value = json.loads(content)
            expected = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            assert content.decode() == expected, path


def test_result_records_carry_what_a_result_shows(assets):
    urls = search_asset_urls(assets)
    records = [
        r
        for name, path in urls.items()
        if name.startswith("docs-")
        for r in json.loads(assets[path])
    ]
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    packages = [r for r in records if r.get("kind") == "package"]
    assert sorted(r["id"] for r in packages) == sorted(catalogue.packages)
    for record in packages:  # a package result links its page and says how many services
        assert set(record) == {"id", "kind", "name", "summary", "meta", "audiences"}
        assert re.fullmatch(r"Pakiet usług: \d+ usług[ai]?", record["meta"])
    records = [r for r in records if r not in packages]
    assert sorted(r["id"] for r in records) == sorted(catalogue.services)
    shown = {"id", "name", "summary", "provider", "fee", "free", "audiences", "areas"}
    for record in records:
        status = catalogue.services[record["id"]].status
        expected = shown if status == "active" else shown | {"status", "status_label"}
        if "wszyscy-mieszkancy" in record["audiences"]:
            expected = expected | {"for_everyone"}
        assert set(record) == expected
        assert record["free"] == (record["fee"] == "bezpłatna")
        assert record.get("status", "active") == status


def test_script_messages_are_translated():
    translations = load_translations(ROOT / "themes" / "cus" / "translations", "pl")
    catalog = translations._catalog
    for text in MESSAGES.values():
        assert catalog.get(text), text
    for singular, _plural in PLURALS.values():
        assert all(catalog.get((singular, n)) for n in range(3)), singular
    messages = translated_messages(ROOT / "themes" / "cus", "pl")
    assert messages["count"]["one"] == "Znaleziono {count} usługę"
    assert messages["count"]["few"] == "Znaleziono {count} usługi"
    assert messages["count"]["many"] == "Znaleziono {count} usług"
