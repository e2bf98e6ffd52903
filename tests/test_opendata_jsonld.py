"""schema.org JSON-LD on every service and provider page, safe against hostile record text."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from sitekit import EXAMPLE_CONTENT, FIXTURES, run_pelican

from cus_catalogue.opendata.jsonld import script_tag

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def documents(page: Path) -> list[dict]:
    return [json.loads(text) for text in SCRIPT.findall(page.read_text("utf-8"))]


def test_every_service_page_carries_json_ld_with_a_type(example_site: Path) -> None:
    ids = sorted(p.stem for p in (EXAMPLE_CONTENT / "services").glob("*.yaml"))
    assert ids
    for service_id in ids:
        found = documents(example_site / "uslugi" / service_id / "index.html")
        assert len(found) == 1, service_id
        doc = found[0]
        assert doc["@context"] == "https://schema.org"
        assert doc["@type"] in ("Service", "GovernmentService"), service_id
        assert doc["provider"]["@type"] in ("Organization", "GovernmentOrganization")
        assert doc["areaServed"]["name"] == "Przykładowo"
        assert doc["audience"] and doc["offers"]["priceCurrency"] == "PLN"
        assert isinstance(doc["offers"]["price"], int | float)


def test_service_json_ld_details(example_site: Path) -> None:
    (doc,) = documents(example_site / "uslugi" / "teleopieka" / "index.html")
    assert doc["@type"] == "GovernmentService"  # the centre itself provides it
    assert doc["offers"]["price"] == 0
    assert doc["hoursAvailable"][0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert doc["hoursAvailable"][0]["closes"] == "23:59:59"  # 24:00 in the record
    assert doc["audience"][0]["@type"] == "PeopleAudience"
    assert doc["audience"][0]["suggestedMinAge"] == 65
    (paid,) = documents(example_site / "uslugi" / "uslugi-opiekuncze" / "index.html")
    assert paid["offers"]["priceSpecification"] == {
        "@type": "UnitPriceSpecification",
        "maxPrice": 28,
        "priceCurrency": "PLN",
        "unitText": "godzina",
    }


def test_every_provider_page_carries_an_organisation(example_site: Path) -> None:
    for provider in (EXAMPLE_CONTENT / "providers").glob("*.yaml"):
        (doc,) = documents(example_site / "realizatorzy" / provider.stem / "index.html")
        assert doc["@type"] in ("Organization", "GovernmentOrganization")
        assert doc["name"]
    (cus,) = documents(example_site / "realizatorzy" / "cus-przykladowo" / "index.html")
    assert cus["@type"] == "GovernmentOrganization"
    assert cus["address"]["postalCode"] == "00-000"
    assert "**" not in cus["description"]  # Markdown is rendered to text


def test_absolute_urls_only_when_the_site_has_an_absolute_address(tmp_path: Path) -> None:
    result = run_pelican(
        FIXTURES / "mini", tmp_path / "out", SITEURL="https://katalog.example", RELATIVE_URLS=False
    )
    assert result.returncode == 0, result.stderr
    (doc,) = documents(tmp_path / "out" / "uslugi" / "zlota-raczka" / "index.html")
    assert doc["url"] == "https://katalog.example/uslugi/zlota-raczka/"
    assert doc["@id"] == "https://katalog.example/uslugi/zlota-raczka/#service"


def test_script_tag_escapes_what_could_close_the_element() -> None:
    hostile = {"name": "</script><script>alert(1)</script> & <!-- \u2028"}
    tag = str(script_tag(hostile))
    inner = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == hostile


def test_hostile_record_text_stays_data_in_the_built_page(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    record = content / "services" / "zlota-raczka.yaml"
    hostile = "Złota rączka </script><script>alert(1)</script> & co"
    text = record.read_text("utf-8").replace("name: Złota rączka dla seniora", f"name: '{hostile}'")
    record.write_text(text, "utf-8")
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "uslugi" / "zlota-raczka" / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in page
    (doc,) = documents(tmp_path / "out" / "uslugi" / "zlota-raczka" / "index.html")
    assert doc["name"] == hostile
