"""The form backend answers in the language of the page the form was sent from (``?lang=``);
its e-mail to the centre stays Polish and says which language the resident used."""

from __future__ import annotations

import re

from formkit import PATHS, VALID


def test_an_invalid_form_from_a_ukrainian_page_is_answered_in_ukrainian(make_client):
    client = make_client(background_worker=False)
    data = {**VALID["application"], "phone": "12", "email": "", "consent": ""}
    response = client.post(f"{PATHS['application']}?lang=uk", data=data)
    assert response.status_code == 422
    page = response.text
    assert '<html lang="uk">' in page
    assert "Введіть номер телефону, наприклад 600 123 456 або +48 600 123 456" in page
    assert "Позначте, що вам відома інформація про обробку персональних даних" in page
    assert 'action="/api/applications?lang=uk"' in page  # sent again, answered in Ukrainian
    assert re.search(r'<a[^>]+href="/uk/uslugi/"', page)  # its links lead to Ukrainian pages
    # The data protection clause the site translates is Ukrainian too, not Polish marked.
    assert "<dd>Ми хочемо зв&#39;язатися з вами щодо послуги, про яку ви питаєте.</dd>" in page
    assert "Chcemy się z Tobą skontaktować" not in page


def test_the_confirmation_after_an_english_page_is_in_english(make_client):
    client = make_client(background_worker=False)
    response = client.post(
        f"{PATHS['application']}?lang=en", data=VALID["application"], follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"].endswith("?lang=en")
    page = client.get(response.headers["location"]).text
    assert '<html lang="en">' in page and "Your reference number" in page


def test_an_unknown_language_is_answered_in_polish(make_client):
    client = make_client(background_worker=False)
    data = {**VALID["application"], "consent": ""}
    page = client.post(f"{PATHS['application']}?lang=xx", data=data).text
    assert '<html lang="pl">' in page
    assert "Zaznacz, że znasz informację o przetwarzaniu danych osobowych" in page


def test_the_centre_reads_polish_and_the_residents_language(make_client, smtp):
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port)
    response = client.post(f"{PATHS['application']}?lang=uk", json=VALID["application"])
    assert response.status_code == 201, response.text
    (message,) = smtp.wait_for(1)
    body = message.get_body(("plain",)).get_content()
    assert "Język strony z formularzem: ukraiński" in body
    assert "Prośba o kontakt w sprawie usługi" in body  # the rest in Polish
