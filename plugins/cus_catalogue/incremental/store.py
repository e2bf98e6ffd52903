"""The cache folder: results by key, and what each page read when it was last rendered."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from .memo import MemoTable, digest

PLUGIN = Path(__file__).resolve().parents[1]
LIBRARIES = ("pelican", "jinja2", "markupsafe", "markdown", "jsonschema", "PyYAML", "babel")
#: Libraries whose output memo tables keep (search terms, lemmas); a site may lack one.
ANALYSIS_LIBRARIES = ("lunr", "snowballstemmer", "morfeusz2", "segno", "markdown-it-py", "PyICU")
READS = "reads.json"
#: What a page read when it was rendered: context names ("names") and templates ("templates").
PageReads = dict[str, list[str]]
#: Settings of where and how a build runs, not of what it writes.
NOT_INPUTS = (
    "OUTPUT_PATH",
    "CATALOGUE_BUILD_CACHE",
    "CATALOGUE_PARALLEL_PAGES_FROM",
    "CATALOGUE_RENDER_PROCESSES",
)


def tree_digest(*folders: Path) -> str:
    """One digest of every file under ``folders`` (names and bytes): code, templates, data."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def version(library: str) -> str:
    """The installed version of ``library``, or "absent"."""
    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def code_version() -> str:
    """The plugin's own code and the versions of the libraries that shape its output."""
    versions = [version(name) for name in LIBRARIES + ANALYSIS_LIBRARIES]
    return hashlib.sha256((tree_digest(PLUGIN) + repr(versions)).encode()).hexdigest()


class BuildCache:
    """Pickled results named by the digest of their key, in ``folder``.

    Entries the build did not use are removed when it ends, so the folder holds one build's
    worth; a missing or unreadable entry is a miss, never an error.
    """

    def __init__(self, folder: Path, base_key: str) -> None:
        self.folder = folder
        self.base_key = base_key
        self.used: set[str] = set()
        self.hits = self.misses = 0
        self.tables: dict[str, MemoTable] = {}
        self.reads: dict[str, PageReads] = {}
        try:
            found = json.loads((folder / READS).read_text("utf-8"))
        except (OSError, ValueError):
            found = {}
        if isinstance(found, dict):  # an older version's reads (lists) are no reads
            self.reads = {name: read for name, read in found.items() if isinstance(read, dict)}

    def key(self, *parts: Any) -> str:
        """The digest of this build's base key and ``parts`` (bytes or strings)."""
        digest = hashlib.sha256(self.base_key.encode())
        for part in parts:
            digest.update(b"\0" + (part if isinstance(part, bytes) else str(part).encode()))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> Any | None:
        """The result stored under ``key``, or None."""
        try:
            value = pickle.loads(self._path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return value

    def claim(self, key: str) -> None:
        """Count ``key`` as a hit whose result is already where it belongs (kept, not read)."""
        self.used.add(key)
        self.hits += 1

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (written whole, then renamed into place)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
            temporary.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary.name, path)
        self.used.add(key)

    def table(self, name: str, *inputs: Any) -> MemoTable:
        """The memo table ``name`` of steps that also read ``inputs``, loaded on first use."""
        key = self.key("table", name, digest(inputs))
        if key not in self.tables:
            self.tables[key] = MemoTable(self.get(key))
        return self.tables[key]

    def save(self) -> None:
        """Keep what this build used and the names each page read; drop everything else."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, table in self.tables.items():
            if table.changed:
                self.put(key, table.used)
        for bucket in (p for p in self.folder.iterdir() if p.is_dir()):
            for entry in bucket.iterdir():
                if entry.name not in self.used:
                    entry.unlink()
        (self.folder / READS).write_text(json.dumps(self.reads, sort_keys=True), "utf-8")


def open_cache(folder: str, settings: dict[str, Any], data: Path) -> BuildCache | None:
    """The cache of this build, keyed by code, vocabularies and every setting; None when the site
    sets no cache folder or a setting has no stable digest. The theme is no part of this key:
    a page's key adds the templates it used (``pages.py``), and nothing else reads the theme's
    files but through the pages' context (the search bundle's hashed name, for one)."""
    from .fingerprint import Fingerprints, Unfingerprintable

    if not folder:
        return None
    # Where the site is written is no input of what is written (pages read it through their
    # context, which their own key covers): a preview's staging folder shares the cache.
    inputs = {name: value for name, value in settings.items() if name not in NOT_INPUTS}
    try:
        settings_digest = Fingerprints().of(inputs).hex()
    except Unfingerprintable:
        return None
    base = [code_version(), tree_digest(data), settings_digest]
    return BuildCache(Path(folder), hashlib.sha256(repr(base).encode()).hexdigest())
