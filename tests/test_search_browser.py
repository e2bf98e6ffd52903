"""Search in real Chromium against the built example site: results, filters, the combobox,
hostile input, same-origin only, accessibility, and ranking parity with lunr.py."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sitekit import EXAMPLE_CONTENT, serve_folder
from test_search_golden import FLOORS, golden_queries, scored

from cus_catalogue.audiences import EVERYONE
from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.search.model import load_search_model
from cus_catalogue.search.query import rank_key

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HOSTILE = [
    "*",
    "~",
    ":",
    "^",
    "+",
    "-",
    '"',
    "'",
    "\\",
    "prawnik~2",
    "name:zlota",
    "+-*~^:",
    '"porada prawna',
    "a" * 500,
    "ą" * 500,
    "😀" * 100,
    "pomoc 👩‍👩‍👧 w domu",
    "<script>alert(1)</script>",
    "%E0%A4%A",
    "__proto__",
    "constructor",
    "hasOwnProperty",
]


def _built_with_search(site: Path) -> bool:
    page = site / "szukaj" / "index.html"
    return page.is_file() and "static/search/search." in page.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def search_site(example_site: Path, build_site: Callable[..., Path]) -> Path:
    """The example site; while the plugin's register() does not yet call the search
    package's, the same build with ``cus_catalogue.search`` listed as a Pelican plugin."""
    if _built_with_search(example_site):
        return example_site
    site = build_site(EXAMPLE_CONTENT, PLUGINS=("cus_catalogue", "cus_catalogue.search"))
    assert _built_with_search(site)
    return site


@pytest.fixture(scope="session")
def search_server(search_site: Path) -> Iterator[str]:
    """The site with search, over real HTTP."""
    with serve_folder(search_site) as base:
        yield base


def _is_error(message) -> bool:
    """Console errors count, except the browser's own line for a failed HTTP response
    (responses are checked separately, so a favicon the theme does not ship is not ours)."""
    return message.type == "error" and not message.text.startswith("Failed to load resource")


