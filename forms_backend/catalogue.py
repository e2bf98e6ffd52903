"""Which services and providers exist, so a form can only name real ones."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

RECHECK_SECONDS = 5.0


@dataclass(frozen=True)
class Entry:
    """One service or provider as the forms need it."""

    id: str
    name: str
    provider: str = ""
    apply_online: bool = False


@dataclass(frozen=True)
class Snapshot:
    """Services and providers read at one moment."""

    services: dict[str, Entry]
    providers: dict[str, Entry]


def _yaml_name(path: Path) -> tuple[str, dict]:
    """The ``name`` of a record, with the whole mapping; the id when the file does not parse."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return path.stem, {}
    if not isinstance(data, dict):
        return path.stem, {}
    return str(data.get("name") or path.stem), data


def _read_content(content: Path) -> Snapshot:
    """Read ``services/*.yaml`` and ``providers/*.yaml`` of a content folder: names are ids."""
    services: dict[str, Entry] = {}
    for path in sorted((content / "services").glob("*.yaml")):
        name, data = _yaml_name(path)
        # As on the site: online requests only for active services that ask for them.
        accepts = data.get("apply_online") is True and data.get("status", "active") == "active"
        services[path.stem] = Entry(path.stem, name, str(data.get("provider") or ""), accepts)
    providers = {
        path.stem: Entry(path.stem, _yaml_name(path)[0])
        for path in sorted((content / "providers").glob("*.yaml"))
    }
    return Snapshot(services, providers)


def _read_built(path: Path) -> Snapshot:
    """Read the site's ``uslugi.json``: ``{"services": [{id, name, provider, apply_online}]}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    services = {
        str(item["id"]): Entry(
            str(item["id"]),
            str(item.get("name") or item["id"]),
            str(item.get("provider") or ""),
            item.get("apply_online") is True,
        )
        for item in data.get("services", [])
    }
    providers = {
        str(item["id"]): Entry(str(item["id"]), str(item.get("name") or item["id"]))
        for item in data.get("providers", [])
    }
    for service in services.values():
        if service.provider and service.provider not in providers:
            providers[service.provider] = Entry(service.provider, service.provider)
    return Snapshot(services, providers)


class Catalogue:
    """A cached view of the catalogue, re-read when its files change."""

    def __init__(self, content_path: Path, catalogue_path: Path | None = None) -> None:
        self._content = content_path
        self._built = catalogue_path
        self._lock = threading.Lock()
        self._stamp: tuple[float, ...] | None = None
        self._checked = 0.0
        self._snapshot = Snapshot({}, {})

    def _current_stamp(self) -> tuple[float, ...]:
        """Modification times that change whenever a record is added, removed or edited."""
        if self._built is not None:
            paths = [self._built]
        else:
            folders = [self._content / "services", self._content / "providers"]
            paths = folders + [p for f in folders if f.is_dir() for p in f.glob("*.yaml")]
        return tuple(p.stat().st_mtime_ns if p.exists() else -1 for p in paths)

    def snapshot(self) -> Snapshot:
        """The current services and providers, re-read at most every few seconds."""
        now = time.monotonic()
        with self._lock:
            if self._stamp is None or now - self._checked > RECHECK_SECONDS:
                self._checked = now
                stamp = self._current_stamp()
                if stamp != self._stamp:
                    self._stamp = stamp
                    self._snapshot = (
                        _read_built(self._built)
                        if self._built is not None
                        else _read_content(self._content)
                    )
            return self._snapshot
