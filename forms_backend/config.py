"""Configuration: typed ``FORMS_*`` variables through pydantic-settings, zero-setup defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    IPvAnyNetwork,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from forms_backend.problems import Problem, StartupError

PACKAGE_DIR = Path(__file__).resolve().parent
PYDANTIC_CODES = {
    "int_parsing": "not_an_integer",
    "int_from_float": "not_an_integer",
    "float_parsing": "not_a_number",
    "bool_parsing": "not_a_boolean",
    "greater_than_equal": "too_small",
    "greater_than": "too_small",
    "less_than_equal": "too_large",
    "literal_error": "not_one_of",
    "ip_any_network": "not_a_network",
    "not_a_postgresql_url": "not_a_postgresql_url",
}
POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")


def _project_root() -> Path:
    """The checkout root when installed in development mode, else the working directory."""
    root = PACKAGE_DIR.parent
    return root if (root / "pyproject.toml").exists() else Path.cwd()


def _in_project(relative: str) -> Any:
    """A path default inside the checkout (or the working directory)."""
    return Field(default_factory=lambda: _project_root() / relative)


CommaList = Annotated[tuple[str, ...], NoDecode]
Networks = Annotated[tuple[IPvAnyNetwork, ...], NoDecode]


class Config(BaseModel):
    """Every setting of the form backend, typed, each default declared here only."""

    model_config = ConfigDict(frozen=True)

    database_path: Path = _in_project("var/forms/forms.db")
    # postgresql://user:password@host/database: the outbox in PostgreSQL instead of the file.
    database_url: str = ""
    encryption_key: str = ""
    catalogue_path: Path = _in_project("output/uslugi.json")
    templates_path: Path = _in_project("themes/cus/templates")
    translations_path: Path = _in_project("themes/cus/translations")
    pelican_settings: Path = _in_project("pelicanconf.py")
    require_apply_online: bool = True
    smtp_host: str = ""
    smtp_port: int = Field(25, ge=1, le=65535)
    smtp_tls: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_timeout: float = Field(10.0, gt=0)
    mail_from: str = "formularze@localhost"
    mail_to: str = "cus@localhost"
    mail_to_application: str = ""
    mail_to_catalogue_update: str = ""
    mail_to_missing_service: str = ""
    mail_to_error_report: str = ""
    mail_to_feedback: str = ""
    mail_to_partner_offer: str = ""
    alert_to: str = ""
    mail_dir: Path | None = None
    webhook_url: str = ""
    webhook_secret: str = ""
    allowed_origins: CommaList = ()
    health_token: str = ""
    max_body_bytes: int = Field(65_536, ge=1024)
    rate_limit_per_minute: float = Field(10.0, ge=0)
    rate_limit_burst: int = Field(20, ge=1)
    client_ip_header: str = ""
    trusted_proxies: Networks = ()
    # None: as the built catalogue states (RODO['retention_days']); set, it must agree.
    retention_days: int | None = Field(None, ge=1)
    max_attempts: int = Field(10, ge=1)
    retry_base_seconds: float = Field(30.0, gt=0)
    retry_max_seconds: float = Field(3600.0, gt=0)
    lease_seconds: float = Field(120.0, gt=0)
    worker_poll_seconds: float = Field(2.0, gt=0)
    background_worker: bool = True
    site_url: str = ""
    endpoint: str = ""

    @field_validator("allowed_origins", "trusted_proxies", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        """``a, b`` in the environment; a sequence in code."""
        if isinstance(value, str):
            return tuple(item.strip() for item in value.split(",") if item.strip())
        return value

    @field_validator("mail_dir", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        """An empty variable means not set."""
        return None if value == "" else value

    @field_validator("database_url")
    @classmethod
    def _postgresql_only(cls, value: str) -> str:
        """Only PostgreSQL is served by an address; SQLite is the file of ``database_path``."""
        if value and not value.startswith(POSTGRESQL_SCHEMES):
            raise PydanticCustomError("not_a_postgresql_url", "not a postgresql:// address")
        return value

    @model_validator(mode="after")
    def _shared_store_has_a_shared_key(self) -> Config:
        """A key file is per machine: instances sharing PostgreSQL must share the key too."""
        if self.database_url and not self.encryption_key.strip():
            raise ValueError("key_required")
        return self

    @model_validator(mode="after")
    def _proxy_is_named(self) -> Config:
        """A client address header is believed only from proxies the operator named."""
        if self.client_ip_header and not self.trusted_proxies:
            raise ValueError("proxy_not_named")
        return self

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
    def maildir_path(self) -> Path:
        """The local mail folder; next to the database unless configured."""
        return self.mail_dir or self.database_path.parent / "mail"

    def recipient(self, form: str) -> str:
        """The centre's address for one form type, falling back to ``mail_to``."""
        return str(getattr(self, f"mail_to_{form}", "") or self.mail_to)

    @property
    def alert_recipient(self) -> str:
        """Who hears about dead letters."""
        return self.alert_to or self.mail_to

    @property
    def retention_seconds(self) -> float:
        """How long a copy is kept after its delivery ended (known once the catalogue is read)."""
        if self.retention_days is None:
            raise RuntimeError("retention_days is read from the built catalogue at start-up")
        return self.retention_days * 86400.0

    @classmethod
    def from_env(cls) -> Config:
        """Read ``FORMS_*`` variables; every wrong value is reported at once, in Polish."""
        try:
            return _Environment()
        except ValidationError as error:
            raise StartupError([_problem(item) for item in error.errors()]) from None


class _Environment(BaseSettings, Config):
    """The same settings, read from the environment."""

    model_config = SettingsConfigDict(env_prefix="FORMS_", frozen=True, extra="ignore")


def _problem(error: ErrorDetails) -> Problem:
    """A pydantic error as a problem naming the variable."""
    field = str(error["loc"][0]) if error["loc"] else ""
    context = error.get("ctx") or {}
    if field == "" and "proxy_not_named" in error["msg"]:
        return Problem("proxy_not_named", "FORMS_CLIENT_IP_HEADER")
    if field == "" and "key_required" in error["msg"]:
        return Problem("key_required", "FORMS_ENCRYPTION_KEY")
    code = PYDANTIC_CODES.get(error["type"], "invalid_value")
    limit = next((context[key] for key in ("ge", "gt", "le") if key in context), "")
    choices = get_args(Config.model_fields[field].annotation) if code == "not_one_of" else ()
    value = error.get("input")
    if field == "database_url":  # never repeat a password: the scheme says what is wrong
        value = str(value).partition("://")[0] + "://…"
    params = {
        "value": value,
        "limit": limit,
        "expected": ", ".join(choices),
        "detail": error["msg"],
    }
    return Problem(code, f"FORMS_{field.upper()}", params)
