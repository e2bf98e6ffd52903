"""No input produces a 5xx: hypothesis on every endpoint, and schemathesis on /openapi.json."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import schemathesis
from formkit import PATHS, ROOT, VALID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from forms_backend.app import create_app
from forms_backend.config import Config
from forms_backend.forms import FORMS

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, built_catalogue) -> Starlette:
    """One app for the module: hypothesis runs many examples against the same outbox."""
    workdir = tmp_path_factory.mktemp("forms-properties")
    config = Config(
        database_path=workdir / "forms.db",
        catalogue_path=built_catalogue,
        templates_path=ROOT / "themes/cus/templates",
        translations_path=ROOT / "themes/cus/translations",
        pelican_settings=ROOT / "pelicanconf.py",
        rate_limit_per_minute=0,
        background_worker=False,
    )
    return create_app(config)


@pytest.fixture(scope="module")
def client(app: Starlette) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
field_names = st.sampled_from(sorted({f.name for s in FORMS.values() for f in s.fields}))
nasty_text = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(["\r", "\n", "\x00", "\u2028", "%"]),
    max_size=200,
)


@SETTINGS
@given(
    form=st.sampled_from(sorted(PATHS)),
    changes=st.dictionaries(field_names | st.text(max_size=10), json_values, max_size=6),
)
def test_random_json_never_5xx(client, form, changes):
    body = json.dumps({**VALID[form], **changes})  # NaN and Infinity included, as json allows
    response = client.post(PATHS[form], content=body, headers={"content-type": "application/json"})
    assert response.status_code in (201, 400, 413, 422), response.text


@SETTINGS
@given(
    form=st.sampled_from(sorted(PATHS)),
    changes=st.dictionaries(field_names, nasty_text, max_size=6),
)
def test_random_form_posts_never_5xx(client, form, changes):
    base = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in VALID[form].items()}
    response = client.post(PATHS[form], data={**base, **changes}, follow_redirects=False)
    assert response.status_code in (303, 400, 413, 422), response.text[:300]


@SETTINGS
@given(
    body=st.binary(max_size=500),
    content_type=st.sampled_from(
        [
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "text/plain",
            "",
        ]
    ),
)
def test_random_bytes_never_5xx(client, body, content_type):
    response = client.post(
        "/api/applications", content=body, headers={"content-type": content_type}
    )
    assert response.status_code < 500, response.text[:300]


def test_the_valid_examples_are_accepted(client):
    for form, data in VALID.items():
        assert client.post(PATHS[form], json=data).status_code == 201
    assert json.loads(client.get("/openapi.json").text)["openapi"].startswith("3.")


def test_schemathesis_finds_no_server_error_on_any_endpoint(app):
    """Every operation of /openapi.json, in one test so the coverage check sees every call."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    calls: list[tuple[str, int]] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)  # fmt: skip
        def call(case) -> None:
            response = case.call()
            calls.append((case.path, response.status_code))
            assert response.status_code < 500, (case.path, response.status_code, response.text)

        call()
    assert {path for path, _status in calls} >= set(PATHS.values())
    assert {status for _path, status in calls} >= {201, 422}
