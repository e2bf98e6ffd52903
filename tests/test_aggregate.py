"""``katalog aggregate``: three small centres (a content folder with a broken record, a git
repository, an HSDS export) built into one regional site, and that site in real Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_support import describe, new_context, run_axe, settle
from gitrepo import git
from playwright.sync_api import expect
from sitekit import FIXTURES, ROOT, TEST_TODAY, run_katalog, serve_folder
from test_offline_worker import WORKER_READY, precached

from cus_catalogue.catalogue import read_centres

MINI = FIXTURES / "mini"
CENTRE = """\
name: {name}
phone: {phone}
email: cus@{id}.example
{extra}
"""


def _centre(region: Path, centre_id: str, name: str, phone: str, extra: str) -> None:
    text = CENTRE.format(id=centre_id, name=name, phone=phone, extra=extra)
    (region / "centres" / f"{centre_id}.yaml").write_text(text, encoding="utf-8")


def _settings(folder: Path) -> Path:
    settings = folder / "settings.py"
    settings.write_text(
        "import runpy\n"
        f"globals().update(runpy.run_path({str(ROOT / 'pelicanconf.py')!r}))\n"
        f'CATALOGUE_TODAY = "{TEST_TODAY}"\n',
        encoding="utf-8",
    )
    return settings


def make_region(root: Path, hsds_export: Path) -> Path:
    """Alfa: a folder with a broken record; Beta: a git repository; Gamma: an HSDS export."""
    alfa = root / "alfa"
    shutil.copytree(MINI, alfa)
    broken = alfa / "services" / "porada-prawna.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("name: ", "name: 1 #", 1))
    beta = root / "beta"
    shutil.copytree(MINI, beta / "content")
    (beta / "content" / "services" / "porada-prawna.yaml").rename(
        beta / "content" / "services" / "porada-dla-rodzin.yaml"
    )
    git(root, "init", "--quiet", "--initial-branch=main", str(beta))
    git(beta, "add", ".")
    git(beta, "commit", "--quiet", "-m", "Beta's catalogue")
    region = root / "region"
    (region / "centres").mkdir(parents=True)
    _centre(
        region, "alfa", "Centrum Usług Społecznych w Alfowie", "+48 91 111 11 11",
        "forms_email: wnioski@alfa.example\nwebsite: https://cus.alfa.example/\ncontent: ../alfa\n"
        "translations:\n  uk:\n    name: Центр соціальних послуг в Альфові",
    )  # fmt: skip
    _centre(
        region, "beta", "Centrum Usług Społecznych w Betowie", "+48 91 222 22 22", "git: ../beta"
    )
    _centre(
        region, "gamma", "Centrum Usług Społecznych w Gammowie", "+48 91 333 33 33",
        f"hsds: {hsds_export}",
    )  # fmt: skip
    return region


@pytest.fixture(scope="module")
def aggregated(
    tmp_path_factory: pytest.TempPathFactory, mini_site: Path
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The regional site of the three centres, and what the command said."""
    root = tmp_path_factory.mktemp("region")
    region = make_region(root, mini_site / "dane" / "hsds" / "services.json")
    output = root / "site"
    args = ("aggregate", str(region), "-o", str(output), "-s", str(_settings(root)))
    return output, run_katalog(*args)


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_a_broken_record_is_left_out_and_reported_while_the_region_builds(aggregated) -> None:
    site, result = aggregated
    assert result.returncode == 0, result.stdout + result.stderr
    broken = (site.parent / "alfa" / "services" / "porada-prawna.yaml").resolve()
    assert f"{broken}:2: name: musi być tekstem" in result.stderr
    assert "Centrum Centrum Usług Społecznych w Alfowie (alfa):" in result.stdout
    assert f"1 plik pominięty (błędy wyżej):\n    {broken}" in result.stdout
    assert not (site / "uslugi" / "alfa-porada-prawna").exists()
    # Every other record of every centre is there.
    built = sorted(path.name for path in (site / "uslugi").iterdir() if path.is_dir())
    assert built == [
        "alfa-zlota-raczka", "beta-zlota-raczka", "gamma-zlota-raczka", "porada-dla-rodzin",
        "porada-prawna",
    ]  # fmt: skip


