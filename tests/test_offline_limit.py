"""A large catalogue's first visit keeps a limited part of its language offline (lists, forms
and search first, then service pages as far as the limit goes) and each page once opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from a11y_support import new_context
from playwright.sync_api import expect
from sitekit import EXAMPLE_CONTENT, serve_folder
from test_offline_worker import WORKER_READY, precache_groups

from cus_catalogue.accessibility.precache_groups import SHARED, file_of
from cus_catalogue.accessibility.precache_limit import RECORD_PAGE, within_limit

# The example's Polish files are 4.7 MB, 1.4 MB of them service and provider pages: a limit of
# 3,700 KB keeps every other page and file and only some of those.
LIMIT_KB = 3_700
# Polled inside the page: the worker stores an opened page just after answering with it.
KEPT = """async (url) => {
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
        if (await caches.match(url)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the worker did not keep the opened page ' + url);
}"""


@pytest.fixture(scope="module")
def limited_site(build_site) -> Path:
    """The example catalogue built as if it were too large to keep whole offline."""
    return build_site(EXAMPLE_CONTENT, CATALOGUE_OFFLINE_LANGUAGE_MAX_KB=LIMIT_KB)


@pytest.fixture(scope="module")
def limited_server(limited_site: Path) -> Iterator[str]:
    with serve_folder(limited_site) as base:
        yield base


def service_name(url: str) -> str:
    """The name of the example service at ``uslugi/<id>/``."""
    record = EXAMPLE_CONTENT / "services" / (url.split("/")[1] + ".yaml")
    return yaml.safe_load(record.read_text(encoding="utf-8"))["name"]


def size(site: Path, urls: object) -> int:
    return sum((site / file_of(url)).stat().st_size for url in urls)


def test_a_language_keeps_lists_forms_and_search_first_and_stays_within_the_limit(
    limited_site, example_site
):
    """Defect: at 100,000 services sw.js listed every page of a language for a first visit
    (about 100,000 pages, 3–4 GB on a resident's phone)."""
    whole, limited = precache_groups(example_site), precache_groups(limited_site)
    assert limited[SHARED] == whole[SHARED]
    for code, entries in limited.items():
        if code == SHARED:
            continue
        assert size(limited_site, entries) <= LIMIT_KB * 1000
        assert set(entries) <= set(whole[code])
        others = {url for url in whole[code] if not RECORD_PAGE.search(url)}
        assert others <= set(entries), f"{code}: a list, form or search file was left out"
    polish_records = {url for url in whole["pl"] if RECORD_PAGE.search(url)}
    kept = polish_records & set(limited["pl"])
    assert kept and kept != polish_records
    assert {"./", "offline/", "szukaj/", "uslugi/"} <= set(limited["pl"])


def test_a_tight_limit_keeps_the_scripts_and_styles_before_other_pages():
    """Defect: where one language's pages alone filled the limit (a Polish-only regional
    catalogue: its scripts and styles are that language's, not shared) the big list pages went
    first and main.css and centre-filter.js were cut: kept pages offline without their look,
    and a centre filter that did nothing."""
    sizes = {
        "./": 100,
        "offline/": 100,
        "uslugi/": 1_000,  # the A–Z list of a large catalogue
        "theme/css/main.css": 400,
        "theme/js/centre-filter.js": 100,
        "uslugi/a/": 50,
    }
    groups = {SHARED: {}, "pl": dict.fromkeys(sizes, "hash")}
    kept = within_limit(groups, sizes, {"pl": ""}, 1_500)["pl"]
    assert {"./", "offline/", "theme/css/main.css", "theme/js/centre-filter.js"} <= set(kept)
    assert sum(sizes[url] for url in kept) <= 1_500


@pytest.mark.browser
def test_a_page_left_out_of_the_precache_is_kept_once_opened(browser, limited_server, limited_site):
    groups = precache_groups(limited_site)
    kept = set(groups["pl"])
    left_out = sorted(
        str(path.parent.relative_to(limited_site)) + "/"
        for path in (limited_site / "uslugi").glob("*/index.html")
        if str(path.parent.relative_to(limited_site)) + "/" not in kept
    )
    opened, never_opened = left_out[0], left_out[1]
    context = new_context(browser, service_workers="allow")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(limited_server + "/")
    page.evaluate(WORKER_READY)
    name = service_name(opened)
    page.goto(limited_server + "/" + opened)
    expect(page.locator("h1")).to_contain_text(name)
    page.evaluate(KEPT, limited_server + "/" + opened)
    page.context.set_offline(True)
    response = page.goto(limited_server + "/" + opened)
    assert response is not None and response.from_service_worker
    expect(page.locator("h1")).to_contain_text(name)
    page.goto(limited_server + "/" + never_opened)
    expect(page.locator("h1")).to_have_text("Brak połączenia z internetem")
    context.close()
