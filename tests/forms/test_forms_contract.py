"""The build's side of uslugi.json: what a real build writes matches its JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator
from pelican.settings import read_settings
from sitekit import FIXTURES, ROOT, run_pelican

from cus_catalogue.catalogue import load_catalogue
from cus_catalogue.service_list import service_listing
from cus_catalogue.settings import DEFAULTS
from cus_catalogue.site_settings import load_settings
from cus_catalogue.views import build_views

SCHEMA = ROOT / "plugins/cus_catalogue/schemas/uslugi.schema.json"


def test_the_built_file_matches_its_schema_and_names_every_provider(example_site: Path):
    """Issue 11, item 3: the build wrote services only, though the docs promised providers."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    listing = json.loads((example_site / "uslugi.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(listing)) == []
    providers = {provider["id"]: provider["name"] for provider in listing["providers"]}
    assert len(providers) == len(list((example_site / "realizatorzy").glob("*/index.html")))
    for service in listing["services"]:
        assert service["provider_name"] == providers[service["provider"]]
        assert (example_site / "uslugi" / service["id"] / "index.html").is_file()
    for form in listing["forms"]:
        assert (example_site / form["page"] / "index.html").is_file()
    assert {form["id"] for form in listing["forms"]} == set(listing["privacy"]["forms"])


def test_the_same_catalogue_gives_the_same_bytes():
    catalogue = load_catalogue(ROOT / "tests/fixtures/mini", ROOT / "data")
    settings, _warnings = load_settings(read_settings(str(ROOT / "pelicanconf.py")))
    shuffled = settings.model_copy(
        update={
            "rodo": dict(reversed(settings.rodo.items())),
            "form_pages": dict(reversed(settings.form_pages.items())),
        }
    )
    first = service_listing(*build_views(catalogue), settings)
    assert service_listing(*build_views(catalogue), shuffled) == first
    assert first.startswith(b'{"forms":[{"id":"application","page":"wniosek/"}')


def test_a_clause_missing_for_a_form_stops_the_build(tmp_path: Path):
    """The backend would refuse the file: the build says so first, naming the place."""
    clause = {**DEFAULTS["RODO"], "forms": dict(DEFAULTS["RODO"]["forms"])}
    del clause["forms"]["feedback"]
    result = run_pelican(FIXTURES / "mini", tmp_path / "site", RODO=clause)
    assert result.returncode == 1
    assert "RODO/forms: 'feedback' is a required property" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "uslugi.json").exists()
