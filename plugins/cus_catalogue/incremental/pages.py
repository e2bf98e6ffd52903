"""Pages rendered once: a page whose template, values and context reads are unchanged is copied
from the cache instead of rendered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2.runtime import Context
from pelican.utils import get_relative_path, path_to_url

from .fingerprint import Fingerprints, Unfingerprintable
from .output import OutputFolder
from .store import BuildCache


class Missing:
    """What a page read under a name nobody defined (a later build may define it)."""


def recording_context(reads: set[str]) -> type[Context]:
    """A Jinja context class that notes every top-level name a template looks up."""

    class RecordingContext(Context):
        def resolve_or_missing(self, key: str) -> Any:
            reads.add(key)
            return super().resolve_or_missing(key)

    return RecordingContext


class CachedPages:
    """Renders through Pelican's writer on a miss and notes what the page read; on a hit,
    leaves the page the build before wrote (``folder``) or writes the cached bytes. One per
    language pass: record views are digested once."""

    def __init__(
        self,
        cache: BuildCache,
        environment: Environment,
        language: str,
        context: dict[str, Any],
        output: Path,
        folder: OutputFolder | None = None,
    ) -> None:
        self.cache = cache
        self.folder = folder
        self.language = language
        self.context = context
        self.output = output
        self.fingerprints = Fingerprints()
        self.reads: set[str] = set()
        environment.context_class = recording_context(self.reads)

    def _key(self, name: str, template: str, relative: bool, look_up: Callable, names: list) -> str:
        read = {item: look_up(item) for item in names}
        digest = self.fingerprints.of(read)
        return self.cache.key("page", self.language, name, template, relative, digest)

    def write(
        self,
        name: str,
        template: str,
        relative_urls: bool,
        values: Mapping[str, Any],
        render: Callable[[], None],
    ) -> None:
        """Write page ``name``: from the cache when every input it read is unchanged."""
        context, output = self.context, self.output
        relative = path_to_url(get_relative_path(name)) if relative_urls else None

        def look_up(item: str) -> Any:  # as Pelican's writer builds the page's context
            if item in values:
                return values[item]
            if item in ("SITEURL", "localsiteurl") and relative is not None:
                return relative
            return name if item == "output_file" else context.get(item, Missing())

        try:
            names = self.cache.reads.get(name)
            key = self._key(name, template, relative_urls, look_up, names) if names else None
        except Unfingerprintable:
            key = None
        if key and self._from_cache(name, key):
            if relative is not None:
                context["localsiteurl"] = relative  # what Pelican's writer leaves behind
            return
        self.reads.clear()
        render()
        names = sorted(self.reads)
        try:
            key = self._key(name, template, relative_urls, look_up, names)
        except Unfingerprintable:
            self.cache.reads.pop(name, None)
            return
        self.cache.reads[name] = names
        self.cache.put(key, (output / name).read_bytes())
        if self.folder is not None:
            self.folder.wrote(name, key)

    def _from_cache(self, name: str, key: str) -> bool:
        """Leave page ``name`` as the build before wrote it, or write its cached bytes; False
        when the cache has none."""
        if self.folder is not None and self.folder.keep(name, key):
            self.cache.claim(key)
            return True
        cached = self.cache.get(key)
        if cached is None:
            return False
        target = self.output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cached)
        if self.folder is not None:
            self.folder.wrote(name, key)
        return True
