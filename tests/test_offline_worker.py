"""Offline: manifest, a service worker precaching every file by content hash, pages from cache
without a connection, forms that say they need one, and no request leaving the site."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from a11y_support import new_context, settle
from playwright.sync_api import expect
from script_loads import scripts_pages_load

from cus_catalogue.accessibility import offline
from cus_catalogue.accessibility.offline import url_of
from cus_catalogue.accessibility.precache_groups import SHARED, file_of, language_groups
from cus_catalogue.search import theme_static
from cus_catalogue.search.bundle import bundle_inputs

pytestmark = pytest.mark.browser

# `ready` waits for the install, which fetches every precached file of the page's language
# (about 460): over 20 s on a machine whose cores are busy, so the bound is 60 s.
WORKER_READY = """async () => {
    const timeout = (what) => new Promise((_, reject) =>
        setTimeout(() => reject(new Error(what + ': no answer in 60 s')), 60000));
    const registration = await Promise.race([navigator.serviceWorker.ready, timeout('ready')]);
    return Promise.race([timeout('VERSION'), new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        registration.active.postMessage({type: 'VERSION'}, [channel.port2]);
    })]);
}"""


def until(page, condition: str) -> None:
    """Wait until ``condition`` holds for the registration ``r`` (awaited, not just truthy)."""
    page.evaluate(
        """async (condition) => {
            const holds = new Function("r", "return " + condition);
            const deadline = Date.now() + 15000;
            while (Date.now() < deadline) {
                const r = await navigator.serviceWorker.getRegistration();
                if (r && holds(r)) return;
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            throw new Error("service worker never reached: " + condition);
        }""",
        condition,
    )


def precache_groups(site: Path) -> dict[str, dict[str, str]]:
    """The list the build wrote into sw.js: URL -> hash by the language whose visitors need it."""
    source = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const PRECACHE = (\{.*?\});\n", source).group(1))


def precached(site: Path) -> dict[str, str]:
    """Every file the worker keeps, whichever language it is for."""
    return {
        url: digest for group in precache_groups(site).values() for url, digest in group.items()
    }


def test_the_precache_list_names_every_page_with_its_content_hash(example_site):
    listed = precached(example_site)
    services = sorted(p.name for p in (example_site / "uslugi").iterdir() if p.is_dir())
    assert services and all(f"uslugi/{s}/" in listed for s in services)
    for required in ("./", "offline/", "szukaj/", "kiosk/", "manifest.webmanifest"):
        assert required in listed, required
    for url, digest in listed.items():
        path = example_site / (url.removeprefix("./") + "index.html" if url.endswith("/") else url)
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == digest, url
    assert "sw.js" not in listed
    assert not any(url.startswith("dane/") for url in listed)


def test_the_worker_keeps_no_search_bundle_source_that_no_page_loads(example_site):
    """The precache list kept the unbundled search modules and the vendored lunr and Snowball
    files (about 34 KB gzip on a first visit) that reach pages only inside the search bundle."""
    loaded = scripts_pages_load(example_site)
    scripts = {url for url in precached(example_site) if url.endswith((".js", ".mjs"))}
    bundled = {f"theme/{name}" for name in bundle_inputs(theme_static(None))}
    assert "theme/js/search-ui.js" in bundled - loaded
    assert "theme/js/search-refine.js" in loaded & scripts  # /szukaj/ imports it unbundled
    assert "theme/js/dom.js" in loaded & bundled & scripts  # in the bundle, and site.js's too
    assert any(url.startswith("static/search/search.") for url in scripts & loaded)  # bundle
    assert sorted((scripts - loaded) & bundled) == []


def test_the_worker_keeps_no_theme_file_that_no_page_uses(example_site):
    """Defect: a single-centre site's worker kept centre-filter.js, which only a regional A–Z
    page loads, and the vendored libraries' licence texts, which no page names: a download on
    every resident's first visit for nothing."""
    listed = precached(example_site)
    theme = {url for url in listed if url.startswith("theme/")}
    scripts = {url for url in theme if url.endswith((".js", ".mjs"))}
    assert "centre-filter.js" not in (example_site / "uslugi" / "index.html").read_text("utf-8")
    assert sorted(scripts - scripts_pages_load(example_site)) == []
    texts = [
        (example_site / file_of(url)).read_text(encoding="utf-8")
        for url in listed
        if file_of(url).endswith((".html", ".css", ".js", ".mjs", ".webmanifest"))
    ]
    unnamed = [url for url in theme if not any(url.rsplit("/", 1)[-1] in text for text in texts)]
    assert sorted(unnamed) == []


def precache_list(site: Path, exclude: tuple[str, ...]) -> dict[str, str]:
    """URL -> hash of every file the worker would keep, before the split by language."""
    return offline.precache_list(site, exclude)[0]


def test_url_of_a_file_is_the_address_residents_use():
    assert url_of("index.html") == "./"
    assert url_of("uslugi/x/index.html") == "uslugi/x/"
    assert url_of("theme/css/main.css") == "theme/css/main.css"


def test_precache_list_skips_excluded_files(tmp_path):
    (tmp_path / "dane").mkdir()
    (tmp_path / "dane" / "uslugi.csv").write_text("a")
    (tmp_path / "index.html").write_text("b")
    assert precache_list(tmp_path, ("dane/*",)) == {"./": hashlib.sha256(b"b").hexdigest()[:16]}


def test_manifest_is_linked_and_describes_the_app(example_site):
    manifest = json.loads((example_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "pl" and manifest["start_url"] == "./"
    assert manifest["name"].startswith("Katalog usług społecznych")
    assert (example_site / manifest["icons"][0]["src"]).is_file()
    assert 'rel="manifest"' in (example_site / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def online_then_offline(browser, example_server):
    """A visitor who opened the start page once and waited for the worker to finish."""
    context = new_context(browser, service_workers="allow")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(example_server + "/")
    info = page.evaluate(WORKER_READY)
    assert info["files"] > 100
    yield page, requests
    context.close()


def test_after_one_visit_unvisited_pages_and_search_work_offline(
    online_then_offline, example_server
):
    page, _requests = online_then_offline
    page.context.set_offline(True)
    page.goto(example_server + "/uslugi/opieka-wytchnieniowa/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^\s*Opieka wytchnieniowa"))
    page.goto(example_server + "/realizatorzy/cus-przykladowo/")
    expect(page.locator("h1")).not_to_be_empty()
    page.goto(example_server + "/szukaj/?q=opieka")
    results = page.locator("[data-search-results] li a")
    expect(results.first).to_have_attribute("href", re.compile("/uslugi/"))
    # A page that is not part of the site: the offline page, not the browser's error.
    page.goto(example_server + "/nie-ma-takiej-strony/")
    expect(page.locator("h1")).to_have_text("Brak połączenia z internetem")
    # Forms say plainly that sending needs a connection (the page's script shows the notice
    # once the browser reports being offline, which may come a moment after the load).
    page.goto(example_server + "/wniosek/?usluga=zlota-raczka")
    expect(page.locator("[data-offline-notice]")).to_be_visible()


def test_service_page_renders_from_the_worker_cache(online_then_offline, example_server):
    # How fast is measured by benchmarks/page_weight.py (budget 200 ms), not by a timed test.
    page, _requests = online_then_offline
    page.context.set_offline(True)
    response = page.goto(example_server + "/uslugi/asystent-rodziny/")
    assert response is not None and response.ok and response.from_service_worker
    expect(page.locator("h1")).to_have_text(re.compile(r"^\s*Asystent rodziny"))


def test_every_request_stays_on_the_site_origin(online_then_offline, example_server):
    page, requests = online_then_offline
    for url in ("/uslugi/zlota-raczka/", "/kiosk/", "/szukaj/?q=transport", "/wniosek/"):
        page.goto(example_server + url)
        settle(page)
    origin = urlsplit(example_server).netloc
    foreign = [url for url in requests if urlsplit(url).netloc not in (origin, "")]
    assert requests and not foreign, foreign


WAITING_INFO = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        registration.waiting.postMessage({type: 'VERSION'}, [channel.port2]);
    });
}"""


TAKEOVER = """async () => {
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline) {
        const registration = await navigator.serviceWorker.getRegistration();
        if (!registration.waiting) return 'activated';
        const info = await new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(event.data);
            registration.waiting.postMessage({type: 'VERSION'}, [channel.port2]);
        });
        if (info.takeoverAsked) return 'asked';
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return 'never asked';
}"""


def test_a_new_version_waits_while_a_form_is_open_and_is_asked_in_on_the_next_page(
    browser, example_site, tmp_path
):
    from sitekit import serve_folder

    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    with serve_folder(site) as base:
        context = new_context(browser, service_workers="allow")
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(base + "/wniosek/")
        first = page.evaluate(WORKER_READY)["version"]
        page.locator("#field-name").fill("Anna")
        # A new build: one service page changes, so the list and the worker change.
        changed = site / "uslugi" / "zlota-raczka" / "index.html"
        changed.write_text(changed.read_text().replace("</h1>", " (nowa wersja)</h1>", 1))
        worker = (site / "sw.js").read_text()
        digest = hashlib.sha256(changed.read_bytes()).hexdigest()[:16]
        worker = re.sub(r'("uslugi/zlota-raczka/":")[0-9a-f]+', r"\g<1>" + digest, worker)
        (site / "sw.js").write_text(worker.replace(first, first[::-1]))
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        until(page, "r.waiting && r.waiting.state === 'installed'")
        # The form page keeps the old version and what was typed; nobody asked to switch.
        active, waiting = page.evaluate(WORKER_READY), page.evaluate(WAITING_INFO)
        assert active["version"] == first
        assert waiting == {
            "version": first[::-1],
            "files": len(precached(site)),
            "languages": ["pl"],
            "takeoverAsked": False,
        }
        expect(page.locator("#field-name")).to_have_value("Anna")
        # The next page without a form asks the new version to take over (without a reload);
        # the new version has precached the changed page.
        page.goto(base + "/uslugi/")
        takeover = page.evaluate(TAKEOVER)  # polls the worker until asked or 10 s passed
        assert takeover in ("asked", "activated")
        cached = page.evaluate(
            """async (version) => {
                const newest = await caches.open('cus-precache-' + version);
                const response = await newest.match(new URL('/uslugi/zlota-raczka/', location));
                return response.text();
            }""",
            first[::-1],
        )
        assert "(nowa wersja)" in cached
        context.close()


def write_site(root: Path, files: dict[str, str]) -> None:
    """A tiny built site: each file's path and text."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_precache_groups_split_files_by_the_language_whose_pages_name_them(tmp_path):
    """A file only Ukrainian pages name is Ukrainian; one several languages name is shared."""
    files = {
        "index.html": '<script src="theme/site.js"></script><script src="s/pl.1a.js"></script>',
        "uk/index.html": '<script src="../theme/site.js"></script><script src="../s/uk.2b.js">',
        "atom.xml": "<feed/>",
        "uk/atom.xml": "<feed/>",
        "theme/site.js": "",
        "s/pl.1a.js": 'fetch("idx.3c.json")',
        "s/uk.2b.js": 'fetch("idx.4d.json")',
        "s/idx.3c.json": '{"shards": ["shard-0.5e.json"]}',
        "s/idx.4d.json": "{}",
        "s/shard-0.5e.json": "{}",
        "manifest.webmanifest": "{}",
    }
    write_site(tmp_path, files)
    groups = language_groups(tmp_path, precache_list(tmp_path, ()), {"pl": "", "uk": "uk/"})
    assert sorted(groups["pl"]) == ["./", "atom.xml", "s/idx.3c.json", "s/pl.1a.js",
                                    "s/shard-0.5e.json"]  # fmt: skip
    assert sorted(groups["uk"]) == ["s/idx.4d.json", "s/uk.2b.js", "uk/", "uk/atom.xml"]
    assert sorted(groups[SHARED]) == ["manifest.webmanifest", "theme/site.js"]


