"""No input produces a 5xx: hypothesis on every endpoint, and schemathesis on /openapi.json."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import schemathesis
from formkit import PATHS, ROOT, VALID, write_catalogue
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from forms_backend.app import create_app
from forms_backend.config import Config
from forms_backend.forms import FORMS

WORKDIR = Path(tempfile.mkdtemp(prefix="forms-properties-"))
CONFIG = Config(
    database_path=WORKDIR / "forms.db",
    content_path=write_catalogue(WORKDIR / "content"),
    templates_path=ROOT / "themes/cus/templates",
    translations_path=ROOT / "themes/cus/translations",
    pelican_settings=ROOT / "pelicanconf.py",
    rate_limit_per_minute=0,
    background_worker=False,
)
APP = create_app(CONFIG)
CLIENT = TestClient(APP)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)

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
def test_random_json_never_5xx(form, changes):
    body = json.dumps({**VALID[form], **changes})  # NaN and Infinity included, as json allows
    response = CLIENT.post(PATHS[form], content=body, headers={"content-type": "application/json"})
    assert response.status_code in (201, 400, 413, 422), response.text


@SETTINGS
@given(
    form=st.sampled_from(sorted(PATHS)),
    changes=st.dictionaries(field_names, nasty_text, max_size=6),
)
def test_random_form_posts_never_5xx(form, changes):
    base = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in VALID[form].items()}
    response = CLIENT.post(PATHS[form], data={**base, **changes}, follow_redirects=False)
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
def test_random_bytes_never_5xx(body, content_type):
    response = CLIENT.post(
        "/api/applications", content=body, headers={"content-type": content_type}
    )
    assert response.status_code < 500, response.text[:300]


def test_the_valid_examples_are_accepted():
    for form, data in VALID.items():
        assert CLIENT.post(PATHS[form], json=data).status_code == 201
    assert json.loads(CLIENT.get("/openapi.json").text)["openapi"].startswith("3.")


schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
CALLS: list[tuple[str, int]] = []


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_schemathesis_finds_no_server_error(case):
    response = case.call()
    CALLS.append((case.path, response.status_code))
    assert response.status_code < 500, (case.path, response.status_code, response.text[:300])


def test_schemathesis_really_exercised_every_endpoint():
    assert {path for path, _status in CALLS} >= set(PATHS.values())
    assert {status for _path, status in CALLS} >= {201, 422}
