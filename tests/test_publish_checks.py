"""Link checks and asset hashing on small sites written by the tests; external links against a
real HTTP server on loopback (no outside network)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sitekit import serve_folder

from cus_catalogue.publishing.assets import hash_assets
from cus_catalogue.publishing.sitepaths import site_path
from katalog.linkcheck import check_external, check_internal, external_links, http_status

SITEURL = "https://katalog.example/gmina"


def write(root: Path, files: dict[str, str]) -> Path:
    """Create a site folder from {path: text}."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("reference", "page", "expected"),
    [
        (f"{SITEURL}/uslugi/x/", "index.html", "uslugi/x/"),
        (f"{SITEURL}/", "uslugi/x/index.html", ""),
        ("/gmina/theme/css/main.css?v=1#top", "index.html", "theme/css/main.css"),
        ("../y/", "uslugi/x/index.html", "uslugi/y/"),
        ("qr.svg", "uslugi/x/index.html", "uslugi/x/qr.svg"),
        ("/inna-strona/", "index.html", None),  # same host, outside the site's folder
        ("https://example.org/", "index.html", None),
        ("mailto:cus@example.org", "index.html", None),
        ("tel:+48940000000", "index.html", None),
        ("#main", "index.html", None),
        ("/gmina/uslugi/z%C5%82ota/", "index.html", "uslugi/złota/"),
    ],
)
def test_site_path_resolves_references(reference, page, expected):
    assert site_path(reference, page, SITEURL) == expected


def test_a_planted_broken_link_is_found_with_page_and_line(tmp_path):
    site = write(
        tmp_path,
        {
            "index.html": (
                f'<a href="{SITEURL}/uslugi/">usługi</a>\n'
                f'<link rel="stylesheet" href="/gmina/theme/main.css">\n'
                '<a href="uslugi/nie-ma/">zepsuty</a>\n'
                '<a href="mailto:a@example.org">e-mail</a> <a href="#main">skok</a>\n'
                '<a href="https://example.org/">zewnętrzny</a>\n'
            ),
            "uslugi/index.html": '<a href="../">start</a><img src="../brak.png" alt="">',
            "theme/main.css": "body{background:url(img/tlo.png)}",
        },
    )
    broken = check_internal(site, SITEURL)
    assert [(b.page, b.line, b.target) for b in broken] == [
        ("index.html", 3, "uslugi/nie-ma/"),
        ("uslugi/index.html", 1, "../brak.png"),
        ("theme/main.css", 1, "img/tlo.png"),
    ]


def test_assets_are_hashed_and_every_reference_follows(tmp_path):
    site = write(
        tmp_path,
        {
            "index.html": (
                f'<link rel="stylesheet" href="{SITEURL}/theme/css/main.css">'
                '<script type="module" src="theme/js/site.js?x=1"></script>'
                '<script src="static/search/search.0123456789.js"></script>'
            ),
            "uslugi/index.html": '<link rel="stylesheet" href="../theme/css/main.css">',
            "theme/css/main.css": '@import "fonts.css";\nbody {\n  color: red;\n}\n',
            "theme/css/fonts.css": "h1 {\n  font-weight: bold;\n}\n",
            "theme/js/site.js": 'import { x } from "./helper.js";\n// comment\nx();\n',
            "theme/js/helper.js": "export function x() {\n  return 1;\n}\n",
            "sw.js": 'const PRECACHE = {"theme/css/main.css": "1", "theme/js/helper.js": "2"};\n',
            "static/search/search.0123456789.js": "/* already hashed */\n",
        },
    )
    renamed = hash_assets(site, SITEURL)
    assert set(renamed) == {"theme/css/main.css", "theme/css/fonts.css", "theme/js/site.js"}
    main, fonts = renamed["theme/css/main.css"], renamed["theme/css/fonts.css"]
    index = (site / "index.html").read_text()
    assert f'href="{SITEURL}/{main}"' in index
    assert f'src="{renamed["theme/js/site.js"]}?x=1"' in index
    assert "static/search/search.0123456789.js" in index
    assert f'href="../{main}"' in (site / "uslugi" / "index.html").read_text()
    # The importing stylesheet names the hashed import; its own hash covers that name.
    assert (site / main).read_text() == f'@import "{fonts.rsplit("/", 1)[1]}";body{{color:red}}'
    # Loaded only by scripts: minified, same name; the service worker keeps its address.
    assert (site / "theme/js/helper.js").read_text() == "export function x(){return 1;}"
    assert f'"{main}"' in (site / "sw.js").read_text()
    assert not (site / "theme/css/main.css").exists()
    assert check_internal(site, SITEURL) == []


def test_external_links_are_tried_over_real_http_and_failures_reported(tmp_path):
    served = write(tmp_path / "remote", {"ok.html": "ok", "folder/index.html": "ok"})
    with serve_folder(served) as remote:
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            dead = f"http://127.0.0.1:{closed.getsockname()[1]}/"
        site = write(
            tmp_path / "site",
            {
                "index.html": (
                    f'<a href="{remote}/ok.html">ok</a><a href="{remote}/folder/">ok</a>'
                    f'<a href="{remote}/missing.html">404</a><a href="{dead}">dead</a>'
                    f'<a href="{SITEURL}/">own site</a>'
                ),
                "a/index.html": f'<a href="{remote}/missing.html#x">404 again</a>',
            },
        )
        links = external_links(site, SITEURL)
        assert sorted(links) == sorted(
            [f"{remote}/ok.html", f"{remote}/folder/", f"{remote}/missing.html", dead]
        )
        # A loopback server answers at once, except on a busy machine: the test is about
        # which links fail and why, so only a refused or missing page may fail it.
        failures = check_external(links, lambda url: http_status(url, timeout=30))
    by_url = {f.url: f for f in failures}
    assert set(by_url) == {f"{remote}/missing.html", dead}
    assert by_url[f"{remote}/missing.html"].reason == "HTTP 404"
    assert by_url[f"{remote}/missing.html"].pages == ["a/index.html", "index.html"]
    assert "refused" in by_url[dead].reason.lower()


def test_the_external_checker_never_raises():
    def explode(url: str) -> int:
        raise OSError("network down")

    failures = check_external({"https://example.org/": ["index.html"]}, explode)
    assert [(f.url, f.reason) for f in failures] == [("https://example.org/", "network down")]
