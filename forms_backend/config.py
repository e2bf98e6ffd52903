"""Configuration from ``FORMS_*`` environment variables, with an embedded zero-setup default."""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FORM_TYPES = ("application", "catalogue_update", "missing_service", "error_report", "feedback")
RODO_KEYS = (
    "controller",
    "dpo_contact",
    "purpose",
    "legal_basis",
    "recipients",
    "retention",
    "rights",
    "complaint",
)
DEFAULT_RODO = {
    "controller": "Centrum Usług Społecznych (dane administratora uzupełnia ośrodek)",
    "dpo_contact": "Inspektor ochrony danych: iod@example.invalid",
    "purpose": "Kontakt w sprawie usługi społecznej, o którą pytasz, lub obsługa zgłoszenia.",
    "legal_basis": "Art. 6 ust. 1 lit. e RODO w związku z ustawą o realizowaniu usług "
    "społecznych przez centrum usług społecznych.",
    "recipients": "Pracownicy centrum i podmioty przetwarzające dane na jego zlecenie "
    "(dostawca poczty i hostingu).",
    "retention": "Do czasu obsługi sprawy, a kopia w formularzu – najwyżej 30 dni od przekazania.",
    "rights": "Masz prawo dostępu do danych, ich sprostowania, ograniczenia przetwarzania "
    "i wniesienia sprzeciwu.",
    "complaint": "Możesz złożyć skargę do Prezesa Urzędu Ochrony Danych Osobowych "
    "(ul. Stawki 2, 00-193 Warszawa).",
}


def _project_root() -> Path:
    """The checkout root when installed in development mode, else the working directory."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").exists() else Path.cwd()


def _bool(value: str) -> bool:
    """Read a yes/no environment value the way people write it."""
    return value.strip().lower() in {"1", "true", "yes", "on", "tak"}


def _list(value: str) -> tuple[str, ...]:
    """Read a comma-separated environment value."""
    return tuple(item.strip() for item in value.split(",") if item.strip())


@dataclass(frozen=True)
class Config:
    """Every setting of the form backend; ``from_env`` documents the variable of each."""

    database_path: Path = field(default_factory=lambda: _project_root() / "var/forms/forms.db")
    encryption_key: str = ""
    content_path: Path = field(default_factory=lambda: _project_root() / "content")
    catalogue_path: Path | None = None
    templates_path: Path = field(default_factory=lambda: _project_root() / "themes/cus/templates")
    translations_path: Path = field(
        default_factory=lambda: _project_root() / "themes/cus/translations"
    )
    require_apply_online: bool = True
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_tls: str = "starttls"
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_timeout: float = 10.0
    mail_from: str = "formularze@localhost"
    mail_to: str = "cus@localhost"
    mail_to_by_form: Mapping[str, str] = field(default_factory=dict)
    alert_to: str = ""
    mail_dir: Path | None = None
    webhook_url: str = ""
    webhook_secret: str = ""
    allowed_origins: tuple[str, ...] = ()
    health_token: str = ""
    max_body_bytes: int = 65_536
    rate_limit_per_minute: float = 10.0
    rate_limit_burst: int = 20
    client_ip_header: str = ""
    trusted_proxies: tuple[str, ...] = ()
    retention_days: float = 30.0
    max_attempts: int = 10
    retry_base_seconds: float = 30.0
    retry_max_seconds: float = 3600.0
    lease_seconds: float = 120.0
    worker_poll_seconds: float = 2.0
    background_worker: bool = True
    site_url: str = ""
    endpoint: str = ""
    pelican_settings: Path = field(default_factory=lambda: _project_root() / "pelicanconf.py")
    rodo: Mapping[str, str] = field(default_factory=dict)

    @property
    def channels(self) -> tuple[str, ...]:
        """Delivery channels: SMTP and/or webhook, else the local mail folder."""
        chosen = []
        if self.smtp_host:
            chosen.append("smtp")
        if self.webhook_url:
            chosen.append("webhook")
        if self.mail_dir is not None or not chosen:
            chosen.append("maildir")
        return tuple(chosen)

    @property
    def trusted_proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        """The proxies whose client address header is believed."""
        return tuple(ipaddress.ip_network(item, strict=False) for item in self.trusted_proxies)

    @property
    def maildir_path(self) -> Path:
        """The local mail folder; next to the database unless configured."""
        return self.mail_dir or self.database_path.parent / "mail"

    def recipient(self, form: str) -> str:
        """The centre's address for one form type, falling back to ``mail_to``."""
        return self.mail_to_by_form.get(form) or self.mail_to

    @property
    def alert_recipient(self) -> str:
        """Who hears about dead letters."""
        return self.alert_to or self.mail_to

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Config:
        """Build the configuration from ``FORMS_*`` variables; unset ones keep their default."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        types = {f.name: f.type for f in fields(cls)}
        for name, kind in types.items():
            raw = env.get(f"FORMS_{name.upper()}")
            if raw is None or name in {"mail_to_by_form", "rodo"}:
                continue
            if kind == "bool":
                values[name] = _bool(raw)
            elif kind == "int":
                values[name] = int(raw)
            elif kind == "float":
                values[name] = float(raw)
            elif kind in {"Path", "Path | None"}:
                values[name] = Path(raw) if raw else None
            elif kind == "tuple[str, ...]":
                values[name] = _list(raw)
            else:
                values[name] = raw
        if env.get("FORMS_RATE_LIMIT_PER_MINUTE") is not None:
            values["rate_limit_per_minute"] = float(env["FORMS_RATE_LIMIT_PER_MINUTE"])
        by_form = {
            form: env[f"FORMS_MAIL_TO_{form.upper()}"]
            for form in FORM_TYPES
            if env.get(f"FORMS_MAIL_TO_{form.upper()}")
        }
        values["mail_to_by_form"] = by_form
        values["rodo"] = _rodo_from_env(env)
        if values.get("database_path") is None:
            values.pop("database_path", None)
        for required_path in (
            "content_path",
            "templates_path",
            "translations_path",
            "pelican_settings",
        ):
            if required_path in values and values[required_path] is None:
                values.pop(required_path)
        return cls(**values)  # type: ignore[arg-type]


def _rodo_from_env(env: Mapping[str, str]) -> dict[str, str]:
    """Overrides of the site's information clause: ``FORMS_RODO_FILE`` (JSON), ``FORMS_RODO_*``."""
    clause: dict[str, str] = {}
    rodo_file = env.get("FORMS_RODO_FILE")
    if rodo_file:
        loaded = json.loads(Path(rodo_file).read_text(encoding="utf-8"))
        clause.update({k: str(v) for k, v in loaded.items() if k in RODO_KEYS})
    for key in RODO_KEYS:
        if env.get(f"FORMS_RODO_{key.upper()}"):
            clause[key] = env[f"FORMS_RODO_{key.upper()}"]
    return clause
