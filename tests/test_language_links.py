"""Link localizing remembers tags across pages: every page gets what a fresh look would give."""

from __future__ import annotations

import itertools

import pytest

from cus_catalogue.languages.links import LinkLocalizer, localize_links

PAGES = [
    "uk/index.html",
    "en/index.html",
    "en/uslugi/index.html",
    "uk/uslugi/index.html",
    "uk/uslugi/opieka/index.html",
    "uk/uslugi/posilek/index.html",
    "uk/dla/seniorzy/index.html",
    "uk/a/b/c/index.html",
    "uk/x%20y/index.html",
    "uk/./z/index.html",
    "api/index.html",
]
HREFS = [
    "../../../uslugi/",
    "../../uslugi/?usluga=x#top",
    "../",
    "x/",
    "./",
    "",
    "?q=1",
    "#main",
    "/uslugi/",
    "https://cus.example.pl/dla/",
    "https://other.example.pl/dla/",
    "mailto:a@b.pl",
    "../../../uk/uslugi/",
    "../../../style.css",
    "../..//./uslugi/../dla/",
    "%2E%2E/%2E%2E/%2E%2E/obszary/",
    "../uslugi/./",
    "../../uslugi/./",
]


def page_with_links(hrefs: list[str]) -> str:
    """A page with each address as a link, a form and a language switch link."""
    links = [f'<a class="x" href="{href}">{href}</a>' for href in hrefs]
    links += [f"<form action='{href}' method=get></form>" for href in hrefs]
    links += [f'<a href="{href}" hreflang="pl">pl</a>' for href in hrefs]
    return "\n".join(links)


@pytest.mark.parametrize("siteurl", ["", "https://cus.example.pl"])
@pytest.mark.parametrize("prefixes", [{"uk/", "en/"}, set()])
def test_a_remembered_tag_is_never_reused_where_the_folder_changes_it(
    siteurl: str, prefixes: set[str]
) -> None:
    """Tags are remembered by the folder's depth: pages of the same depth in other folders
    (and relative links that stay inside the folder) must still get their own answer."""
    text = page_with_links(HREFS)
    remembering = LinkLocalizer("uk/", prefixes)
    for page in itertools.chain(PAGES, reversed(PAGES)):
        fresh = LinkLocalizer("uk/", prefixes).localize(text, page, siteurl)
        assert remembering.localize(text, page, siteurl) == fresh, page


def test_links_climbing_to_the_root_lead_into_the_language_on_every_page() -> None:
    """The remembered form of a menu link is the one each page of that depth needs."""
    localizer = LinkLocalizer("uk/", {"uk/", "en/"})
    for service in ("opieka", "posilek"):
        page = localizer.localize('<a href="../../../dla/">', f"uk/uslugi/{service}/index.html", "")
        assert page == '<a href="../../../uk/dla/">'


def test_a_relative_link_inside_a_folder_keeps_pointing_into_that_folder() -> None:
    """Two pages of one depth: ``x/`` names a different page under each."""
    localizer = LinkLocalizer("uk/", set())
    first = localizer.localize('<a href="x/">', "a/index.html", "")
    second = localizer.localize('<a href="x/">', "b/index.html", "")
    assert (first, second) == ('<a href="../uk/a/x/">', '<a href="../uk/b/x/">')
    assert second == localize_links('<a href="x/">', "b/index.html", "", "uk/", set())
