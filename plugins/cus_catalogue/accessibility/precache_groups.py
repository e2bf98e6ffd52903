"""Which language's visitors need each file of the precache list.

A first visit should download its own language's pages and the files every page shares, not
all three languages (and their search indexes). A file in a language's folder (``uk/...``) is
that language's; a page at the root, or a root file another language mirrors (``atom.xml``,
``uk/atom.xml``), is the primary language's. Any other file (scripts, styles, search files)
belongs to the languages whose files name it, directly or through another file (a page names
its search script, the script its index, the index its shards): to one language when only
that language's files name it, else to every visitor (``SHARED``). An optional file (a theme
file: a source of the search bundle, which pages get inside the bundle, a script only a regional
site loads, a licence text) that no language's files name is kept by nobody.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from pathlib import Path, PurePosixPath

from ..incremental.memo import memo_table
from ..incremental.output import stamp
from ..incremental.store import BuildCache

SHARED = "shared"
# Files whose text may name another file of the site.
TEXT_SUFFIXES = (".html", ".js", ".mjs", ".json", ".css", ".xml", ".webmanifest", ".svg")
# The name before a file extension found in a text (a name never holds quotes or slashes).
NAME_BEFORE = re.compile(r"[A-Za-z0-9_.-]{1,120}$")


def file_of(url: str) -> str:
    """The file a precache URL serves, relative to the site root (``a/`` → ``a/index.html``)."""
    relative = url.removeprefix("./")
    return relative + "index.html" if relative == "" or relative.endswith("/") else relative


def language_groups(
    output: Path,
    entries: Mapping[str, str],
    folders: Mapping[str, str],
    optional: Collection[str] = (),
    cache: BuildCache | None = None,
) -> dict[str, dict[str, str]]:
    """``{SHARED: {url: hash}, "pl": {...}, "uk": {...}}``; ``folders`` is each language's
    folder, ``""`` for the primary language at the root; ``optional`` URLs only if named;
    ``cache`` remembers the names each unchanged file mentions."""
    owner = {url: _own_language(url, entries, folders) for url in entries}
    undecided: dict[str, set[str]] = defaultdict(set)  # file name -> URLs of that name
    for url, code in owner.items():
        if code is None:
            undecided[PurePosixPath(file_of(url)).name].add(url)
    suffixes = {PurePosixPath(name).suffix[1:] for name in undecided} - {""}
    alternatives = "|".join(sorted(map(re.escape, suffixes)))
    extension = re.compile(rf"\.(?:{alternatives})(?![A-Za-z0-9_])") if suffixes else None
    mentions = memo_table(cache, "precache mentions", extension and extension.pattern)
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple for the pages' same list

    def mentioned(path: Path) -> tuple[str, ...]:
        if extension is None or path.suffix not in TEXT_SUFFIXES:
            return ()
        found = _mentions(path, extension)
        return shared.setdefault(found, found)

    names = {}
    for url in entries:
        relative = file_of(url)
        path = output / relative
        found = mentions.get((relative, stamp(path)), functools.partial(mentioned, path))
        names[url] = {named for name in found for named in undecided.get(name, ())}
    users: dict[str, set[str]] = defaultdict(set)
    for code in folders:
        pending = [url for url, own in owner.items() if own == code]
        seen = set(pending)
        while pending:
            for named in names[pending.pop()] - seen:
                seen.add(named)
                users[named].add(code)
                pending.append(named)
    groups: dict[str, dict[str, str]] = {SHARED: {}, **{code: {} for code in folders}}
    for url, digest in entries.items():
        if url in optional and owner[url] is None and not users[url]:
            continue
        code = owner[url] or (next(iter(users[url])) if len(users[url]) == 1 else SHARED)
        groups[code][url] = digest
    return groups


def _own_language(url: str, entries: Mapping[str, str], folders: Mapping[str, str]) -> str | None:
    """The language a file is in by where it is, or None when only its readers tell."""
    primary = next(code for code, folder in folders.items() if not folder)
    for code, folder in folders.items():
        if folder and url.startswith(folder):
            return code
    is_page = file_of(url).endswith(".html")
    mirrored = any(f"{folder}{url}" in entries for folder in folders.values() if folder)
    return primary if is_page or mirrored else None


def _mentions(path: Path, extension: re.Pattern[str]) -> tuple[str, ...]:
    """The file names with one of the undecided files' extensions a text file mentions (found
    by their extensions, fast on the large search files)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    found: set[str] = set()
    for match in extension.finditer(text):
        name = NAME_BEFORE.search(text, max(0, match.start() - 120), match.start())
        if name:
            found.add(name.group(0) + match.group(0))
    return tuple(sorted(found))
