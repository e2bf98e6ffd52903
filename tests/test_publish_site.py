"""The production build: sitemap of every page, a valid Atom feed, robots.txt, 404, freshness."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from script_loads import scripts_pages_load

from cus_catalogue.search import theme_static
from cus_catalogue.search.bundle import bundle_inputs
from katalog.linkcheck import check_internal
from katalog.publish import PublishResult, publish

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content"
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
SITEURL = "https://katalog.przykladowo.example"
# The feed carries services, the centre's announcements and the services it is looking for.
FEED_PAGES = ("uslugi/", "aktualnosci/", "potrzebne-uslugi/#")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[PublishResult, Path]:
    """``katalog publish --dry-run`` of the example catalogue (no network: external links off)."""
    output = tmp_path_factory.mktemp("published")
    result = publish(
        EXAMPLE,
        output,
        dry_run=True,
        overrides={"CATALOGUE_TODAY": "2026-11-23"},
        check_links=False,
    )
    return result, output


def test_sitemap_lists_every_service_and_provider_page(published):
    _result, output = published
    tree = ET.parse(output / "sitemap.xml")
    locs = [url.findtext(f"{SITEMAP}loc") for url in tree.getroot().iter(f"{SITEMAP}url")]
    services = sorted(p.stem for p in (EXAMPLE / "services").glob("*.yaml"))
    providers = sorted(p.stem for p in (EXAMPLE / "providers").glob("*.yaml"))
    for service in services:
        assert f"{SITEURL}/uslugi/{service}/" in locs
    for provider in providers:
        assert f"{SITEURL}/realizatorzy/{provider}/" in locs
    assert f"{SITEURL}/" in locs
    assert len(locs) == len(set(locs))
    # Every listed page exists; staff pages and the 404 page stay out.
    for loc in locs:
        path = loc.removeprefix(SITEURL + "/")
        assert (output / path / "index.html").is_file() or (output / path).is_file(), loc
    assert not any("dla-pracownikow" in loc or loc.endswith("404.html") for loc in locs)
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in tree.getroot().iter(f"{SITEMAP}url")
    }
    assert lastmod[f"{SITEURL}/uslugi/dietetyk/"] == "2026-05-19"


def test_feed_is_valid_atom(published):
    """RFC 4287: feed id, title, updated, author; each entry id, title, updated, link."""
    _result, output = published
    root = ET.parse(output / "atom.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == f"{SITEURL}/atom.xml"
    assert root.findtext(f"{ATOM}title").startswith("Nowości w katalogu")
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}author/{ATOM}name").text
    self_links = [k for k in root.findall(f"{ATOM}link") if k.get("rel") == "self"]
    assert self_links[0].get("href") == f"{SITEURL}/atom.xml"
    entries = root.findall(f"{ATOM}entry")
    services = len(list((EXAMPLE / "services").glob("*.yaml")))
    news = len(list((EXAMPLE / "news").glob("*.yaml")))
    needs = len((EXAMPLE / "needs.csv").read_text("utf-8").splitlines()) - 1
    assert len(entries) == min(50, services + news + needs)
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids))
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.findtext(f"{ATOM}updated") == updated[0]
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link")
        href = link.get("href")
        assert href.startswith(tuple(f"{SITEURL}/{p}" for p in FEED_PAGES)), href
        assert href == entry.findtext(f"{ATOM}id")
        page = href.removeprefix(SITEURL + "/").partition("#")[0]
        assert (output / page / "index.html").is_file()


def test_feed_updated_is_last_verified(published):
    _result, output = published
    root = ET.parse(output / "atom.xml").getroot()
    services = [e for e in root.findall(f"{ATOM}entry") if "/uslugi/" in e.findtext(f"{ATOM}id")]
    assert services
    for entry in services:
        service = entry.findtext(f"{ATOM}id").removeprefix(f"{SITEURL}/uslugi/").strip("/")
        text = (EXAMPLE / "services" / f"{service}.yaml").read_text(encoding="utf-8")
        verified = re.search(r'^last_verified: "(\d{4}-\d{2}-\d{2})"', text, re.M).group(1)
        assert entry.findtext(f"{ATOM}updated").startswith(verified + "T00:00:00")


def test_pages_announce_the_feed_and_robots_points_to_the_sitemap(published):
    _result, output = published
    index = (output / "index.html").read_text(encoding="utf-8")
    assert (
        f'type="application/atom+xml" title="Nowości w katalogu" href="{SITEURL}/atom.xml"' in index
    )
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert robots == (
        f"User-agent: *\nDisallow: /dla-pracownikow/\n\nSitemap: {SITEURL}/sitemap.xml\n"
    )


def test_404_page_uses_absolute_addresses(published):
    _result, output = published
    page = (output / "404.html").read_text(encoding="utf-8")
    assert "<h1>Nie znaleziono strony</h1>" in page
    assert '<meta name="robots" content="noindex">' in page
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)
    assert stylesheet.startswith(f"{SITEURL}/theme/css/main.")


def test_css_and_js_are_minified_and_hashed(published):
    _result, output = published
    page = (output / "uslugi" / "dietetyk" / "index.html").read_text(encoding="utf-8")
    sheets = re.findall(r'href="' + re.escape(SITEURL) + r'/(theme/css/[^"]+)"', page)
    assert sheets and all(re.search(r"\.[0-9a-f]{10}\.css$", sheet) for sheet in sheets)
    for sheet in sheets:
        text = (output / sheet).read_text(encoding="utf-8")
        assert "\n  " not in text  # minified
    assert not (output / "theme" / "css" / "main.css").exists()


def test_minified_scripts_still_parse(published):
    """rjsmin must not break modern JavaScript: node parses every script of the output."""
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    _result, output = published
    scripts = sorted(output.rglob("*.js"))
    assert scripts
    failures = [
        f"{script}: {result.stderr}"
        for script in scripts
        if (result := run_node_check(script)).returncode != 0
    ]
    assert not failures, "\n".join(failures)


def test_example_site_has_no_broken_internal_links(published):
    result, output = published
    broken = check_internal(output, SITEURL)
    assert not broken, "\n".join(f"{b.page}:{b.line}: {b.target}" for b in broken[:20])
    assert result.code == 0


def test_stale_records_go_to_the_freshness_report_not_to_a_failure(tmp_path):
    """Two years later every mini record is stale: warnings, yet the publish goes on."""
    output = tmp_path / "site"
    today = dt.date(2029, 1, 15).isoformat()
    result = publish(
        MINI, output, dry_run=True, overrides={"CATALOGUE_TODAY": today}, check_links=False
    )
    assert not [w for w in result.fatal_warnings if "niesprawdzane od" in w]
    page = (output / "dla-pracownikow" / "aktualnosc" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert "3 rekordy do sprawdzenia." in page
    assert '<h2 id="provider-fundacja-pomocna-dlon">Fundacja Pomocna Dłoń</h2>' in page
    assert "Redaktorzy rekordów: pomocna-dlon" in page
    with (output / "dla-pracownikow" / "aktualnosc.csv").open(encoding="utf-8-sig") as table:
        rows = list(csv.DictReader(table))
    assert [(row["rodzaj rekordu"], row["identyfikator"]) for row in rows] == [
        ("realizator", "fundacja-pomocna-dlon"),
        ("usługa", "porada-prawna"),
        ("usługa", "zlota-raczka"),
    ]
    assert rows[0]["plik"] == "mini/providers/fundacja-pomocna-dlon.yaml"
    assert rows[1]["adres"] == f"{SITEURL}/uslugi/porada-prawna/"


def test_dev_build_uses_one_base_address_for_sitemap_feed_json_ld_and_qr(mini_site):
    """Issue 11: one rule for the site's address. Sitemap and feed used the preview address,
    JSON-LD none and QR codes the public one; now all use CATALOGUE_PUBLIC_URL when SITEURL
    is relative (and `katalog serve` sets it to its own address)."""
    base = "https://katalog.przykladowo.example"
    sitemap = (mini_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{base}/uslugi/zlota-raczka/</loc>" in sitemap
    assert f"<id>{base}/uslugi/zlota-raczka/</id>" in (mini_site / "atom.xml").read_text("utf-8")
    page = (mini_site / "uslugi" / "zlota-raczka" / "index.html").read_text(encoding="utf-8")
    assert f'"url":"{base}/uslugi/zlota-raczka/"' in page
    assert f"QR code with the address {base}/uslugi/zlota-raczka/" in page or (
        f"adresem {base}/uslugi/zlota-raczka/" in page
    )
    assert (mini_site / "atom.xml").is_file()
    assert (mini_site / "404.html").is_file()


def run_node_check(path: Path) -> subprocess.CompletedProcess[str]:
    """``node --check`` of a script as an ES module."""
    module = path.with_suffix(".check.mjs")
    shutil.copy(path, module)
    try:
        return subprocess.run(
            ["node", "--check", str(module)], capture_output=True, text=True, check=False
        )
    finally:
        module.unlink()


def test_any_other_build_warning_stops_the_publish(tmp_path):
    """A page whose template the theme lacks is a warning in a build, fatal in a publish."""
    result = publish(
        MINI,
        tmp_path / "site",
        dry_run=True,
        overrides={
            "CATALOGUE_TODAY": "2026-11-23",
            "CATALOGUE_STATIC_PAGES": {"nie-ma/": "nie-ma-takiego-szablonu.html"},
        },
        check_links=False,
    )
    assert result.code == 1
    assert any("nie-ma-takiego-szablonu.html" in w for w in result.fatal_warnings)


def test_published_precache_list_names_the_published_files_with_their_hashes(published):
    """Issue 11: `katalog publish` hashed CSS/JS after the worker listed the files, so 138 of
    567 entries of sw.js no longer matched (some named files that did not exist)."""
    import hashlib
    import json

    _result, output = published
    worker = (output / "sw.js").read_text(encoding="utf-8")
    groups = json.loads(re.search(r"const PRECACHE ?= ?(\{.*?\});\n", worker).group(1))
    precache = {url: digest for group in groups.values() for url, digest in group.items()}
    assert any(re.search(r"main\.[0-9a-f]{10}\.css$", url) for url in precache), "not hashed"
    wrong = []
    for url, digest in precache.items():
        relative = "index.html" if url == "./" else url + "index.html" if url.endswith("/") else url
        path = output / relative
        if not path.is_file():
            wrong.append(f"{url}: no such file")
        elif hashlib.sha256(path.read_bytes()).hexdigest()[:16] != digest:
            wrong.append(f"{url}: hash differs")
    assert not wrong, "\n".join(wrong[:20])


def test_published_worker_keeps_no_script_that_only_the_search_bundle_contains(published):
    """The minified, hashed build kept the search bundle's sources offline too (no page loads
    them: they reach pages inside the bundle)."""
    _result, output = published
    worker = (output / "sw.js").read_text(encoding="utf-8")
    groups = json.loads(re.search(r"const PRECACHE ?= ?(\{.*?\});\n", worker).group(1))
    scripts = {url for group in groups.values() for url in group if url.endswith((".js", ".mjs"))}
    loaded = scripts_pages_load(output, SITEURL + "/")
    assert any(re.search(r"site\.[0-9a-f]{10}\.js$", url) for url in scripts), "not hashed"
    bundled = {f"theme/{name}" for name in bundle_inputs(theme_static(None))}
    assert "theme/js/search-refine.js" in scripts & loaded
    assert "theme/js/search-ui.js" in bundled - loaded
    assert sorted((scripts - loaded) & bundled) == []


def test_publish_summary_says_what_was_built(tmp_path, capsys):
    """Issue 11: the build ended with Pelican's "Processed 0 articles"; now a Polish summary."""
    publish(MINI, tmp_path / "site", dry_run=True, overrides={"CATALOGUE_TODAY": "2026-11-23"},
            check_links=False)  # fmt: skip
    printed = capsys.readouterr().out
    assert "Processed 0 articles" not in printed
    assert "Katalog: 2 usługi, 1 realizator; zbudowany w" in printed
    assert "2 strony usług, 1 strona realizatora" in printed
    assert "Zminimalizowano i oznaczono skrótem" in printed
    assert "Problemy: 0 błędów, 0 ostrzeżeń." in printed


def test_every_build_in_one_process_reports_its_problems_and_summary(tmp_path):
    """Defect: Pelican's loggers drop an info or warning message already logged in the process,
    so a second build of ``katalog serve`` (or of a test run) lost its warnings and summary."""
    from katalog.build import build_site

    overrides = {"CATALOGUE_TODAY": "2030-01-01"}  # both records are then due for a check
    builds = [build_site(MINI, tmp_path / f"site-{n}", overrides=overrides) for n in (1, 2)]
    assert builds[0].code == builds[1].code == 0
    stale = [[p.code for p in build.problems if p.code == "stale"] for build in builds]
    assert stale[0] and stale[1] == stale[0]
    assert builds[1].summary == builds[0].summary.replace(*seconds_of(builds[0], builds[1]))
    assert builds[1].summary.startswith("Katalog: 2 usługi, 1 realizator; zbudowany w")


def seconds_of(*builds) -> tuple[str, str]:
    """The build time each summary states (the one part two builds may differ in)."""
    return tuple(re.search(r"zbudowany w ([0-9,]+) s", b.summary).group(1) for b in builds)
