"""check-changes on a real git repository: maintainers may change their provider's records only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gitrepo import git

from katalog.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"


def commit(repo: Path, message: str) -> None:
    """Commit everything in the work tree."""
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A clone-like repository on ``main``: the mini catalogue plus a second provider."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root / "content")
    first = root / "content" / "providers" / "fundacja-pomocna-dlon.yaml"
    second = root / "content" / "providers" / "stowarzyszenie-inne.yaml"
    second.write_text(
        first.read_text(encoding="utf-8")
        .replace("Fundacja Pomocna Dłoń", "Stowarzyszenie Inne")
        .replace(
            "maintainers: [pomocna-dlon]", "maintainers: [inne-stowarzyszenie, Wspolny-Login]"
        ),
        encoding="utf-8",
    )
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "maintainers: [pomocna-dlon]", "maintainers: [pomocna-dlon, wspolny-login]"
        ),
        encoding="utf-8",
    )
    (root / "pelicanconf.py").write_text('CATALOGUE_EDITORS = ["redakcja-cus"]\n', encoding="utf-8")
    (root / "README.md").write_text("Katalog\n", encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit(root, "Catalogue")
    git(root, "checkout", "--quiet", "-b", "change")
    return root


def edit(repo: Path, relative: str, old: str, new: str) -> None:
    """Replace text in a file of the repository."""
    path = repo / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(repo: Path, author: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Exit code and everything printed by ``katalog check-changes``."""
    code = main(["check-changes", "--repo", str(repo), "--author", author, "--base", "main"])
    out = capsys.readouterr()
    return code, out.out + out.err


