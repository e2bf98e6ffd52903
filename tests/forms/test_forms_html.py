"""Forms without JavaScript: 303 to the confirmation, 422 re-renders the page with errors."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from formkit import PATHS, ROOT
from jinja2 import Environment, FileSystemLoader

from cus_catalogue.i18n import load_translations
from forms_backend.forms import FORMS

APPLICATION = {
    "service": "zlota-raczka",
    "name": "Anna <Nowak> & syn",
    "phone": "600 123 456",
    "contact_time": "afternoon",
    "message": "Linia pierwsza\nLinia druga",
    "consent": "yes",
}


def test_valid_form_post_redirects_to_a_confirmation_with_the_reference(make_client):
    client = make_client(background_worker=False)
    response = client.post("/api/applications", data=APPLICATION, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    reference = location.rsplit("/", 1)[1]
    assert re.fullmatch(r"/api/confirmation/W-[0-9A-Z]{4}-[0-9A-Z]{4}", location)
    page = client.get(location)
    assert page.status_code == 200
    assert reference in page.text
    assert "Prośba jest wysłana" in page.text and "Twój numer sprawy" in page.text


def test_confirmation_of_a_made_up_path_is_404(make_client):
    client = make_client(background_worker=False)
    assert client.get("/api/confirmation/<script>").status_code == 404


def test_invalid_form_post_re_renders_the_form_with_summary_and_kept_values(make_client):
    client = make_client(background_worker=False)
    data = {**APPLICATION, "phone": "12", "consent": ""}
    response = client.post("/api/applications", data=data)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>', page, re.S)
    assert summary is not None
    assert 'tabindex="-1"' in summary.group(0) and "autofocus" in summary.group(0)
    links = re.findall(r'<a href="#(field-[a-z_]+)">([^<]+)</a>', summary.group(1))
    assert links == [
        ("field-phone", "Wpisz numer telefonu w poprawnej postaci, np. 600 123 456 lub +48 600 123 456"),
        ("field-consent", "Zaznacz, że znasz informację o przetwarzaniu danych osobowych"),
    ]  # fmt: skip
    for target, _message in links:
        assert f'id="{target}"' in page
    assert re.search(r'id="field-phone"[^>]*aria-invalid="true"', page)
    assert 'aria-describedby="field-phone-hint field-phone-error"' in page
    assert 'value="Anna &lt;Nowak&gt; &amp; syn"' in page  # kept, and escaped
    assert "<Nowak>" not in page
    assert "Linia pierwsza\nLinia druga</textarea>" in page
    assert re.search(r'value="afternoon" checked', page)
    assert re.search(r'<option value="zlota-raczka" selected>', page)
    assert page.count('name="website"') == 1 and 'value="http' not in page
    assert "<title>Błąd:" in page
    assert "Popraw zaznaczone pola" in page  # theme strings are translated too


@pytest.mark.parametrize("form", sorted(FORMS))
def test_every_form_page_renders_in_the_error_state(make_client, form):
    client = make_client(background_worker=False)
    response = client.post(PATHS[form], data={"website": "spam"})
    assert response.status_code == 422
    assert "Nie udało się wysłać formularza" in response.text
    assert f'action="{PATHS[form]}"' in response.text


def test_services_that_do_not_take_requests_online_are_not_offered(make_client):
    page = make_client(background_worker=False).post("/api/applications", data={"name": ""}).text
    assert 'value="zlota-raczka"' in page and 'value="przewoz"' not in page


def test_form_post_over_the_rate_limit_gets_the_page_with_a_message(make_client):
    client = make_client(rate_limit_per_minute=1, rate_limit_burst=1, background_worker=False)
    first = client.post("/api/applications", data=APPLICATION, follow_redirects=False)
    assert first.status_code == 303
    response = client.post("/api/applications", data=APPLICATION)
    assert response.status_code == 429
    assert "odczekaj minutę" in html.unescape(response.text)


def pelican_like_environment() -> Environment:
    """Like Pelican's: no autoescape, i18n with new-style gettext, the plugin's filters."""
    from cus_catalogue.hooks import JINJA_FILTERS
    from cus_catalogue.settings import DEFAULTS

    env = Environment(
        loader=FileSystemLoader(str(ROOT / "themes/cus/templates")),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(load_translations(ROOT / "themes/cus/translations"), True)
    env.filters.update(JINJA_FILTERS)
    env.globals.update(DEFAULTS, SITEURL="", THEME_STATIC_DIR="theme", DEFAULT_LANG="pl")
    return env


@pytest.mark.parametrize(
    "template", sorted({spec.template for spec in FORMS.values()} | {"forms/confirmation.html"})
)
def test_templates_render_empty_as_the_site_generator_does(template):
    services = [{"id": "zlota-raczka", "name": "Złota rączka"}]
    page = (
        pelican_like_environment()
        .get_template(template)
        .render(services=services, providers=[{"id": "cus-test", "name": "CUS"}], FORMS_ENDPOINT="")
    )
    assert 'error-summary"' not in page.split("</style>")[-1]
    assert "Błąd:" not in page.split("<body")[1]
    if template != "forms/confirmation.html":
        # form.js: the error summary's focus, a fresh idempotency key, the offline notice.
        assert '<script type="module" src="/theme/js/form.js">' in page
        assert 'name="idempotency_key"' in page
        assert 'name="website"' in page and 'aria-hidden="true"' in page


def test_application_page_offers_autocomplete_and_fieldsets():
    page = (
        pelican_like_environment()
        .get_template("forms/application.html")
        .render(services=[{"id": "zlota-raczka", "name": "Złota rączka"}], FORMS_ENDPOINT="")
    )
    assert 'autocomplete="name"' in page and 'autocomplete="tel"' in page
    assert 'autocomplete="email"' in page and 'type="tel"' in page
    assert page.count("<fieldset") >= 4 and page.count("<legend>") == page.count("<fieldset")
    assert "PESEL" in page  # the warning not to write health details or identity numbers
    assert "Kto odpowiada za Twoje dane" in page  # the RODO clause comes from settings


def test_every_backend_message_has_a_polish_translation():
    translations = load_translations(ROOT / "forms_backend/locale", "pl")
    catalog = translations._catalog
    found = list(
        extract_from_dir(
            ROOT / "forms_backend",
            method_map=[("**.py", "python")],
            keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)},
        )
    )
    missing = []
    for filename, line, message, _comments, _context in found:
        if isinstance(message, tuple):
            ok = all(catalog.get((message[0], n)) for n in range(3))
        else:
            ok = bool(catalog.get(message))
        if not ok:
            missing.append(f"{filename}:{line}: {message!r}")
    assert len(found) > 50  # the extraction really saw the messages
    assert not missing, missing


def test_theme_translation_file_is_ours_alone():
    assert (
        Path(ROOT / "themes/cus/translations/pl/LC_MESSAGES/forms.po")
        .read_text()
        .count('msgid "Correct the marked fields"')
        == 1
    )
