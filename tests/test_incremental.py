"""Incremental builds (issue 17): after any sequence of record, template and theme file edits, a
build from the cache writes exactly the files, byte for byte, that a build from scratch writes."""

from __future__ import annotations

import functools
import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from pelican.writers import Writer
from records import copy_mini
from sitekit import ROOT, TEST_TODAY

from cus_catalogue.accessibility import offline as accessibility_offline
from cus_catalogue.accessibility import precache_groups
from cus_catalogue.accessibility import qr as accessibility_qr
from cus_catalogue.incremental import records as cached_records
from cus_catalogue.incremental.fingerprint import Fingerprints
from cus_catalogue.incremental.memo import MemoTable
from cus_catalogue.publishing import sitemap
from cus_catalogue.search import cached as search_cached
from cus_catalogue.search import index as search_index
from cus_catalogue.search import lemmas as search_lemmas
from katalog.build import build_site

NAMES = ["Pomoc sąsiedzka", "Obiady dla seniora", "Łaźnia miejska", "Złota rączka"]
AUDIENCES = ["seniorzy", "wszyscy-mieszkancy", "osoby-z-niepelnosprawnosciami"]
TEMPLATES = [
    "base.html",
    "service.html",
    "partials/service_list.html",
    "browse.html",
    "provider.html",  # the provider pages' alone
]
#: Theme files no template includes: a stylesheet, a script as it is, the search bundle's entry.
STATIC = ["css/main.css", "js/site.js", "js/search-main.js"]
PROVIDER_PAGE = re.compile(r"((uk|en)/)?realizatorzy/[^/]+/index\.html")
TAMPERING = ["alter", "same size", "delete", "stray"]

rename = st.tuples(st.just("rename"), st.integers(0, 9), st.sampled_from(NAMES))
regroup = st.tuples(
    st.just("audiences"), st.integers(0, 9), st.sets(st.sampled_from(AUDIENCES), min_size=1)
)
add = st.tuples(st.just("add"), st.integers(0, 9), st.sampled_from(NAMES))
remove = st.tuples(st.just("remove"), st.integers(0, 9), st.none())
provider = st.tuples(st.just("provider"), st.none(), st.sampled_from(NAMES))
template = st.tuples(st.just("template"), st.sampled_from(TEMPLATES), st.sampled_from(NAMES))
thesaurus = st.tuples(st.just("thesaurus"), st.none(), st.sampled_from(NAMES))
static = st.tuples(st.just("static"), st.sampled_from(STATIC), st.sampled_from(NAMES))
# A hand in the built folder between builds: a page altered or deleted, a file no build writes.
by_hand = st.tuples(st.just("by hand"), st.integers(0, 9), st.sampled_from(TAMPERING))
EDITS = st.lists(
    st.one_of(rename, regroup, add, remove, provider, template, thesaurus, static, by_hand),
    max_size=3,
)


def replace_line(path: Path, key: str, value: str) -> None:
    """Give a record's top-level ``key`` a new value (the line must be there)."""
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)
    assert count == 1, f"no {key} in {path}"
    path.write_text(new, encoding="utf-8")


def apply(edit: tuple, content: Path, theme: Path, step: int, output: Path | None = None) -> None:
    """One edit a volunteer or a designer might make between two builds (the data folder is
    ``content``'s sibling), or a hand changing the built ``output``."""
    kind, target, value = edit
    if kind == "by hand":
        tamper(output, target, value)
        return
    services = sorted((content / "services").glob("*.yaml"))
    service = services[target % len(services)] if isinstance(target, int) else None
    if kind == "rename":
        replace_line(service, "name", value)
    elif kind == "audiences":
        replace_line(service, "audiences", "[" + ", ".join(sorted(value)) + "]")
    elif kind == "add":
        copy = content / "services" / f"nowa-usluga-{step}.yaml"
        shutil.copy(service, copy)
        replace_line(copy, "name", f"{value} {step}")
    elif kind == "remove" and len(services) > 1:
        service.unlink()
    elif kind == "provider":
        replace_line(next((content / "providers").glob("*.yaml")), "name", value)
    elif kind == "template":  # a child template shows only what is inside its blocks
        page = theme / "templates" / target
        text, comment = page.read_text("utf-8"), f"<!-- {value} {step} -->\n"
        if "{% extends" in text:
            head, end, tail = text.rpartition("{% endblock %}")
            page.write_text(head + comment + end + tail, "utf-8")
        else:
            page.write_text(text + comment, "utf-8")
    elif kind == "static":  # a script's new export changes the search bundle and its name
        path = theme / "static" / target
        line = (
            f"/* {value} {step} */"
            if target.endswith(".css")
            else f'export const edit{step} = "{value}";'
        )
        path.write_text(path.read_text("utf-8") + line + "\n", "utf-8")
    elif kind == "thesaurus":  # a new word for "złota rączka": its services' index changes
        table = content.parent / "data" / "synonyms.csv"
        text = table.read_text("utf-8").replace("; majster,", f"; majster; fachowiec{step},", 1)
        table.write_text(text, "utf-8")