def test_an_optional_file_is_kept_only_when_a_page_or_its_modules_name_it(tmp_path):
    """A search bundle source a page imports unbundled (refine.js, through a data attribute,
    and dom.js, which it imports) stays; one only the bundle holds (ui.js) is left out."""
    files = {
        "index.html": '<form data-refine-module="theme/refine.js"></form>'
        '<script type="module" src="s/search.1a.js"></script>',
        "s/search.1a.js": "",
        "theme/refine.js": 'import { el } from "./dom.js";',
        "theme/dom.js": "",
        "theme/ui.js": 'import { el } from "./dom.js";',
        "theme/kept.js": "",
    }
    write_site(tmp_path, files)
    optional = ["theme/refine.js", "theme/dom.js", "theme/ui.js", "s/unknown.js"]
    groups = language_groups(tmp_path, precache_list(tmp_path, ()), {"pl": ""}, optional)
    listed = sorted(url for group in groups.values() for url in group)
    assert listed == ["./", "s/search.1a.js", "theme/dom.js", "theme/kept.js", "theme/refine.js"]


def test_no_file_of_the_example_is_left_to_every_language_that_only_one_needs(example_site):
    """The search files of each language (a third of the site) are in that language's group."""
    groups = precache_groups(example_site)
    assert set(groups) == {SHARED, "pl", "uk", "en"}
    for code in ("uk", "en"):
        assert all(url.startswith(f"{code}/") or url.startswith("static/search/")
                   for url in groups[code])  # fmt: skip
        assert any(url.startswith("static/search/") for url in groups[code])
    assert not any(url.startswith(("uk/", "en/")) for url in groups[SHARED] | groups["pl"])


