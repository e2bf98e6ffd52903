"""Encryption at rest: submissions are stored only as Fernet tokens, never in clear text."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from cryptography.fernet import Fernet, MultiFernet


def load_or_create_key(configured: str, database_path: Path) -> list[bytes]:
    """Keys from ``FORMS_ENCRYPTION_KEY`` (comma-separated, newest first) or a key file."""
    if configured.strip():
        return [key.strip().encode("ascii") for key in configured.split(",") if key.strip()]
    key_path = database_path.with_suffix(".key")
    key_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return [key_path.read_bytes().strip()]
    key = Fernet.generate_key()
    with os.fdopen(descriptor, "wb") as key_file:
        key_file.write(key)
        key_file.flush()
        os.fsync(key_file.fileno())
    return [key]


class Sealer:
    """Seal and open submission payloads; derive keyed hashes that reveal nothing."""

    def __init__(self, keys: list[bytes]) -> None:
        self._fernet = MultiFernet([Fernet(key) for key in keys])
        self._hash_key = hashlib.sha256(b"forms-backend/hash/" + keys[0]).digest()

    def seal(self, payload: dict[str, object]) -> bytes:
        """Encrypt a JSON-serialisable mapping."""
        return self._fernet.encrypt(json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def open(self, token: bytes) -> dict[str, object]:
        """Decrypt what ``seal`` produced (with any of the configured keys)."""
        return json.loads(self._fernet.decrypt(token))

    def digest(self, *parts: str) -> str:
        """A keyed hash, e.g. of an idempotency key, stable across restarts."""
        message = "\x1f".join(parts).encode("utf-8")
        return hashlib.blake2b(message, key=self._hash_key, digest_size=20).hexdigest()
