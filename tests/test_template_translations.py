"""Templates translate each message once a language, saying exactly what Jinja's own newstyle
gettext says: in the language being built, variables escaped, ``num`` filled in."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment

from cus_catalogue.i18n import install_template_translations, template_callables, use_language

LOCALE_DIR = Path(__file__).resolve().parent.parent / "themes" / "cus" / "translations"
TEMPLATE = """\
{{ _("Skip to main content") }}|{{ gettext("Skip to main content") }}
{{ _("Opening hours of %(name)s", name=name) }}
{{ ngettext("Age: at least %(num)d year", "Age: at least %(num)d years", age) }}
{{ ngettext("%(num)s service in your plan", "%(num)s services in your plan", 2, num="{n}") }}
{% autoescape false %}{{ _("Opening hours of %(name)s", name=name) }}{% endautoescape %}
"""


def environment(cached: bool) -> Environment:
    """The catalogue's environment, with our translations or with Jinja's stock ones."""
    env = Environment(
        loader=DictLoader({"page.html": TEMPLATE}),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
    if cached:
        install_template_translations(env, LOCALE_DIR)
    else:
        env.install_gettext_callables(*template_callables(LOCALE_DIR), newstyle=True)  # type: ignore[attr-defined]
    return env


def test_remembered_translations_follow_the_language_and_escape_like_jinja() -> None:
    """A message remembered in one language is never shown in another; record text in a
    message's variables stays text (escaped), outside an ``autoescape false`` block."""
    cached, stock = environment(cached=True), environment(cached=False)
    values = {"name": "<b>Dom & ogród</b>", "age": 2}
    seen = {}
    for language in ["pl", "uk", "en", "pl", "uk", "en"]:
        with use_language(language):
            page = cached.get_template("page.html").render(values)
            assert page == stock.get_template("page.html").render(values)
        seen.setdefault(language, page)
        assert seen[language] == page
    assert "Перейти до основного вмісту" in seen["uk"]
    assert "Dni i godziny: &lt;b&gt;Dom &amp; ogród&lt;/b&gt;" in seen["pl"]
    assert "Dni i godziny: <b>Dom & ogród</b>" in seen["pl"]
    assert "Wiek: co najmniej 2 lata" in seen["pl"]
    assert "{n}" in seen["pl"]
    assert len(set(seen.values())) == 3
