"""The rule that keeps browser tests steady on a busy machine: what a script changes is asserted
with Playwright's auto-waiting ``expect(...)``, never read once right after an action, and no
browser test waits a fixed time (issue 10, item 22: a notice shown a moment later failed)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
# Locator and page methods that read the page once instead of waiting for a state.
SNAPSHOTS = {
    "is_visible", "is_hidden", "is_checked", "is_enabled", "is_disabled", "is_editable",
    "inner_text", "inner_html", "text_content", "input_value", "get_attribute",
    "all_inner_texts", "all_text_contents",
}  # fmt: skip
# Reading these without arguments is a snapshot too (str.count and list.count take one).
SNAPSHOTS_WITHOUT_ARGUMENTS = {"count", "content"}
# Measurements: read into a name once the page is waited for, never inside an assert.
EVALUATIONS = {
    "evaluate", "evaluate_all", "eval_on_selector", "eval_on_selector_all", "bounding_box",
}  # fmt: skip
BROWSER_FIXTURES = {"browser", "page"}


def snapshot_name(node: ast.AST, with_evaluate: bool) -> str | None:
    """The snapshot method a call node reads the page with, if it is one."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    name = node.func.attr
    if name in SNAPSHOTS or (with_evaluate and name in EVALUATIONS):
        return name
    if name in SNAPSHOTS_WITHOUT_ARGUMENTS and not node.args and not node.keywords:
        return name
    return None


def is_browser_module(tree: ast.Module) -> bool:
    """Marked ``browser``, a test in it takes the ``browser`` or ``page`` fixture, or it
    imports Playwright (a helper of browser tests)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "browser":
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("playwright"):
            return True
    return bool(browser_tests(tree))


def parametrized(function: ast.FunctionDef) -> set[str]:
    """Argument names a ``parametrize`` decorator fills (a ``page`` there is no fixture)."""
    names: set[str] = set()
    for decorator in function.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "parametrize"
            and decorator.args
        ):
            argnames = ast.literal_eval(decorator.args[0])
            if isinstance(argnames, str):
                argnames = argnames.split(",")
            names |= {name.strip() for name in argnames}
    return names


def browser_tests(tree: ast.Module) -> list[ast.FunctionDef]:
    """Test functions that take the ``browser`` or ``page`` fixture."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("test_")
        and BROWSER_FIXTURES & ({argument.arg for argument in node.args.args} - parametrized(node))
    ]


def snapshot_assertions(tree: ast.Module) -> list[str]:
    """``assert`` statements that read the page once, directly or through a variable."""
    problems = []
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        read_once = {
            target.id: snapshot_name(node.value, with_evaluate=False)
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name) and snapshot_name(node.value, with_evaluate=False)
        }
        for node in (n for n in ast.walk(function) if isinstance(n, ast.Assert)):
            for part in ast.walk(node.test):
                name = snapshot_name(part, with_evaluate=True)
                if name is None and isinstance(part, ast.Name) and part.id in read_once:
                    name = f"{read_once[part.id]}() via {part.id}"
                if name:
                    problems.append(f"line {node.lineno}: assert on {name}")
    return problems


def fixed_waits(tree: ast.Module) -> list[str]:
    """Calls that wait a fixed time instead of waiting for a condition."""
    return [
        f"line {node.lineno}: {node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (
                isinstance(node.func, ast.Attribute)
                and node.func.attr in ("wait_for_timeout", "sleep")
            )
            or (isinstance(node.func, ast.Name) and node.func.id == "sleep")
        )
    ]


def promise_conditions(tree: ast.Module) -> list[str]:
    """``wait_for_function`` with an async function: its promise is truthy, so it never waits."""
    return [
        f"line {node.lineno}: wait_for_function(async …)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "wait_for_function"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and str(node.args[0].value).lstrip().startswith("async")
    ]


def problems_of(tree: ast.Module) -> list[str]:
    """Every way a browser test can read the page too early or wait a fixed time."""
    return snapshot_assertions(tree) + fixed_waits(tree) + promise_conditions(tree)


def browser_modules() -> list[Path]:
    """Test modules and helpers that drive Chromium (this guard itself excepted)."""
    return [
        path
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != Path(__file__).name
        and is_browser_module(ast.parse(path.read_text(encoding="utf-8")))
    ]


def test_the_guard_finds_browser_modules():
    names = {path.name for path in browser_modules()}
    assert {"test_offline_worker.py", "test_search_browser.py", "test_kiosk_mode.py"} <= names
    assert "test_validation.py" not in names


@pytest.mark.parametrize("path", browser_modules(), ids=lambda path: path.name)
def test_browser_tests_assert_with_expect_and_never_sleep(path: Path):
    problems = problems_of(ast.parse(path.read_text(encoding="utf-8")))
    assert not problems, (
        f"{path.name}: use expect(locator).to_be_visible()/to_have_text()/to_have_count()/…"
        " or page.wait_for_function(condition) instead:\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("path", browser_modules(), ids=lambda path: path.name)
def test_browser_tests_are_marked_browser(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_marked = any(
        isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets)
        and "browser" in ast.unparse(node.value)
        for node in tree.body
    )
    unmarked = [
        function.name
        for function in browser_tests(tree)
        if not module_marked
        and not any("mark.browser" in ast.unparse(d) for d in function.decorator_list)
    ]
    assert not unmarked, f"{path.name}: mark with pytest.mark.browser: {unmarked}"


# Built from parts, so that no line of this file reads as the snapshot assertion it forbids.
ASSERT_ON_PARAGRAPH = "assert page.locator('p')."
BAD_EXAMPLES = {
    ASSERT_ON_PARAGRAPH + "is_visible()": "is_visible",
    ASSERT_ON_PARAGRAPH.replace("assert", "assert not") + "count()": "count",
    "text = page.locator('p').inner_text()\nassert 'x' in text": "inner_text() via text",
    "assert page.evaluate('1') == 1": "evaluate",
    "page.wait_for_timeout(500)": "wait_for_timeout",
    "time.sleep(0.5)": "sleep",
    "page.wait_for_function('async () => false')": "wait_for_function(async",
}


@pytest.mark.parametrize("source", list(BAD_EXAMPLES), ids=list(BAD_EXAMPLES.values()))
def test_the_guard_catches_snapshots_and_sleeps(source: str):
    tree = ast.parse(
        "def test_x(page):\n" + "".join(f"    {line}\n" for line in source.split("\n"))
    )
    problems = problems_of(tree)
    assert len(problems) == 1 and BAD_EXAMPLES[source] in problems[0], problems


def test_the_guard_lets_waiting_assertions_and_plain_counts_pass():
    source = (
        "def test_x(page):\n"
        "    expect(page.locator('p')).to_be_visible()\n"
        "    html = 'id=a id=a'\n"
        "    assert html.count('id=a') == 2\n"
        "    size = page.evaluate('1')\n"
        "    assert size == 1\n"
        "    page.wait_for_function('() => document.title')\n"
    )
    assert problems_of(ast.parse(source)) == []
