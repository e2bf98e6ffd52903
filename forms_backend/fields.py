"""Field kinds and the cleaning of one raw value, with a Polish message for each mistake."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from email.policy import SMTP

from email_validator import EmailNotValidError, validate_email
from stdnum.pl import nip as polish_nip

from forms_backend.i18n import gettext as _
from forms_backend.i18n import ngettext

TRUE_WORDS = frozenset({"true", "yes", "on", "1", "tak"})
FALSE_WORDS = frozenset({"false", "no", "off", "0", "nie", ""})
PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{9,25}$")
IDEMPOTENCY_RE = re.compile(r"^[A-Za-z0-9_.:-]{8,100}$")
NUMBER_SEPARATORS = str.maketrans("", "", " -")


class FieldError(ValueError):
    """A value a resident must correct; the message is already in Polish."""


@dataclass(frozen=True)
class Field:
    """One form field: its kind decides how a raw value is cleaned."""

    name: str
    # text | multiline | email | phone | choice | bool | rating | token | honeypot | nip | krs, or a
    # kind whose own ``cleaner`` takes the raw value (a plan's services and notes: see plan.py)
    kind: str
    label: str
    required: bool = False
    max_length: int = 200
    choices: tuple[str, ...] = ()
    required_message: str = ""
    cleaner: Callable[[object], object] | None = None

    def clean(self, raw: object) -> object:
        """Return the cleaned value or raise ``FieldError``; ``None`` means left empty."""
        if self.cleaner is not None:
            return self.cleaner(raw)
        if self.kind == "bool":
            return _clean_bool(raw)
        if self.kind == "rating":
            return _clean_rating(raw)
        text = clean_text(raw, multiline=self.kind == "multiline")
        if self.kind == "honeypot":
            if text:
                raise FieldError(_("The form could not be sent. Try again."))
            return None
        if not text:
            return None
        if len(text) > self.max_length:
            raise FieldError(
                ngettext(
                    "Enter no more than %(num)d character",
                    "Enter no more than %(num)d characters",
                    self.max_length,
                )
                % {"num": self.max_length}
            )
        if self.kind == "email":
            return _clean_email(text)
        if self.kind == "phone" and not _valid_phone(text):
            raise FieldError(_("Enter a phone number like 600 123 456 or +48 600 123 456"))
        if self.kind == "choice" and text not in self.choices:
            raise FieldError(_("Select one of the options"))
        if self.kind == "token" and not IDEMPOTENCY_RE.match(text):
            raise FieldError(_("Reload the page with the form and send it again"))
        if self.kind == "nip":
            return _clean_nip(text)
        if self.kind == "krs":
            return _clean_krs(text)
        return text


def clean_text(raw: object, *, multiline: bool) -> str:
    """Normalise text; refuse line breaks on one-line fields and any other control character."""
    if raw is None:
        return ""
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise FieldError(_("Enter text in this field"))
    text = unicodedata.normalize("NFC", str(raw)).replace("\r\n", "\n").strip()
    for char in text:
        if char in "\n\r\u2028\u2029\x0b\x0c\x85":
            if not multiline or char == "\r":
                raise FieldError(_("Enter this on one line"))
        elif char != "\t" and unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}:
            raise FieldError(
                _(
                    "The text contains invisible characters, for example from copying. "
                    "Type the text again."
                )
            )
    return text


def _clean_email(text: str) -> str:
    """An address the centre can answer: the same one in the body and in ``Reply-To``."""
    # Encoded words (RFC 2047) would be decoded in the header into another address.
    if "=?" not in text:
        try:
            address = validate_email(
                text, check_deliverability=False, allow_smtputf8=False
            ).ascii_email
        except EmailNotValidError:
            address = None
        if address and _header_addresses(address) == [address]:
            return address
    raise FieldError(_("Enter an email address like name@example.com"))


def _header_addresses(address: str) -> list[str]:
    """The addresses a mail header built from this text would carry."""
    try:
        header = SMTP.header_factory("Reply-To", address)
    except (ValueError, IndexError):
        return []
    return [item.addr_spec for item in header.addresses]


def _valid_phone(text: str) -> bool:
    """A Polish or international number: 9 to 15 digits with common separators."""
    digits = sum(char.isdigit() for char in text)
    return bool(PHONE_RE.match(text)) and 9 <= digits <= 15


def _clean_bool(raw: object) -> bool:
    """A checkbox: absent means no; JSON gives true/false, a form gives its value."""
    if raw is None or isinstance(raw, bool):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return raw.strip().lower() in TRUE_WORDS
    raise FieldError(_("Select one of the options"))


def _clean_rating(raw: object) -> int | None:
    """A rating from 1 to 5, given as a number or as the text of a radio button."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and raw.strip().isdecimal() and len(raw.strip()) == 1:
        raw = int(raw.strip())
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= 5:
        return raw
    raise FieldError(_("Select a rating from 1 to 5"))


def _clean_nip(text: str) -> str:
    """A Polish tax number: 10 digits whose last one is the checksum of the others."""
    digits = text.translate(NUMBER_SEPARATORS).upper().removeprefix("PL")
    if not (digits.isascii() and digits.isdigit() and len(digits) == 10):
        raise FieldError(_("Enter the NIP as 10 digits, like 123-456-32-18"))
    if not polish_nip.is_valid(digits):
        raise FieldError(_("This NIP has a mistake: check its digits"))
    return digits


def _clean_krs(text: str) -> str:
    """A number of the National Court Register: 10 digits (leading zeros may be left out)."""
    digits = text.translate(NUMBER_SEPARATORS)
    if not (digits.isascii() and digits.isdigit() and 1 <= len(digits) <= 10):
        raise FieldError(_("Enter the KRS number as 10 digits, like 0000123456"))
    return digits.zfill(10)