def allowed(repo: Path, author: str, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``katalog check-changes`` printed when it let the author's change through."""
    code, output = check(repo, author, capsys)
    assert code == 0, output
    return output


def refused(repo: Path, author: str, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``katalog check-changes`` printed when it refused the author's change."""
    code, output = check(repo, author, capsys)
    assert code == 1, output
    return output


SERVICE = "content/services/zlota-raczka.yaml"


def test_maintainer_of_the_provider_may_change_its_service(repo, capsys):
    edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    commit(repo, "Update a service")
    output = allowed(repo, "pomocna-dlon", capsys)
    assert "pomocna-dlon ma prawo zmieniać 1 zmieniony plik." in output


def test_someone_else_is_refused_and_the_file_is_named(repo, capsys):
    edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    commit(repo, "Update a service")
    output = refused(repo, "inne-stowarzyszenie", capsys)
    assert (
        f"{SERVICE}: inne-stowarzyszenie nie jest redaktorem rekordów realizatora "
        "„fundacja-pomocna-dlon” (redaktorzy: pomocna-dlon, wspolny-login)"
    ) in output
    assert "inne-stowarzyszenie nie może zmienić 1 pliku" in output


def test_centre_editors_may_change_everything(repo, capsys):
    edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    edit(repo, "README.md", "Katalog", "Katalog usług")
    commit(repo, "Editor's changes")
    allowed(repo, "Redakcja-CUS", capsys)


def test_moving_a_service_needs_both_the_old_and_the_new_provider(repo, capsys):
    edit(repo, SERVICE, "provider: fundacja-pomocna-dlon", "provider: stowarzyszenie-inne")
    commit(repo, "Move a service to another provider")
    output = refused(repo, "pomocna-dlon", capsys)
    assert "realizatora „stowarzyszenie-inne”" in output
    output = refused(repo, "inne-stowarzyszenie", capsys)
    assert "realizatora „fundacja-pomocna-dlon”" in output
    # Listed for both providers (logins compare without regard to case).
    allowed(repo, "WSPOLNY-login", capsys)


def test_maintainers_are_read_from_the_base_so_a_change_cannot_grant_itself(repo, capsys):
    edit(
        repo,
        "content/providers/fundacja-pomocna-dlon.yaml",
        "maintainers: [pomocna-dlon, wspolny-login]",
        "maintainers: [pomocna-dlon, wspolny-login, intruz]",
    )
    edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    commit(repo, "Add myself")
    output = refused(repo, "intruz", capsys)
    assert "content/providers/fundacja-pomocna-dlon.yaml: intruz nie jest redaktorem" in output
    assert f"{SERVICE}: intruz nie jest redaktorem" in output


def test_editors_are_read_from_the_base_too(repo, capsys):
    edit(repo, "pelicanconf.py", '"redakcja-cus"', '"redakcja-cus", "intruz"')
    edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    commit(repo, "Make me an editor")
    output = refused(repo, "intruz", capsys)
    assert "pelicanconf.py: pliki inne niż rekordy może zmieniać tylko redakcja centrum" in output


def test_files_outside_the_records_are_for_editors(repo, capsys):
    edit(repo, "README.md", "Katalog", "Katalog usług")
    commit(repo, "Edit the readme")
    output = refused(repo, "pomocna-dlon", capsys)
    assert "README.md: pliki inne niż rekordy może zmieniać tylko redakcja centrum" in output


def test_new_service_and_deleted_service_of_own_provider_are_allowed(repo, capsys):
    source = repo / SERVICE
    shutil.copy(source, repo / "content" / "services" / "nowa-usluga.yaml")
    (repo / "content" / "services" / "porada-prawna.yaml").unlink()
    commit(repo, "Add one service, remove another")
    output = allowed(repo, "pomocna-dlon", capsys)
    assert "wszystkie 2 zmienione pliki" in output


def test_a_new_provider_is_added_by_the_editors(repo, capsys):
    shutil.copy(
        repo / "content" / "providers" / "fundacja-pomocna-dlon.yaml",
        repo / "content" / "providers" / "nowa-fundacja.yaml",
    )
    commit(repo, "New provider")
    output = refused(repo, "pomocna-dlon", capsys)
    assert "realizatora „nowa-fundacja” nie ma jeszcze w katalogu" in output
    allowed(repo, "redakcja-cus", capsys)


def test_only_changes_since_the_branch_left_the_base_count(repo, capsys):
    edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    commit(repo, "Update a service")
    git(repo, "checkout", "--quiet", "main")
    edit(repo, "README.md", "Katalog", "Katalog usług")
    commit(repo, "Meanwhile on main")
    git(repo, "checkout", "--quiet", "change")
    allowed(repo, "pomocna-dlon", capsys)


def test_an_unknown_base_is_a_plain_message(repo, capsys):
    code = main(["check-changes", "--repo", str(repo), "--author", "x", "--base", "nie-ma"])
    assert code == 1
    assert "nie udało się porównać zmian programem git" in capsys.readouterr().err


def meanwhile_on_main(repo: Path, relative: str, old: str, new: str) -> None:
    """A change on the base branch after the pull request's branch left it."""
    git(repo, "checkout", "--quiet", "main")
    edit(repo, relative, old, new)
    commit(repo, "Meanwhile on main")
    git(repo, "checkout", "--quiet", "change")


@pytest.mark.parametrize(
    ("changed", "base_file", "old", "new", "author", "refusal"),
    [
        (
            SERVICE,
            "content/providers/fundacja-pomocna-dlon.yaml",
            "maintainers: [pomocna-dlon, wspolny-login]",
            "maintainers: [wspolny-login]",
            "pomocna-dlon",
            f"{SERVICE}: pomocna-dlon nie jest redaktorem rekordów realizatora "
            "„fundacja-pomocna-dlon” (redaktorzy: wspolny-login)",
        ),
        (
            "README.md",
            "pelicanconf.py",
            '"redakcja-cus"',
            '"nowa-redakcja"',
            "redakcja-cus",
            "README.md: pliki inne niż rekordy może zmieniać tylko redakcja centrum",
        ),
    ],
    ids=["maintainer", "editor"],
)
def test_defect_20_rights_are_read_at_the_tip_of_the_base_not_the_merge_base(
    repo, capsys, changed, base_file, old, new, author, refusal
):
    """A right the base branch took away after the branch left it no longer counts."""
    if changed == SERVICE:
        edit(repo, SERVICE, "last_verified:", "keywords: [naprawy]\nlast_verified:")
    else:
        edit(repo, changed, "Katalog", "Katalog usług")
    commit(repo, "A change")
    meanwhile_on_main(repo, base_file, old, new)
    code, output = check(repo, author, capsys)
    assert (code, refusal in output) == (1, True), output


@pytest.mark.parametrize("author", ["pomocna-dlon", "redakcja-cus"])
def test_defect_17_a_record_replaced_by_a_symlink_is_refused_for_everyone(repo, capsys, author):
    (repo / SERVICE).unlink()
    (repo / SERVICE).symlink_to("/etc/passwd")
    commit(repo, "Replace a record by a link")
    code, output = check(repo, author, capsys)
    link = f"{SERVICE}: dowiązanie symboliczne jest tu niedozwolone: rekordy to zwykłe pliki"
    assert (code, link in output) == (1, True), output
