"""What residents read when something goes wrong: what to do, kindly, and nothing technical."""

from __future__ import annotations

import html
import re
import sqlite3

import pytest
from formkit import PATHS, VALID

JARGON = re.compile(r"json|żądani|obiekt|idempoten|jednorazow|http|content|utf|api\b|kod \d", re.I)
FORM_POST = {"service": "zlota-raczka", "name": "Anna Nowak", "phone": "600 123 456",
             "consent": "yes", "message": "Proszę o telefon w sprawie złotej rączki."}  # fmt: skip


def summary(page: str) -> tuple[str, list[str]]:
    """The heading and the messages of the page's error summary."""
    box = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert box is not None, "the page has no error summary"
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", box.group(0), re.S)
    items = re.findall(r"<li>(.*?)</li>", box.group(0), re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]
    return html.unescape(heading.group(1)).strip() if heading else "", texts


def test_the_error_summary_says_what_to_do(make_client):
    """Defect (issue 18, item 6): the summary said only "Wystąpił problem"."""
    page = make_client(background_worker=False).post(
        PATHS["application"], data={**FORM_POST, "phone": "12"}
    )
    assert summary(page.text)[0] == "Popraw zaznaczone pola"


def test_invisible_characters_are_explained(make_client):
    """Defect (issue 18, item 6): "Usuń z tego pola znaki specjalne" named nothing visible."""
    response = make_client(background_worker=False).post(
        PATHS["application"], json={**VALID["application"], "name": "Anna\x1b[0m Nowak"}
    )
    assert response.json()["errors"] == {
        "name": "W tekście są niewidoczne znaki, np. z kopiowania. Wpisz tekst jeszcze raz."
    }


@pytest.fixture
def refused_form_posts(make_client, make_config) -> dict[str, object]:
    """A form post refused for every reason a resident can meet, with what came back."""
    client = make_client(background_worker=False, rate_limit_per_minute=1, rate_limit_burst=1)
    answers: dict[str, object] = {}
    data = {**FORM_POST, "idempotency_key": "3f2b9c8e-1d4a-4e8b-9a7c-123456789abc"}
    assert client.post(PATHS["application"], data=data, follow_redirects=False).status_code == 303
    answers["rate limit"] = client.post(PATHS["application"], data=FORM_POST)
    calm = make_client(background_worker=False, peer=("192.0.2.7", 1))
    answers["other answers, same key"] = calm.post(
        PATHS["application"], data={**data, "message": "Inna sprawa"}
    )
    conn = sqlite3.connect(make_config().database_path)
    conn.execute(
        "CREATE TRIGGER full BEFORE INSERT ON submissions BEGIN SELECT RAISE(ABORT, 'x'); END"
    )
    conn.commit()
    answers["outbox cannot be written"] = calm.post(PATHS["application"], data=FORM_POST)
    return answers


def test_a_refused_form_post_gets_its_page_back_with_the_answers_and_advice_to_copy(
    refused_form_posts,
):
    """Defect (issue 18, item 6): a 503 answered a form post with JSON (the message was lost),
    and the 429 page came back empty; neither advised copying the message first."""
    for reason, response in refused_form_posts.items():
        assert response.headers["content-type"].startswith("text/html"), reason
        typed = "Inna sprawa" if reason == "other answers, same key" else FORM_POST["message"]
        assert f"{typed}</textarea>" in response.text, reason
        heading, messages = summary(response.text)
        assert heading == "Formularz nie został wysłany", reason
        if reason != "other answers, same key":
            assert "Skopiuj swoją wiadomość" in messages[0], reason


def test_no_technical_message_reaches_a_resident(make_client, refused_form_posts):
    """Defect (issue 18, item 6): "Treść żądania musi być obiektem JSON", "Wyślij formularz
    jako JSON albo jako formularz strony" could be shown (lines 15 and 18 of the .po)."""
    client = make_client(background_worker=False)
    shown = [summary(response.text) for response in refused_form_posts.values()]
    messages = [text for heading, items in shown for text in [heading, *items]]
    for body, content_type in [
        (b"[1, 2]", "application/json"),
        (b"{not json", "application/json"),
        (b"name=Anna", "text/plain"),
    ]:
        response = client.post(
            PATHS["feedback"], content=body, headers={"content-type": content_type}
        )
        assert 400 <= response.status_code < 500
        messages.append(response.json()["errors"]["_form"])
        assert response.json()["code"].startswith("unreadable_")  # for the programmer, apart
    broken = client.post(  # a file, which no form of the catalogue sends
        PATHS["feedback"],
        content=b'--x\r\nContent-Disposition: form-data; name="a"; filename="a.txt"\r\n\r\n'
        b"a\r\n--x--\r\n",
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert broken.status_code == 400
    messages += summary(broken.text)[1]
    assert messages and not [message for message in messages if JARGON.search(message)]
