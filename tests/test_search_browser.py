"""Search in real Chromium against the built example site: results, filters, the combobox,
hostile input, same-origin only, accessibility, and ranking parity with lunr.py."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sitekit import EXAMPLE_CONTENT, serve_folder
from test_search_golden import FLOORS, first_hit, golden_queries, metrics

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.search import search_documents
from cus_catalogue.search.index import build_lunr_index, demoted_positions
from cus_catalogue.search.query import rank_key, run_query
from cus_catalogue.search.thesaurus import load_thesaurus

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


def wait_for_status(page) -> str:
    page.wait_for_function(
        "document.querySelector('[data-search-status]').textContent.trim() !== ''"
    )
    return page.inner_text("[data-search-status]")


def result_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-search-results] ol > li", "items => items.map(li => li.dataset.serviceId)"
    )


def test_query_in_the_url_runs_on_load(page, watched, search_server):
    page.goto(search_url(search_server, q="zlota raczka"))
    status = wait_for_status(page)
    assert status.startswith("Znaleziono")
    first = page.locator("[data-search-results] ol > li").first
    link = first.locator("a")
    assert link.get_attribute("href").endswith("/uslugi/zlota-raczka/")
    text = first.inner_text()
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    data = catalogue.services["zlota-raczka"].data
    provider = catalogue.providers[data["provider"]].data["name"]
    assert data["name"] in text and data["summary"] in text and provider in text
    assert "Ile kosztuje:" in text
    assert page.get_attribute("[data-search-status]", "role") == "status"
    assert page.input_value("#search-q") == "zlota raczka"
    # Every result is shown, so there is no "show more" button (hidden wins over the button CSS).
    assert not page.locator("[data-search-more]").is_visible()
    assert not watched["errors"]


def test_no_request_leaves_the_origin(page, watched, search_server):
    page.goto(search_url(search_server, q="opieka", dla="seniorzy"))
    wait_for_status(page)
    page.goto(search_server + "/")
    page.fill("input[name=q]", "transport")
    page.wait_for_selector("[role=listbox] [role=option]")
    foreign = [url for url in watched["requests"] if not url.startswith(search_server + "/")]
    assert not foreign


def test_filters_combine_with_the_query_and_stay_in_the_url(page, search_server):
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    page.goto(search_url(search_server, dla="seniorzy", bezplatne="1"))
    wait_for_status(page)
    ids = result_ids(page)
    assert ids
    for service_id in ids:
        data = catalogue.services[service_id].data
        assert "seniorzy" in data["audiences"] and data["fee"]["kind"] == "free", service_id
    assert page.is_checked("#search-bezplatne")
    page.fill("#search-q", "transport")
    page.wait_for_function("new URL(location.href).searchParams.get('q') === 'transport'")
    page.select_option("#search-obszar", "pomoc-spoleczna")
    page.wait_for_function(
        "new URL(location.href).searchParams.get('obszar') === 'pomoc-spoleczna'"
    )
    params = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert params == {
        "q": ["transport"],
        "dla": ["seniorzy"],
        "obszar": ["pomoc-spoleczna"],
        "bezplatne": ["1"],
    }
    wait_for_status(page)
    for service_id in result_ids(page):
        data = catalogue.services[service_id].data
        assert "pomoc-spoleczna" in data["areas"] and "seniorzy" in data["audiences"]


def test_provider_filter(page, search_server):
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    page.goto(search_url(search_server, realizator="cus-przykladowo"))
    wait_for_status(page)
    ids = result_ids(page)
    own = [s for s, r in catalogue.services.items() if r.data["provider"] == "cus-przykladowo"]
    assert sorted(ids) == sorted(own)[: len(ids)] or set(ids) <= set(own)
    assert ids


def test_empty_state_helps(page, search_server):
    page.goto(search_url(search_server, q="qwxzvbn"))
    assert wait_for_status(page) == "Nie znaleziono usług pasujących do wyszukiwania."
    empty = page.locator("[data-search-empty]")
    assert empty.is_visible()
    hrefs = empty.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any(h.endswith("/dla/") for h in hrefs) and any(h.endswith("/obszary/") for h in hrefs)
    assert any(h.startswith("tel:") for h in hrefs)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_throws(page, watched, search_server, text):
    page.goto(search_url(search_server, q=text))
    wait_for_status(page)
    page.fill("#search-q", "opieka " + text)
    page.wait_for_function("document.querySelector('[data-search-results] ol li') !== null")
    assert not watched["errors"]


def test_hostile_input_never_throws_as_you_type(page, watched, search_server):
    page.goto(search_server + "/")
    box = page.locator("form[data-search-as-you-type] input[name=q]")
    for text in HOSTILE:
        box.fill(text)
        box.press("ArrowDown")
        box.press("Escape")
    box.fill("opieka")
    page.wait_for_selector("[role=listbox] [role=option]")
    assert not watched["errors"]


def test_as_you_type_combobox_with_keyboard(page, watched, search_server):
    page.goto(search_server + "/")
    box = page.locator("form[data-search-as-you-type] input[name=q]")
    box.click()
    box.type("zlota rac")
    page.wait_for_selector("[role=listbox] [role=option]")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    listbox_id = box.get_attribute("aria-controls")
    assert page.get_attribute(f"#{listbox_id}", "role") == "listbox"
    page.wait_for_function(
        "[...document.querySelectorAll('[role=status]')].some(s => /podpowied/.test(s.textContent))"
    )
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.get_attribute(f"#{active}", "aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/uslugi/zlota-raczka/")
    assert not watched["errors"]


def test_as_you_type_enter_without_choice_submits_the_form(page, search_server):
    page.goto(search_server + "/")
    box = page.locator("form[data-search-as-you-type] input[name=q]")
    box.type("prawnik")
    page.wait_for_selector("[role=listbox] [role=option]")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("Enter")
    page.wait_for_url("**/szukaj/?q=prawnik")
    wait_for_status(page)
    assert result_ids(page)[0] == "poradnictwo-specjalistyczne"


def test_without_javascript_the_form_still_works(browser, search_server):
    context = browser.new_context(java_script_enabled=False, locale="pl-PL")
    try:
        page = context.new_page()
        page.goto(search_url(search_server, q="prawnik"))
        form = page.locator("form[data-search-page]")
        assert form.get_attribute("method") == "get"
        assert "potrzebuje włączonej w przeglądarce obsługi JavaScriptu" in page.content()
    finally:
        context.close()


def test_search_page_has_no_axe_violations(page, search_server):
    page.goto(search_url(search_server, q="opieka"))
    wait_for_status(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """() => axe.run(document.querySelector('main'), {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert not violations


RUN_QUERIES = """async (queries) => {
  const engine = await CusSearch.engine();
  const out = {};
  for (const q of queries) {
    const ranked = await engine.search(q, {});
    const records = await engine.records(ranked.slice(0, 10).map((r) => r.position));
    out[q] = {ids: records.map((r) => r.id), keys: ranked.map((r) => [r.position, r.key])};
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser_rankings(browser, search_server) -> dict[str, dict]:
    """Every golden query through the browser's engine, on the built site."""
    context = browser.new_context(locale="pl-PL")
    try:
        page = context.new_page()
        page.goto(search_url(search_server))
        page.wait_for_selector("form[data-search-page][data-search-ready]")
        return page.evaluate(RUN_QUERIES, [q.query for q in golden_queries()])
    finally:
        context.close()


def test_golden_set_in_chromium(browser_rankings, capsys):
    queries = golden_queries()
    ranks = [first_hit(browser_rankings[q.query]["ids"], q.expected) for q in queries]
    scores = metrics(ranks)
    with capsys.disabled():
        summary = ", ".join(f"{name} {value:.3f}" for name, value in scores.items())
        print(f"\ngolden set (Chromium, built site, {len(queries)} queries): {summary}")
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, name


def test_browser_ranking_equals_lunr_py(browser_rankings):
    catalogue = load_catalogue(ROOT / "content", ROOT / "data")
    documents = search_documents(catalogue, load_thesaurus(ROOT / "data" / "synonyms.csv"))
    index = build_lunr_index(documents)
    demoted = set(demoted_positions(documents))
    mismatches = []
    for golden in golden_queries():
        ranked = run_query(index, golden.query, demoted)
        python = [[pos, rank_key(score)] for pos, score in ranked]
        if python != browser_rankings[golden.query]["keys"]:
            mismatches.append(golden.query)
    assert not mismatches
