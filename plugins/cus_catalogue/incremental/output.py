"""The output folder of a cached build: pages the build before wrote stay where they are.

Without a cache Pelican empties the output folder and every file is written again. With one,
the plugin empties it itself, except for the pages a manifest in the cache names with the key
of their bytes and the file's stamp (size, times, inode) as that build left it. A page whose
key is the same again is left alone (neither read nor written); the pages no page of this
build claimed are deleted when it ends. So the folder holds what a build into an empty folder
writes, and a one-record edit touches only the files that change.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: A manifest's name in the cache folder, by the output folder's device and inode.
MANIFEST = "output-{device}-{inode}.pickle"
#: Manifests kept: a preview (``katalog serve``) builds into two folders in turn.
KEPT_MANIFESTS = 2

Stamp = tuple[int, int, int, int]
Entry = tuple[str, Stamp]


def stamp(path: str | os.PathLike[str]) -> Stamp:
    """What tells whether a file was written or replaced since: size, mtime, ctime, inode."""
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def keeps_output(settings: Mapping[str, Any]) -> bool:
    """Whether this build empties the output folder itself instead of Pelican (which would
    delete it): a cache is set and Pelican would have deleted the folder."""
    if not (settings.get("CATALOGUE_BUILD_CACHE") and settings.get("DELETE_OUTPUT_DIRECTORY")):
        return False
    output = os.path.realpath(settings["OUTPUT_PATH"])
    return os.path.commonpath([output, os.path.realpath(settings["PATH"])]) != output


class OutputFolder:
    """The pages left from the build before, and the pages this build leaves."""

    def __init__(self, cache_folder: Path, output: Path, retained: tuple[str, ...] = ()) -> None:
        output.mkdir(parents=True, exist_ok=True)
        folder = output.stat()  # its identity: the preview renames its folders between builds
        self.cache_folder = cache_folder
        self.manifest = cache_folder / MANIFEST.format(device=folder.st_dev, inode=folder.st_ino)
        self.output = output
        self.pages: dict[str, Entry] = {}
        self.emptied: set[str] = set()
        self.reusable = self._clear(self._previous(), retained)

    def _previous(self) -> dict[str, Entry]:
        try:
            return pickle.loads(self.manifest.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return {}

    def _clear(self, previous: dict[str, Entry], retained: tuple[str, ...]) -> dict[str, Entry]:
        """Delete every file but the unchanged pages of ``previous`` (and Pelican's
        ``OUTPUT_RETENTION`` names at the top); those pages."""
        reusable: dict[str, Entry] = {}
        root = str(self.output)
        for folder, subfolders, names in os.walk(root):
            relative = os.path.relpath(folder, root).replace(os.sep, "/")
            prefix = "" if relative == "." else relative + "/"
            if not prefix:
                subfolders[:] = [name for name in subfolders if name not in retained]
                names = [name for name in names if name not in retained]
            if not names:  # left empty, or emptied below: gone at the end if still empty
                self.emptied.add(folder)
            for name in names + [s for s in subfolders if os.path.islink(f"{folder}/{s}")]:
                path, page = f"{folder}/{name}", prefix + name
                entry = previous.get(page)
                if entry is not None and not os.path.islink(path) and entry[1] == stamp(path):
                    reusable[page] = entry
                else:
                    os.unlink(path)
                    self.emptied.add(folder)
        return reusable

    def keep(self, name: str, key: str) -> bool:
        """Whether page ``name`` already holds the bytes of ``key`` (then it stays as it is)."""
        entry = self.reusable.get(name)
        if entry is None or entry[0] != key:
            return False
        self.pages[name] = entry
        return True

    def wrote(self, name: str, key: str) -> None:
        """Page ``name`` now holds the bytes of ``key``."""
        self.pages[name] = (key, stamp(self.output / name))

    def mark(self) -> int:
        """Where the pages stand: a forked render worker reports what it adds after this."""
        return len(self.pages)

    def added_since(self, mark: int) -> list[tuple[str, Entry]]:
        """The pages written or kept since ``mark``."""
        return list(self.pages.items())[mark:]

    def absorb(self, added: list[tuple[str, Entry]]) -> None:
        """Keep what a render worker added (``added_since`` in the worker)."""
        self.pages.update(added)

    def finish(self) -> None:
        """Delete the pages of the build before that this one did not leave (a removed
        record's), and the folders that emptied; remember this build's pages."""
        for name in self.reusable.keys() - self.pages.keys():
            path = self.output / name
            with contextlib.suppress(OSError):
                if stamp(path) == self.reusable[name][1]:  # no other file took its place
                    path.unlink()
                    self.emptied.add(str(path.parent))
        root = str(self.output)
        for folder in sorted(self.emptied, key=len, reverse=True):
            while folder.startswith(root + os.sep):
                try:
                    os.rmdir(folder)
                except OSError:  # not empty: a file this build wrote is in it
                    break
                folder = os.path.dirname(folder)
        self._save()

    def _save(self) -> None:
        self.cache_folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=self.cache_folder, delete=False) as temporary:
            temporary.write(pickle.dumps(self.pages, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary.name, self.manifest)
        pattern = MANIFEST.format(device="*", inode="*")
        manifests = sorted(self.cache_folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
        for old in manifests[:-KEPT_MANIFESTS]:
            old.unlink(missing_ok=True)