def test_one_centres_own_build_stops_on_the_same_broken_record(tmp_path: Path) -> None:
    """Unlike the regional build, a single centre's build stops on its broken record."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    broken = content / "services" / "porada-prawna.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("name: ", "name: 1 #", 1))
    result = run_katalog("build", str(content), "-o", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "porada-prawna.yaml:2: name: musi być tekstem" in result.stdout + result.stderr


def test_ids_are_prefixed_only_where_centres_share_them(aggregated) -> None:
    site, _result = aggregated
    # porada-prawna is Gamma's alone once Alfa's broken one is left out: it keeps its id.
    assert "Centrum Usług Społecznych w Gammowie" in _page(site, "uslugi/porada-prawna")
    assert "Centrum Usług Społecznych w Betowie" in _page(site, "uslugi/porada-dla-rodzin")
    listing = json.loads((site / "uslugi.json").read_text(encoding="utf-8"))
    services = {service["id"]: service for service in listing["services"]}
    assert services["alfa-zlota-raczka"]["provider"] == "alfa-fundacja-pomocna-dlon"


def test_requests_about_a_service_go_to_its_centres_forms_address(aggregated) -> None:
    site, _result = aggregated
    listing = json.loads((site / "uslugi.json").read_text(encoding="utf-8"))
    recipients = {service["id"]: service["recipient"] for service in listing["services"]}
    assert recipients["alfa-zlota-raczka"] == "wnioski@alfa.example"  # its forms_email
    assert recipients["porada-dla-rodzin"] == "cus@beta.example"  # no forms_email: its email


def test_a_service_page_names_its_centre_and_its_canonical_page(aggregated) -> None:
    site, _result = aggregated
    alfa = _page(site, "uslugi/alfa-zlota-raczka")
    canonical = "https://cus.alfa.example/uslugi/zlota-raczka/"
    assert f'<link rel="canonical" href="{canonical}">' in alfa
    assert "+48 91 111 11 11" in alfa  # the centre's own phone, not the region's
    gamma = _page(site, "uslugi/gamma-zlota-raczka")
    assert 'rel="canonical"' not in gamma  # an HSDS export has no page of its own here
    assert "+48 91 333 33 33" in gamma


def test_a_centre_is_named_in_the_page_language_where_its_record_translates_it(
    aggregated,
) -> None:
    """A centre record's optional translations.uk.name; an untranslated name is marked Polish."""
    site, _result = aggregated
    alfa = _page(site, "uk/uslugi/alfa-zlota-raczka")
    assert ">Центр соціальних послуг в Альфові</a>" in alfa
    beta = _page(site, "uk/uslugi/beta-zlota-raczka")
    assert '<span lang="pl">Centrum Usług Społecznych w Betowie</span></a>' in beta
    listed = _page(site, "uk/uslugi")  # the A–Z list filters by centre
    assert '<option value="beta" lang="pl">Centrum Usług Społecznych w Betowie</option>' in listed


def test_a_centre_without_its_source_is_reported_at_its_line(tmp_path: Path) -> None:
    region = tmp_path / "region"
    (region / "centres").mkdir(parents=True)
    _centre(region, "delta", "Centrum Usług Społecznych w Deltowie", "+48 91 444 44 44", "")
    _centre(region, "omega", "CU", "123", "git: ../nie-ma-takiego")
    result = run_katalog("aggregate", str(region), "-o", str(tmp_path / "site"))
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert "delta.yaml:1: podaj, gdzie jest katalog centrum: dokładnie jedno z pól" in said
    assert "omega.yaml:1: name: jest za krótkie" in said
    assert "omega.yaml:2: phone: musi być tekstem" in said
    assert "Nie udało się użyć żadnego centrum: nic nie zbudowano." in said
    assert "Traceback" not in said


def test_the_region_is_recorded_in_centre_records(aggregated) -> None:
    site, _result = aggregated
    centres, problems = read_centres(site.parent / "region" / ".katalog-region" / "content")
    assert problems == []
    assert centres["alfa"].data["services"] == [
        {"id": "alfa-zlota-raczka", "canonical": "https://cus.alfa.example/uslugi/zlota-raczka/"}
    ]
    assert centres["beta"].data["providers"] == ["beta-fundacja-pomocna-dlon"]


@pytest.fixture(scope="module")
def region_server(aggregated) -> Iterator[str]:
    """The regional site over HTTP."""
    with serve_folder(aggregated[0]) as base:
        yield base


