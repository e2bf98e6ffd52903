"""Each language's search files are written as soon as they are built, before any page of the
pass: at 100,000 services holding them until the feature's ``write`` kept two languages' files
(about 500 MB) alive while the Polish pages rendered (issue 17, peak memory)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sitekit import FIXTURES, run_katalog, settings_with_feature

# A site's own feature that runs after search in every pass and notes, before the pass's pages
# are written, which search files are on disk and whether the start page is.
SEEN_FEATURE = """
import json

from cus_catalogue.feature import Contributions, Feature

LOG = {log!r}


class SearchFilesSeen(Feature):
    name = "search-files-seen"

    def contribute(self, build):
        start = build.output / build.prefix / "index.html"
        search = build.output / "static" / "search"
        files = sorted(p.name for p in search.iterdir()) if search.is_dir() else []
        seen = {{"language": build.language, "start_page": start.exists(), "files": files}}
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps(seen) + "\\n")
        return Contributions()
"""


def test_search_files_are_on_disk_before_the_pages_of_their_pass(tmp_path: Path) -> None:
    """When the Polish pass starts its pages, the Polish and Ukrainian search files (the Polish
    search page sends Cyrillic queries to the Ukrainian index) are already written; the
    English ones come with the English pass, and the finished site has exactly those."""
    site = tmp_path / "site"
    log = site / "seen.log"
    conf = settings_with_feature(site, "seen", SEEN_FEATURE.format(log=str(log)), "SearchFilesSeen")
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    output = site / "out"
    result = run_katalog("build", str(content), "--settings", str(conf), "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr

    seen = {
        entry["language"]: entry
        for entry in map(json.loads, log.read_text(encoding="utf-8").splitlines())
    }
    assert list(seen) == ["pl", "uk", "en"]
    finished = sorted(p.name for p in (output / "static" / "search").iterdir())
    polish, ukrainian, english = (set(seen[code]["files"]) for code in ("pl", "uk", "en"))
    assert not seen["pl"]["start_page"]
    assert polish, "no search file was on disk when the Polish pages began"
    assert ukrainian == polish  # the Ukrainian files came with the Polish pass
    assert english > ukrainian
    assert sorted(english) == finished
    for code in ("pl", "uk", "en"):
        index = (output / (f"{code}/" if code != "pl" else "") / "szukaj" / "index.html").read_text(
            encoding="utf-8"
        )
        linked = {name for name in finished if f"static/search/{name}" in index}
        assert linked and linked <= set(seen[code]["files"])