def tamper(output: Path, target: int, how: str) -> None:
    """Change a built page by hand (its bytes, its bytes but not its size, or delete it), or
    add a file no build writes."""
    pages = sorted(output.rglob("index.html"))
    page = pages[target % len(pages)]
    if how == "alter":
        page.write_bytes(page.read_bytes() + b"<!-- by hand -->")
    elif how == "same size":
        page.write_bytes(page.read_bytes().replace(b"<", b"[", 1))
    elif how == "delete":
        page.unlink()
    else:
        (page.parent / "notatka.txt").write_text("not from any build", "utf-8")
        (output / "uslugi" / "stara-usluga").mkdir(parents=True, exist_ok=True)


def files(folder: Path) -> dict[str, bytes]:
    """Every file's bytes by its path, and every folder (an empty one is there too)."""
    return {
        str(p.relative_to(folder)) + ("/" if p.is_dir() else ""): b""
        if p.is_dir()
        else p.read_bytes()
        for p in folder.rglob("*")
    }


def build(
    content: Path, output: Path, theme: Path, cache: Path | None, workers: int = 2
) -> dict[str, bytes]:
    """A build of ``content`` with the data folder beside it (a cached one renders its pages
    in ``workers`` forked processes, so the pages and QR codes they make are cached too)."""
    overrides: dict[str, object] = {"CATALOGUE_TODAY": TEST_TODAY, "THEME": str(theme)}
    overrides["CATALOGUE_DATA_PATH"] = str(content.parent / "data")
    if cache is not None:
        overrides["CATALOGUE_BUILD_CACHE"] = str(cache)
        overrides["CATALOGUE_PARALLEL_PAGES_FROM"] = 0
        overrides["CATALOGUE_RENDER_PROCESSES"] = workers
    assert build_site(content, output, overrides=overrides).code == 0
    return files(output)


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],  # each step is two builds: no shrinking
)
@given(edits=EDITS)
@example(edits=[("rename", 0, NAMES[0]), ("template", "base.html", NAMES[1])])
@example(edits=[("thesaurus", None, NAMES[0]), ("audiences", 1, {"seniorzy"})])
@example(edits=[("template", "provider.html", NAMES[2]), ("static", "js/search-main.js", NAMES[3])])
@example(edits=[("add", 0, NAMES[2]), ("remove", 2, None), ("by hand", 3, "same size")])
@example(edits=[("by hand", 1, "alter"), ("by hand", 0, "delete"), ("by hand", 2, "stray")])
def test_a_build_from_the_cache_equals_a_build_from_scratch(
    tmp_path_factory, edits: list[tuple]
) -> None:
    """Every page, list, index, feed and precache list is what a full build writes: a record
    edit, a new or deleted record (its pages and folders gone), a provider's new name, a
    template, stylesheet, script or thesaurus edit, a built page altered or deleted by hand
    leaves nothing stale, the search terms, lemmas and QR codes remembered per record included
    (the cache folder is shared by every sequence, as a preview's is; the rebuilds go into the
    folder built before)."""
    work = tmp_path_factory.mktemp("edits")
    cache = tmp_path_factory.getbasetemp() / "shared-cache"
    content = copy_mini(work / "content")
    shutil.copytree(ROOT / "data", work / "data")
    theme = work / "theme"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    build(content, work / "incremental", theme, cache)
    for step, edit in enumerate(edits):
        apply(edit, content, theme, step, work / "incremental")
        incremental = build(content, work / "incremental", theme, cache)
        scratch = build(content, work / "scratch", theme, None)
        assert sorted(incremental) == sorted(scratch), f"after {edits[: step + 1]}"
        differing = [name for name in scratch if incremental[name] != scratch[name]]
        assert not differing, f"stale after {edits[: step + 1]}: {differing}"


