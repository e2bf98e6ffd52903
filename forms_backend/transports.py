"""Ways to hand a message to the centre: SMTP, an HTTPS webhook, or a local Maildir."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import smtplib
import socket
import ssl
import urllib.error
import urllib.request
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

from forms_backend.config import Config


class DeliveryError(Exception):
    """A failed hand-over; ``connection`` means the channel itself is down, not this message."""

    def __init__(self, reason: str, *, connection: bool = False) -> None:
        super().__init__(reason)
        self.connection = connection


def is_loopback(host: str) -> bool:
    """True when every address of the host is on this machine."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    addresses = {str(info[4][0]) for info in infos}
    return bool(addresses) and all(
        ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses
    )


def describe(error: BaseException) -> str:
    """A short reason without any personal data: the class and the SMTP code, if any."""
    code = getattr(error, "smtp_code", None) or getattr(error, "code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


class Transport:
    """A connection to one channel, opened for a batch and closed after it."""

    def __enter__(self) -> Transport:
        return self

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the connection."""

    def send(self, message: EmailMessage, reference: str, body: dict) -> None:
        """Deliver one message or raise ``DeliveryError``."""
        raise NotImplementedError


class SmtpTransport(Transport):
    """SMTP with STARTTLS (or implicit TLS); clear text only to a loopback server."""

    def __init__(self, config: Config) -> None:
        self._smtp: smtplib.SMTP | None = None
        try:
            self._smtp = self._connect(config)
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            raise DeliveryError(describe(error), connection=True) from error

    def _connect(self, config: Config) -> smtplib.SMTP:
        """Open, secure and authenticate the session."""
        host, port, timeout = config.smtp_host, config.smtp_port, config.smtp_timeout
        context = ssl.create_default_context()
        if config.smtp_tls == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        self._smtp = smtp
        smtp.ehlo()
        if config.smtp_tls == "starttls" and smtp.has_extn("starttls"):
            smtp.starttls(context=context)
            smtp.ehlo()
        elif config.smtp_tls != "ssl" and not is_loopback(host):
            raise DeliveryError("STARTTLS not offered by a remote server", connection=True)
        if config.smtp_username:
            smtp.login(config.smtp_username, config.smtp_password)
        return smtp

    def send(self, message: EmailMessage, reference: str, body: dict) -> None:
        assert self._smtp is not None
        try:
            refused = self._smtp.send_message(message)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as error:
            raise DeliveryError(describe(error)) from error
        except smtplib.SMTPSenderRefused as error:
            raise DeliveryError(describe(error)) from error
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryError(describe(error), connection=True) from error
        if refused:
            raise DeliveryError("SMTPRecipientsRefused")

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                self._smtp.close()
            self._smtp = None


class MaildirTransport(Transport):
    """The embedded default: each message as a file in ``new/``, written and fsynced first."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        for sub in ("tmp", "new", "cur"):
            (folder / sub).mkdir(mode=0o700, parents=True, exist_ok=True)

    def send(self, message: EmailMessage, reference: str, body: dict) -> None:
        name = f"{reference}.forms"
        temporary, final = self._folder / "tmp" / name, self._folder / "new" / name
        try:
            # Personal data: readable by the service account only, whatever its umask.
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(descriptor, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(message.as_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, final)
            directory = os.open(self._folder / "new", os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        except OSError as error:
            raise DeliveryError(describe(error), connection=True) from error


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would re-send as GET without the body: treat it as the error it is."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


NO_REDIRECTS = urllib.request.build_opener(_RefuseRedirects)


class WebhookTransport(Transport):
    """POST the submission as JSON over HTTPS (HTTP only to loopback), signed with HMAC."""

    def __init__(self, config: Config) -> None:
        parts = urlsplit(config.webhook_url)
        if parts.scheme != "https" and not (
            parts.scheme == "http" and is_loopback(parts.hostname or "")
        ):
            raise DeliveryError("webhook must use https", connection=True)
        self._url, self._secret = config.webhook_url, config.webhook_secret.encode()
        self._timeout = config.smtp_timeout

    def send(self, message: EmailMessage, reference: str, body: dict) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "Idempotency-Key": reference}
        if self._secret:
            digest = hmac.new(self._secret, data, hashlib.sha256).hexdigest()
            headers["X-Forms-Signature"] = f"sha256={digest}"
        request = urllib.request.Request(self._url, data=data, headers=headers, method="POST")
        try:
            with NO_REDIRECTS.open(request, timeout=self._timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            # A redirect or a server error says the endpoint, not this message, needs fixing.
            channel_fault = error.code >= 500 or 300 <= error.code < 400
            raise DeliveryError(f"HTTPError {error.code}", connection=channel_fault) from error
        except (OSError, ValueError) as error:
            raise DeliveryError(describe(error), connection=True) from error


def open_transport(channel: str, config: Config) -> Transport:
    """Connect to one channel; raises ``DeliveryError`` when it is unreachable."""
    if channel == "smtp":
        return SmtpTransport(config)
    if channel == "webhook":
        return WebhookTransport(config)
    return MaildirTransport(config.maildir_path)
