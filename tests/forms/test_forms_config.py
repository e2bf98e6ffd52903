"""Configuration from FORMS_* variables, and service ids from a built catalogue file."""

from __future__ import annotations

import json
from pathlib import Path

from formkit import VALID

from forms_backend.catalogue import Catalogue
from forms_backend.config import Config


def test_nothing_configured_means_sqlite_and_a_local_mail_folder():
    config = Config.from_env({})
    assert config.channels == ("maildir",)
    assert config.database_path.name == "forms.db"
    assert config.maildir_path == config.database_path.parent / "mail"
    assert config.rate_limit_per_minute > 0 and config.max_body_bytes > 0


def test_every_kind_of_variable_is_read(tmp_path: Path):
    rodo = tmp_path / "rodo.json"
    rodo.write_text(json.dumps({"controller": "CUS Testowo", "unknown": "x"}), encoding="utf-8")
    config = Config.from_env(
        {
            "FORMS_DATABASE_PATH": str(tmp_path / "x.db"),
            "FORMS_SMTP_HOST": "smtp.example.org",
            "FORMS_SMTP_PORT": "587",
            "FORMS_WEBHOOK_URL": "https://hooks.example.org/cus",
            "FORMS_MAIL_TO": "cus@example.org",
            "FORMS_MAIL_TO_FEEDBACK": "jakosc@example.org",
            "FORMS_ALLOWED_ORIGINS": "https://a.example, https://b.example",
            "FORMS_RATE_LIMIT_PER_MINUTE": "2.5",
            "FORMS_BACKGROUND_WORKER": "false",
            "FORMS_RETENTION_DAYS": "7",
            "FORMS_RODO_FILE": str(rodo),
            "FORMS_RODO_COMPLAINT": "Prezes UODO",
        }
    )
    assert config.database_path == tmp_path / "x.db"
    assert config.channels == ("smtp", "webhook")
    assert config.smtp_port == 587 and config.retention_days == 7.0
    assert config.recipient("feedback") == "jakosc@example.org"
    assert config.recipient("application") == "cus@example.org"
    assert config.allowed_origins == ("https://a.example", "https://b.example")
    assert config.rate_limit_per_minute == 2.5 and config.background_worker is False
    assert config.rodo == {"controller": "CUS Testowo", "complaint": "Prezes UODO"}


def test_built_catalogue_file_gives_the_ids(tmp_path: Path, make_client):
    built = tmp_path / "uslugi.json"
    built.write_text(
        json.dumps(
            {
                "services": [
                    {"id": "zlota-raczka", "name": "Złota rączka", "provider": "cus-test",
                     "apply_online": True},
                    {"id": "tylko-telefon", "name": "Tylko telefon", "provider": "cus-test",
                     "apply_online": False},
                ]
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    snapshot = Catalogue(tmp_path / "nowhere", built).snapshot()
    assert set(snapshot.services) == {"zlota-raczka", "tylko-telefon"}
    assert set(snapshot.providers) == {"cus-test"}
    client = make_client(catalogue_path=built, background_worker=False)
    assert client.post("/api/applications", json=VALID["application"]).status_code == 201
    other = {**VALID["application"], "service": "tylko-telefon"}
    assert client.post("/api/applications", json=other).status_code == 422
    update = {**VALID["catalogue_update"], "service": "new"}
    assert client.post("/api/catalogue-updates", json=update).status_code == 201


def test_new_service_files_are_picked_up_without_a_restart(content: Path, monkeypatch):
    monkeypatch.setattr("forms_backend.catalogue.RECHECK_SECONDS", 0.0)
    catalogue = Catalogue(content)
    assert "nowa" not in catalogue.snapshot().services
    (content / "services" / "nowa.yaml").write_text("name: Nowa\n", encoding="utf-8")
    assert catalogue.snapshot().services["nowa"].name == "Nowa"
