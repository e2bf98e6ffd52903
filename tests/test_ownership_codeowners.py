"""katalog codeowners: written from the maintainers; --check fails when the file is stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from katalog.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit code and output of a katalog command."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_codeowners_lists_each_record_with_its_maintainers_and_the_editors(tmp_path, capsys):
    target = tmp_path / "CODEOWNERS"
    code, _output = run(
        "codeowners",
        "--content", str(FIXTURE),
        "--output", str(target),
        "--editors", "redakcja-cus",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0
    lines = [line for line in target.read_text().splitlines() if line and not line.startswith("#")]
    folder = "/" + str(FIXTURE).strip("/")
    assert lines == [
        "* @redakcja-cus",
        f"{folder}/providers/fundacja-pomocna-dlon.yaml @pomocna-dlon @redakcja-cus",
        f"{folder}/services/porada-prawna.yaml @pomocna-dlon @redakcja-cus",
        f"{folder}/services/zlota-raczka.yaml @pomocna-dlon @redakcja-cus",
    ]


def test_check_fails_when_a_maintainer_changes_and_passes_after_regenerating(
    tmp_path, capsys, monkeypatch
):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    target = tmp_path / "CODEOWNERS"
    args = ["--content", "content", "--output", str(target), "--editors", "redakcja-cus"]
    monkeypatch.chdir(tmp_path)
    assert run("codeowners", *args, capsys=capsys)[0] == 0
    assert run("codeowners", "--check", *args, capsys=capsys)[0] == 0
    provider = content / "providers" / "fundacja-pomocna-dlon.yaml"
    provider.write_text(
        provider.read_text().replace("[pomocna-dlon]", "[pomocna-dlon, nowy-opiekun]")
    )
    code, output = run("codeowners", "--check", *args, capsys=capsys)
    assert code == 1
    assert "jest nieaktualny: uruchom `katalog codeowners`" in output
    assert run("codeowners", *args, capsys=capsys)[0] == 0
    assert "/content/services/zlota-raczka.yaml @pomocna-dlon @nowy-opiekun @redakcja-cus" in (
        target.read_text()
    )
    assert run("codeowners", "--check", *args, capsys=capsys)[0] == 0


def test_the_repository_codeowners_is_up_to_date(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, output = run("codeowners", "--check", capsys=capsys)
    assert code == 0, output
