"""Issue 10, defect 21: the pull-request workflow decides permissions with the base's code.

A real repository holds the project's code and the mini catalogue; a pull request weakens
``katalog/ownership.py`` (every change allowed) and edits a record its author does not
maintain. The workflow's ``ownership`` job is run step by step as GitHub would run it: its
checkout (the base commit), its fetch of the pull request and its check command, verbatim.
Only the install step is stood in for: instead of ``pip install .`` into a new environment,
the same checkout is put first on ``PYTHONPATH`` (this test's environment has the packages).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from gitrepo import GIT_ENV, git

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "catalogue.yml"
FIXTURE = ROOT / "tests" / "fixtures" / "mini"
SERVICE = "content/services/zlota-raczka.yaml"
WEAKENED = """

_checked = check_changes


def check_changes(*args, **kwargs):  # the pull request's "fix": nobody is ever refused
    paths, _refusals = _checked(*args, **kwargs)
    return paths, []
"""


def job() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["ownership"]


def step(name_part: str) -> dict:
    return next(s for s in job()["steps"] if name_part in s.get("name", ""))


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """The project on ``main`` (code and the mini catalogue); the pull request on refs/pull/7."""
    repo = tmp_path / "origin"
    for folder in ("katalog", "plugins"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE, repo / "content")
    (repo / "pelicanconf.py").write_text('CATALOGUE_EDITORS = ["redakcja-cus"]\n', "utf-8")
    git(repo.parent, "init", "--quiet", "--initial-branch=main", str(repo))
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "Catalogue")
    git(repo, "checkout", "--quiet", "-b", "weaken")
    with (repo / "katalog" / "ownership.py").open("a", encoding="utf-8") as module:
        module.write(WEAKENED)
    record = repo / SERVICE
    record.write_text(record.read_text("utf-8").replace("unit: godzina", "unit: dzień"), "utf-8")
    git(repo, "commit", "--quiet", "--all", "-m", "Allow everything, change a service")
    git(repo, "update-ref", "refs/pull/7/head", "weaken")
    git(repo, "checkout", "--quiet", "main")
    return repo


def run_step(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=cwd,
        env={**os.environ, **GIT_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def installed_from(checkout: Path, folder: Path) -> Path:
    """A ``katalog`` command running the code of ``checkout`` (the stand-in for pip install)."""
    command = folder / "katalog"
    command.write_text(
        f"#!/bin/sh\nPYTHONPATH={checkout}:{checkout}/plugins exec {sys.executable} -P -m katalog "
        '"$@"\n',
        encoding="utf-8",
    )
    command.chmod(0o755)
    return command


def test_the_job_checks_out_and_installs_the_base_only() -> None:
    checkout = next(s for s in job()["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert "path" not in checkout["with"]  # the base is the working tree everything runs from
    assert step("Install")["run"].endswith('pip" install .')
    assert "pull_request.head" not in WORKFLOW.read_text(encoding="utf-8").split("records:")[0]


def test_defect_21_a_pull_request_that_weakens_the_check_is_still_refused(
    origin: Path, tmp_path: Path
) -> None:
    base_sha = git(origin, "rev-parse", "main").strip()
    workspace = tmp_path / "workspace"
    git(tmp_path, "clone", "--quiet", str(origin), str(workspace))
    git(workspace, "checkout", "--quiet", base_sha)  # actions/checkout with ref: base.sha
    katalog = installed_from(workspace, tmp_path)
    fetched = run_step(step("Fetch")["run"], workspace, {"PR_NUMBER": "7"})
    assert fetched.returncode == 0, fetched.stderr
    check = step("Who may change what")
    env = {"KATALOG": str(katalog), "AUTHOR": "inne-stowarzyszenie", "BASE": base_sha}
    result = run_step(check["run"], workspace, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"{SERVICE}: inne-stowarzyszenie nie jest redaktorem rekordów realizatora „fundacja-pomocna-dlon”"
    ) in result.stderr
    # The pull request's own code would have let it through: the job must not run it.
    pull_request = tmp_path / "pull-request"
    git(tmp_path, "clone", "--quiet", "--branch", "weaken", str(origin), str(pull_request))
    (tmp_path / "own").mkdir()
    env["KATALOG"] = str(installed_from(pull_request, tmp_path / "own"))
    assert run_step(check["run"], workspace, env).returncode == 0