@pytest.fixture
def watched(page) -> Iterator[dict[str, list[str]]]:
    """The page, with every request URL, page error, console error and failed response."""
    seen: dict[str, list[str]] = {"requests": [], "errors": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("console", lambda m: seen["errors"].append(m.text) if _is_error(m) else None)
    page.on(
        "response",
        lambda r: (
            seen["errors"].append(f"HTTP {r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    yield seen


def search_url(base: str, **params: str) -> str:
    return f"{base}/szukaj/?{urllib.parse.urlencode(params)}"


def settled_status(page):
    """The status line once the search running now has finished (results no longer busy).

    Call it after something shows the search started (a new URL): a status left by the
    previous search is not empty either."""
    status = page.locator("[data-search-status]")
    expect(status).not_to_be_empty()
    expect(page.locator("[data-search-results]")).not_to_have_attribute("aria-busy", "true")
    return status


def wait_for_url_query(page, name: str, value: str) -> None:
    """Wait until the page has put ``name=value`` in its URL (a search run starts with it)."""
    page.wait_for_function(
        "([name, value]) => new URL(location.href).searchParams.get(name) === value",
        arg=[name, value],
    )


def suggestions_for(page, text: str):
    """The suggestion list once it answers ``text`` (not a shorter text typed before)."""
    listbox = page.locator("[role=listbox]")
    expect(listbox.locator("[role=option]").last).to_contain_text(text)
    return listbox


def result_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-search-results] ol > li", "items => items.map(li => li.dataset.serviceId)"
    )


def test_query_in_the_url_runs_on_load(page, watched, search_server):
    page.goto(search_url(search_server, q="zlota raczka"))
    status = settled_status(page)
    expect(status).to_have_text(re.compile(r"^Znaleziono"))
    expect(status).to_have_attribute("role", "status")
    first = page.locator("[data-search-results] ol > li").first
    expect(first.locator("a")).to_have_attribute("href", re.compile(r"/uslugi/zlota-raczka/$"))
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    data = catalogue.services["zlota-raczka"].data
    provider = catalogue.providers[data["provider"]].data["name"]
    for shown in (data["name"], data["summary"], provider, "Ile kosztuje:"):
        expect(first).to_contain_text(shown)
    expect(page.locator("#search-q")).to_have_value("zlota raczka")
    # Every result is shown, so there is no "show more" button (hidden wins over the button CSS).
    expect(page.locator("[data-search-more]")).to_be_hidden()
    assert not watched["errors"]


def test_no_request_leaves_the_origin(page, watched, search_server):
    page.goto(search_url(search_server, q="opieka", dla="seniorzy"))
    settled_status(page)
    page.goto(search_server + "/")
    page.fill("input[name=q]", "transport")
    suggestions_for(page, "transport")
    foreign = [url for url in watched["requests"] if not url.startswith(search_server + "/")]
    assert not foreign


def test_filters_combine_with_the_query_and_stay_in_the_url(page, search_server):
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    page.goto(search_url(search_server, dla="seniorzy", bezplatne="1"))
    settled_status(page)
    ids = result_ids(page)
    assert ids
    for service_id in ids:
        data = catalogue.services[service_id].data
        # A service for every resident answers to each audience filter (audiences.py).
        assert {"seniorzy", EVERYONE} & set(data["audiences"]), service_id
        assert data["fee"]["kind"] == "free", service_id
    expect(page.locator("#search-bezplatne")).to_be_checked()
    page.fill("#search-q", "transport")
    wait_for_url_query(page, "q", "transport")
    page.select_option("#search-obszar", "pomoc-spoleczna")
    wait_for_url_query(page, "obszar", "pomoc-spoleczna")
    params = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert params == {
        "q": ["transport"],
        "dla": ["seniorzy"],
        "obszar": ["pomoc-spoleczna"],
        "bezplatne": ["1"],
    }
    settled_status(page)  # the results of the new filters, not those left by the last search
    for service_id in result_ids(page):
        data = catalogue.services[service_id].data
        assert "pomoc-spoleczna" in data["areas"]
        assert {"seniorzy", EVERYONE} & set(data["audiences"]), service_id


def test_provider_filter(page, search_server):
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    page.goto(search_url(search_server, realizator="cus-przykladowo"))
    settled_status(page)
    ids = result_ids(page)
    own = [s for s, r in catalogue.services.items() if r.data["provider"] == "cus-przykladowo"]
    assert sorted(ids) == sorted(own)[: len(ids)] or set(ids) <= set(own)
    assert ids


def test_empty_state_helps(page, search_server):
    page.goto(search_url(search_server, q="qwxzvbn"))
    expect(settled_status(page)).to_have_text("Nie znaleziono usług pasujących do wyszukiwania.")
    empty = page.locator("[data-search-empty]")
    expect(empty).to_be_visible()
    hrefs = empty.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(h.endswith("/dla/") for h in hrefs) and any(h.endswith("/obszary/") for h in hrefs)
    assert any(h.startswith("tel:") for h in hrefs)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_throws(page, watched, search_server, text):
    page.goto(search_url(search_server, q=text))
    settled_status(page)
    page.fill("#search-q", "opieka " + text)
    # The field may cut the text to its maxlength: wait for the search of what it holds.
    page.wait_for_function(
        "new URL(location.href).searchParams.get('q') === document.querySelector('#search-q').value"
    )
    settled_status(page)
    expect(page.locator("[data-search-results] ol li").first).to_be_attached()
    assert not watched["errors"]


def test_hostile_input_never_throws_as_you_type(page, watched, search_server):
    page.goto(search_server + "/")
    box = page.locator("form[data-search-as-you-type] input[name=q]")
    live = page.locator("form[data-search-as-you-type] [role=status]")
    for text in HOSTILE:
        # Each text is searched (typing faster than the debounce would search only the last):
        # the live region, emptied here, speaks again once the answer to this text is shown.
        live.evaluate("node => { node.textContent = ''; }")
        box.fill(text)
        expect(live).not_to_be_empty()
        box.press("ArrowDown")
        box.press("Escape")
    box.fill("opieka")
    suggestions_for(page, "opieka")
    assert not watched["errors"]


def test_as_you_type_combobox_with_keyboard(page, watched, search_server):
    page.goto(search_server + "/")
    box = page.locator("form[data-search-as-you-type] input[name=q]")
    box.click()
    box.type("zlota rac")
    # Suggestions for a shorter text typed on the way may show first, then be replaced.
    listbox = suggestions_for(page, "zlota rac")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    expect(page.locator("form[data-search-as-you-type] [role=status]")).to_contain_text("podpowied")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile(r"\S"))
    active = box.get_attribute("aria-activedescendant")
    expect(page.locator(f"#{active}")).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    page.wait_for_url("**/uslugi/zlota-raczka/")
    assert not watched["errors"]


def test_as_you_type_enter_without_choice_submits_the_form(page, search_server):
    page.goto(search_server + "/")
    box = page.locator("form[data-search-as-you-type] input[name=q]")
    box.type("prawnik")
    suggestions_for(page, "prawnik")  # else a late answer for "prawni" would open it again
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    page.wait_for_url("**/szukaj/?q=prawnik")
    settled_status(page)
    assert result_ids(page)[0] == "poradnictwo-specjalistyczne"


def test_without_javascript_the_form_still_works(browser, search_server):
    context = browser.new_context(java_script_enabled=False, locale="pl-PL")
    try:
        page = context.new_page()
        page.goto(search_url(search_server, q="prawnik"))
        expect(page.locator("form[data-search-page]")).to_have_attribute("method", "get")
        expect(page.locator("noscript p")).to_contain_text(
            "potrzebuje włączonej w przeglądarce obsługi JavaScriptu"
        )
    finally:
        context.close()


def test_the_bundled_search_leaves_no_globals(page, search_server):
    """Issue 11: the search scripts were concatenated strings sharing globalThis.CusSearch and
    a global lunr; now esbuild bundles ES modules and the page's global scope stays clean."""
    page.goto(search_url(search_server, q="opieka"))
    expect(page.locator("[data-search-results] li").first).to_be_visible()
    leaked = page.evaluate("() => ['CusSearch', 'lunr'].filter((name) => name in window)")
    assert leaked == []


def test_search_page_has_no_axe_violations(page, search_server):
    page.goto(search_url(search_server, q="opieka"))
    settled_status(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document.querySelector('main'), {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert not violations


RUN_QUERIES = """async (queries) => {
  const bundle = document.querySelector('script[type=module][src*="/static/search/"]').src;
  const engine = await (await import(bundle)).engine();
  const out = {};
  for (const q of queries) {
    const ranked = await engine.search(q, {});
    const records = await engine.records(ranked.slice(0, 10).map((r) => r.position));
    out[q] = {ids: records.map((r) => r.id), keys: ranked.map((r) => [r.position, r.key])};
  }
  return out;
}"""


def rankings_in_browser(
    browser, server: str, queries: list[str], language_root: str = ""
) -> dict[str, dict]:
    """Each query through the engine of a language's search page (Polish: ``language_root``
    empty) on the built site: top ids and rank keys."""
    context = browser.new_context(locale=language_root.strip("/") or "pl-PL")
    try:
        page = context.new_page()
        page.goto(f"{server}/{language_root}szukaj/")
        page.wait_for_selector("form[data-search-page][data-search-ready]")
        return page.evaluate(RUN_QUERIES, queries)
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser_rankings(browser, search_server) -> dict[str, dict]:
    """Every golden query through the browser's engine, on the built site."""
    return rankings_in_browser(browser, search_server, [q.query for q in golden_queries()])


def test_golden_set_in_chromium(browser_rankings, capsys):
    ids = {query: ranked["ids"] for query, ranked in browser_rankings.items()}
    scores, _misses = scored("golden set (Chromium, built site)", golden_queries(), ids, capsys)
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, name


def test_browser_ranking_equals_lunr_py(browser_rankings):
    model = load_search_model(ROOT / "content", ROOT / "data")
    mismatches = []
    for golden in golden_queries():
        ranked = model.search(golden.query)
        python = [[pos, rank_key(score)] for pos, score in ranked]
        if python != browser_rankings[golden.query]["keys"]:
            mismatches.append(golden.query)
    assert not mismatches
