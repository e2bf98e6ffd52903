"""The seam every feature joins the build through (issue 11): typed settings checked once,
every feature's problems in `katalog validate`, a site's own feature, progress, no hidden state."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest
from sitekit import FIXTURES, ROOT, run_katalog, run_pelican

from cus_catalogue import progress

PLUGIN = ROOT / "plugins" / "cus_catalogue"
MUTATORS = {"append", "extend", "insert", "update", "setdefault", "pop", "popitem", "clear",
            "add", "discard", "remove"}  # fmt: skip


def settings_file(tmp_path: Path, lines: str) -> Path:
    """A site's settings: the development ones plus ``lines``."""
    path = tmp_path / "siteconf.py"
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n{lines}",
        encoding="utf-8",
    )
    return path


def test_an_unknown_catalogue_setting_is_a_warning_naming_the_close_one(tmp_path):
    conf = settings_file(tmp_path, "CATALOGUE_STALE_MONHTS = 6\n")
    result = run_katalog("validate", str(FIXTURES / "mini"), "--settings", str(conf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"{conf}:4: ostrzeżenie: CATALOGUE_STALE_MONHTS: nieznane ustawienie "
        "„CATALOGUE_STALE_MONHTS” (literówka?); czy chodziło o CATALOGUE_STALE_MONTHS?"
    ) in result.stdout
    build = run_pelican(FIXTURES / "mini", tmp_path / "out", conf)
    assert build.returncode == 0
    assert "czy chodziło o CATALOGUE_STALE_MONTHS?" in build.stdout + build.stderr


def test_a_setting_of_the_wrong_type_stops_validate_and_build_with_its_line(tmp_path):
    conf = settings_file(tmp_path, "CATALOGUE_FEED_LENGTH = 'dużo'\n")
    result = run_katalog("validate", str(FIXTURES / "mini"), "--settings", str(conf))
    assert result.returncode == 1
    assert f"{conf}:4: CATALOGUE_FEED_LENGTH: ustawienie ma wartość" in result.stderr
    build = run_pelican(FIXTURES / "mini", tmp_path / "out", conf)
    assert build.returncode == 1
    assert "CATALOGUE_FEED_LENGTH: ustawienie ma wartość" in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr


def example_feature_source() -> str:
    """The example feature of docs/architecture.md, as a newcomer would copy it."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("### An example feature", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_documented_example_feature_joins_a_build_and_validate(tmp_path):
    package = tmp_path / "my_site"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "features.py").write_text(example_feature_source(), encoding="utf-8")
    content = tmp_path / "content"
    import shutil

    shutil.copytree(FIXTURES / "mini", content)
    service = content / "services" / "porada-prawna.yaml"
    text = service.read_text(encoding="utf-8")
    name = re.search(r"^name: (.*)$", text, re.M).group(1)
    service.write_text(re.sub(r"^summary: .*$", f"summary: {name}.", text, flags=re.M), "utf-8")
    conf = settings_file(
        tmp_path,
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "CATALOGUE_EXTRA_FEATURES = ['my_site.features:FreeServices']\n",
    )
    validate = run_katalog("validate", str(content), "--settings", str(conf))
    assert validate.returncode == 0
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("summary:")))
    assert f"porada-prawna.yaml:{line + 1}: ostrzeżenie: summary: the summary only repeats" in (
        validate.stdout
    )
    build = run_pelican(content, tmp_path / "out", conf)
    assert build.returncode == 0, build.stdout + build.stderr
    page = (tmp_path / "out" / "bezplatne" / "index.html").read_text(encoding="utf-8")
    assert "/uslugi/porada-prawna/" in page  # the free service of the mini catalogue
    assert "/uslugi/zlota-raczka/" not in page  # the paid one


def test_a_site_feature_that_cannot_be_imported_is_a_clear_settings_error(tmp_path):
    conf = settings_file(tmp_path, "CATALOGUE_EXTRA_FEATURES = ['nie_ma.takiego:Modulu']\n")
    build = run_pelican(FIXTURES / "mini", tmp_path / "out", conf)
    assert build.returncode == 1
    assert "CATALOGUE_EXTRA_FEATURES: ustawienie ma wartość" in build.stdout + build.stderr
    assert "nie_ma.takiego:Modulu" in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr


def test_long_steps_print_plain_progress_lines_when_not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(progress, "QUIET_SECONDS", 0.0)
    monkeypatch.setattr(progress, "LINE_EVERY_SECONDS", 0.0)
    stream = io.StringIO()
    reporter = progress.Progress(stream, interactive=False)
    assert list(reporter.track(range(3), "Strony usług", 3)) == [0, 1, 2]
    with reporter.step("Indeks wyszukiwarki"):
        pass
    assert stream.getvalue().splitlines() == [
        "Strony usług: 1 z 3",
        "Strony usług: 2 z 3",
        "Strony usług: 3 z 3",
        "Indeks wyszukiwarki…",
    ]


def test_short_builds_stay_quiet():
    stream = io.StringIO()
    reporter = progress.Progress(stream, interactive=False)
    list(reporter.track(range(100), "Strony usług", 100))
    with reporter.step("Indeks wyszukiwarki"):
        pass
    assert stream.getvalue() == ""


def plugin_modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PLUGIN.rglob("*.py"))]


def test_no_feature_module_keeps_module_level_mutable_state():
    """A module-level dict, list or set that functions change is state shared by every build
    in the process (it was how publishing handed the sitemap its dates)."""
    found = []
    for path, tree in plugin_modules():
        mutable = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            and isinstance(node.value, ast.Dict | ast.List | ast.Set)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{path.name}:{node.lineno}: global")
            changed = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name):
                    changed = node.func.value.id
            elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store | ast.Del):
                changed = node.value.id if isinstance(node.value, ast.Name) else None
            if changed in mutable:
                found.append(f"{path.relative_to(PLUGIN)}:{node.lineno}: {changed}")
    assert not found, found


@pytest.mark.parametrize("rule", ["SystemExit subclass", "getattr on a generator"])
def test_no_hidden_ways_around_the_seam(rule):
    found = []
    for path, tree in plugin_modules():
        for node in ast.walk(tree):
            if rule == "SystemExit subclass" and isinstance(node, ast.ClassDef):
                bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
                if "SystemExit" in bases:
                    found.append(f"{path.name}:{node.lineno}: {node.name}")
            if (
                rule == "getattr on a generator"
                and isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "hasattr")
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id == "generator"
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found