def test_an_unchanged_page_comes_from_the_cache_and_a_template_edit_renders_it_again(
    tmp_path: Path,
) -> None:
    """The cache is really used (else the property above would hold trivially): a page whose
    inputs did not change is copied from it; a template edit invalidates it."""
    content, theme, cache = copy_mini(tmp_path / "content"), tmp_path / "theme", tmp_path / "c"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    page = "uslugi/porada-prawna/index.html"
    built = build(content, tmp_path / "site", theme, cache)[page]
    entries = [p for p in cache.glob("*/*") if pickle.loads(p.read_bytes()) == built]
    assert len(entries) == 1, "the page is cached once, under one key"
    entries[0].write_bytes(pickle.dumps(b"<p>from the cache</p>"))
    (tmp_path / "site" / page).unlink()  # else the page the build before wrote stays
    assert build(content, tmp_path / "site", theme, cache)[page] == b"<p>from the cache</p>"
    apply(("template", "base.html", "Nowy szablon"), content, theme, 0)
    rendered = build(content, tmp_path / "site", theme, cache)[page]
    assert b"Nieodp\xc5\x82atna pomoc prawna" in rendered and b"Nowy szablon" in rendered


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's modification time and inode: what any write or replacement changes."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_ino)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_a_one_record_rebuild_leaves_the_other_records_pages_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building into the folder built before (issue 17: one record changed <= 10 s at 100,000
    services): the pages of records the edit does not reach are neither deleted nor written
    again nor read (precache list, kiosk links, sitemap), the changed record's pages are, and a
    deleted record's pages and folders go."""
    content, theme, cache = copy_mini(tmp_path / "content"), tmp_path / "theme", tmp_path / "c"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    providers, services = content / "providers", content / "services"
    shutil.copy(providers / "fundacja-pomocna-dlon.yaml", providers / "klub-seniora.yaml")
    replace_line(providers / "klub-seniora.yaml", "name", "Klub Seniora")
    shutil.copy(services / "porada-prawna.yaml", services / "kawiarenka.yaml")
    replace_line(services / "kawiarenka.yaml", "name", "Kawiarenka")
    replace_line(services / "kawiarenka.yaml", "provider", "klub-seniora")
    site = tmp_path / "site"
    build(content, site, theme, cache)
    before = stamps(site)
    replace_line(services / "zlota-raczka.yaml", "name", "Fachowiec Wiesio")
    (services / "porada-prawna.yaml").unlink()
    read: list[str] = []
    for module, name in (
        (accessibility_offline, "content_hash"),
        (precache_groups, "_mentions"),
        (accessibility_qr, "links_out_of"),
        (sitemap, "asks_to_stay_out"),
    ):
        real = getattr(module, name)
        spy = functools.partial(
            lambda real, path, *rest: read.append(str(path)) or real(path, *rest), real
        )
        monkeypatch.setattr(module, name, spy)
    after = build(content, site, theme, cache)
    now = stamps(site)
    others = [
        f"{language}{kind}/{name}/index.html"
        for language in ("", "uk/", "en/")
        for kind, name in (("uslugi", "kawiarenka"), ("realizatorzy", "klub-seniora"))
    ]
    assert {page: now[page] for page in others} == {page: before[page] for page in others}
    changed = [f"{language}uslugi/zlota-raczka/index.html" for language in ("", "uk/", "en/")]
    assert all(now[page] != before[page] for page in changed)
    assert all("Fachowiec Wiesio" in after[page].decode() for page in changed)
    assert not [name for name in after if "porada-prawna" in name]
    assert not [path for path in read if path.endswith(tuple(others))]
    assert all(any(path.endswith(page) for path in read) for page in changed)


