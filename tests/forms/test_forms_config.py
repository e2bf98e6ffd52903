"""Configuration from FORMS_* variables, and the built catalogue the backend starts from."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from formkit import ROOT, VALID, server_env

from forms_backend.catalogue import Catalogue
from forms_backend.config import Config
from forms_backend.problems import StartupError
from forms_backend.startup import load


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """An environment without any FORMS_* variable of the person running the tests."""
    for name in [name for name in __import__("os").environ if name.startswith("FORMS_")]:
        monkeypatch.delenv(name)
    return monkeypatch


def test_nothing_configured_means_sqlite_and_a_local_mail_folder(clean_env):
    config = Config.from_env()
    assert config.channels == ("maildir",)
    assert config.database_path == ROOT / "var/forms/forms.db"
    assert config.catalogue_path == ROOT / "output/uslugi.json"
    assert config.maildir_path == config.database_path.parent / "mail"
    assert config.rate_limit_per_minute == 10 and config.max_body_bytes == 65_536
    assert config.retention_days is None  # as the built site states


def test_every_kind_of_variable_is_read(clean_env, tmp_path: Path):
    for name, value in {
        "FORMS_DATABASE_PATH": str(tmp_path / "x.db"),
        "FORMS_SMTP_HOST": "smtp.example.org",
        "FORMS_SMTP_PORT": "587",
        "FORMS_SMTP_TLS": "ssl",
        "FORMS_WEBHOOK_URL": "https://hooks.example.org/cus",
        "FORMS_MAIL_TO": "cus@example.org",
        "FORMS_MAIL_TO_FEEDBACK": "jakosc@example.org",
        "FORMS_ALLOWED_ORIGINS": "https://a.example, https://b.example",
        "FORMS_RATE_LIMIT_PER_MINUTE": "2.5",
        "FORMS_BACKGROUND_WORKER": "false",
        "FORMS_RETENTION_DAYS": "7",
        "FORMS_CLIENT_IP_HEADER": "X-Forwarded-For",
        "FORMS_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8",
        "FORMS_MAIL_DIR": "",
    }.items():
        clean_env.setenv(name, value)
    config = Config.from_env()
    assert config.database_path == tmp_path / "x.db"
    assert config.channels == ("smtp", "webhook")
    assert config.smtp_port == 587 and config.smtp_tls == "ssl" and config.retention_days == 7
    assert config.recipient("feedback") == "jakosc@example.org"
    assert config.recipient("application") == "cus@example.org"
    assert config.allowed_origins == ("https://a.example", "https://b.example")
    assert config.rate_limit_per_minute == 2.5 and config.background_worker is False
    assert [str(network) for network in config.trusted_proxies] == ["127.0.0.1/32", "10.0.0.0/8"]
    assert config.mail_dir is None


def test_every_wrong_value_is_reported_at_once_in_polish_naming_the_variable(clean_env):
    for name, value in {
        "FORMS_SMTP_PORT": "dwadzieścia pięć",
        "FORMS_SMTP_TLS": "tak",
        "FORMS_RATE_LIMIT_BURST": "0",
        "FORMS_RETRY_BASE_SECONDS": "pół minuty",
        "FORMS_BACKGROUND_WORKER": "może",
        "FORMS_TRUSTED_PROXIES": "127.0.0.1, serwer-proxy",
    }.items():
        clean_env.setenv(name, value)
    with pytest.raises(StartupError) as caught:
        Config.from_env()
    assert str(caught.value).splitlines() == [
        "FORMS_SMTP_PORT: Wpisz liczbę całkowitą, na przykład 25 (jest: dwadzieścia pięć)",
        "FORMS_SMTP_TLS: Wpisz jedną z wartości: starttls, ssl, none (jest: tak)",
        "FORMS_RATE_LIMIT_BURST: Wpisz liczbę nie mniejszą niż 1 (jest: 0)",
        "FORMS_TRUSTED_PROXIES: Wpisz adresy IP albo sieci rozdzielone przecinkami, na przykład 127.0.0.1 albo 10.0.0.0/8 (jest: serwer-proxy)",
        "FORMS_RETRY_BASE_SECONDS: Wpisz liczbę, na przykład 10 albo 2.5 (jest: pół minuty)",
        "FORMS_BACKGROUND_WORKER: Wpisz true albo false (jest: może)",
    ]


def test_a_client_address_header_without_a_named_proxy_is_refused(clean_env):
    clean_env.setenv("FORMS_CLIENT_IP_HEADER", "X-Forwarded-For")
    with pytest.raises(StartupError) as caught:
        Config.from_env()
    assert str(caught.value).startswith("FORMS_CLIENT_IP_HEADER: Podaj w FORMS_TRUSTED_PROXIES")


def test_a_postgresql_outbox_without_a_shared_key_is_refused_in_polish(clean_env):
    """A key file would live on one machine; the other instances could not open its payloads."""
    clean_env.setenv("FORMS_DATABASE_URL", "postgresql://formularze:tajne@db.example.org/forms")
    with pytest.raises(StartupError) as caught:
        Config.from_env()
    assert str(caught.value).startswith(
        "FORMS_ENCRYPTION_KEY: Gdy zgłoszenia są zapisywane w bazie PostgreSQL, wpisz ten sam "
        "klucz FORMS_ENCRYPTION_KEY na każdym serwerze"
    )
    assert "tajne" not in str(caught.value)
    clean_env.setenv("FORMS_ENCRYPTION_KEY", "   ")
    with pytest.raises(StartupError):
        Config.from_env()
    clean_env.setenv("FORMS_ENCRYPTION_KEY", "a-key-from-the-secrets-manager")
    assert Config.from_env().database_url.startswith("postgresql://")


def test_a_database_url_of_another_engine_is_refused_without_repeating_it(clean_env):
    clean_env.setenv("FORMS_DATABASE_URL", "mysql://formularze:tajne@db.example.org/forms")
    with pytest.raises(StartupError) as caught:
        Config.from_env()
    assert str(caught.value).splitlines() == [
        "FORMS_DATABASE_URL: Wpisz adres bazy danych PostgreSQL, na przykład "
        "postgresql://formularze:haslo@db.example.org/formularze, albo zostaw FORMS_DATABASE_URL "
        "puste, a zgłoszenia będą zapisywane w pliku FORMS_DATABASE_PATH (jest: mysql://…)"
    ]


def test_the_backend_starts_from_a_real_build_and_shows_provider_names(make_client, smtp):
    """Issue 11, item 3: the build wrote no providers, so the backend showed their ids."""
    client = make_client(smtp_host="127.0.0.1", smtp_port=smtp.port)
    page = client.post("/api/catalogue-updates", data={"change": "x"}).text
    assert '<option value="fundacja-pomocna-dlon">Fundacja Pomocna Dłoń</option>' in page
    assert '<option value="taxi-testowo">Spółdzielnia Socjalna Taxi Testowo</option>' in page
    assert client.post("/api/catalogue-updates", json=VALID["catalogue_update"]).status_code == 201
    body = smtp.wait_for(1)[0].get_content()
    assert "Kto prowadzi usługę: Fundacja Pomocna Dłoń (fundacja-pomocna-dlon)" in body
    assert "Usługa: Złota rączka dla seniora (zlota-raczka)" in body


def test_a_missing_catalogue_stops_start_up_with_what_to_do(make_config, tmp_path: Path):
    with pytest.raises(StartupError) as caught:
        make_config(catalogue_path=tmp_path / "output" / "uslugi.json")
    assert str(caught.value) == (
        f"{tmp_path}/output/uslugi.json: Tu nie ma zbudowanego katalogu. Zbuduj stronę "
        "(`katalog build`) albo wpisz w FORMS_CATALOGUE_PATH ścieżkę do pliku uslugi.json strony"
    )


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda listing: listing.update(version=2), "version"),
        (lambda listing: listing["services"][0].pop("provider_name"), "services/0"),
        (lambda listing: listing["privacy"]["forms"].pop("feedback"), "privacy/forms"),
        (lambda listing: listing.pop("providers"), "/"),
    ],
    ids=["newer version", "no provider name", "no clause of a form", "no providers"],
)
def test_a_catalogue_not_matching_its_schema_stops_start_up(
    make_config, built_catalogue: Path, tmp_path: Path, change, where
):
    listing = json.loads(built_catalogue.read_text(encoding="utf-8"))
    change(listing)
    broken = tmp_path / "uslugi.json"
    broken.write_text(json.dumps(listing), encoding="utf-8")
    with pytest.raises(StartupError) as caught:
        make_config(catalogue_path=broken)
    message = str(caught.value)
    assert message.startswith(f"{broken}: Zbudowany katalog nie zgadza się ze schematem")
    assert f"w miejscu {where}:" in message and "Zbuduj stronę jeszcze raz" in message


def test_the_command_line_says_what_is_wrong_without_a_traceback(tmp_path: Path):
    env = server_env(tmp_path, tmp_path / "nowhere.json", FORMS_SMTP_PORT="x")
    for command in ("serve", "worker", "purge"):
        result = subprocess.run(
            [sys.executable, "-m", "forms_backend", command],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 1
        assert result.stderr.startswith("FORMS_SMTP_PORT: Wpisz liczbę całkowitą")
        assert "Traceback" not in result.stderr


def test_a_retention_other_than_the_forms_state_stops_start_up(make_config):
    with pytest.raises(StartupError) as caught:
        make_config(retention_days=7)
    assert str(caught.value) == (
        "FORMS_RETENTION_DAYS: FORMS_RETENTION_DAYS to 7, a formularze mówią mieszkańcom o 30 "
        "dniach (RODO['retention_days'] w ustawieniach strony). Wpisz w obu miejscach tę samą liczbę"
    )
    assert make_config(retention_days=30).retention_days == 30
    assert load(Config(catalogue_path=make_config().catalogue_path))[0].retention_days == 30


def test_a_rebuilt_catalogue_is_picked_up_and_a_broken_one_ignored(
    built_catalogue: Path, tmp_path: Path, monkeypatch
):
    monkeypatch.setattr("forms_backend.catalogue.RECHECK_SECONDS", 0.0)
    path = tmp_path / "uslugi.json"
    listing = json.loads(built_catalogue.read_text(encoding="utf-8"))
    path.write_text(json.dumps(listing), encoding="utf-8")
    catalogue = Catalogue(path)
    assert "nowa" not in catalogue.snapshot().services
    new = {**listing["services"][0], "id": "nowa", "name": "Nowa usługa"}
    listing["services"].append(new)
    path.write_text(json.dumps(listing, indent=1), encoding="utf-8")
    assert catalogue.snapshot().services["nowa"].name == "Nowa usługa"
    path.write_text("{half a build", encoding="utf-8")
    assert "nowa" in catalogue.snapshot().services  # the last good catalogue stays