@pytest.mark.browser
def test_a_resident_filters_the_list_by_centre_and_reaches_its_page(page, region_server) -> None:
    page.goto(region_server + "/uslugi/")
    alfa = page.locator('a[href$="/uslugi/alfa-zlota-raczka/"]')
    beta = page.locator('a[href$="/uslugi/beta-zlota-raczka/"]')
    expect(alfa).to_be_visible()
    page.get_by_label("Pokaż usługi").select_option(label="Centrum Usług Społecznych w Betowie")
    expect(alfa).to_be_hidden()
    expect(beta).to_be_visible()
    expect(page.locator("form[data-centre-filter]").get_by_role("status")).to_have_text(
        "Na liście są tylko usługi: Centrum Usług Społecznych w Betowie"
    )
    beta.click()
    facts = page.locator(".key-facts")
    expect(facts).to_contain_text("Centrum usług społecznych")
    facts.get_by_role("link", name="Centrum Usług Społecznych w Betowie").click()
    expect(page).to_have_url(re.compile(r"/osrodki/beta/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Centrum Usług Społecznych w Betowie")
    expect(page.locator("main")).to_contain_text("+48 91 222 22 22")
    expect(page.locator("main")).to_contain_text("na adres cus@beta.example")
    expect(page.get_by_role("link", name="Złota rączka dla seniora")).to_have_count(1)


@pytest.mark.browser
def test_a_resident_searches_only_the_services_of_one_centre(page, region_server) -> None:
    """Issue 17.3: the search filters by centre, from a centre's page and on /szukaj/."""
    page.goto(region_server + "/osrodki/beta/")
    field = page.get_by_label("Szukaj wśród usług tego centrum")
    field.fill("złota rączka")
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/szukaj/\?(.*&)?osrodek=beta"))
    beta = page.locator('[data-search-results] [data-service-id="beta-zlota-raczka"]')
    alfa = page.locator('[data-search-results] [data-service-id="alfa-zlota-raczka"]')
    expect(beta).to_be_visible()
    expect(alfa).to_have_count(0)
    centre = page.get_by_label("Centrum usług społecznych", exact=True)
    expect(centre).to_have_value("beta")
    centre.select_option(label="Wszystkie centra")
    expect(alfa).to_be_visible()
    expect(beta).to_be_visible()


@pytest.mark.browser
def test_suggestions_on_a_centres_page_name_only_that_centres_services(page, region_server) -> None:
    """Issue 17.3: a centre's search form searches its centre (``osrodek=``), but suggested
    nothing as you typed, and the suggestions code dropped the filters its form carries."""
    page.goto(region_server + "/osrodki/beta/")
    field = page.get_by_role("combobox", name="Szukaj wśród usług tego centrum")
    field.fill("złota rączka")
    suggestions = page.get_by_role("listbox")
    beta = suggestions.locator('[data-href$="/uslugi/beta-zlota-raczka/"]')
    expect(beta).to_have_text(re.compile("Złota rączka dla seniora"))
    expect(suggestions.locator('[data-href*="/uslugi/alfa-"]')).to_have_count(0)
    expect(suggestions.locator('[data-href*="/uslugi/gamma-"]')).to_have_count(0)
    suggestions.get_by_role("option", name=re.compile("Zobacz wszystkie wyniki")).click()
    expect(page).to_have_url(re.compile(r"/szukaj/\?(.*&)?osrodek=beta"))
    results = page.locator("[data-search-results]")
    expect(results.locator('[data-service-id="beta-zlota-raczka"]')).to_be_visible()
    expect(results.locator('[data-service-id="alfa-zlota-raczka"]')).to_have_count(0)


@pytest.mark.browser
def test_suggestions_on_the_regional_start_page_name_every_centres_services(
    page, region_server
) -> None:
    page.goto(region_server + "/")
    page.get_by_role("combobox").first.fill("złota rączka")
    suggestions = page.get_by_role("listbox")
    expect(suggestions.locator('[data-href$="/uslugi/alfa-zlota-raczka/"]')).to_have_count(1)
    expect(suggestions.locator('[data-href$="/uslugi/beta-zlota-raczka/"]')).to_have_count(1)


@pytest.mark.browser
def test_the_centres_page_leads_to_the_centres_own_catalogue(page, region_server) -> None:
    page.goto(region_server + "/")
    page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Centra").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Centra usług społecznych")
    expect(page.locator("main")).to_contain_text("Katalog zbiera usługi 3 centrów.")
    page.get_by_role("link", name="Centrum Usług Społecznych w Alfowie").click()
    expect(page.locator("main")).to_contain_text("na adres wnioski@alfa.example")
    page.get_by_role("link", name="Złota rączka dla seniora").click()
    link = page.get_by_role("link", name="Ta usługa w katalogu centrum")
    expect(link).to_have_attribute("href", "https://cus.alfa.example/uslugi/zlota-raczka/")


@pytest.mark.browser
@pytest.mark.parametrize(
    "url", ["/osrodki/", "/osrodki/alfa/", "/uslugi/", "/uslugi/alfa-zlota-raczka/"]
)
def test_regional_pages_have_no_axe_violations(browser, region_server, url) -> None:
    context = new_context(browser, axe=True)
    page = context.new_page()
    page.goto(region_server + url)
    settle(page)
    if url == "/uslugi/":  # the filtered state, where the script has hidden cards and letters
        page.get_by_label("Pokaż usługi").select_option("gamma")
        expect(page.locator('[data-centre="alfa"]').first).to_be_hidden()
    violations = run_axe(page)
    context.close()
    assert not violations, describe(violations)


@pytest.mark.browser
def test_the_centre_filter_works_offline(browser, region_server, aggregated) -> None:
    """The worker keeps a theme script only where a page loads it: the regional A–Z page loads
    centre-filter.js, so after one visit the list filters by centre without a connection."""
    assert "theme/js/centre-filter.js" in precached(aggregated[0])
    context = new_context(browser, service_workers="allow")
    page = context.new_page()
    page.goto(region_server + "/")
    page.evaluate(WORKER_READY)
    context.set_offline(True)
    page.goto(region_server + "/uslugi/")
    page.get_by_label("Pokaż usługi").select_option(label="Centrum Usług Społecznych w Betowie")
    expect(page.locator('a[href$="/uslugi/alfa-zlota-raczka/"]')).to_be_hidden()
    expect(page.locator('a[href$="/uslugi/beta-zlota-raczka/"]')).to_be_visible()
    context.close()