CACHED_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
}"""


def test_a_first_visit_keeps_its_language_and_another_language_once_visited(
    browser, example_server, example_site
):
    """Defect: a first visit precached the files of every language, three times what it needs."""
    context = new_context(browser, service_workers="allow")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(example_server + "/")
    ready = page.evaluate(WORKER_READY)  # resolves once the install has kept its files
    assert ready["languages"] == ["pl"]
    groups = precache_groups(example_site)
    kept = {url.removeprefix(example_server + "/") or "./" for url in page.evaluate(CACHED_URLS)}
    assert kept == set(groups[SHARED]) | set(groups["pl"])
    # Opening an English page keeps the English files too, in the background.
    page.goto(example_server + "/en/uslugi/")
    # Polled inside the page: wait_for_function does not await a promise (any promise is truthy).
    page.evaluate(
        """async () => {
            const deadline = Date.now() + 60000;
            while (Date.now() < deadline) {
                const registration = await navigator.serviceWorker.ready;
                const info = await new Promise((resolve) => {
                    const channel = new MessageChannel();
                    channel.port1.onmessage = (event) => resolve(event.data);
                    registration.active.postMessage({type: 'VERSION'}, [channel.port2]);
                });
                if (info.languages.includes('en')) return;
                await new Promise((resolve) => setTimeout(resolve, 250));
            }
            throw new Error('the English files were not all kept within 60 s');
        }"""
    )
    page.context.set_offline(True)
    page.goto(example_server + "/en/uslugi/asystent-rodziny/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(example_server + "/en/nie-ma-takiej-strony/")
    expect(page.locator("html")).to_have_attribute("lang", "en")  # its own offline page
    context.close()
