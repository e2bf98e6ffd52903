"""Pages rendered once: a page whose templates, values and context reads are unchanged is copied
from the cache instead of rendered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound
from jinja2.runtime import Context
from pelican.utils import get_relative_path, path_to_url

from .fingerprint import Fingerprints, Unfingerprintable
from .memo import digest
from .output import OutputFolder
from .store import BuildCache, PageReads


class Missing:
    """What a page read under a name nobody defined (a later build may define it)."""


def recording_context(reads: set[str]) -> type[Context]:
    """A Jinja context class that notes every top-level name a template looks up."""

    class RecordingContext(Context):
        def resolve_or_missing(self, key: str) -> Any:
            reads.add(key)
            return super().resolve_or_missing(key)

    return RecordingContext


def record_loads(environment: Environment, loaded: set[str]) -> None:
    """Note the name of every template ``environment`` hands out (``extends``, ``include``,
    ``import``): Jinja's own cache keeps the loader from seeing repeated loads."""
    cls = type(environment)

    def get_template(name: Any, parent: str | None = None, globals: Any = None) -> Any:
        template = cls.get_template(environment, name, parent, globals)
        loaded.add(template.name or "")
        return template

    def select_template(names: Any, parent: str | None = None, globals: Any = None) -> Any:
        template = cls.select_template(environment, names, parent, globals)
        loaded.add(template.name or "")
        return template

    environment.get_template = get_template  # type: ignore[method-assign]
    environment.select_template = select_template  # type: ignore[method-assign]


class CachedPages:
    """Renders through Pelican's writer on a miss and notes what the page read: context names
    and templates; on a hit, leaves the page the build before wrote (``folder``) or writes the
    cached bytes. One per language pass: record views and template sources are digested once."""

    def __init__(
        self,
        cache: BuildCache,
        environment: Environment,
        language: str,
        context: dict[str, Any],
        output: Path,
        translations: str,
        folder: OutputFolder | None = None,
    ) -> None:
        self.cache = cache
        self.environment = environment
        self.folder = folder
        self.language = language
        self.context = context
        self.output = output
        self.translations = translations
        self.fingerprints = Fingerprints()
        self.sources: dict[str, str] = {}
        self.reads: set[str] = set()
        self.loaded: set[str] = set()
        environment.context_class = recording_context(self.reads)
        record_loads(environment, self.loaded)

    def _source(self, template: str) -> str:
        """The digest of ``template``'s source as the theme has it now ("" when it has none)."""
        if template not in self.sources:
            loader = self.environment.loader
            try:
                source = loader.get_source(self.environment, template)[0] if loader else None
            except TemplateNotFound:
                source = None
            self.sources[template] = digest(source).hex()
        return self.sources[template]

    def _key(
        self, name: str, template: str, relative: bool, look_up: Callable, read: PageReads
    ) -> str:
        values = self.fingerprints.of({item: look_up(item) for item in read["names"]})
        sources = [(used, self._source(used)) for used in read["templates"]]
        parts = (self.language, name, template, relative, values, repr(sources), self.translations)
        return self.cache.key("page", *parts)

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

        before, key = self.cache.reads.get(name), None
        with suppress(Unfingerprintable):
            key = self._key(name, template, relative_urls, look_up, before) if before else None
        if key and self._from_cache(name, key):
            if relative is not None:
                context["localsiteurl"] = relative  # what Pelican's writer leaves behind
            return
        self.reads.clear()
        self.loaded.clear()
        render()
        read = {"names": sorted(self.reads), "templates": sorted(self.loaded | {template})}
        if not key or read != before:  # else it keeps the key it was looked up by
            try:
                key = self._key(name, template, relative_urls, look_up, read)
            except Unfingerprintable:
                self.cache.reads.pop(name, None)
                return
        self.cache.reads[name] = read
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