def test_after_one_record_changes_only_that_record_is_analysed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-record caches are really used (else the property above would hold trivially):
    after a service is renamed, only its text is expanded, tokenized and run through lunr's
    pipeline again, only its new words go to the dictionary, and no QR code is encoded (its
    address did not change)."""
    content, theme, cache = copy_mini(tmp_path / "content"), tmp_path / "theme", tmp_path / "c"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    build(content, tmp_path / "site", theme, cache)
    replace_line(content / "services" / "zlota-raczka.yaml", "name", "Fachowiec Wiesio")
    calls: dict[str, list] = {"expand": [], "tokenize": [], "lunr": [], "lemmas": [], "qr": []}

    def spy(module: object, name: str, log: str) -> None:
        real = getattr(module, name)

        def spying(*args: object) -> object:
            calls[log].append(args[0])
            return real(*args)

        monkeypatch.setattr(module, name, spying)

    spy(search_index, "expand", "expand")
    spy(search_cached, "tokenize", "tokenize")
    spy(search_cached, "field_terms", "lunr")
    spy(search_lemmas, "dictionary_lemmas", "lemmas")
    spy(accessibility_qr, "qr_encoding", "qr")
    build(content, tmp_path / "site", theme, cache, workers=1)  # the spies see every page
    assert calls["expand"] and all("Fachowiec Wiesio" in source for source in calls["expand"])
    assert any(text.startswith("Fachowiec Wiesio") for text in calls["tokenize"])
    assert not [text for text in calls["tokenize"] if "Nieodpłatna pomoc" in text]
    assert any(words[:1] == ["fachowiec"] for words in calls["lunr"])
    assert not [words for words in calls["lunr"] if words[:1] == ["nieodpłatna"]]
    assert calls["lemmas"] and set(calls["lemmas"]) <= {"fachowiec", "wiesio"}
    assert calls["qr"] == []


def spy_on_work(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """What a build renders, reads and checks, and computes for a memo table (serial builds)."""
    work: dict[str, list] = {"pages": [], "records": [], "memo": []}
    write_file, read_checked, memo_get = (
        Writer.write_file,
        cached_records.read_checked,
        MemoTable.get,
    )

    def writing(writer: Writer, name: str, *args: object, **kwargs: object) -> object:
        work["pages"].append(name)
        return write_file(writer, name, *args, **kwargs)

    def reading(path: Path, *args: object) -> object:
        work["records"].append(path.name)
        return read_checked(path, *args)

    def getting(table: MemoTable, inputs: object, compute: Callable[[], object]) -> object:
        def computing() -> object:
            work["memo"].append(inputs)
            return compute()

        return memo_get(table, inputs, computing)

    monkeypatch.setattr(Writer, "write_file", writing)
    monkeypatch.setattr(cached_records, "read_checked", reading)
    monkeypatch.setattr(MemoTable, "get", getting)
    return work


def read_by_stamp(inputs: object) -> str | None:
    """The built file a memo entry is about (what ``finalize`` remembers of a file by its path
    and stamp), or None for an entry about records."""
    if isinstance(inputs, tuple) and len(inputs) == 2 and isinstance(inputs[1], tuple):
        return inputs[0] if isinstance(inputs[0], str) else None
    return None


def record_work(work: dict[str, list]) -> list:
    """Memo entries computed from records, not from files the build has just written."""
    return [inputs for inputs in work["memo"] if read_by_stamp(inputs) is None]


def pages_read_again(work: dict[str, list]) -> set[str]:
    """The built HTML pages ``finalize`` read because their file is new since the build before."""
    files = {read_by_stamp(inputs) for inputs in work["memo"]}
    return {name for name in files if name and name.endswith(".html")}


def test_a_page_template_edit_renders_only_its_pages_and_base_html_no_record_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defect: the theme's digest was in every cache entry's key, so any template edit read and
    checked every record again, recomputed every memo table (search terms, lemmas, QR codes,
    Markdown, open data rows) and rendered every page: at 1,000 services a template edit cost
    more than a full build. Now an edit of provider.html renders the provider pages (in every
    language) and nothing else; an edit of base.html renders every HTML page but takes every
    record and memo entry from the cache."""
    content, theme, cache = copy_mini(tmp_path / "content"), tmp_path / "theme", tmp_path / "c"
    shutil.copytree(ROOT / "themes" / "cus", theme)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    work = spy_on_work(monkeypatch)
    build(content, tmp_path / "site", theme, cache, workers=1)
    every_page = set(work["pages"])
    providers = {name for name in every_page if PROVIDER_PAGE.fullmatch(name)}
    assert {name[:3] for name in providers} == {"rea", "uk/", "en/"}, "a provider page a language"
    assert work["records"] and work["memo"], "the first build reads and computes everything"

    apply(("template", "provider.html", "Nowy szablon"), content, theme, 0)
    work.update(pages=[], records=[], memo=[])
    built = build(content, tmp_path / "site", theme, cache, workers=1)
    assert sorted(work["pages"]) == sorted(providers)
    assert all(b"Nowy szablon" in built[name] for name in providers)
    assert work["records"] == [] and record_work(work) == []
    assert pages_read_again(work) <= set(work["pages"]), "a page left as it was is not read"

    apply(("template", "base.html", "Nowa stopka"), content, theme, 1)
    work.update(pages=[], records=[], memo=[])
    built = build(content, tmp_path / "site", theme, cache, workers=1)
    html = {name for name in every_page if name.endswith(".html")}
    assert set(work["pages"]) == html, "every HTML page, no JSON made by a template of its own"
    assert html < every_page
    assert b"Nowa stopka" in built["uslugi/porada-prawna/index.html"]
    assert work["records"] == [], "no record is read and checked again"
    assert record_work(work) == [], "no search term, lemma, QR code, Markdown or open data row"


def test_a_compiled_pattern_has_a_stable_fingerprint() -> None:
    """Defect: a compiled regular expression in a page's context (the eligibility check's
    condition patterns) had no fingerprint, so every build rendered the /sprawdz/ pages again."""
    pattern = Fingerprints().of(re.compile("zasił", re.IGNORECASE))
    assert pattern == Fingerprints().of(re.compile("zasił", re.IGNORECASE))
    assert pattern != Fingerprints().of(re.compile("zasił"))
    assert pattern != Fingerprints().of(re.compile("dodat", re.IGNORECASE))
